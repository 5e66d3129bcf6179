/// Receives the cells of one CSV row in column order. The catalog's columns are listed once, generically
/// (`ProductCSV.writeCoreCells`), and fed either to an array of strings or straight to escaped bytes.
protocol CSVCellSink {
    /// Takes the cell as it is to be written (before RFC 4180 quoting).
    mutating func append(cell: String)
}

extension CSVCellSink {
    /// A text cell: one that could start like a formula is defused (`CSVFormulaGuard`).
    mutating func cell(_ text: String) { append(cell: CSVFormulaGuard.defused(text)) }
    /// An absent value is an empty cell.
    mutating func cell(_ text: String?) { cell(text ?? "") }
    /// A count Katalog made: written as it is.
    mutating func cell(_ number: Int?) { append(cell: number.map(String.init) ?? "") }
    /// A number Katalog formatted itself (`-0.50`, `1200`, `0.2331`): written as it is, so a negative amount
    /// stays a number in a spreadsheet. Anything that is not a plain decimal is treated as text.
    mutating func number(_ text: String?) {
        guard let text else { return append(cell: "") }
        append(cell: CSVFormulaGuard.isPlainDecimal(text) ? text : CSVFormulaGuard.defused(text))
    }
}

/// CSV formula injection (OWASP): a cell that starts with `=`, `+`, `-`, `@`, TAB or CR can be run as a formula
/// by a spreadsheet program (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`). Such text cells get a leading `'`, which
/// spreadsheets read as "text" and show without the quote. The JSON outputs keep the value as it was.
public enum CSVFormulaGuard {
    /// `text` with a leading `'` when it starts with a formula trigger; unchanged otherwise.
    public static func defused(_ text: String) -> String {
        guard let first = text.utf8.first, isTrigger(first) else { return text }
        return "'" + text
    }

    static func isTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    /// `-?digits(.digits)?`: what Katalog writes for amounts, measures, rates and counts.
    public static func isPlainDecimal(_ text: String) -> Bool {
        // On the contiguous bytes: a `Substring`'s UTF-8 view walked generically cost about 500 instructions a cell.
        var text = text
        return text.withUTF8 { bytes in
            var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return false }
            var seenPoint = false, digitsAfterPoint = 0
            while index < bytes.count {
                let byte = bytes[index]
                if (0x30...0x39).contains(byte) {
                    if seenPoint { digitsAfterPoint += 1 }
                } else if byte == UInt8(ascii: "."), !seenPoint {
                    seenPoint = true
                } else {
                    return false
                }
                index += 1
            }
            return !seenPoint || digitsAfterPoint > 0
        }
    }
}

/// Collects cells as strings (`ProductCSV.coreCells`).
struct CSVCellList: CSVCellSink {
    var cells: [String] = []
    mutating func append(cell: String) { cells.append(cell) }
}

/// Appends cells to a byte buffer, escaped as `ProductCSV.escape` does and separated by commas.
struct CSVLineBytes: CSVCellSink {
    var bytes: [UInt8]
    private var isFirst = true

    init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func append(cell text: String) {
        if isFirst { isFirst = false } else { bytes.append(UInt8(ascii: ",")) }
        // Many cells of a row are empty: nothing to escape or copy.
        if !text.isEmpty { CSVEscaping.append(text, to: &bytes) }
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
