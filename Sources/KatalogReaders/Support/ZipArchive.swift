import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A zip archive's table of contents (`feed.zip`: Google Merchant takes a zipped feed, and shops mail their exports
/// zipped), read from its central directory, and each member's data re-framed as a gzip stream, so the one gzip
/// decompressor (`CompressedFile`) reads zip members too: a zip member is raw DEFLATE data (RFC 1951) with a CRC-32,
/// which is what a gzip member (RFC 1952) holds between its header and its trailer. Stored members become DEFLATE
/// stored blocks, so their CRC-32 is checked in the same way. No second C library is wrapped.
///
/// Only what a feed needs is read: one-disk archives, members stored or deflated, zip64 sizes and offsets. An
/// encrypted member, or one compressed otherwise (bzip2, LZMA, zstd), is listed with the reason it cannot be read.
public struct ZipArchive: Sendable {
    /// One file in the archive, as its central directory describes it.
    public struct Member: Sendable, Hashable {
        /// The member's path in the archive, as stored (UTF-8 in most archives; code page 437 by default in old ones).
        public let nameBytes: [UInt8]
        /// The compression method: 0 stored, 8 deflated; others cannot be read.
        public let method: UInt16
        /// The general-purpose flags; bit 0 marks an encrypted member.
        public let flags: UInt16
        public let crc32: UInt32
        public let compressedSize: Int
        /// The size the central directory declares; the decompressed data must have it.
        public let uncompressedSize: Int
        /// Where the member's local header starts.
        public let localHeaderOffset: Int
        /// A folder (its name ends with `/`) or a symbolic link: nothing to read.
        public let isFolderOrLink: Bool

        /// Why the member cannot be read, or nil when it can.
        public var unreadableReason: String? {
            if flags & 1 != 0 { return "it is encrypted" }
            switch method {
            case 0, 8: return nil
            default:
                let names: [UInt16: String] = [9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "xz", 98: "PPMd"]
                return "it is compressed with zip method \(method)\(names[method].map { " (\($0))" } ?? ""); only stored and deflated members are read. Re-zip it with plain deflate, or unzip it and import the file"
            }
        }
    }

    /// Why an archive's table of contents cannot be read.
    public struct Unreadable: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// The central directory is read whole; this bounds the memory it takes.
    public static let maximumDirectorySize = 128 << 20

    /// A decompressed input may grow to this many times its compressed size, and always to `alwaysAllowed`: real
    /// feeds compress 5 to 50 times; a bomb of zeros, 1,000 times.
    public static let maximumRatio = 250
    public static let alwaysAllowed = 1 << 30

    /// The most bytes an input of `compressedSize` compressed bytes may decompress to.
    public static func decompressedLimit(compressedSize: Int) -> Int {
        max(alwaysAllowed, compressedSize.multipliedReportingOverflow(by: maximumRatio).partialValue)
    }

    /// The archive's members, in the order of its central directory.
    public let members: [Member]

