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
        func index(of name: UnsafeBufferPointer<UInt8>, guess: Int?) -> Int? {
            if let guess, guess < names.count, names[guess].withUnsafeBufferPointer({ guessed in
                guessed.count == name.count && (name.isEmpty || memcmp(guessed.baseAddress!, name.baseAddress!, name.count) == 0)
            }) {
                return guess
            }
            return indexByName[String(decoding: name, as: UTF8.self)]
        }
    }

    /// Lays spooled rows out as lines of the final file: the core cells, then one cell per column (empty where the
    /// row has none), and CRLF. Works on the spooled bytes, which are already escaped, without making strings of
    /// them. One per thread: it keeps the previous row's columns as the guesses for the next row's.
    struct LineLayout {
        let columns: ColumnIndex
        /// Where each column's cell of the row being laid out is in the rows (`cellEnds` -1: none).
        private var cellStarts: [Int]
        private var cellEnds: [Int]
        /// The columns of the previous row's attribute cells, by place: the guesses for the next row's.
        private var recentColumns: [Int] = []

        init(columns: ColumnIndex) {
            self.columns = columns
            cellStarts = Array(repeating: 0, count: columns.count)
            cellEnds = Array(repeating: -1, count: columns.count)
        }

        /// Appends the lines of `rows[start..<end]`, whole spooled rows as `Reader.nextRows` gives them, to `out`.
        /// Throws `corrupt` for a row that is cut short or names a column the run never announced.
        mutating func appendLines(of rows: [UInt8], from start: Int, to end: Int, to out: inout [UInt8], corrupt: () -> OutputError) throws {
            try rows.withUnsafeBufferPointer { all in
                let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
                var position = 0
                func length() throws -> Int {
                    guard let value = CSVRowSpool.length(in: bytes, at: position) else { throw corrupt() }
                    position += 4
                    return value
                }
                while position < bytes.count {
                    let coreLength = try length()
                    guard coreLength <= bytes.count - position else { throw corrupt() }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<position + coreLength]))
                    position += coreLength
                    let count = try length()
                    for column in 0..<cellEnds.count { cellEnds[column] = -1 }
                    for place in 0..<count {
                        let nameLength = try length()
                        guard nameLength <= bytes.count - position else { throw corrupt() }
                        let name = UnsafeBufferPointer(rebasing: bytes[position..<position + nameLength])
                        guard let column = columns.index(of: name, guess: place < recentColumns.count ? recentColumns[place] : nil) else { throw corrupt() }
                        if place < recentColumns.count { recentColumns[place] = column } else { recentColumns.append(column) }
                        position += nameLength
                        let cellLength = try length()
                        guard cellLength <= bytes.count - position else { throw corrupt() }
                        cellStarts[column] = position
                        cellEnds[column] = position + cellLength
                        position += cellLength
                    }
                    for column in 0..<cellEnds.count {
                        out.append(UInt8(ascii: ","))
                        if cellEnds[column] >= 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cellStarts[column]..<cellEnds[column]])) }
                    }
                    out.append(0x0D)
                    out.append(0x0A)
                }
            }
        }
    }

    /// The little-endian length at `offset`, or nil when fewer than four bytes are left.
    @inline(__always)
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        guard offset >= 0, bytes.count - offset >= 4 else { return nil }
        return Int(UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
    }

    /// The length of the whole spooled row at `offset` of `bytes`, or nil when the bytes end before it does.
    static func rowLength(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        var position = offset
        guard let core = length(in: bytes, at: position) else { return nil }
        position += 4 + core
        guard let count = length(in: bytes, at: position) else { return nil }
        position += 4
        for _ in 0..<count {
            guard let name = length(in: bytes, at: position) else { return nil }
            position += 4 + name
            guard let cell = length(in: bytes, at: position) else { return nil }
            position += 4 + cell
        }
        return position <= bytes.count ? position - offset : nil
    }

    /// Where to cut `rows` (whole spooled rows) into `parts` runs of whole rows of about equal size: the start
    /// offsets of parts 1..<parts (a part may be empty).
    static func cuts(of rows: [UInt8], parts: Int) -> [Int] {
        guard parts > 1 else { return [] }
        return rows.withUnsafeBufferPointer { bytes in
            var cuts: [Int] = []
            var position = 0
            for part in 1..<parts {
                let target = bytes.count * part / parts
                while position < target, let length = rowLength(in: bytes, at: position) { position += length }
                cuts.append(position)
            }
            return cuts
        }
    }

    /// Reads spooled rows back, in order, whole rows at a time, with a buffer of bounded size.
    /// A struct, not a class: its buffer is then checked for exclusive access when compiled, where a class's was
    /// checked at run time on every access.
    struct Reader: ~Copyable {
        private let file: FileChunks
        private let path: String
        private var buffer: [UInt8] = []
        private var position = 0
        private var atEnd = false

        init(path: String) throws {
            guard let file = FileChunks(path: path) else {
                throw OutputError(path: path, reason: "cannot reopen the CSV spool file")
            }
            self.file = file
            self.path = path
        }

        /// The next whole rows, at least one and about `target` bytes of them; nil at the end. Throws when the
        /// file ends inside a row.
        mutating func nextRows(about target: Int) throws -> [UInt8]? {
            var end = position
            while true {
                let (scanned, complete) = buffer.withUnsafeBufferPointer { bytes -> (Int, Bool) in
                    var end = end
                    while end - position < target {
                        guard let length = CSVRowSpool.rowLength(in: bytes, at: end) else { return (end, false) }
                        end += length
                    }
                    return (end, true)
                }
                end = scanned
                if complete { break }
                if !(try refill(keeping: &end, atLeast: target)) {
                    guard end == buffer.count else { throw corrupt() }
                    if end == position { return nil }
                    break
                }
            }
            let rows = Array(buffer[position..<end])
            position = end
            return rows
        }

        /// Drops the rows already given, reads on; false at the end of the file.
        private mutating func refill(keeping end: inout Int, atLeast target: Int) throws -> Bool {
            if atEnd { return false }
            if position > 0 {
                buffer.removeFirst(position)
                end -= position
                position = 0
            }
            let chunk = try file.next(upTo: max(1 << 20, target))
            if chunk.isEmpty {
                atEnd = true
                return false
            }
            buffer.append(contentsOf: chunk)
            return true
        }

        func corrupt() -> OutputError {
            OutputError(path: path, reason: "the CSV spool file is cut short")
        }
    }
}
