import Foundation
import KatalogCore
import KatalogReaders
import KatalogWriters
#if canImport(Glibc)
import Glibc
#endif

/// A copy, in a temporary file, of an input that cannot be read as it is:
/// - a pipe or a device (`<(zcat feed.csv.gz)`, `/dev/stdin`), which can be read only once. Sniffing a file reads its
///   first bytes, a sync run hashes it, and a reader opens it again; on a pipe the second look started where the
///   first stopped (the header of a CSV was gone, and every row was rejected);
/// - a gzip- or xz-compressed file (`feed.xml.gz`), decompressed into the copy, which is named like the file inside
///   (`feed.xml`) so that the sniffer sees its name. Before, such a feed was taken for a binary file and skipped;
/// - a member of a zip archive (`feed.zip`), extracted into a copy named like the member.
/// The copy is read like any file and removed when the spool is freed (or when the run is interrupted).
final class InputSpool {
    /// The temporary file, in `$TMPDIR` (or `/tmp`).
    let path: String
    /// Bytes copied (decompressed bytes for a compressed input).
    let byteCount: Int
    /// Why a compressed input's data ended early; the bytes before were copied and are read.
    let damage: String?
    /// The private folder holding a named copy.
    private let folder: String?

    /// Copies everything `source` gives until its end, in 1 MiB reads.
    convenience init(copying source: String) throws {
        guard let chunks = FileChunks(path: source) else { throw SpoolFailure(reason: "cannot open it (\(Self.systemReason()))") }
        try self.init(name: nil) { write in
            while true {
                let chunk: Data
                do { chunk = try chunks.next(upTo: 1 << 20) } catch { throw SpoolFailure(reason: "reading it failed: \(error.localizedDescription)") }
                if chunk.isEmpty { return nil }
                try chunk.withUnsafeBytes { try write($0) }
            }
        }
    }

    /// Decompresses the gzip or xz file `source` into a copy named `CompressedFile.innerName(of: name)`. A stream
    /// that ends early keeps what came before (see `damage`), but for the last 64 KiB read: libxml2 drops what one
    /// read decompressed when that read meets the damage, so reads stay small. A stream that would decompress to more than
    /// `limit` bytes (by default `decompressedLimit(compressedSize:)`; a decompression bomb: gzip reaches 1,000 to 1)
    /// is refused.
    convenience init(decompressing source: String, format: CompressedFile.Format, name: String, compressedSize: Int, limit: Int? = nil) throws {
        let limit = limit ?? Self.decompressedLimit(compressedSize: compressedSize)
        try self.init(decompressing: source, format: format, name: name, limit: limit) {
            "it decompresses to more than \(limit) bytes (the limit: 1 GiB or \(Self.maximumRatio) times its \(compressedSize) compressed bytes); refused as a likely decompression bomb. Decompress it yourself to import it"
        }
    }

    /// Extracts `member` of the zip archive at `archive` into a copy named `name` (see `ZipArchive`). The member's
    /// data must decompress to the size and CRC-32 its archive declares: more bytes are refused as they come (a
    /// bomb that understates its sizes), fewer or different ones are `damage`.
    convenience init(extracting member: ZipArchive.Member, fromArchive archive: String, name: String) throws {
        if let reason = member.unreadableReason { throw SpoolFailure(reason: reason) }
        // The member re-framed as a gzip stream goes to an anonymous copy first: libxml2 decompresses files only.
        let frame = try InputSpool(name: nil) { write in
            do { try ZipArchive.writeGzipStream(of: member, fromArchiveAt: archive, write) } catch let unreadable as ZipArchive.Unreadable {
                throw SpoolFailure(reason: unreadable.reason)
            }
            return nil
        }
        let declared = member.uncompressedSize
        let limit = min(declared, Self.decompressedLimit(compressedSize: member.compressedSize))
        try self.init(decompressing: frame.path, format: .gzip, name: name, limit: limit) {
            limit < declared
                ? "it decompresses to more than \(limit) bytes (the limit: 1 GiB or \(Self.maximumRatio) times its \(member.compressedSize) compressed bytes); refused as a likely decompression bomb. Unzip it yourself to import it"
                : "it decompresses to more than the \(declared) bytes its archive declares; refused as a likely decompression bomb"
        }
        withExtendedLifetime(frame) {}
    }

