/// Receives the cells of one CSV row in column order. The catalog's columns are listed once, generically
/// (`ProductCSV.writeCoreCells`), and fed either to an array of strings (`CSVCellList`, the plain reading of the
/// rules) or straight to escaped bytes (`CSVLineBytes`).
protocol CSVCellSink {
    /// A text cell: one that could start like a formula is defused (`CSVFormulaGuard`). An absent value is an
    /// empty cell.
    mutating func cell(_ text: String?)
    /// Several texts in one text cell, joined by `separator` (images, covered models).
    mutating func cell<Texts: Sequence<String>>(joining texts: Texts, separator: String)
    /// A count Katalog made: written as it is.
    mutating func cell(_ number: Int?)
    /// A number Katalog formatted itself (`-0.50`, `1200`, `0.2331`): written as it is, so a negative amount
    /// stays a number in a spreadsheet. Anything that is not a plain decimal is treated as text.
    mutating func number(_ text: String?)
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
        return text.withUTF8 { isPlainDecimal($0) }
    }

    static func isPlainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

/// Collects cells as strings (`ProductCSV.coreCells`): the cells `CSVLineBytes` writes, before RFC 4180 quoting.
struct CSVCellList: CSVCellSink {
    var cells: [String] = []

    mutating func cell(_ text: String?) { cells.append(CSVFormulaGuard.defused(text ?? "")) }

    mutating func cell<Texts: Sequence<String>>(joining texts: Texts, separator: String) {
        cell(texts.joined(separator: separator))
    }

    mutating func cell(_ number: Int?) { cells.append(number.map(String.init) ?? "") }

    mutating func number(_ text: String?) {
        guard let text else { return cells.append("") }
        cells.append(CSVFormulaGuard.isPlainDecimal(text) ? text : CSVFormulaGuard.defused(text))
    }
}

/// Appends a row's cells to a byte buffer, separated by commas, each as `ProductCSV.escape` writes the cell
/// `CSVCellList` holds. A cell's text goes in as it is and is then defused and escaped where it stands
/// (`CSVEscaping.escapeCell`), which most cells need nothing of: no strings are made for joined or defused cells.
struct CSVLineBytes: CSVCellSink {
    let buffer: ByteBuffer
    private var isFirst = true

    init(into buffer: ByteBuffer) {
        self.buffer = buffer
    }

    mutating func cell(_ text: String?) {
        let start = beginCell()
        guard let text else { return }
        buffer.append(text)
        CSVEscaping.escapeCell(in: buffer, from: start, defusing: true)
    }

    mutating func cell<Texts: Sequence<String>>(joining texts: Texts, separator: String) {
        let start = beginCell()
        var isFirstText = true
        for text in texts {
            if isFirstText { isFirstText = false } else { buffer.append(separator) }
            buffer.append(text)
        }
        CSVEscaping.escapeCell(in: buffer, from: start, defusing: true)
    }

    mutating func cell(_ number: Int?) {
        _ = beginCell()
        // Digits and a minus sign: nothing to quote, and counts are never defused.
        if let number { buffer.append(decimal: number) }
    }

    mutating func number(_ text: String?) {
        let start = beginCell()
        guard let text else { return }
        buffer.append(text)
        // A plain decimal has nothing to quote and is never defused.
        let plain = buffer.withBytes(from: start) { CSVFormulaGuard.isPlainDecimal(UnsafeBufferPointer($0)) }
        if !plain { CSVEscaping.escapeCell(in: buffer, from: start, defusing: true) }
    }

    /// The comma before every cell but the first; returns where the cell starts.
    private mutating func beginCell() -> Int {
        if isFirst { isFirst = false } else { buffer.append(UInt8(ascii: ",")) }
        return buffer.count
    }
}

/// `ProductCSV.escape` on bytes: the same result, without walking `Character`s in the common cases.
enum CSVEscaping {
    /// Appends `cell` as `ProductCSV.escape(cell)` would write it.
    static func append(_ cell: String, to out: inout [UInt8]) {
        let buffer = ByteBuffer(capacity: cell.utf8.count + 2)
        buffer.append(cell)
        escapeCell(in: buffer, from: 0, defusing: false)
        out += buffer.bytes
    }

