import Foundation

/// Reads a file line by line (`\n`-terminated) in fixed-size chunks, with flat memory.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    private let chunkSize = 1 << 20

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OutputError(path: path, reason: "cannot reopen spool file")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its newline, or nil at the end of the file.
    func next() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Data(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return buffer
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
        }
    }
}
