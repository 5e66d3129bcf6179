import KatalogCore

/// One row of a worksheet as text cells, by column (`A` is cell 0; cells the sheet leaves out are empty), at its
/// row number in the sheet, with what was wrong in its cells.
struct XLSXRow {
    var cells: [String] = []
    var number = 0
    var problems: [XLSXCellProblem] = []
}

/// A cell whose stored value could not be kept.
struct XLSXCellProblem: Equatable {
    enum Kind: Equatable {
        /// Excel's error value (`#N/A`, `#DIV/0!`, `#REF!`).
        case errorValue(String)
        /// A text cell naming a shared string the workbook does not have.
        case missingSharedString(index: String, count: Int)
        /// A formula without its last result (written by a program that does not calculate).
        case formulaWithoutResult(String)
    }
    /// The cell's reference (`D7`).
    var reference: String
    var kind: Kind
}

/// Streams a worksheet part (`xl/worksheets/sheet1.xml`) and hands each `<row>` on as text cells: shared strings
/// looked up, inline strings and formula results taken as they are, booleans as `TRUE`/`FALSE`, numbers, dates and
/// percentages as `XLSXNumberText` writes them. Formulas themselves are not evaluated; Excel stores each formula's
/// last result beside it, and that is what is read (a formula stored without one, as programs that do not
/// calculate write it, is reported and read as empty).
///
/// Bounds: a row has at most `maximumColumns` cells (Excel's own limit, XFD); a cell that names a column past it is
/// not read (and counted in `outOfRangeCells`), so a hostile reference cannot make a row of millions of empty cells.
struct XLSXSheetRows: XMLStreamConsumer {
    static let maximumColumns = 16_384

    private let sharedStrings: XLSXSharedStrings
    private let styles: XLSXStyles
    private let uses1904Dates: Bool
    private let handle: (inout XLSXRow) -> Void

    private var row = XLSXRow()
    private var inRow = false
    private var lastRowNumber = 0
    /// The cell being read: its column, type (`t`), style (`s`) and reference.
    private var cell: (column: Int, type: String, style: Int, reference: String)?
    private var value: [UInt8] = []
    private var inline: [UInt8] = []
    /// Elements open inside the cell, innermost last.
    private var open: [CellPart] = []
    /// Cells naming a column past `maximumColumns`, not read.
    private(set) var outOfRangeCells = 0

    private enum CellPart: Equatable { case value, inlineText, formula, phonetic, other }
    /// The cell's formula, when it has one (its text, for the message when it has no stored result).
    private var formula: [UInt8]?