    /// Rewrites the cell text appended to `buffer` from `start` on as `ProductCSV.escape` writes it, after
    /// `CSVFormulaGuard.defused` when `defusing`.
    ///
    /// Defusing never changes the quoting: a `'` before a trigger byte (ASCII, not a space) is a `Character` of
    /// its own and stands where no leading space could, so the raw text decides, and `'` goes after the opening
    /// quote.
    @inline(__always)
    static func escapeCell(in buffer: ByteBuffer, from start: Int, defusing: Bool) {
        let (decision, defuse) = buffer.withBytes(from: start) { cell -> (Quoting, Bool) in
            let cell = UnsafeBufferPointer(cell)
            return (Self.quoting(cell), defusing && cell.first.map(CSVFormulaGuard.isTrigger) == true)
        }
        switch decision {
        case .none:
            if defuse { rewrite(in: buffer, from: start, quoted: false, defused: true) }
        case .quoted:
            rewrite(in: buffer, from: start, quoted: true, defused: defuse)
        case .undecided:
            let text = buffer.withBytes(from: start) { String(decoding: $0, as: UTF8.self) }
            buffer.removeAll(from: start)
            buffer.append(ProductCSV.escape(defuse ? "'" + text : text))
        }
    }

    /// Rewrites the cell from `start` on in place: `"` when `quoted`, `'` when `defused`, the cell with each `"`
    /// doubled when `quoted`, and the closing `"`.
    private static func rewrite(in buffer: ByteBuffer, from start: Int, quoted: Bool, defused: Bool) {
        let length = buffer.count - start
        let quotes = quoted ? buffer.withBytes(from: start) { $0.reduce(0) { $1 == 0x22 ? $0 + 1 : $0 } } : 0
        let head = (quoted ? 1 : 0) + (defused ? 1 : 0)
        // The added bytes; the last is already the closing quote.
        buffer.append(repeating: 0x22, count: head + quotes + (quoted ? 1 : 0))
        buffer.withBytes(from: start) { cell in
            if quotes == 0 {
                UnsafeMutableRawPointer(cell.baseAddress! + head).copyMemory(from: cell.baseAddress!, byteCount: length)
            } else {
                // Back to front, so each byte is read before anything is written over it.
                var target = head + length + quotes
                for source in (0..<length).reversed() {
                    target -= 1
                    cell[target] = cell[source]
                    if cell[source] == 0x22 {
                        target -= 1
                        cell[target] = 0x22
                    }
                }
            }
            if quoted { cell[0] = 0x22 }
            if defused { cell[head - 1] = UInt8(ascii: "'") }
        }
    }

    enum Quoting { case none, quoted, undecided }

    /// Decides from the bytes alone whether `ProductCSV.escape` quotes the cell, or says it cannot.
    ///
    /// `escape` compares `Character`s (grapheme clusters). A `,`, `"` or space stands alone as a `Character`
    /// when its neighbours are ASCII (only non-ASCII scalars — combining marks, prepended signs — join them).
    /// CR and LF always break clusters, except that CR LF is one `Character`, equal to neither "\r" nor "\n".
    /// A special byte next to non-ASCII bytes is left to `escape` itself (`.undecided`).
    @inline(__always)
    static func quoting(_ bytes: UnsafeBufferPointer<UInt8>) -> Quoting {
        let count = bytes.count
        guard count > 0 else { return .none }
        // Most cells hold none of the four bytes and no space at either end: one test a word.
        if bytes[0] != 0x20, bytes[count - 1] != 0x20, !ByteWord.any(of: bytes, mayNeedLook) { return .none }
        return quotingByByte(bytes)
    }

    /// `quoting` for a cell that holds one of the four bytes or a space at an end.
    private static func quotingByByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Quoting {
        let count = bytes.count
        var quote = false, unsure = false, unsureQuote = false
        var index = 0
        while index < count {
            // Eight bytes at a time while none of them is one of the four (most text).
            if index + 8 <= count, !mayNeedLook(ByteWord.load(bytes, at: index)) {
                index += 8
                continue
            }
            let at = index
            index += 1
            let byte = bytes[at]
            switch byte {
            case 0x2C, 0x22:
                let clear = (at == 0 || bytes[at - 1] < 0x80) && (at == count - 1 || bytes[at + 1] < 0x80)
                if clear { quote = true } else { unsure = true }
                if byte == 0x22 && !clear { unsureQuote = true }
            case 0x0A:
                if at == 0 || bytes[at - 1] != 0x0D { quote = true }
            case 0x0D:
                if at == count - 1 || bytes[at + 1] != 0x0A { quote = true }
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

    /// Whether any of the eight bytes of `word` is a comma, a quote, LF or CR.
    private static func mayNeedLook(_ word: UInt64) -> Bool {
        ByteWord.matches(0x2C, in: word) | ByteWord.matches(0x22, in: word) | ByteWord.matches(0x0A, in: word)
            | ByteWord.matches(0x0D, in: word) != 0
    }
}
