import Foundation
import KatalogCore
import KatalogTestSupport
import Testing
@testable import KatalogReaders

/// Excel workbooks (.xlsx) read as spreadsheets: cells as the user sees them, rows at their sheet row numbers.
struct XLSXReaderTests {
    static let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#

    /// A workbook of `sheets` (name, hidden, sheet XML body inside `<sheetData>`), with a shared string table and
    /// styles: style 1 a date (built-in 14), 2 a percent (10), 3 a custom date-time, 4 a custom number with text.
    /// `replacing` entries take the place of the parts of the same name.
    static func workbook(_ sheets: [(name: String, hidden: Bool, rows: String)], strings: [String] = [], date1904: Bool = false,
                         replacing: [ZipBuilder.Entry] = []) -> Data {
        var entries: [ZipBuilder.Entry] = [.init("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)]
        let sheetList = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(sheet.name)" sheetId="\#(index + 1)"\#(sheet.hidden ? #" state="hidden""# : "") r:id="rId\#(index + 1)"/>"#
        }.joined()
        entries.append(.init("xl/workbook.xml", #"<?xml version="1.0"?><workbook \#(main) xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\#(date1904 ? #"<workbookPr date1904="1"/>"# : "")<sheets>\#(sheetList)</sheets></workbook>"#))
        let relationships = sheets.indices.map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        entries.append(.init("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships)</Relationships>"#))
        for (index, sheet) in sheets.enumerated() {
            entries.append(.init("xl/worksheets/sheet\(index + 1).xml", #"<?xml version="1.0"?><worksheet \#(main)><sheetData>\#(sheet.rows)</sheetData></worksheet>"#))
        }
        let items = strings.map { "<si><t>\($0)</t></si>" }.joined()
        entries.append(.init("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst \#(main)>\#(items)</sst>"#))
        entries.append(.init("xl/styles.xml", #"""
            <?xml version="1.0"?><styleSheet \#(main)><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd\ hh:mm"/><numFmt numFmtId="165" formatCode="#,##0.00\ &quot;kg&quot;"/></numFmts>
            <cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="10"><alignment horizontal="left"/></xf><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>
            """#))
        let replaced = Set(replacing.map(\.name))
        return Data(ZipBuilder(entries.filter { !replaced.contains($0.name) } + replacing).bytes)
    }

    static func read(_ data: Data, part: String? = nil) throws -> CollectingSink {
        let path = try FeedTestSupport.temporaryFile("kainos.xlsx", data)
        let sink = CollectingSink()
        try XLSXReader().read(SourceDocument(fileURL: path, displayPath: "kainos.xlsx", kind: .xlsx, part: part), into: sink)
        return sink
    }

    static func values(_ record: RawRecord) -> [String: String] {
        Dictionary(record.fields.compactMap { field in field.label.map { ($0, field.value) } }, uniquingKeysWith: { first, _ in first })
    }

    @Test func cellsAreReadAsTheSheetShowsThemAtTheirRowNumbers() throws {
        let rows = #"""
            <row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>5</v></c><c r="G2" t="s"><v>6</v></c><c r="H2" t="s"><v>7</v></c></row>
            <row r="5"><c r="A5" t="s"><v>8</v></c><c r="B5"><v>14.000000000000002</v></c><c r="C5" s="2"><v>0.21</v></c><c r="D5" s="1"><v>46357</v></c>
              <c r="E5" t="str"><f>A5&amp;"-LT"</f><v>KA-1-LT</v></c><c r="F5" t="b"><v>1</v></c><c r="G5" t="inlineStr"><is><r><t>Kavos </t></r><r><rPr><b/></rPr><t xml:space="preserve">aparatas_x000D_</t></r><rPh sb="0" eb="1"><t>カ</t></rPh></is></c><c r="H5"><v>4.006381333931E+12</v></c></row>
            <row r="6"><c r="A6" t="s"><v>9</v></c><c r="B6" t="e"><f>VLOOKUP(A6,X!A:B,2,0)</f><v>#N/A</v></c><c r="C6"><f>B6*1.21</f></c><c r="D6" s="3"><v>46357.75</v></c><c r="E6" t="s"><v>40</v></c><c r="F6"><f t="shared" si="0"/></c><c r="H6" s="4"><v>1.5</v></c></row>
            """#
        let sink = try Self.read(Self.workbook([("Kainos", false, rows)], strings: ["Prekės kodas", "Kaina", "PVM", "Galioja nuo", "Kodas LT", "Aktyvus", "Pavadinimas", "Barkodas", "KA-1", "KA-2"]))
        #expect(sink.records.count == 2)
        let first = try #require(sink.records.first)
        #expect(first.location.line == 5 && first.location.record == 1)
        #expect(Self.values(first) == [
            "Prekės kodas": "KA-1", "Kaina": "14", "PVM": "21%", "Galioja nuo": "2026-12-01", "Kodas LT": "KA-1-LT", "Aktyvus": "TRUE",
            "Pavadinimas": "Kavos aparatas\r", "Barkodas": "4006381333931",
        ])
        #expect(first.fields.allSatisfy { $0.line == 5 && $0.origin == .csvColumn })
        let second = try #require(sink.records.last)
        #expect(second.location.line == 6)
        #expect(Self.values(second) == ["Prekės kodas": "KA-2", "Galioja nuo": "2026-12-01T18:00:00", "Barkodas": "1.5"])
        let codes = sink.diagnostics.map(\.code)
        #expect(codes == [.xlsxCellError, .xlsxFormulaUncalculated, .xlsxSharedStringMissing, .xlsxFormulaUncalculated])
        #expect(sink.diagnostics[0].message.contains("Cell B6 holds Excel's error value #N/A") && sink.diagnostics[0].location.line == 6)
        #expect(sink.diagnostics[1].message.hasPrefix("Cell C6 holds =B6*1.21 but no result"))
        #expect(sink.diagnostics[2].message.contains("Cell E6 names shared text \"40\", but the workbook's table has 10 entries"))
        #expect(sink.diagnostics[3].message.hasPrefix("Cell F6 holds a shared formula but no result"))
    }

    @Test func aNamedSheetIsReadAndTitleRowsBeforeTheHeaderArePassedOver() throws {
        let first = #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>"#
        let second = #"""
            <row r="1"><c r="A1" t="inlineStr"><is><t>Kainoraštis 2026-12-01</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>Prekės kodas</t></is></c><c r="B3" t="inlineStr"><is><t>Pavadinimas</t></is></c><c r="C3" t="inlineStr"><is><t>Kaina</t></is></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>B-1</t></is></c><c r="B4" t="inlineStr"><is><t>Šalmas</t></is></c><c r="C4"><v>20.5</v></c></row>
            """#
        let data = Self.workbook([("Pirmas", false, first), ("Antras", false, second)])
        let sink = try Self.read(data, part: "xl/worksheets/sheet2.xml")
        #expect(sink.records.count == 1)
        #expect(sink.records.first.map(Self.values) == ["Prekės kodas": "B-1", "Pavadinimas": "Šalmas", "Kaina": "20.5"])
        #expect(sink.records.first?.location.line == 4)
        #expect(sink.diagnostics.map(\.code) == [.csvPreamble] && sink.diagnostics.first?.location.line == 1)
        // Without a part, the first visible sheet.
        #expect(try Self.read(data).records.first.map(Self.values) == ["a": "1", "b": "2"])
    }

    @Test func hostileSheetsAreBoundedAndReported() throws {
        let rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>sku</t></is></c><c r="B1" t="inlineStr"><is><t>kaina</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>X-1</t></is></c><c r="ZZZZZZ2"><v>1</v></c><c r="B2"><v>3</v></c></row><row r="3"><c r="A3"><v>2</v>"#
        let sink = try Self.read(Self.workbook([("Blogas", false, rows)]))
        #expect(sink.records.count == 1, "the row before the broken XML is kept")
        #expect(sink.records.first.map(Self.values) == ["sku": "X-1", "kaina": "3"])
        #expect(sink.diagnostics.contains { $0.code == .xlsxCellOutOfRange && $0.message.hasPrefix("1 cell names a column past XFD") })
        #expect(sink.diagnostics.contains { $0.code == .xmlMalformed })

        // A part that declares far more bytes than its compressed size allows is refused before it is decompressed.
        let bomb = Self.workbook([("Kainos", false, "")], replacing: [.init("xl/sharedStrings.xml", "<sst/>", declaredSize: 900_000_000)])
        #expect { try Self.read(bomb) } throws: { "\($0)".contains("likely decompression bomb") }
        // One that holds more than it declares is refused while it is decompressed. (A part that fits one 64 KiB
        // read is caught by zlib's size check at its end instead; this one is 1.7 MB.)
        let lying = Self.workbook([("Kainos", false, "")], replacing: [.init("xl/sharedStrings.xml", "<sst>" + String(repeating: "<si><t>x</t></si>", count: 100_000) + "</sst>", declaredSize: 10)])
        #expect { try Self.read(lying) } throws: { "\($0)".contains("its part xl/sharedStrings.xml decompresses to more than the 10 bytes the package declares") }
    }

    @Test func aWorkbookWithoutVisibleSheetsOrABinaryOneIsUnreadableWithTheReason() throws {
        #expect { try Self.read(Self.workbook([("Slaptas", true, "")])) } throws: { "\($0)".contains("no visible worksheet") }
        let binary = Data(ZipBuilder([.init("[Content_Types].xml", "<Types/>"), .init("xl/workbook.bin", "\u{1}")]).bytes)
        #expect { try Self.read(binary) } throws: { "\($0)".contains("binary Excel workbook (.xlsb)") }
        let empty = try Self.read(Self.workbook([("Sheet1", false, "")]))
        #expect(empty.records.isEmpty && empty.diagnostics.map(\.code) == [.xlsxSheetEmpty])
    }

    @Test(arguments: [
        ("14.000000000000002", "14"), ("0.30000000000000004", "0.3"), ("58.99", "58.99"), ("4.006381333931E+12", "4006381333931"),
        ("1E-3", "0.001"), ("-2.5", "-2.5"), ("0", "0"), ("-0", "0"), ("247.10000000000002", "247.1"), ("9.9999999999999999E-2", "0.1"),
        ("12345678901234567", "12345678901234600"), ("0.000012", "0.000012"), ("100", "100"), ("1.0E+2", "100"), ("text", "text"), ("1e", "1e"),
    ])
    func numbersHaveExcelsFifteenDigitsAndNoExponent(stored: String, shown: String) {
        #expect(XLSXNumberText.text(stored, format: .number, uses1904Dates: false) == shown)
    }

    @Test func plainNumbersPassThroughAsTheGeneralPathWritesThem() {
        var generator = SystemRandomNumberGenerator()
        let pool: [String] = ["0", "1", "5", "9", ".", "-", "E", "+", "00"]
        var texts = ["0", "-0", "0.0", "10", "10.50", "007", "0.001", "-0.5", ".5", "5.", "123456789012345", "1234567890123456", "1.00000000000001"]
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 1...18, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let general = XLSXNumberText.Digits(text).map { $0.rounded(to: XLSXNumberText.significantDigits).plain } ?? text
            if XLSXNumberText.isAlreadyPlain(text) { #expect(general == text, "\(text)") }
            #expect(XLSXNumberText.text(text, format: .number, uses1904Dates: false) == general, "\(text)")
        }
    }

    @Test(arguments: [
        ("46357", XLSXNumberFormat.date, false, "2026-12-01"), ("61", .date, false, "1900-03-01"), ("59", .date, false, "1900-02-28"),
        ("1", .date, false, "1900-01-01"), ("60", .date, false, "1900-02-29"), ("0", .date, true, "1904-01-01"), ("44895", .date, true, "2026-12-01"),
        ("46357.5", .dateTime, false, "2026-12-01T12:00:00"), ("0.75", .time, false, "18:00:00"), ("0.99999999", .time, false, "00:00:00"),
        ("0.21", .percent, false, "21%"), ("9.0000000000000011E-2", .percent, false, "9%"), ("-5", .date, false, "-5"),
    ])
    func datesTimesAndPercentsAreWrittenAsTheirFormatsMeanThem(stored: String, format: XLSXNumberFormat, uses1904: Bool, shown: String) {
        #expect(XLSXNumberText.text(stored, format: format, uses1904Dates: uses1904) == shown)
    }

    @Test func formatCodesTellDatesTimesAndPercents() {
        #expect(XLSXNumberFormat.of(code: "yyyy\\-mm\\-dd;@") == .date)
        #expect(XLSXNumberFormat.of(code: "[$-427]d mmmm yyyy") == .date)
        #expect(XLSXNumberFormat.of(code: "dd/mm/yyyy hh:mm") == .dateTime)
        #expect(XLSXNumberFormat.of(code: "[h]:mm:ss") == .time)
        #expect(XLSXNumberFormat.of(code: "0.00%") == .percent)
        #expect(XLSXNumberFormat.of(code: "#,##0.00\\ \"€\"") == .number)
        #expect(XLSXNumberFormat.of(code: "0.00 \"dienos\"") == .number, "quoted text is no date")
        #expect(XLSXNumberFormat.of(code: "General") == .number)
        #expect(XLSXNumberFormat.of(code: "[Red]#,##0;[Blue]-d") == .number, "only the first section counts")
        #expect(XLSXNumberFormat.builtIn(14) == .date && XLSXNumberFormat.builtIn(9) == .percent && XLSXNumberFormat.builtIn(2) == .number)
    }

    @Test func textEscapesReferencesAndPartNames() {
        #expect(XLSXText.decodingEscapes("a_x000D__x000A_b") == "a\r\nb")
        #expect(XLSXText.decodingEscapes("_x005F_x0041_") == "_x0041_")
        #expect(XLSXText.decodingEscapes("SKU_x12") == "SKU_x12")
        #expect(XLSXSheetRows.column(of: "A1") == 0 && XLSXSheetRows.column(of: "AB12") == 27 && XLSXSheetRows.column(of: "XFD3") == 16_383)
        #expect(XLSXSheetRows.column(of: "12") == nil)
        #expect(XLSXSheetRows.reference(column: 27, row: 5) == "AB5")
        #expect(XLSXNames.partName(target: "worksheets/sheet1.xml", base: "xl/") == "xl/worksheets/sheet1.xml")
        #expect(XLSXNames.partName(target: "/xl/worksheets/sheet2.xml", base: "xl/") == "xl/worksheets/sheet2.xml")
        #expect(XLSXNames.partName(target: "../xl/a.xml", base: "xl/") == "xl/a.xml")
    }
}
