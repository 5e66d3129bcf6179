import Foundation

/// Reads a file one line at a time in 1 MiB chunks, so a 100k-record `catalog.jsonl` is never held whole.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var start = 0
    private var atEnd = false

    /// Opens `url`; throws when it cannot be read.
    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    /// The next line without its line break (a trailing `\r` is dropped too), or nil at the end of the file.
    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[start..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                start = newline + 1
                return Data(line)
            }
            if atEnd {
                guard start < buffer.endIndex else { return nil }
                defer { start = buffer.endIndex }
                return Data(buffer[start...])
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty {
                atEnd = true
            } else {
                buffer = Data(buffer[start...]) + chunk
                start = buffer.startIndex
            }
        }
    }

    /// Calls `body` with every non-empty line of the file at `url`.
    static func forEachLine(of url: URL, _ body: (Data) throws -> Void) throws {
        var reader = try LineReader(url: url)
        defer { try? reader.handle.close() }
        while let line = try reader.next() {
            if !line.isEmpty { try body(line) }
        }
    }
}
