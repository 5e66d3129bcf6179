import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// A bad row never costs the rows after it (issue 14): cells, rows and headers past the caps are cut where the
/// docs say, the next row is read as usual, and the sniffers decide on what the first bytes hold. Inputs are made
/// here; the 64 MB and 100,000-column figures measured on the release build are in docs/reliability.md.
struct CSVHostileInputTests {
    static let cap = CSVTokenizer.maximumFieldBytes

    static func write(_ name: String, _ parts: [String]) throws -> String {
        var data = Data()
        for part in parts { data.append(contentsOf: part.utf8) }
        return try FeedTestSupport.temporaryFile(name, data)
    }

    /// A header of `columns` columns (`sku,title,price,c4,…`) and one row with its first three cells set.
    static func wideFile(columns: Int, delimiter: String) -> [String] {
        let names = ["sku", "title", "price"] + (4...columns).map { "c\($0)" }
        return [names.joined(separator: delimiter), "\n", ["W-1", "Wide row", "7.50"].joined(separator: delimiter),
                String(repeating: delimiter, count: columns - 3), "\n"]
    }

    @Test(arguments: [false, true])
    func aCellOverTheCapIsCutAndTheNextRowIsKept(quoted: Bool) throws {
        let huge = String(repeating: "x", count: 3 * Self.cap)
        let cell = quoted ? "\"" + huge + "\"" : huge
        let path = try Self.write("huge-cell.csv", ["sku;title;price\n", "A-1;", cell, ";9,99\n", "B-2;Normal row;5,00\n"])
        #expect(try InputSniffer().sniff(path: path) == .csv)
        let sink = try FeedTestSupport.read(CSVReader(), path, kind: .csv)
        #expect(sink.records.count == 2)
        #expect(sink.records.first?.value("title")?.utf8.count == Self.cap)
        #expect(sink.records.first?.value("price") == "9,99", "the cells after the cut one stay in their columns")
        #expect(sink.records.last?.fields.map(\.value) == ["B-2", "Normal row", "5,00"])
        #expect(sink.records.last?.location.line == 3)
        #expect(sink.codes == [.csvFieldTooLong])
        #expect(sink.diagnostics.first?.location.record == 1)
    }

    /// A stray quote whose next quote never comes (or comes megabytes later) swallowed every later row before.
    @Test(arguments: [false, true])
    func aRunawayQuoteGivesBackTheRowsItSwallowed(closedLater: Bool) throws {
        let rows = (1...60_000).map { "B-\($0);Row \($0);2,00\n" }.joined()
        let tail = closedLater ? "C-1;closing\";3,00\nD-1;last;4,00\n" : "C-1;no quote;3,00\n"
        let path = try Self.write("runaway.csv", ["sku;title;price\n", "A-1;\"Stray quote;1,00\n", rows, tail])
        let sink = try FeedTestSupport.read(CSVReader(), path, kind: .csv)
        #expect(sink.records.count == 60_000 + (closedLater ? 3 : 2))
        #expect(sink.records.first?.fields.map(\.value) == ["A-1", "\"Stray quote", "1,00"])
        let row = try #require(sink.records.dropFirst(30_000).first)
        #expect(row.fields.map(\.value) == ["B-30000", "Row 30000", "2,00"])
        #expect(row.location.line == 30_002 && row.location.record == 30_001)
        #expect(sink.records.last?.value("sku") == (closedLater ? "D-1" : "C-1"))
        #expect(sink.codes.filter { $0 != .csvStrayQuote } == [.csvRunawayQuote])
        #expect(sink.diagnostics.first?.location.line == 2)
    }

    /// A real multi-line cell over the cap (prose lines, no delimiters) stays one cell, cut; its row and the
    /// next are kept.
    @Test(arguments: ["\n", "\r\n"])
    func aLongMultiLineCellIsNoRunawayQuote(_ lineBreak: String) throws {
        let text = String(repeating: String(repeating: "y", count: 1000) + lineBreak, count: 2_500)
        let path = try Self.write("multiline.csv", ["sku;description;price\n", "A-1;\"", text, "\";9,99\n", "B-2;Normal row;5,00\n"])
        let sink = try FeedTestSupport.read(CSVReader(), path, kind: .csv)
        #expect(sink.records.map { $0.value("sku") } == ["A-1", "B-2"])
        #expect(sink.records.first?.value("description")?.utf8.count == Self.cap)
        #expect(sink.records.first?.value("price") == "9,99")
        #expect(sink.codes == [.csvFieldTooLong])
    }

    @Test(arguments: [",", ";", "\t", "|"])
    func aHeaderOf100000ColumnsKeepsItsDelimiterAndRow(_ delimiter: String) throws {
        let path = try Self.write(delimiter == "\t" ? "wide.tsv" : "wide.csv", Self.wideFile(columns: 100_000, delimiter: delimiter))
        let kind = try InputSniffer().sniff(path: path)
        #expect(kind == (delimiter == "\t" ? .tsv : .csv))
        let sink = try FeedTestSupport.read(CSVReader(), path, kind: kind)
        #expect(sink.records.count == 1)
        #expect(sink.records.first?.fields.map { $0.label ?? "" } == ["sku", "title", "price"])
        #expect(sink.records.first?.fields.map(\.value) == ["W-1", "Wide row", "7.50"])
        #expect(sink.diagnostics.isEmpty, "\(sink.codes)")
    }

