import Foundation
import KatalogCore

/// Reads one worksheet of an Excel workbook (`.xlsx`) as a spreadsheet: the sheet's rows go through the same record
/// building as a CSV file's (`CSVRecordBuilder`: header row, title rows before it, platform exports, one row → one
/// record), with the sheet's row numbers as line numbers.
///
/// The worksheet is `document.part` (the pipeline makes each visible sheet an input of its own, `book.xlsx/Sheet`),
/// or the workbook's first visible sheet. Cells are read as `XLSXSheetRows` describes: shared strings, formula
/// results, numbers with at most Excel's 15 significant digits, dates as ISO 8601 dates by the cell's format.
/// The sheet is streamed from a temporary, decompressed copy; the shared string table is held in memory.
///
/// Bad input: a workbook that cannot be opened, a missing part or a part that is a likely decompression bomb
/// throws (the file is reported unreadable, with the reason); a cell holding an error value (`#N/A`) is read as
/// empty (`xlsx.cell-error`); a text cell naming no shared string, the same (`xlsx.shared-string-missing`);
/// malformed sheet XML stops the sheet there (`xml.malformed`), the rows before it kept.
public struct XLSXReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        let file = document.displayPath
        let package: XLSXPackage
        let workbook: XLSXWorkbook
        do {
            package = try XLSXPackage(path: document.fileURL)
            workbook = try XLSXWorkbook(package: package)
        } catch {
            throw InputUnreadable(path: file, reason: "\(error)")
        }
        let chosen = document.part.map { part in workbook.sheets.first { $0.part == part } }
            ?? workbook.sheets.first { !$0.isHidden }
        guard let sheet = chosen else {
            throw InputUnreadable(path: file, reason: document.part.map { "the workbook has no worksheet \($0)" } ?? "the workbook has no visible worksheet")
        }
        let rows = XLSXRowHandler(document: document, sink: sink)
        do {
            let sharedStrings = try XLSXSharedStrings(package: package)
            let styles = try XLSXStyles(package: package)
            var consumer = XLSXSheetRows(sharedStrings: sharedStrings, styles: styles, uses1904Dates: workbook.uses1904Dates) { row in
                rows.accept(&row)
            }
            let outcome = try package.withPart(sheet.part) { path in
                XMLStreamReader.read(file: path, into: &consumer)
            }
            rows.finish()
            if consumer.outOfRangeCells > 0 { sink.report(XLSXDiagnostics.cellsOutOfRange(consumer.outOfRangeCells, file: file)) }
            if let outcome, !outcome.completed {
                let problem = outcome.problems.last { $0.level == .fatal } ?? outcome.problems.last
                    ?? XMLStreamProblem(level: .fatal, code: 0, message: "the document ends early", line: outcome.stoppedAtLine, column: nil)
                sink.report(XMLStreamDiagnostics.malformed(problem, file: file))
            }
        } catch let unreadable as XLSXPackage.Unreadable {
            // Parts are decompressed whole before they are read, so no row was handed on.
            throw InputUnreadable(path: file, reason: unreadable.reason)
        }
    }
}

/// Hands a sheet's rows to the record builder, once the first rows have told whether titles come before the
/// header (`CSVDialectSniffer.preamble(of:)`, as for a CSV file's first lines).
private final class XLSXRowHandler {
    private let document: SourceDocument
    private let sink: RecordSink
    private var builder: CSVRecordBuilder?
    private var waiting: [XLSXRow] = []
    private var finished = false
    /// Rows with cells looked at for a preamble: its title rows (at most five), the header and one row.
    private static let rowsForPreamble = CSVDialectSniffer.maximumPreamble + 2

    init(document: SourceDocument, sink: RecordSink) {
        self.document = document
        self.sink = sink
    }

    func accept(_ row: inout XLSXRow) {
        for problem in row.problems { sink.report(XLSXDiagnostics.cellProblem(problem, file: document.displayPath, line: row.number)) }
        guard var builder else {
            waiting.append(row)
            if waiting.count(where: { !$0.cells.isEmpty }) >= Self.rowsForPreamble { start() }
            return
        }
        self.builder = nil
        builder.accept(cells: row.cells, line: row.number, sink: sink)
        self.builder = builder
    }

    func finish() {
        guard !finished else { return }
        finished = true
        if builder == nil { start() }
        guard var builder else { return }
        builder.finish(sink: sink)
        if builder.header == nil {
            sink.report(XLSXDiagnostics.sheetEmpty(file: document.displayPath))
        } else if builder.recordCount == 0 {
            sink.report(CSVDiagnostics.headerOnly(file: document.displayPath))
        }
    }

    private func start() {
        let shape = waiting.filter { !$0.cells.isEmpty }.map(\.cells.count)
        var builder = CSVRecordBuilder(document: document, delimiter: UInt8(ascii: ","), preambleRows: CSVDialectSniffer.preamble(of: shape))
        for row in waiting { builder.accept(cells: row.cells, line: row.number, sink: sink) }
        waiting = []
        self.builder = builder
    }
}

/// What an Excel sheet's cells can have wrong.
enum XLSXDiagnostics {
    static func cellProblem(_ problem: XLSXCellProblem, file: String, line: Int) -> Diagnostic {
        let location = SourceLocation(file: file, line: line)
        switch problem.kind {
        case .errorValue(let error):
            return Diagnostic(.warning, .xlsxCellError,
                              "Cell \(problem.reference) holds Excel's error value \(error) (a formula that could not be worked out); the cell is read as empty.",
                              at: location)
        case .missingSharedString(let index, let count):
            return Diagnostic(.warning, .xlsxSharedStringMissing,
                              "Cell \(problem.reference) names shared text \"\(index)\", but the workbook's table has \(count) entries (the file is damaged); the cell is read as empty.",
                              at: location)
        case .formulaWithoutResult(let formula):
            return Diagnostic(.warning, .xlsxFormulaUncalculated,
                              "Cell \(problem.reference) holds \(formula) but no result: the file was written by a program that does not calculate (a script, an export library) and never opened in a spreadsheet program. Katalog does not evaluate formulas; the cell is read as empty. Open and save the file in Excel or LibreOffice to store the results.",
                              at: location)
        }
    }

    static func cellsOutOfRange(_ count: Int, file: String) -> Diagnostic {
        Diagnostic(.warning, .xlsxCellOutOfRange,
                   "\(count) cell\(count == 1 ? " names a column" : "s name columns") past XFD, the last of Excel's \(XLSXSheetRows.maximumColumns); \(count == 1 ? "it was" : "they were") not read.",
                   at: SourceLocation(file: file))
    }

    static func sheetEmpty(file: String) -> Diagnostic {
        Diagnostic(.info, .xlsxSheetEmpty, "The worksheet has no cells with values; there is nothing to read.", at: SourceLocation(file: file))
    }
}