    init(sharedStrings: XLSXSharedStrings, styles: XLSXStyles, uses1904Dates: Bool, handle: @escaping (inout XLSXRow) -> Void) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.uses1904Dates = uses1904Dates
        self.handle = handle
    }

    mutating func startElement(name: consuming String, attributes: [XMLStreamAttribute], isEmpty: Bool, line: Int) {
        let local = XLSXNames.local(name)
        if cell != nil {
            // `<f t="shared" si="0"/>`: a cell of a shared formula, empty of its own text.
            if local == "f", open.isEmpty { formula = formula ?? [] }
            guard !isEmpty else { return }
            let inPhonetic = open.contains(.phonetic)
            switch local {
            case "v" where open.isEmpty: open.append(.value)
            case "f" where open.isEmpty:
                formula = formula ?? []
                open.append(.formula)
            case "rPh": open.append(.phonetic)
            case "t" where !inPhonetic && open.first == .other: open.append(.inlineText)
            default: open.append(.other)
            }
            return
        }
        switch local {
        case "row":
            let number = XLSXNames.attribute("r", in: attributes).flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? lastRowNumber + 1
            row = XLSXRow(cells: [], number: number, problems: [])
            lastRowNumber = number
            if isEmpty { deliverRow() } else { inRow = true }
        case "c" where inRow:
            let reference = XLSXNames.attribute("r", in: attributes) ?? ""
            // A cell without a reference follows the one before; one past the last column is not read.
            var column = Self.column(of: reference) ?? row.cells.count
            if column >= Self.maximumColumns {
                outOfRangeCells += 1
                column = -1
            }
            let type = XLSXNames.attribute("t", in: attributes) ?? "n"
            let style = XLSXNames.attribute("s", in: attributes).flatMap { Int($0) } ?? 0
            value.removeAll(keepingCapacity: true)
            inline.removeAll(keepingCapacity: true)
            formula = nil
            open.removeAll(keepingCapacity: true)
            cell = (column, type, style, reference.isEmpty ? Self.reference(column: max(0, column), row: row.number) : reference)
            if isEmpty { finishCell() }
        default:
            break
        }
    }

    mutating func endElement() {
        if cell != nil {
            if open.popLast() == nil { finishCell() }
            return
        }
        if inRow {
            inRow = false
            deliverRow()
        }
    }

    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        switch open.last {
        case .value?: value.append(contentsOf: utf8)
        case .inlineText?: inline.append(contentsOf: utf8)
        case .formula?: formula?.append(contentsOf: utf8)
        default: break
        }
    }

    mutating func entityReference(name: String, line: Int) {}
    mutating func documentType(name: String, line: Int) {}
    mutating func progress(bytesConsumed: Int) {}

    private mutating func deliverRow() {
        while row.cells.last?.isEmpty == true { row.cells.removeLast() }
        handle(&row)
    }

    private mutating func finishCell() {
        guard let cell else { return }
        self.cell = nil
        let stored = String(decoding: value, as: UTF8.self)
        if let formula, stored.isEmpty, cell.type != "inlineStr" {
            // A shared formula's other cells (`<f t="shared" si="0"/>`) have no text of their own.
            let shown = formula.isEmpty ? "a shared formula" : "=" + String(decoding: formula.prefix(200), as: UTF8.self)
            row.problems.append(XLSXCellProblem(reference: cell.reference, kind: .formulaWithoutResult(shown)))
            return
        }
        var text = ""
        switch cell.type {
        case "s":
            let index = Int(stored.trimmingSpaces())
            if let index, let shared = sharedStrings[index] {
                text = shared
            } else {
                row.problems.append(XLSXCellProblem(reference: cell.reference, kind: .missingSharedString(index: stored, count: sharedStrings.strings.count)))
            }
        case "inlineStr":
            text = XLSXText.decodingEscapes(String(decoding: inline, as: UTF8.self))
        case "str":
            text = XLSXText.decodingEscapes(stored)
        case "b":
            text = stored.isEmpty ? "" : stored == "0" || stored.lowercased() == "false" ? "FALSE" : "TRUE"
        case "e":
            if !stored.isEmpty { row.problems.append(XLSXCellProblem(reference: cell.reference, kind: .errorValue(stored))) }
        default:
            // `n` (or none): a number; `d`: an ISO 8601 date-time written as text, kept as it is.
            text = cell.type == "d" || stored.isEmpty ? stored
                : XLSXNumberText.text(stored, format: styles.format(ofStyle: cell.style), uses1904Dates: uses1904Dates)
        }
        guard !text.isEmpty, cell.column >= 0 else { return }
        if row.cells.count <= cell.column {
            row.cells.append(contentsOf: repeatElement("", count: cell.column - row.cells.count + 1))
        }
        row.cells[cell.column] = text
    }

    /// The 0-based column of a cell reference (`AB12` → 27); nil when it has no column letters.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & ~0x20
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
            if letters > 3 { return Int.max }
        }
        return letters == 0 ? nil : column - 1
    }

    /// The reference of a cell written without one (`C5`).
    static func reference(column: Int, row: Int) -> String {
        var letters: [Character] = []
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))), at: 0)
            rest = (rest - 1) / 26
        }
        return String(letters) + String(row)
    }
}
