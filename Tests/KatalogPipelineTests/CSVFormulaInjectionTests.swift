import Foundation
import Testing
import KatalogCore
@testable import KatalogWriters

/// CSV formula injection (OWASP, issue 14): text cells that start with `=`, `+`, `-`, `@`, TAB or CR are written
/// with a leading `'`; the numbers Katalog formats itself stay numbers; the JSON outputs keep the raw values.
struct CSVFormulaInjectionTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://evil.example\",\"Click\")", "'=HYPERLINK(\"http://evil.example\",\"Click\")"),
        ("+49 30 1234", "'+49 30 1234"), ("-2+3", "'-2+3"), ("-0.50", "'-0.50"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tcmd", "'\tcmd"), ("\r=1+1", "'\r=1+1"),
        ("Virdulys = 1,7 l", "Virdulys = 1,7 l"), ("'quoted", "'quoted"), ("", ""), ("ＡＢ", "ＡＢ"),
    ])
    func textCellsThatStartLikeAFormulaAreDefused(_ raw: String, _ written: String) {
        #expect(CSVFormulaGuard.defused(raw) == written)
    }

    @Test(arguments: [("-0.50", true), ("12", true), ("0.2331", true), ("-1200", true),
                      ("-", false), ("1.", false), (".5", false), ("-2+3", false), ("1e5", false), ("", false),
                      ("1.2.3", false), ("--1", false), ("-.5", false), ("١٢", false), ("12 ", false)])
    func plainDecimals(_ text: String, _ plain: Bool) {
        #expect(CSVFormulaGuard.isPlainDecimal(text) == plain)
    }

    /// A product whose text fields start like formulas and whose numbers are negative.
    static func hostileProduct() -> Product {
        var product = Product(id: "p-1", source: SourceLocation(file: "in.csv", line: 2, record: 1), sourceKind: .csv)
        product.title = "=HYPERLINK(\"http://evil.example\",\"Click\")"
        product.sku = "-2+3"
        product.brand = "@SUM(A1)"
        product.description = "+cmd|' /C calc'!A0"
        product.price = Price(money: Money(amount: Decimal(string: "-0.50")!, currency: "EUR"), text: "-0.50 EUR")
        product.salePrice = Price(money: Money(amount: Decimal(string: "-1.25")!, currency: "EUR"), text: "=1-2")
        product.package.weight = Quantity(value: -3, dimension: .mass)
        product.attributes = [Attribute(key: "colour", isMapped: true, label: "Spalva", value: "=cmd()", originalValue: "=cmd()",
                                        language: nil, origin: .csvColumn, line: 2)]
        return product
    }

    @Test func numericColumnsAreExemptAndEveryOtherColumnIsDefused() throws {
        let product = Self.hostileProduct()
        let cells = Dictionary(uniqueKeysWithValues: zip(ProductCSV.coreColumns, ProductCSV.coreCells(product)))
        #expect(cells["title"] == "'=HYPERLINK(\"http://evil.example\",\"Click\")")
        #expect(cells["sku"] == "'-2+3")
        #expect(cells["brand"] == "'@SUM(A1)")
        #expect(cells["description"] == "'+cmd|' /C calc'!A0")
        #expect(cells["price_text"] == "'-0.50 EUR", "the original text is text, even when it is a number")
        #expect(cells["price_amount"] == "-0.50", "an amount Katalog wrote stays a number")
        #expect(cells["sale_price_amount"] == "-1.25")
        #expect(cells["weight_g"]?.hasPrefix("-") == true)
        for (column, cell) in cells {
            guard let first = cell.utf8.first, CSVFormulaGuard.isTrigger(first) else { continue }
            #expect(ProductCSV.numericColumns.contains(column), "\(column) starts with a formula trigger: \(cell)")
            #expect(CSVFormulaGuard.isPlainDecimal(cell), "\(column): \(cell)")
        }
        #expect(Set(ProductCSV.numericColumns).isSubset(of: Set(ProductCSV.coreColumns)))
    }

    @Test func theCSVIsDefusedAndTheJSONKeepsTheRawValues() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CatalogOutput(directory: directory)
        try output.write(Self.hostileProduct())
        try output.finish(summary: ImportReport())
        let csv = try String(contentsOf: directory.appendingPathComponent("catalog.csv"), encoding: .utf8)
        let rows = try OutputInvariants.parseRFC4180(csv)
        #expect(rows.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["title"] == "'=HYPERLINK(\"http://evil.example\",\"Click\")")
        #expect(row["attr.colour"] == "'=cmd()")
        #expect(row["price_amount"] == "-0.50")
        let line = try String(contentsOf: directory.appendingPathComponent("catalog.jsonl"), encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "=HYPERLINK(\"http://evil.example\",\"Click\")")
        #expect(json["sku"] as? String == "-2+3")
        #expect((json["price"] as? [String: Any])?["text"] as? String == "-0.50 EUR")
        #expect(!line.contains("'="), "no defusing quote in the JSON")
    }
}