    @Test func aHeaderPastTheCellCapKeepsItsFirstColumnsAndSaysSo() throws {
        let path = try Self.write("wider.csv", Self.wideFile(columns: CSVTokenizer.maximumCells + 20, delimiter: ","))
        let sink = try FeedTestSupport.read(CSVReader(), path, kind: .csv)
        #expect(sink.records.first?.fields.map(\.value) == ["W-1", "Wide row", "7.50"])
        #expect(sink.codes == [.csvTooManyCells, .csvTooManyCells], "the header and the row")
        #expect(sink.diagnostics.first?.location.line == 1 && sink.diagnostics.first?.location.record == nil)
        #expect(sink.diagnostics.first?.message.contains("the 20 past that") == true)
    }

    @Test func aRowOverItsByteCapKeepsItsColumnsAndTheNextRow() throws {
        let big = String(repeating: "y", count: 900 * 1024)
        let cells = Array(repeating: big, count: 6).joined(separator: ";")
        let path = try Self.write("long-row.csv", ["sku;d1;d2;d3;d4;d5;d6;price\n", "A-1;", cells, ";1,00\n", "B-2;a;b;c;d;e;f;5,00\n"])
        let sink = try FeedTestSupport.read(CSVReader(), path, kind: .csv)
        #expect(sink.records.count == 2)
        let first = try #require(sink.records.first)
        let kept = first.fields.map(\.value.utf8.count).reduce(0, +)
        #expect(kept <= CSVTokenizer.maximumRowBytes)
        #expect(first.value("d4")?.utf8.count == big.utf8.count)
        let cut = first.value("d5")?.utf8.count ?? 0
        #expect(cut > 0 && cut < big.utf8.count, "the cell at the cap is cut")
        #expect(first.value("d6") == nil && first.value("price") == nil, "cells past the cap are empty")
        #expect(sink.records.last?.value("price") == "5,00")
        #expect(sink.codes == [.csvRowTooLong])
        #expect(sink.diagnostics.first?.message.contains("3 cells") == true, "\(sink.diagnostics)")
    }

    @Test func cellsPastTheCellCapAreDroppedAndTheNextRowIsKept() throws {
        let path = try Self.write("many-cells.csv", ["sku;title;price\n", "A-1;T;1,00", String(repeating: ";", count: CSVTokenizer.maximumCells + 500), "\n", "B-2;Normal row;5,00\n"])
        #expect(try InputSniffer().sniff(path: path) == .csv)
        let sink = try FeedTestSupport.read(CSVReader(), path, kind: .csv)
        #expect(sink.records.map { $0.value("sku") } == ["A-1", "B-2"])
        #expect(sink.codes == [.csvTooManyCells])
        #expect(sink.diagnostics.first?.message.contains("the 503 past that") == true, "\(sink.diagnostics)")
    }

    @Test func theTokenizerKeepsAtMostTheCapWhateverTheChunking() {
        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ";"))
        var rows: [CSVTokenizer.Row] = []
        let chunk = [UInt8](repeating: UInt8(ascii: "z"), count: 300_000)
        chunk.withUnsafeBufferPointer { buffer in
            for _ in 0..<10 { tokenizer.feed(buffer) { rows.append($0) } }
        }
        Array("\nnext;row\n".utf8).withUnsafeBufferPointer { tokenizer.feed($0) { rows.append($0) } }
        #expect(rows.count == 2)
        #expect(rows.first?.fields.map(\.utf8.count) == [Self.cap])
        #expect(rows.first?.oversizedFields == 1)
        #expect(rows.last?.fields == ["next", "row"])
        #expect(rows.last?.line == 2)
    }

    /// (prefix, ends input, delimiter) — the dialect is decided on the first bytes whatever follows.
    static let prefixCases: [(String, Bool, String)] = [
        ("sku;title;price\nA-1;" + String(repeating: "x", count: 70_000), false, ";"),
        ("sku,title,price\nA-1,\"" + String(repeating: "x;", count: 35_000), false, ","),
        ((1...20_000).map { "col\($0)" }.joined(separator: "|"), false, "|"),
        ("\"a,b\";\"c,d\";e\n1;2;3\n", true, ";"),
        ("a,b\n1,2", true, ","),
        // A title line before the header (commas in the rows would otherwise win).
        ("Price list\nsku;title;price\nA-1;Lamp, large;9,99\n", true, ";"),
    ]

    @Test(arguments: prefixCases)
    func theDialectComesFromTheFirstRows(_ text: String, _ endsInput: Bool, _ expected: String) {
        let bytes = Array(text.utf8.prefix(64 * 1024))
        let found = bytes.withUnsafeBufferPointer { CSVDialectSniffer.delimiter(forPrefix: $0, endsInput: endsInput, preferTab: false) }
        #expect(found == UInt8(ascii: Unicode.Scalar(expected)!))
    }

    @Test func prosePastTheSniffWindowIsNoCSV() throws {
        let sentence = "This kettle, which boils water quickly, is made of steel, glass and plastic. "
        let path = try Self.write("notes.txt", [String(repeating: sentence, count: 2_000)])
        #expect(try InputSniffer().sniff(path: path) == .textPage)
    }
}
