import Foundation
import KatalogCore

/// Reads a file one line at a time in 1 MiB chunks, so memory does not grow with the file: how Katalog reads its
/// own JSON Lines outputs back (`diff`, `merge`, the review page). A `\r` before the line break is dropped.
public final class LineFileReader {
    private let file: FileChunks
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    /// Opens `path`; throws `InputUnreadable` when it cannot be read.
    public init(path: String) throws {
        guard let file = FileChunks(path: path) else {
            throw InputUnreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        self.file = file
    }

    /// The next non-empty line without its line break, or nil at the end.
    public func next() throws -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                lineNumber += 1
                if line.isEmpty || line == [0x0D] { continue }
                return line.last == 0x0D ? Array(line.dropLast()) : line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                lineNumber += 1
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = try file.next(upTo: 1 << 20)
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
