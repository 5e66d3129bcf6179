import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An Excel workbook (`.xlsx`, Office Open XML) as the zip package it is: its parts by name, each decompressed on
/// demand into a temporary file that libxml2's streaming reader then reads with flat memory.
///
/// A part is decompressed by the same path as a zipped feed's member (re-framed as gzip, see `ZipArchive`), and no
/// further than the size the package declares for it, nor past 1 GiB or 250 times its compressed size: a part that
/// grows past that is refused as a decompression bomb, and a damaged one says how far it could be read.
struct XLSXPackage {
    /// Why a workbook, or a part of it, cannot be read.
    struct Unreadable: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// A part may decompress to `ZipArchive.maximumRatio` times its compressed size, and always to 1 MiB, never past
    /// `ZipArchive.alwaysAllowed` (1 GiB): stricter than a feed's rule, as the shared string table is held in
    /// memory. An XML part compresses 5 to 30 times; a bomb of repeated bytes, 1,000 times.
    static let alwaysAllowedPartSize = 1 << 20

    let path: String
    private let members: [String: ZipArchive.Member]

    init(path: String) throws(Unreadable) {
        self.path = path
        let archive: ZipArchive
        do { archive = try ZipArchive(path: path) } catch { throw Unreadable(reason: "it is not a readable zip package: \(error)") }
        var members: [String: ZipArchive.Member] = [:]
        for member in archive.members where !member.isFolderOrLink {
            // Part names are case-insensitive ASCII (ECMA-376 part 2, 9.1.1.1); a leading `/` is no part of a zip name.
            let name = String(decoding: member.nameBytes.drop { $0 == UInt8(ascii: "/") }, as: UTF8.self).lowercased()
            if members[name] == nil { members[name] = member }
        }
        self.members = members
    }

    /// Whether the package holds the part `name` (`xl/workbook.xml`).
    func has(_ name: String) -> Bool { members[name.lowercased()] != nil }

    /// The size the package declares for the part `name`, or nil when there is none.
    func declaredSize(of name: String) -> Int? { members[name.lowercased()]?.uncompressedSize }

    /// Decompresses the part `name` into a temporary file and hands `body` its path; the file is removed after.
    /// Throws `Unreadable` when the part is missing, compressed in a way zip readers seldom meet, a likely bomb, or
    /// damaged.
    func withPart<Result>(_ name: String, _ body: (String) throws -> Result) throws -> Result {
        guard let member = members[name.lowercased()] else { throw Unreadable(reason: "its part \(name) is missing") }
        if let reason = member.unreadableReason { throw Unreadable(reason: "its part \(name) cannot be read: \(reason)") }
        let ratio = ZipArchive.maximumRatio
        let limit = min(member.uncompressedSize, ZipArchive.alwaysAllowed,
                        max(Self.alwaysAllowedPartSize, member.compressedSize.multipliedReportingOverflow(by: ratio).partialValue))
        guard limit == member.uncompressedSize else {
            throw Unreadable(reason: "its part \(name) declares \(member.uncompressedSize) bytes, more than the \(limit) read (1 GiB, or \(ratio) times its \(member.compressedSize) compressed bytes); refused as a likely decompression bomb")
        }
        let frame = try TemporaryPart()
        do {
            try ZipArchive.writeGzipStream(of: member, fromArchiveAt: path) { try frame.write($0) }
        } catch {
            throw Unreadable(reason: "its part \(name) cannot be read: \(error)")
        }
        try frame.finishWriting()
        let part = try TemporaryPart()
        let decompressor: CompressedFile
        do { decompressor = try CompressedFile(path: frame.path, format: .gzip) } catch { throw Unreadable(reason: "its part \(name) cannot be decompressed: \(error)") }
        var total = 0
        do {
            while try decompressor.next(upTo: 64 << 10, { bytes in
                total += bytes.count
                guard total <= limit else {
                    throw Unreadable(reason: "its part \(name) decompresses to more than the \(limit) bytes the package declares; refused as a likely decompression bomb")
                }
                try part.write(bytes)
            }) {}
        } catch let damaged as CompressedFile.Damaged {
            throw Unreadable(reason: "its part \(name) is damaged: \(damaged.reason)")
        }
        try part.finishWriting()
        return try body(part.path)
    }
}

/// A temporary file named in `$TMPDIR` (or `/tmp`), written once and removed when it is released.
private final class TemporaryPart {
    let path: String
    private var descriptor: Int32

    init() throws(XLSXPackage.Unreadable) {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/katalog-xlsx-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw XLSXPackage.Unreadable(reason: "no temporary file can be made in \(directory) (\(String(cString: strerror(errno))))")
        }
        self.descriptor = descriptor
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        unlink(path)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw XLSXPackage.Unreadable(reason: "a temporary file cannot be written (\(String(cString: strerror(errno))))") }
            offset += written
        }
    }

    func finishWriting() throws(XLSXPackage.Unreadable) {
        close(descriptor)
        descriptor = -1
    }
}
