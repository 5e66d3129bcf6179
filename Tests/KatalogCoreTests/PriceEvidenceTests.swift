import Testing
@testable import KatalogCore

/// An ambiguous `3.350` is read the way the other prices of the same file are written.
struct PriceEvidenceTests {
    static func record(_ file: String, _ index: Int, price: String) -> RawRecord {
        RawRecord(
            location: SourceLocation(file: file, line: index, record: index), kind: .csv,
            fields: [RawField(label: "Title", value: "Item \(index)", origin: .csvColumn), RawField(label: "Price", value: price, origin: .csvColumn)],
            hints: SourceHints(currency: "EUR")
        )
    }

    @Test func laterRecordsUseTheFilesDecimalMark() {
        let normalizer = ProductNormalizer()
        let first = normalizer.normalize(Self.record("feed.csv", 1, price: "1 299,00"))
        #expect(first.price?.money.amountText == "1299.00")
        let second = normalizer.normalize(Self.record("feed.csv", 2, price: "3.350"))
        #expect(second.price?.money.amountText == "3350.00")
        #expect(second.diagnostics.map(\.code) == ["price.decimal-resolved"])
        #expect(second.diagnostics[0].message.contains("other prices of the same file"))
        // Another file starts without evidence: the separator is a guess again.
        let other = normalizer.normalize(Self.record("other.csv", 1, price: "3.350"))
        #expect(other.diagnostics.map(\.code) == ["price.ambiguous-decimal"])
    }

    @Test func dotDecimalFileReadsTheOtherWay() {
        let normalizer = ProductNormalizer()
        _ = normalizer.normalize(Self.record("us.csv", 1, price: "12.99"))
        let fuel = normalizer.normalize(Self.record("us.csv", 2, price: "1.599"))
        #expect(fuel.price?.money.amount.description == "1.599")
    }

    @Test func wasNowPairFillsPriceAndSalePrice() {
        let product = ProductNormalizer().normalize(Self.record("f.csv", 1, price: "~~69,99 €~~ 58,99 €"))
        #expect(product.price?.money.amountText == "69.99")
        #expect(product.salePrice?.money.amountText == "58.99")
        #expect(product.provenance["sale_price"]?.value == "~~69,99 €~~ 58,99 €")
    }
}
