import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// CSV/TSV as spreadsheets really export them.
struct CSVReaderTests {
    static func read(_ text: String, name: String = "prekes.csv", kind: InputKind = .csv, encoding: String.Encoding = .utf8) throws -> CollectingSink {
        let data = try #require(text.data(using: encoding, allowLossyConversion: false))
        return try FeedTestSupport.read(CSVReader(), FeedTestSupport.temporaryFile(name, data), kind: kind)
    }

    /// (delimiter name, file text) — the same two products, exported four ways.
    static let delimiterCases: [(String, String)] = [
        ("semicolon", "Prekės kodas;Pavadinimas;Kaina\nA-1;Virdulys, 1,7 l;29,99\nB-2;\"Šalmas; M\";59,90\n"),
        ("comma", "Kod produktu,Nazwa,Cena\nA-1,\"Virdulys, 1,7 l\",\"29,99\"\nB-2,Šalmas; M,\"59,90\"\n"),
        ("tab", "Artikuls\tNosaukums\tCena\nA-1\tVirdulys, 1,7 l\t29,99\nB-2\tŠalmas; M\t59,90\n"),
        ("pipe", "sku|title|price\nA-1|Virdulys, 1,7 l|29,99\nB-2|Šalmas; M|59,90\n"),
    ]

    @Test(arguments: delimiterCases)
    func delimiterIsSniffed(_ name: String, _ text: String) throws {
        let sink = try Self.read(text)
        #expect(sink.records.count == 2, "\(name)")
        #expect(sink.records.map { $0.fields.map(\.value) } == [["A-1", "Virdulys, 1,7 l", "29,99"], ["B-2", "Šalmas; M", "59,90"]], "\(name)")
        #expect(sink.records.allSatisfy { $0.fields.allSatisfy { $0.origin == .csvColumn } })
        #expect(sink.diagnostics.isEmpty, "\(name): \(sink.diagnostics)")
    }

    @Test func titleLinesBeforeTheHeaderAreReportedNotRead() throws {
        let sink = try Self.read("Kainoraštis 2026-12-01\r\n\"UAB Tiekėjas, Vilnius\"\r\n\r\nPrekės kodas;Pavadinimas;Kaina\r\nA-1;Lempa;9,99\r\nA-2;Virdulys;19,99\r\n")
        #expect(sink.records.map { $0.fields.map(\.label) } == Array(repeating: ["Prekės kodas", "Pavadinimas", "Kaina"], count: 2))
        #expect(sink.records.map(\.location.line) == [5, 6])
        let titles = sink.diagnostics.filter { $0.code == .csvPreamble }
        #expect(titles.map(\.location.line) == [1, 2])
        #expect(titles[1].message.contains("UAB Tiekėjas, Vilnius") && titles.allSatisfy { $0.severity == .info })
    }

    @Test(arguments: [([1, 3, 3], 1), ([1, 1, 3, 3], 2), ([1, 3], 0), ([1, 3, 4], 0), ([1, 1, 1, 1, 1, 1, 3, 3], 0), ([1, 2, 2], 0), ([1, 1, 1], 0), ([3, 3, 3], 0), ([], 0)])
    func aPreambleIsTitleLinesBeforeAWideHeader(rows: [Int], expected: Int) {
        #expect(CSVDialectSniffer.preamble(of: rows) == expected)
    }

    @Test func aOneColumnFileHasNoPreamble() throws {
        let sink = try Self.read("sku\nA-1\nA-2\n")
        #expect(sink.records.count == 2 && !sink.diagnostics.contains { $0.code == .csvPreamble })
    }