    /// Whether a file that starts with `prefix` is a zip archive (a local file header, or the end record of an empty
    /// archive).
    public static func isArchive(prefix: some Collection<UInt8>) -> Bool {
        let head = Array(prefix.prefix(4))
        return head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06]
    }

    /// Reads the central directory of the archive at `path`. Throws `Unreadable` when the archive is cut short, spans
    /// several disks, or its members overlap (the shape of a zip bomb that reuses one compressed block many times).
    public init(path: String) throws {
        guard let file = RandomAccessFile(path: path) else {
            throw Unreadable(reason: "it cannot be opened (\(String(cString: strerror(errno))))")
        }
        let size = file.size
        // The end record: 22 bytes, then a comment of up to 65,535 bytes, so it is within the last 65,557 bytes.
        let tailStart = max(0, size - 65_557)
        let tail = try file.bytes(at: tailStart, count: size - tailStart)
        guard let endIndex = Self.lastEndRecord(in: tail) else {
            throw Unreadable(reason: "it has no zip end record: the archive is cut short or is not a zip archive")
        }
        var end = ByteReader(tail, at: endIndex + 4)
        let disk = end.u16(), directoryDisk = end.u16()
        _ = end.u16()
        var count = Int(end.u16())
        var directorySize = Int(end.u32()), directoryOffset = Int(end.u32())
        if disk != 0 || directoryDisk != 0 { throw Unreadable(reason: "it spans several disks (a split archive); join its parts first") }
        let endOffset = tailStart + endIndex
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // zip64: a locator just before the end record points at the zip64 end record.
            guard endOffset >= 20 else { throw Unreadable(reason: "its zip64 end record is missing") }
            var locator = ByteReader(try file.bytes(at: endOffset - 20, count: 20), at: 0)
            guard locator.u32() == 0x0706_4B50 else { throw Unreadable(reason: "its zip64 end record is missing") }
            _ = locator.u32()
            let recordOffset = locator.u64()
            guard recordOffset >= 0, recordOffset + 56 <= endOffset else { throw Unreadable(reason: "its zip64 end record is out of the file") }
            var record = ByteReader(try file.bytes(at: recordOffset, count: 56), at: 0)
            guard record.u32() == 0x0606_4B50 else { throw Unreadable(reason: "its zip64 end record is damaged") }
            record.skip(8 + 2 + 2 + 4 + 4 + 8)
            count = record.u64()
            directorySize = record.u64()
            directoryOffset = record.u64()
        }
        guard directorySize <= Self.maximumDirectorySize else {
            throw Unreadable(reason: "its central directory takes \(directorySize) bytes, more than the \(Self.maximumDirectorySize) read (about a million members); unzip it yourself to import it")
        }
        guard directoryOffset >= 0, directorySize >= 0, directoryOffset <= size, directorySize <= size - directoryOffset,
              count >= 0, count <= directorySize / 46 + 1 else {
            throw Unreadable(reason: "its central directory lies outside the file: the archive is cut short or damaged")
        }
        var directory = ByteReader(try file.bytes(at: directoryOffset, count: directorySize), at: 0)
        var members: [Member] = []
        members.reserveCapacity(count)
        for index in 0..<count {
            guard directory.remaining >= 46, directory.u32() == 0x0201_4B50 else {
                throw Unreadable(reason: "its central directory is damaged at entry \(index + 1) of \(count)")
            }
            let madeBy = directory.u16()
            _ = directory.u16()
            let flags = directory.u16(), method = directory.u16()
            directory.skip(4)
            let crc = directory.u32()
            var compressed = Int(directory.u32()), uncompressed = Int(directory.u32())
            let nameLength = Int(directory.u16()), extraLength = Int(directory.u16()), commentLength = Int(directory.u16())
            directory.skip(2 + 2)
            let external = directory.u32()
            var offset = Int(directory.u32())
            guard directory.remaining >= nameLength + extraLength + commentLength else {
                throw Unreadable(reason: "its central directory is damaged at entry \(index + 1) of \(count)")
            }
            let name = directory.take(nameLength)
            var extra = ByteReader(directory.take(extraLength), at: 0)
            directory.skip(commentLength)
            while extra.remaining >= 4 {
                let id = extra.u16(), length = Int(extra.u16())
                guard extra.remaining >= length else { break }
                guard id == 0x0001 else { extra.skip(length); continue }
                var zip64 = ByteReader(extra.take(length), at: 0)
                if uncompressed == 0xFFFF_FFFF, zip64.remaining >= 8 { uncompressed = zip64.u64() }
                if compressed == 0xFFFF_FFFF, zip64.remaining >= 8 { compressed = zip64.u64() }
                if offset == 0xFFFF_FFFF, zip64.remaining >= 8 { offset = zip64.u64() }
            }
            // A Unix-made member keeps its file mode in the high half of its external attributes.
            let isLink = madeBy >> 8 == 3 && (external >> 16) & 0o170000 == 0o120000
            members.append(Member(nameBytes: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
                                  uncompressedSize: uncompressed, localHeaderOffset: offset,
                                  isFolderOrLink: name.last == UInt8(ascii: "/") || isLink))
        }
        // Members lie one after another, before the central directory; overlapping ones share compressed data.
        var previousEnd = 0
        for member in members.sorted(by: { $0.localHeaderOffset < $1.localHeaderOffset }) {
            guard member.localHeaderOffset >= previousEnd, member.compressedSize >= 0, member.uncompressedSize >= 0 else {
                throw Unreadable(reason: "its members overlap: several names share the same compressed data, the shape of a zip bomb")
            }
            let (dataEnd, overflow) = member.localHeaderOffset.addingReportingOverflow(30 + member.nameBytes.count + member.compressedSize)
            guard !overflow, dataEnd <= directoryOffset else {
                throw Unreadable(reason: "a member's data runs past the start of the central directory: the archive is damaged")
            }
            previousEnd = dataEnd
        }
        self.members = members
    }

    /// Hands `body`, in pieces, a gzip stream holding `member`'s data from the archive at `path`: a gzip header, the
    /// member's DEFLATE data (a stored member's bytes in stored blocks), and a trailer with the CRC-32 and size the
    /// central directory declares, which the decompressor checks.
    public static func writeGzipStream(of member: Member, fromArchiveAt path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let file = RandomAccessFile(path: path) else {
            throw Unreadable(reason: "it cannot be opened (\(String(cString: strerror(errno))))")
        }
        var local = ByteReader(try file.bytes(at: member.localHeaderOffset, count: 30), at: 0)
        guard local.u32() == 0x0403_4B50 else { throw Unreadable(reason: "the local header of a member is damaged") }
        local.skip(2 + 2 + 2 + 4 + 4 + 4 + 4)
        let dataStart = member.localHeaderOffset + 30 + Int(local.u16()) + Int(local.u16())
        // Method 0 CM deflate, no flags, no time, no extra flags, OS unknown.
        let header: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF]
        try header.withUnsafeBytes(body)
        var position = dataStart
        let end = dataStart + member.compressedSize
        if member.method == 0 {
            // Stored blocks hold at most 65,535 bytes each; an empty member is one empty final block.
            repeat {
                let length = min(65_535, end - position)
                let final: UInt8 = position + length == end ? 1 : 0
                let header: [UInt8] = [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
                try header.withUnsafeBytes(body)
                try file.bytes(at: position, count: length).withUnsafeBytes(body)
                position += length
            } while position < end
        } else {
            while position < end {
                let length = min(1 << 20, end - position)
                try file.bytes(at: position, count: length).withUnsafeBytes(body)
                position += length
            }
        }
        var trailer: [UInt8] = []
        for value in [member.crc32, UInt32(truncatingIfNeeded: member.uncompressedSize)] {
            for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
        }
        try trailer.withUnsafeBytes(body)
    }

    /// The start of the last end-of-central-directory signature in `tail`.
    private static func lastEndRecord(in tail: [UInt8]) -> Int? {
        guard tail.count >= 22 else { return nil }
        var index = tail.count - 22
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 { return index }
            index -= 1
        }
        return nil
    }
}

