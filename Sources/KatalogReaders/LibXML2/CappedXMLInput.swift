import CLibXML2
import Foundation

/// The bytes of an XML file as libxml2 reads them, with every run of text between two `<` cut to `cap` bytes, so
/// one giant text node (a 32 MB description) can neither exceed libxml2's limits, and stop the parse before the
/// items after it, nor be held in memory. Constant memory: a run is passed on as it streams, and of the part past the
/// cap only its line breaks (so later line numbers stay right, at most `maximumKeptLineBreaks`) and its last
/// `tailLength` bytes (so a `]]>`, `-->` or an entity's end before the next tag survive) are kept.
///
/// The cut falls on a character boundary and never inside a character reference. Each cut is recorded with its
/// line and size for a diagnostic.
final class CappedXMLInput {
    /// Text runs longer than this are cut (the same cap as a CSV cell).
    static let cap = 1 << 20
    static let tailLength = 32
    static let maximumKeptLineBreaks = 1 << 20

    struct Cut: Sendable, Hashable {
        /// 1-based line where the cut text run starts (worked out after the parse, from `offset`).
        var line: Int
        /// Byte offset in the file where the run starts.
        var offset: Int
        /// Bytes of the run that were dropped.
        var droppedBytes: Int
    }

    private let descriptor: Int32
    private var chunk = [UInt8](repeating: 0, count: 256 * 1024)
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var endOfFile = false
    /// Bytes of the current run (since the last `<`) passed on so far, and whether the run is being dropped.
    private var runLength = 0
    private var dropping = false
    /// Bytes of the file consumed so far, and where the current run started.
    private var consumed = 0
    private var runStart = 0
    private var tail: [UInt8] = []
    private var droppedInRun = 0
    private var keptLineBreaks = 0
    private(set) var cuts: [Cut] = []

    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        pending.reserveCapacity(chunk.count + Self.tailLength)
    }

    /// The file from `resumption.offset` on, after `resumption.prolog` (passed on as it is): a feed read again
    /// from an item after libxml2 stopped (`XMLFeedResync`). Cuts keep the file's offsets.
    convenience init?(path: String, resumingAt resumption: XMLResumePoint) {
        self.init(path: path)
        guard lseek(descriptor, off_t(resumption.offset), SEEK_SET) == off_t(resumption.offset) else { return nil }
        pending = resumption.prolog
        consumed = resumption.offset
        runStart = resumption.offset
    }

    deinit { close(descriptor) }

    /// Fills `buffer` with up to `capacity` bytes; 0 at the end of the file.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        var written = 0
        while written < capacity {
            if pendingStart < pending.count {
                let count = min(capacity - written, pending.count - pendingStart)
                pending.withUnsafeBufferPointer { source in
                    (buffer + written).update(from: source.baseAddress! + pendingStart, count: count)
                }
                written += count
                pendingStart += count
                continue
            }
            guard !endOfFile else { break }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                endOfFile = true
                pending.removeAll(keepingCapacity: true)
                pendingStart = 0
                finishRun()
                continue
            }
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            filter(count: count)
            consumed += count
        }
        return written
    }

    /// Passes `chunk` on, segment by segment between `<`s (found with `memchr`). Runs that stay under the cap (all
    /// of them in a usual feed) are left in place with their `<`s and copied in one piece: copying each run and each
    /// `<` apart cost a few hundred instructions per tag, some 5 % of a Google feed's import.
    private func filter(count: Int) {
        chunk.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            /// Where the bytes passed on unchanged, and not yet copied, start.
            var unchangedStart = 0
            func passUnchanged(upTo end: Int) {
                if end > unchangedStart { pending.append(contentsOf: UnsafeBufferPointer(start: base + unchangedStart, count: end - unchangedStart)) }
                unchangedStart = end
            }
            var index = 0
            while index < count {
                var end = count
                if let found = memchr(UnsafeRawPointer(base + index), 0x3C, count - index) {
                    end = index + (UnsafeRawPointer(found) - UnsafeRawPointer(base + index))
                }
                if !dropping, runLength + (end - index) <= Self.cap {
                    // The run stays under the cap: unchanged, as is the `<` that ends it.
                    runLength += end - index
                    guard end < count else { break }
                    runLength = 0
                    runStart = consumed + end + 1
                    index = end + 1
                    continue
                }
                passUnchanged(upTo: index)
                if end > index { runBytes(UnsafeBufferPointer(start: base + index, count: end - index)) }
                unchangedStart = end
                guard end < count else { break }
                // `<` ends the run.
                finishRun()
                pending.append(0x3C)
                runLength = 0
                runStart = consumed + end + 1
                index = end + 1
                unchangedStart = index
            }
            passUnchanged(upTo: count)
        }
    }

    /// Bytes of the current run (no `<` among them).
    private func runBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        var rest = bytes
        if !dropping {
            let take = min(Self.cap - runLength, rest.count)
            let kept = UnsafeBufferPointer(rebasing: rest[..<take])
            pending.append(contentsOf: kept)
            runLength += take
            rest = UnsafeBufferPointer(rebasing: rest[take...])
            guard !rest.isEmpty else { return }
            startDropping()
        }
        droppedInRun += rest.count
        for byte in rest where byte == 0x0A {
            if keptLineBreaks < Self.maximumKeptLineBreaks {
                keptLineBreaks += 1
                pending.append(0x0A)
            }
        }
        tail.append(contentsOf: UnsafeBufferPointer(rebasing: rest[max(0, rest.count - Self.tailLength)...]))
        if tail.count > Self.tailLength * 4 { tail.removeFirst(tail.count - Self.tailLength) }
    }

    /// `cuts` with their lines, counted in the file at `path` up to each cut's offset (only run when there are cuts).
    static func withLines(_ cuts: [Cut], path: String) -> [Cut] {
        guard !cuts.isEmpty, let handle = FileHandle(forReadingAtPath: path) else { return cuts }
        defer { try? handle.close() }
        var result = cuts
        var line = 1, position = 0, next = 0
        while next < result.count, let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty {
            for byte in data {
                while next < result.count, result[next].offset <= position {
                    result[next].line = line
                    next += 1
                }
                if byte == 0x0A { line += 1 }
                position += 1
            }
        }
        while next < result.count { result[next].line = line; next += 1 }
        return result
    }

    /// The cap is reached: the bytes passed on so far end on a character boundary, outside a character reference.
    private func startDropping() {
        dropping = true
        droppedInRun = 0
        tail.removeAll(keepingCapacity: true)
        var keep = pending.count
        // Back off UTF-8 continuation bytes and a lead byte whose character is not complete.
        var back = 0
        while back < 4, keep - back - 1 >= 0, pending[keep - back - 1] & 0xC0 == 0x80 { back += 1 }
        if keep - back - 1 >= 0, pending[keep - back - 1] >= 0xC0 { keep -= back + 1 }
        // Back off an unfinished `&…` reference.
        if let ampersand = pending[max(0, keep - 12)..<keep].lastIndex(of: 0x26), !pending[ampersand..<keep].contains(0x3B) { keep = ampersand }
        let moved = pending.count - keep
        if moved > 0 {
            tail.append(contentsOf: pending[keep...])
            pending.removeLast(moved)
            droppedInRun += moved
        }
    }

    /// The run ends: a dropped run gives back its tail (from a character boundary, without a broken reference).
    private func finishRun() {
        guard dropping else { return }
        var start = max(0, tail.count - Self.tailLength)
        while start < tail.count, tail[start] & 0xC0 == 0x80 { start += 1 }
        if let semicolon = tail[start...].firstIndex(of: 0x3B), !tail[start..<semicolon].contains(0x26), tail[start..<semicolon].count < 12,
           tail[start..<semicolon].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x23 }) {
            // The tail starts inside a reference (`mp;`): drop that part too.
            start = semicolon + 1
        }
        // Line breaks already passed on stay out of the tail.
        let kept = tail[start...].filter { $0 != 0x0A }
        pending.append(contentsOf: kept)
        droppedInRun -= tail.count - start - (tail[start...].count - kept.count)
        cuts.append(Cut(line: 0, offset: runStart, droppedBytes: max(0, droppedInRun)))
        dropping = false
        tail.removeAll(keepingCapacity: true)
        droppedInRun = 0
    }
}
