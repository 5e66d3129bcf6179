// An Excel worksheet's XML through the sheet reader (`XLSXSheetRows` on libxml2's stream reader) into the CSV record
// builder, the same bytes as a shared string table, and the number text of each cell format. Invariants: a row has
// a positive number and at most 16,384 cells; every record's line is the number of a row handed over; a number's
// text holds no exponent and is its own text (reading it again changes nothing).
import FuzzSupport
import Foundation
import KatalogCore
@testable import KatalogReaders

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    let data = Data(raw)

    // The bytes as a shared string table (inline strings are read by the same rules in the sheet).
    var collector = XLSXRichTextCollector(item: "si")
    let outcome = XMLStreamReader.read(memory: data) { collector.deliver($0) }
    let table = XLSXSharedStrings(strings: collector.texts)
    _ = outcome

    // The bytes as a worksheet.
    let sink = CollectingSink()
    var builder = CSVRecordBuilder(document: SourceDocument(fileURL: "/dev/null", displayPath: "fuzz.xlsx/Sheet1", kind: .xlsx), delimiter: UInt8(ascii: ","))
    var numbers: Set<Int> = []
    var rows = XLSXSheetRows(sharedStrings: table, styles: XLSXStyles(), uses1904Dates: count % 2 == 0) { row in
        invariant(row.number > 0, "row number \(row.number)")
        invariant(row.cells.count <= XLSXSheetRows.maximumColumns, "\(row.cells.count) cells")
        numbers.insert(row.number)
        builder.accept(cells: row.cells, line: row.number, sink: sink)
    }
    _ = XMLStreamReader.read(memory: data) { rows.deliver($0) }
    builder.finish(sink: sink)
    for record in sink.records {
        invariant(record.location.line.map { numbers.contains($0) } ?? false, "record at line \(record.location.line ?? -1), not a row's")
    }

    // The first line of the bytes as a stored number, in every format.
    let stored = String(raw.lossyText.prefix { $0 != "\n" }.prefix(64))
    for format in [XLSXNumberFormat.number, .percent, .date, .dateTime, .time] {
        let text = XLSXNumberText.text(stored, format: format, uses1904Dates: false)
        if format == .number, XLSXNumberText.Digits(stored) != nil {
            invariant(!text.contains("E") && !text.contains("e"), "\(stored) → \(text)")
            invariant(XLSXNumberText.text(text, format: .number, uses1904Dates: false) == text, "\(stored) → \(text), not idempotent")
        }
    }
    return 0
}
