#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A temporary file for run state spilled to disk (duplicate-rule keys, plan-link candidates), read and written at
/// explicit offsets.
///
/// It is created in `$TMPDIR` (or `/tmp`) and unlinked at once, so it never shows up in a folder and disappears
/// when it is closed, however the process ends.
public final class ScratchFile {
    private let descriptor: Int32
    /// Bytes written so far by `append`.
    public private(set) var size = 0

    /// Opens a new scratch file; nil when no temporary file can be created.
    public init?() {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/katalog-scratch-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends `bytes` at the end; false when the disk refuses them.
    public func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(size + offset))
            if result <= 0 { return false }
            offset += result
        }
        size += bytes.count
        return true
    }

    /// Fills `buffer` from `offset`; false when fewer bytes could be read.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if result <= 0 { return false }
            done += result
        }
        return true
    }
}

/// Length-prefixed string records appended to a `ScratchFile` through a buffer, then read back in order.
public final class ScratchLog {
    private let file: ScratchFile
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16
    /// False once a write failed; the records after the failure are lost and the caller should say so.
    public private(set) var isComplete = true
    public private(set) var count = 0

    /// A new, empty log; nil when no scratch file can be created.
    public init?() {
        guard let file = ScratchFile() else { return nil }
        self.file = file
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Appends one record of fields (a nil field is kept apart from an empty one).
    public func append(_ fields: [String?]) {
        guard isComplete else { return }
        // The bytes go into a local array swapped in and out: every access to a class's stored array is checked for
        // exclusivity at run time (eight checks a record, on the pipeline's serial thread, where this runs).
        var bytes: [UInt8] = []
        swap(&bytes, &buffer)
        bytes.append(UInt8(clamping: fields.count))
        for field in fields {
            guard let field else {
                bytes.append(contentsOf: repeatElement(0xFF, count: 4))
                continue
            }
            // No closure: a local captured by one is checked for exclusive access at run time too.
            let length = UInt32(clamping: field.utf8.count)
            for shift in stride(from: UInt32(0), to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: length >> shift)) }
            bytes.append(contentsOf: field.utf8)
        }
        swap(&bytes, &buffer)
        count += 1
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Calls `body` with each record in the order appended.
    public func forEach(_ body: ([String?]) -> Void) {
        flush()
        guard isComplete else { return }
        var reader = Reader(file: file)
        while let record = reader.next() { body(record) }
    }

    private func flush() {
        guard isComplete, !buffer.isEmpty else { return }
        if !buffer.withUnsafeBytes({ file.append($0) }) { isComplete = false }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Reads records back through a window of the file.
    private struct Reader {
        let file: ScratchFile
        var window: [UInt8] = []
        var position = 0
        var fileOffset = 0

        init(file: ScratchFile) { self.file = file }

        mutating func next() -> [String?]? {
            guard let fieldCount = take(1)?.first else { return nil }
            var fields: [String?] = []
            for _ in 0..<Int(fieldCount) {
                guard let lengthBytes = take(4) else { return nil }
                let length = lengthBytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
                if length == 0xFFFF_FFFF {
                    fields.append(nil)
                } else {
                    guard let bytes = take(Int(length)) else { return nil }
                    fields.append(String(decoding: bytes, as: UTF8.self))
                }
            }
            return fields
        }

        /// The next `count` bytes, refilling the window from the file as needed.
        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            if window.count - position < count {
                let remaining = Array(window[position...])
                let available = file.size - fileOffset
                let refill = min(available, max(ScratchLog.bufferSize, count))
                var fresh = [UInt8](repeating: 0, count: refill)
                if refill > 0 {
                    guard fresh.withUnsafeMutableBytes({ file.read(into: $0, at: fileOffset) }) else { return nil }
                }
                fileOffset += refill
                window = remaining + fresh
                position = 0
                guard window.count >= count else { return nil }
            }
            defer { position += count }
            return window[position..<(position + count)]
        }
    }
}
