import Foundation
import Testing
@testable import KatalogCore

/// The normalizer reads every table from the `NormalizationTables` it is given (review, issue 12 §4: units and
/// currencies used to be read from process-wide singletons, so a run could not add a spelling of its own).
struct TableInjectionTests {
    static func record(_ fields: [(String, String)]) -> RawRecord {
        RawRecord(
            location: SourceLocation(file: "export.csv", line: 2, record: 1), kind: .csv,
            fields: fields.map { RawField(label: $0.0, value: $0.1, origin: .csvColumn, line: 2) },
            hints: SourceHints()
        )
    }

    @Test func anAddedUnitSpellingReachesMeasurements() {
        var tables = NormalizationTables.builtIn
        let added = tables.units.addSpelling("colių", of: "in")
        let refused = tables.units.addSpelling("x", of: "furlong")
        #expect(added)
        #expect(!refused, "no unit has that symbol")
        let record = Self.record([("sku", "A-1"), ("title", "Monitorius"), ("package_length", "2 colių")])

        let builtIn = ProductNormalizer().normalize(record)
        #expect(builtIn.package.length == nil)
        #expect(builtIn.diagnostics.contains { $0.code == .unitUnknown })

        let extended = ProductNormalizer(tables: tables).normalize(record)
        #expect(extended.package.length == Quantity(value: Decimal(string: "50.8")!, dimension: .length))
        #expect(!extended.diagnostics.contains { $0.code == .unitUnknown })
    }

    @Test func anAddedCurrencyAliasReachesPrices() {
        var tables = NormalizationTables.builtIn
        tables.currencies.aliases["EUX"] = "EUR"
        let record = Self.record([("sku", "A-2"), ("title", "Puodelis"), ("price", "12,50 EUX")])

        #expect(ProductNormalizer().normalize(record).price == nil, "the built-in tables know no EUX")
        let extended = ProductNormalizer(tables: tables).normalize(record)
        #expect(extended.price?.money == Money(amount: Decimal(string: "12.5")!, currency: "EUR"))
    }

    @Test func validatorsReadTheSameTables() {
        var tables = NormalizationTables.builtIn
        tables.currencies.aliases["EUX"] = "EUR"
        let amount = StructuredDataRule.comparable("12,50 EUX", key: "price", currency: nil, tables: tables)
        #expect(amount == "12.50")
        #expect(StructuredDataRule.comparable("12,50 EUX", key: "price", currency: nil, tables: .builtIn) == nil)
    }
}
