import Foundation
import KatalogCore

/// Spooled CSV rows: the core cells already escaped and joined, and each attribute cell escaped under its column
/// name, length-prefixed so any bytes (line breaks in descriptions) pass through. The catalog's attribute columns
/// are only known at the end of a run; the final pass then only appends the attribute cells in column order.
enum CSVRowSpool {
    /// One record's row in spool form, and its attribute column names.
    static func encode(_ product: Product, numbers: ProductNumbers) -> (row: [UInt8], attributeColumns: [String]) {
        var line = CSVLineBytes(capacity: 1024)
        line.bytes.append(contentsOf: [0, 0, 0, 0])  // the core line's length, filled in below
        ProductCSV.writeCoreCells(product, numbers: numbers, into: &line)
        var out = line.bytes
        setLength(out.count - 4, at: 0, in: &out)
        let cells = ProductCSV.attributeCellList(product)
        appendLength(cells.count, to: &out)
        for (column, value) in cells {
            append(column, to: &out)
            let start = out.count
            out.append(contentsOf: [0, 0, 0, 0])
            CSVEscaping.append(CSVFormulaGuard.defused(value), to: &out)
            setLength(out.count - start - 4, at: start, in: &out)
        }
        return (out, cells.map(\.column))
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            appendLength(bytes.count, to: &out)
            out.append(contentsOf: bytes)
        }
    }

    private static func appendLength(_ length: Int, to out: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(length).littleEndian) { out.append(contentsOf: $0) }
    }

    private static func setLength(_ length: Int, at offset: Int, in out: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(length).littleEndian) { bytes in
            for index in 0..<4 { out[offset + index] = bytes[index] }
        }
    }

    /// Reads spooled rows back, in order, with a fixed-size buffer.
    final class Reader {
        private let handle: FileHandle
        private let path: String
        private var buffer: [UInt8] = []
        private var position = 0
        private var atEnd = false

        init(path: String) throws {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw OutputError(path: path, reason: "cannot reopen the CSV spool file")
            }
            self.handle = handle
            self.path = path
        }

        deinit { try? handle.close() }

        /// The next row: its escaped core line and escaped attribute cells by column; nil at the end.
        func next() throws -> (core: String, attributes: [String: String])? {
            guard try ensure(4) else { return nil }
            let core = try text()
            let count = try length()
            var attributes: [String: String] = [:]
            for _ in 0..<count {
                let column = try text()
                attributes[column] = try text()
            }
            return (core, attributes)
        }

        private func length() throws -> Int {
            guard try ensure(4) else { throw corrupt() }
            let value = UInt32(buffer[position]) | UInt32(buffer[position + 1]) << 8 | UInt32(buffer[position + 2]) << 16 | UInt32(buffer[position + 3]) << 24
            position += 4
            return Int(value)
        }

        private func text() throws -> String {
            let count = try length()
            guard try ensure(count) else { throw corrupt() }
            defer { position += count }
            return String(decoding: buffer[position..<position + count], as: UTF8.self)
        }

        /// Makes `count` unread bytes available; false at a clean end of file.
        private func ensure(_ count: Int) throws -> Bool {
            while buffer.count - position < count {
                if atEnd { return false }
                if position > 0 {
                    buffer.removeFirst(position)
                    position = 0
                }
                let chunk = try handle.read(upToCount: max(1 << 20, count)) ?? Data()
                if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
            }
            return true
        }

        private func corrupt() -> OutputError {
            OutputError(path: path, reason: "the CSV spool file is cut short")
        }
    }
}
