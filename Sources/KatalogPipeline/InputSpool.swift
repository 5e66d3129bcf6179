import Foundation
import KatalogCore
import KatalogWriters
#if canImport(Glibc)
import Glibc
#endif

/// A copy, in a temporary file, of an input that can be read only once: a pipe (`<(zcat feed.csv.gz)`), a device
/// (`/dev/stdin`). Sniffing a file reads its first bytes, a sync run hashes it, and a reader opens it again; on a
/// pipe the second look started where the first stopped (the header of a CSV was gone, and every row was rejected).
/// The copy is read like any file and removed when the spool is freed.
final class InputSpool {
    /// The temporary file, in `$TMPDIR` (or `/tmp`).
    let path: String
    /// Bytes copied.
    let byteCount: Int

    /// Copies everything `source` gives until its end, in 1 MiB reads.
    init(copying source: String) throws {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/katalog-spool-XXXXXX").utf8CString)
        // Made through the registry, so an interrupted run removes it.
        guard let output = TemporaryFiles.make({ () -> (Int32, path: String)? in
            let output = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            return output < 0 ? nil : (output, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }) else { throw SpoolFailure(reason: "no temporary file in \(directory) to copy it to (\(Self.systemReason()))") }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { close(output) }
        do {
            guard let chunks = FileChunks(path: source) else { throw SpoolFailure(reason: "cannot open it (\(Self.systemReason()))") }
            var copied = 0
            while true {
                let chunk: Data
                do { chunk = try chunks.next(upTo: 1 << 20) } catch { throw SpoolFailure(reason: "reading it failed: \(error.localizedDescription)") }
                if chunk.isEmpty { break }
                try chunk.withUnsafeBytes { bytes in
                    var written = 0
                    while written < bytes.count {
                        let result = write(output, bytes.baseAddress! + written, bytes.count - written)
                        if result < 0, errno == EINTR { continue }
                        guard result > 0 else { throw SpoolFailure(reason: "copying it to \(directory) failed (\(Self.systemReason()))") }
                        written += result
                    }
                }
                copied += chunk.count
            }
            self.path = path
            byteCount = copied
        } catch {
            unlink(path)
            TemporaryFiles.unregister(path)
            throw error
        }
    }

    deinit {
        unlink(path)
        TemporaryFiles.unregister(path)
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }

    /// Why an input could not be copied.
    struct SpoolFailure: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}