    @Test func excelsSeparatorLineNamesTheDelimiterAndIsNoHeader() throws {
        // Commas in every cell would make a sniff pick `,`; the directive says `;`.
        let sink = try Self.read("sep=;\r\nPrekės kodas;Pavadinimas, spalva;Kaina\r\nA-1;Lempa, balta;9,99\r\nB-2;Lempa, juoda;10,99\r\n")
        #expect(sink.records.map { $0.fields.map(\.label) } == Array(repeating: ["Prekės kodas", "Pavadinimas, spalva", "Kaina"], count: 2))
        #expect(sink.records.map { $0.fields.map(\.value) } == [["A-1", "Lempa, balta", "9,99"], ["B-2", "Lempa, juoda", "10,99"]])
        #expect(sink.records.map(\.location.line) == [3, 4], "lines are the file's: the directive is line 1")
        #expect(sink.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("sep=;\n", UInt8(ascii: ";"), 6), ("\"sep=,\"\r\n", UInt8(ascii: ","), 9), ("SEP=|\nsku|title", UInt8(ascii: "|"), 6),
        ("sep=\t\r\n", UInt8(ascii: "\t"), 7),
    ])
    func aSeparatorDirectiveIsRead(text: String, delimiter: UInt8, length: Int) throws {
        let directive = try #require(Array(text.utf8).withUnsafeBufferPointer { CSVDialectSniffer.separatorDirective(in: $0) })
        #expect(directive.delimiter == delimiter && directive.length == length)
    }

    @Test(arguments: ["sep;price\n", "sep=;", "sep=;;\n", "sep=\n", "\"sep=;\n", "separator=;\n", " sep=;\n", "sep=\"\n"])
    func otherFirstLinesAreNoDirective(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { CSVDialectSniffer.separatorDirective(in: $0) } == nil)
    }

    @Test func quotedCellsKeepDelimitersQuotesAndLineBreaks() throws {
        let text = "sku;Aprašymas;Kaina\r\nA-1;\"Pirma eilutė;\r\nantra \"\"kabutėse\"\"\";10\r\nB-2;paprasta;20\r\n"
        let sink = try Self.read(text)
        #expect(sink.records.count == 2)
        #expect(sink.records[0].value("Aprašymas") == "Pirma eilutė;\r\nantra \"kabutėse\"")
        #expect(sink.records[0].location.line == 2)
        #expect(sink.records[1].location.line == 4)
        #expect(sink.records[1].location.record == 2)
    }

    /// (encoding, text) — Baltic and Central European code pages, with and without a BOM.
    static let encodingCases: [(String.Encoding, String)] = [
        (.utf8, "\u{FEFF}Prekės kodas;Pavadinimas;Svoris (kg)\nŽ-1;Žieminė padanga;8,6\n"),
        (.utf8, "Prekės kodas;Pavadinimas;Svoris (kg)\nŽ-1;Žieminė padanga;8,6\n"),
        (.windowsCP1250, "Kod produktu;Nazwa;Waga [kg]\nŻ-1;Żółta opona zimowa;8,6\n"),
        (.isoLatin2, "Kód;Název;Hmotnost\nŘ-1;Zimní pneumatika Řada;8,6\n"),
        (.utf16LittleEndian, "\u{FEFF}Artikuls\tNosaukums\tSvars (kg)\nĀ-1\tZiemas riepa ķēde\t8,6\n"),
    ]

    @Test(arguments: encodingCases)
    func encodingsAreDecoded(_ encoding: String.Encoding, _ text: String) throws {
        let sink = try Self.read(text, kind: text.contains("\t") ? .tsv : .csv, encoding: encoding)
        let expected = text.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\n").map { $0.split(whereSeparator: { $0 == ";" || $0 == "\t" }).map(String.init) }
        #expect(sink.records.count == 1)
        #expect(sink.records.first?.fields.map { $0.label ?? "" } == expected[0])
        #expect(sink.records.first?.fields.map(\.value) == expected[1])
    }

    @Test func windows1257IsSniffedWithoutDeclaration() throws {
        let path = FeedTestSupport.sample("prekes-lt-cp1257.csv")
        let sink = try FeedTestSupport.read(CSVReader(), path, kind: .csv)
        #expect(sink.records.count == 12)
        #expect(sink.records[0].fields.map { $0.label ?? "" }.contains("Aukštis (cm)"))
        #expect(sink.records[0].value("Pavadinimas") == "Belaidės ausinės Sony WH-1000XM4")
        // A quoted multi-line description and a CRLF file keep the next row's line right.
        #expect(sink.records[1].location.line == 4)
    }

    /// Spreadsheet damage is passed through exactly, for the GTIN normalizer to judge.
    @Test(arguments: ["6,93722E+12", "'4006381333931", "4006381333931.0", "12345678905", "4,00501E+12"])
    func damagedIdentifiersPassThroughUntouched(_ value: String) throws {
        let cell = value.contains(",") ? "\"\(value)\"" : value
        let sink = try Self.read("sku,EAN,Kaina\nA-1,\(cell),\"1,00\"\n")
        #expect(sink.records.first?.value("EAN") == value)
    }

    @Test func headerUnitsAreKeptInTheLabel() throws {
        let sink = try Self.read("sku;Svoris (kg);Length [cm]\nA;1,2;30\n")
        #expect(sink.records.first?.fields.map { $0.label ?? "" } == ["sku", "Svoris (kg)", "Length [cm]"])
    }

    @Test func raggedRowsKeepEveryCellAndAreReported() throws {
        let sink = try Self.read("sku;title;price\nA;Virdulys;10;extra;more\nB;Šalmas\nC;Termosas;5\n")
        #expect(sink.records.count == 3)
        #expect(sink.records[0].fields.filter { $0.label == nil }.map(\.value) == ["extra", "more"])
        #expect(sink.records[1].fields.count == 2)
        let ragged = sink.diagnostics.filter { $0.code == .csvRaggedRow }
        #expect(ragged.map { $0.location.record } == [1])
    }

    @Test func unterminatedQuoteKeepsTheRowAndSaysWhere() throws {
        let sink = try Self.read("sku;title;price\nA;Virdulys;10\nB;\"Šalmas be pabaigos;20\nC;Termosas;5\n")
        #expect(sink.records.count == 3, "the rows after a quote never closed are read as rows")
        #expect(sink.records[1].value("sku") == "B")
        #expect(sink.records[1].value("title") == "\"Šalmas be pabaigos")
        #expect(sink.records[1].value("price") == "20")
        #expect(sink.records[2].fields.map(\.value) == ["C", "Termosas", "5"])
        #expect(sink.records[2].location.line == 4)
        let diagnostic = try #require(sink.diagnostics.first { $0.code == .csvUnterminatedQuote })
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.severity == .error)
    }

    @Test func blankLinesAndEmptyCellsGiveNoRecordsOrFields() throws {
        let sink = try Self.read("\n\nsku;title;price\n\nA;;10\n\n")
        #expect(sink.records.count == 1)
        #expect(sink.records[0].fields.map { $0.label ?? "" } == ["sku", "price"])
    }

    @Test func googleMerchantTSVProductDetailAndImageListsAreReshaped() throws {
        let text = "id\ttitle\tprice\tadditional_image_link\tproduct_detail\nG-1\tKettle\t29.99 EUR\thttps://a/1.jpg,https://a/2.jpg\tGeneral:Color:black,Power:Wattage:2400 W\n"
        let sink = try Self.read(text, name: "google.tsv", kind: .tsv)
        let record = try #require(sink.records.first)
        #expect(record.values("additional_image_link") == ["https://a/1.jpg", "https://a/2.jpg"])
        #expect(record.value("Color") == "black")
        #expect(record.value("Wattage") == "2400 W")
        #expect(record.value("price") == "29.99 EUR")
    }

    /// The tokenizer gives the same rows whatever the chunk boundaries.
    @Test(arguments: [1, 2, 3, 7, 64])
    func tokenizerIsIndependentOfChunkSize(_ chunk: Int) {
        let text = Array("a;\"b;\r\nc\"\"d\";e\r\nf;g;\"\"\r\n\"h\"\"\";i;j".utf8)
        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ";"))
        var rows: [[String]] = []
        var offset = 0
        while offset < text.count {
            let end = min(offset + chunk, text.count)
            text[offset..<end].withUnsafeBufferPointer { tokenizer.feed($0) { rows.append($0.fields) } }
            offset = end
        }
        tokenizer.finish { rows.append($0.fields) }
        #expect(rows == [["a", "b;\r\nc\"d", "e"], ["f", "g", ""], ["h\"", "i", "j"]])
    }

    /// Rows' lines do not depend on the chunk boundaries either: a CRLF inside a quoted cell split between two
    /// chunks is one line break (fuzz-csv: `Fuzz/regressions/csv/crlf-split-in-quoted-cell.csv` gave line 10
    /// instead of 9 for the rows after such a cell when fed a byte at a time).
    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func rowLinesAreIndependentOfChunkSize(_ chunk: Int) throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/regressions/csv/crlf-split-in-quoted-cell.csv")
        for text in [Array("a;\"b\r\nc\r\r\nd\r\";e\r\nf;g\r\n".utf8), Array(try Data(contentsOf: fixture))] {
            func lines(chunk: Int) -> [Int] {
                var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ";"))
                var lines: [Int] = []
                var offset = 0
                while offset < text.count {
                    let end = min(offset + chunk, text.count)
                    text[offset..<end].withUnsafeBufferPointer { tokenizer.feed($0) { lines.append($0.line) } }
                    offset = end
                }
                tokenizer.finish { lines.append($0.line) }
                return lines
            }
            #expect(lines(chunk: chunk) == lines(chunk: text.count))
        }
        // The first text: the quoted cell holds CRLF, CR CRLF and CR (four line breaks), so the second row starts on line 6.
        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ";"))
        var lines: [Int] = []
        Array("a;\"b\r\nc\r\r\nd\r\";e\r\nf;g\r\n".utf8).withUnsafeBufferPointer { tokenizer.feed($0) { lines.append($0.line) } }
        #expect(lines == [1, 6])
    }

    @Test func readsInBoundedChunksRatherThanWholeFile() throws {
        // 3 MB of rows: more than one chunk; every row arrives, in order.
        var text = "sku;title;price\n"
        for index in 1...60_000 { text += "SKU-\(index);\"Prekė, \(index)\";\(index),99\n" }
        let sink = try Self.read(text)
        #expect(sink.records.count == 60_000)
        #expect(sink.records.last?.value("sku") == "SKU-60000")
        #expect(sink.records.last?.location.line == 60_001)
        #expect(sink.diagnostics.isEmpty)
    }
}
