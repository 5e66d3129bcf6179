import Foundation
import Testing
@testable import KatalogCore

/// `ParsedJSON.parseTable` and the shape readers read the bundled tables; they must give what `JSONDecoder` gives.
struct ParsedJSONTableTests {
    @Test func bundledLabelFilesReadAsJSONDecoderDecodesThem() throws {
        let urls = BundledData.labelFileURLs()
        #expect(urls.count == BundledData.labelFiles.count)
        for (url, file) in zip(urls, BundledData.labelFiles) {
            let decoded = try JSONDecoder().decode(LabelDictionary.File.self, from: Data(contentsOf: url))
            #expect(file == decoded, "\(url.lastPathComponent)")
        }
    }

    @Test func bundledVocabularyReadsAsJSONDecoderDecodesIt() throws {
        let data = try Data(contentsOf: BundledData.url("vocabulary"))
        let decoded = try JSONDecoder().decode(LabelDictionary.File.self, from: data)
        let read = try LabelDictionary.File(table: ParsedJSON.parseTable(data))
        #expect(read == decoded)
        #expect(read.vocabularies?.isEmpty == false)
    }

    @Test func bundledCurrenciesReadAsJSONDecoderDecodesThem() throws {
        let data = try Data(contentsOf: BundledData.url("currencies"))
        let decoded = try JSONDecoder().decode(CurrencyTable.File.self, from: data)
        let read = try CurrencyTable.File(table: ParsedJSON.parseTable(data))
        #expect(read == decoded)
        #expect(read.symbolDefaults?["kr"] == .some(nil))
    }

    @Test func otherBundledTablesReadAsJSONDecoderDecodesThem() throws {
        func both<File: Decodable & Equatable>(_ name: String, _ read: (ParsedJSON) throws -> File) throws {
            let data = try Data(contentsOf: BundledData.url(name))
            #expect(try read(ParsedJSON.parseTable(data)) == JSONDecoder().decode(File.self, from: data), "\(name).json")
        }
        try both("service-plans", ServicePlanPatterns.File.init(table:))
        try both("number-formats", NumberConventions.File.init(table:))
        try both("languages", LanguageProfiles.File.init(table:))
        try both("units", UnitTable.File.init(table:))
        try both("units", DimensionAxes.File.init(table:))
        try both("keys", KeyTable.File.init(table:))
        try both("label-ranks", LabelRanks.File.init(table:))
    }

    @Test func readsEveryJSONForm() throws {
        let text = #"""
        { "a": ["x\"y\\z\/", "\u00e9\u0105", "\ud83d\ude00", "tab\tnl\n", ""], "n": -12.5e+3, "t": true, "f": false, "z": null,
          "o": {}, "e": [] }
        """#
        let value = try ParsedJSON.parseTable(Data(("\u{FEFF}" + text).utf8))
        #expect(try value.member("a")?.strings() == ["x\"y\\z/", "éą", "😀", "tab\tnl\n", ""])
        #expect(value.member("n") == .number("-12.5e+3"))
        #expect(value.member("t") == .bool(true))
        #expect(value.member("f") == .bool(false))
        #expect(value.member("z") == nil)
        #expect(value.member("o") == .object([]))
        #expect(value.member("e") == .array([]))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[1] 2", "\"\\x\"", "\"\\ud83d\"", "\"\\ude00\"", "\"a\nb\"", "tru", "-", "1.", "[01]", "[1e]",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try ParsedJSON.parseTable(Data(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try ParsedJSON.parseTable(Data([0x22, 0xC3, 0x28, 0x22])) }
    }

    @Test func namesTheMemberOfTheWrongShape() throws {
        let table = try ParsedJSON.parseTable(Data(#"{"labels": {"sku": {"en": ["SKU", 3]}}}"#.utf8))
        #expect(throws: ParsedJSON.ShapeError.self) { try LabelDictionary.File(table: table) }
        do {
            _ = try LabelDictionary.File(table: table)
        } catch let error as ParsedJSON.ShapeError {
            #expect(error.path == "labels.sku.en")
        }
        let currencies = try ParsedJSON.parseTable(Data(#"{"currencies": [{"code": "EUR", "minor_units": 2}, {"code": "USD", "minor_units": "2"}]}"#.utf8))
        do {
            _ = try CurrencyTable.File(table: currencies)
            Issue.record("a string for minor_units was accepted")
        } catch let error as ParsedJSON.ShapeError {
            #expect(error.path == "currencies[1].minor_units")
        }
    }
}
