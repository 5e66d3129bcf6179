/// Receives the cells of one CSV row in column order. The catalog's columns are listed once, generically
/// (`ProductCSV.writeCoreCells`), and fed either to an array of strings or straight to escaped bytes.
protocol CSVCellSink {
    mutating func cell(_ text: String)
}

extension CSVCellSink {
    /// An absent value is an empty cell.
    mutating func cell(_ text: String?) { cell(text ?? "") }
    mutating func cell(_ number: Int?) { cell(number.map(String.init)) }
}

/// Collects cells as strings (`ProductCSV.coreCells`).
struct CSVCellList: CSVCellSink {
    var cells: [String] = []
    mutating func cell(_ text: String) { cells.append(text) }
}

/// Appends cells to a byte buffer, escaped as `ProductCSV.escape` does and separated by commas.
struct CSVLineBytes: CSVCellSink {
    var bytes: [UInt8]
    private var isFirst = true

    init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func cell(_ text: String) {
        if isFirst { isFirst = false } else { bytes.append(UInt8(ascii: ",")) }
        CSVEscaping.append(text, to: &bytes)
    }
}

/// `ProductCSV.escape` on bytes: the same result, without walking `Character`s in the common cases.
enum CSVEscaping {
    /// Appends `cell` as `ProductCSV.escape(cell)` would write it.
    static func append(_ cell: String, to out: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { bytes in
            switch quoting(bytes) {
            case .none:
                out.append(contentsOf: bytes)
            case .quoted:
                out.append(0x22)
                for byte in bytes {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            case .undecided:
                out.append(contentsOf: ProductCSV.escape(String(decoding: bytes, as: UTF8.self)).utf8)
            }
        }
    }

    enum Quoting { case none, quoted, undecided }

    /// Decides from the bytes alone whether `ProductCSV.escape` quotes the cell, or says it cannot.
    ///
    /// `escape` compares `Character`s (grapheme clusters). A `,`, `"` or space stands alone as a `Character`
    /// when its neighbours are ASCII (only non-ASCII scalars — combining marks, prepended signs — join them).
    /// CR and LF always break clusters, except that CR LF is one `Character`, equal to neither "\r" nor "\n".
    /// A special byte next to non-ASCII bytes is left to `escape` itself (`.undecided`).
    static func quoting(_ bytes: UnsafeBufferPointer<UInt8>) -> Quoting {
        let count = bytes.count
        guard count > 0 else { return .none }
        var quote = false, unsure = false, unsureQuote = false
        for index in 0..<count {
            let byte = bytes[index]
            switch byte {
            case 0x2C, 0x22:
                let clear = (index == 0 || bytes[index - 1] < 0x80) && (index == count - 1 || bytes[index + 1] < 0x80)
                if clear { quote = true } else { unsure = true }
                if byte == 0x22 && !clear { unsureQuote = true }
            case 0x0A:
                if index == 0 || bytes[index - 1] != 0x0D { quote = true }
            case 0x0D:
                if index == count - 1 || bytes[index + 1] != 0x0A { quote = true }
            default:
                continue
            }
        }
        if bytes[0] == 0x20 {
            if count == 1 || bytes[1] < 0x80 { quote = true } else { unsure = true }
        }
        if bytes[count - 1] == 0x20 {
            if count == 1 || bytes[count - 2] < 0x80 { quote = true } else { unsure = true }
        }
        if quote {
            // Doubling quote bytes matches `replacingOccurrences(of: "\"", ...)` only for quotes standing alone.
            return unsureQuote ? .undecided : .quoted
        }
        return unsure ? .undecided : .none
    }
}
