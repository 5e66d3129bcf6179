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
        #expect(second.diagnostics.map(\.code) == [.priceDecimalResolved])
        #expect(second.diagnostics[0].message.contains("other prices of the same file"))
        // Another file starts without evidence: the separator is a guess again.
        let other = normalizer.normalize(Self.record("other.csv", 1, price: "3.350"))
        #expect(other.diagnostics.map(\.code) == [.priceAmbiguousDecimal])
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

    /// A currency field decides a record's currency wherever it stands, over a currency named in the price label;
    /// an unknown one is reported and the label's currency used. The records that share the labels (and so the
    /// label resolution) read alike.
    @Test func currencyFieldOutranksThePriceLabelsCurrency() {
        func record(_ index: Int, _ fields: [(String, String)]) -> RawRecord {
            RawRecord(location: SourceLocation(file: "c.csv", line: index, record: index), kind: .csv,
                      fields: fields.map { RawField(label: $0.0, value: $0.1, origin: .csvColumn) })
        }
        let normalizer = ProductNormalizer()
        for index in 1...2 {
            for fields in [[("Kaina (EUR)", "12,99"), ("Valiuta", "PLN")], [("Valiuta", "PLN"), ("Kaina (EUR)", "12,99")]] {
                let product = normalizer.normalize(record(index, fields))
                #expect(product.price?.money.currency == "PLN")
                #expect(product.provenance["price"]?.evidence?.hasSuffix("the record's Valiuta field") == true, "\(product.provenance)")
            }
            let unknown = normalizer.normalize(record(index, [("Valiuta", "XYZ"), ("Kaina (EUR)", "12,99")]))
            #expect(unknown.price?.money.currency == "EUR")
            #expect(unknown.diagnostics.contains { $0.code == .priceCurrencyUnknown && $0.message.contains("XYZ") })
            #expect(normalizer.normalize(record(index, [("Kaina (EUR)", "12,99")])).price?.money.currency == "EUR")
        }
    }
}
