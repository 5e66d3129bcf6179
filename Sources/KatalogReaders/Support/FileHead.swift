import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The first bytes of a file, by which a compressed file or an archive is told whatever its name.
public enum FileHead {
    /// Up to `count` first bytes of the file at `path`; empty when it cannot be opened (the reader then says why).
    public static func of(path: String, count: Int = 8) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: count)
        let read = head.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, count) }
        return Array(head.prefix(max(0, read)))
    }
}