    private convenience init(decompressing source: String, format: CompressedFile.Format, name: String, limit: Int, refusal: () -> String) throws {
        let file: CompressedFile
        do { file = try CompressedFile(path: source, format: format) } catch { throw SpoolFailure(reason: "cannot open it for decompression: \(error)") }
        try self.init(name: CompressedFile.innerName(of: name)) { write in
            var total = 0
            do {
                while try file.next(upTo: 64 << 10, { bytes in
                    total += bytes.count
                    guard total <= limit else { throw SpoolFailure(reason: refusal()) }
                    try write(bytes)
                }) {}
            } catch let damaged as CompressedFile.Damaged {
                return damaged.reason
            }
            return nil
        }
    }

    /// See `ZipArchive.decompressedLimit(compressedSize:)`: one rule for every decompressed input.
    static let maximumRatio = ZipArchive.maximumRatio
    static func decompressedLimit(compressedSize: Int) -> Int {
        ZipArchive.decompressedLimit(compressedSize: compressedSize)
    }

    /// Makes the temporary file (named `name` in a private folder, or an anonymous `katalog-spool-XXXXXX`) and
    /// fills it through `fill`, which returns the damage it met, if any.
    private init(name: String?, fill: ((UnsafeRawBufferPointer) throws -> Void) throws -> String?) throws {
        let directory = TemporaryFiles.folder
        var folder: String?
        let output: Int32, path: String
        // Made through the registry, so an interrupted run removes them.
        if let name {
            guard let made = TemporaryFiles.makeFolder(prefix: "katalog-spool-") else {
                throw SpoolFailure(reason: "no temporary folder in \(directory) to decompress it to (\(Self.systemReason()))")
            }
            folder = made
            let file = made + "/" + (name.isEmpty || name.contains("/") ? "input" : name)
            guard let opened = TemporaryFiles.make({ () -> (Int32, path: String)? in
                let opened = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                return opened < 0 ? nil : (opened, file)
            }) else {
                rmdir(made)
                TemporaryFiles.unregister(made)
                throw SpoolFailure(reason: "no temporary file in \(directory) to decompress it to (\(Self.systemReason()))")
            }
            (output, path) = (opened, file)
        } else {
            var template = Array((directory + "/katalog-spool-XXXXXX").utf8CString)
            guard let opened = TemporaryFiles.make({ () -> (Int32, path: String)? in
                let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
                return opened < 0 ? nil : (opened, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
            }) else { throw SpoolFailure(reason: "no temporary file in \(directory) to copy it to (\(Self.systemReason()))") }
            (output, path) = (opened, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        defer { close(output) }
        var copied = 0
        do {
            damage = try fill { bytes in
                var written = 0
                while written < bytes.count {
                    let result = write(output, bytes.baseAddress! + written, bytes.count - written)
                    if result < 0, errno == EINTR { continue }
                    guard result > 0 else { throw SpoolFailure(reason: "copying it to \(directory) failed (\(Self.systemReason()))") }
                    written += result
                }
                copied += bytes.count
            }
        } catch {
            Self.remove(path, folder: folder)
            throw error
        }
        self.path = path
        self.folder = folder
        byteCount = copied
    }

    deinit { Self.remove(path, folder: folder) }

    private static func remove(_ path: String, folder: String?) {
        unlink(path)
        TemporaryFiles.unregister(path)
        if let folder {
            rmdir(folder)
            TemporaryFiles.unregister(folder)
        }
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }

    /// Why an input could not be copied.
    struct SpoolFailure: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}
