import Foundation
import KatalogCore

/// Spooled CSV rows: the core cells already escaped and joined, and each attribute cell escaped under its column
/// name, length-prefixed so any bytes (line breaks in descriptions) pass through. The catalog's attribute columns
/// are only known at the end of a run; the final pass then only appends the attribute cells in column order.
enum CSVRowSpool {
    /// One record's row in spool form, and the keys of its attribute columns (`attr.<key>`).
    static func encode(_ product: Product, numbers: ProductNumbers) -> (row: [UInt8], attributeKeys: [String]) {
        let row = ByteBuffer(capacity: 1024)
        appendLength(0, to: row)  // the core line's length, filled in below
        var line = CSVLineBytes(into: row)
        ProductCSV.writeCoreCells(product, numbers: numbers, into: &line)
        setLength(row.count - 4, at: 0, in: row)
        let cells = ProductCSV.attributeCellList(product)
        appendLength(cells.count, to: row)
        for (key, value) in cells {
            appendLength(ProductCSV.attributePrefix.utf8CodeUnitCount + key.utf8.count, to: row)
            ProductCSV.attributePrefix.withUTF8Buffer { row.append($0) }
            row.append(key)
            let start = row.count
            appendLength(0, to: row)
            var cell = CSVLineBytes(into: row)
            cell.cell(value)
            setLength(row.count - start - 4, at: start, in: row)
        }
        return (row.bytes, cells.map(\.key))
    }

    private static func appendLength(_ length: Int, to row: ByteBuffer) {
        withUnsafeBytes(of: UInt32(length).littleEndian) { row.append($0) }
    }

    private static func setLength(_ length: Int, at offset: Int, in row: ByteBuffer) {
        withUnsafeBytes(of: UInt32(length).littleEndian) { length in
            row.withBytes(from: offset) { bytes in
                for index in 0..<4 { bytes[index] = length[index] }
            }
        }
    }

    /// The attribute columns of the final file, in order, looked up by their spooled name bytes.
    struct ColumnIndex {
        private var indexByName: [String: Int] = [:]
        /// Each column's name as UTF-8, by index.
        private var names: [[UInt8]] = []
        var count: Int { names.count }

        init(_ columns: [String]) {
            for (index, column) in columns.enumerated() { indexByName[column] = index }
            names = columns.map { Array($0.utf8) }
        }

        /// The column named by `name`; `guess` is tried first. Rows of one feed name the same columns in the same
        /// order, so the guess (the column of the previous row's cell at the same place) is nearly always right,
        /// and a byte comparison replaces making a `String` and hashing it.
        func index(of name: ArraySlice<UInt8>, guess: Int?) -> Int? {
            if let guess, guess < names.count, names[guess].elementsEqual(name) { return guess }
            return indexByName[String(decoding: name, as: UTF8.self)]
        }
    }

    /// Reads spooled rows back, in order, with a fixed-size buffer.
    /// A struct, not a class: its buffers are then checked for exclusive access when compiled, where a class's
    /// were checked at run time on every access (a third of this pass's instructions, on the serial end of a run).
    struct Reader: ~Copyable {
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

        /// Appends the next row to `out` as its line of the final file: the core cells, then one cell per column
        /// of `columns` (empty where the row has none), and CRLF. Works on the spooled bytes, which are already
        /// escaped, without making strings of them. False at the end.
        mutating func appendNextLine(columns: ColumnIndex, to out: inout [UInt8]) throws -> Bool {
            guard try available(4) else { return false }
            let coreLength = try length()
            guard try available(coreLength) else { throw corrupt() }
            out.append(contentsOf: buffer[position..<position + coreLength])
            position += coreLength
            let count = try length()
            // The row's cells are copied aside (the buffer may be refilled while reading on), then laid out.
            cells.removeAll(keepingCapacity: true)
            slots.removeAll(keepingCapacity: true)
            slots.append(contentsOf: repeatElement(nil, count: columns.count))
            for place in 0..<count {
                let nameLength = try length()
                guard try available(nameLength) else { throw corrupt() }
                let column = columns.index(of: buffer[position..<position + nameLength], guess: place < recentColumns.count ? recentColumns[place] : nil)
                if let column {
                    if place < recentColumns.count { recentColumns[place] = column } else { recentColumns.append(column) }
                }
                position += nameLength
                let cellLength = try length()
                guard try available(cellLength) else { throw corrupt() }
                guard let column else { throw corrupt() }
                let start = cells.count
                cells.append(contentsOf: buffer[position..<position + cellLength])
                slots[column] = start..<cells.count
                position += cellLength
            }
            for slot in slots {
                out.append(UInt8(ascii: ","))
                if let slot { out.append(contentsOf: cells[slot]) }
            }
            out.append(0x0D)
            out.append(0x0A)
            return true
        }

        /// The attribute cells of the row being laid out, and where each column's cell is in them.
        private var cells: [UInt8] = []
        private var slots: [Range<Int>?] = []
        /// The columns of the previous row's attribute cells, by place: the guesses for the next row's.
        private var recentColumns: [Int] = []

        private mutating func length() throws -> Int {
            guard try available(4) else { throw corrupt() }
            let value = UInt32(buffer[position]) | UInt32(buffer[position + 1]) << 8 | UInt32(buffer[position + 2]) << 16 | UInt32(buffer[position + 3]) << 24
            position += 4
            return Int(value)
        }

        /// `ensure(count)`, called only when the buffer holds fewer than `count` unread bytes.
        @inline(__always)
        private mutating func available(_ count: Int) throws -> Bool {
            buffer.count - position >= count ? true : try ensure(count)
        }

        /// Makes `count` unread bytes available; false at a clean end of file.
        private mutating func ensure(_ count: Int) throws -> Bool {
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