/// A file read at given offsets (`pread`), for tables that sit at the end of a file.
private final class RandomAccessFile {
    private let descriptor: Int32
    let size: Int

    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { close(descriptor); return nil }
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Exactly `count` bytes at `offset`; throws when the file ends first.
    func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let result = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                throw ZipArchive.Unreadable(reason: result == 0 ? "it ends before its last member: the archive is cut short" : "reading it failed (\(String(cString: strerror(errno))))")
            }
            done += result
        }
        return bytes
    }
}

/// Little-endian fields read one after another; a read past the end gives zeros (callers check `remaining`).
private struct ByteReader {
    private let bytes: [UInt8]
    private var position: Int

    init(_ bytes: [UInt8], at position: Int) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { max(0, bytes.count - position) }

    mutating func skip(_ count: Int) { position += count }

    mutating func take(_ count: Int) -> [UInt8] {
        let start = min(position, bytes.count), end = min(position + count, bytes.count)
        position += count
        return Array(bytes[start..<end])
    }

    mutating func u16() -> UInt16 { UInt16(truncatingIfNeeded: little(2)) }
    mutating func u32() -> UInt32 { UInt32(truncatingIfNeeded: little(4)) }
    /// A 64-bit size or offset, as an `Int` (-1 when it does not fit, which the callers refuse).
    mutating func u64() -> Int {
        let value = little(8)
        return value > UInt64(Int.max) ? -1 : Int(value)
    }

    private mutating func little(_ width: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<width where position + index < bytes.count {
            value |= UInt64(bytes[position + index]) << UInt64(8 * index)
        }
        position += width
        return value
    }
}
