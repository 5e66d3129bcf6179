import Foundation
import Testing
@testable import KatalogCore

/// What a feed format's own labels mean (the record's `hints.platform`), and which of two labels of one key wins
/// (`label-ranks.json`) whatever their order.
struct FeedFormatLabelTests {
    static func record(_ fields: [(String, String)], kind: InputKind, platform: String?, currency: String? = nil) -> RawRecord {
        RawRecord(
            location: SourceLocation(file: "feed.xml", line: 1, record: 1), kind: kind,
            fields: fields.enumerated().map { RawField(label: $0.element.0, value: $0.element.1, origin: .xmlElement, line: $0.offset + 2) },
            hints: SourceHints(currency: currency, platform: platform)
        )
    }

    @Test func formatReadingsApplyOnlyInTheirFormat() {
        let labels = LabelDictionary.builtIn
        #expect(labels.match("PRICE", platform: "heureka")?.key == "price_excl_vat")
        #expect(labels.match("PRICE")?.key == "price")
        #expect(labels.match("id", platform: "ceneo")?.key == "sku") // ranked below an explicit SKU (label-ranks.json)
        #expect(labels.match("id", platform: "shopify")?.key == "shop_product_id")
        #expect(labels.match("id")?.key == "sku") // Google, YML and Skroutz ids stay SKUs
        #expect(labels.match("id", platform: "skroutz")?.key == "sku")
        #expect(labels.match("variants.sku", platform: "shopify")?.key == "sku")
        #expect(labels.match("product_type")?.key == "category") // Google's reading outside Shopify
        #expect(labels.match("product_type", platform: "shopify")?.key == "product_type")
    }

    @Test func heurekaPriceWithoutVATNeverBeatsPriceVATWhateverTheOrder() {
        for fields in [[("PRICE", "826,45"), ("PRICE_VAT", "1 000")], [("PRICE_VAT", "1 000"), ("PRICE", "826,45")]] {
            let product = ProductNormalizer().normalize(Self.record(fields + [("ITEM_ID", "A")], kind: .heureka, platform: "heureka", currency: "CZK"))
            #expect(product.price?.money.amountText == "1000.00")
            #expect(product.attributes.first { $0.key == "price_excl_vat" }?.value == "826.45 CZK")
            #expect(!product.diagnostics.contains { $0.code == .fieldConflict })
        }
    }

    @Test func heurekaProductIsTheTitleOnlyWithoutProductName() {
        let both = ProductNormalizer().normalize(Self.record([("PRODUCT", "Kávovar X + káva zdarma"), ("PRODUCTNAME", "Kávovar X")], kind: .heureka, platform: "heureka", currency: "CZK"))
        #expect(both.title == "Kávovar X")
        #expect(both.attributes.map(\.key).contains("long_title"))
        #expect(both.provenance["title"]?.label == "PRODUCTNAME")
        let productOnly = ProductNormalizer().normalize(Self.record([("PRODUCT", "Kávovar X + káva zdarma")], kind: .heureka, platform: "heureka", currency: "CZK"))
        #expect(productOnly.title == "Kávovar X + káva zdarma")
        #expect(productOnly.provenance["title"]?.label == "PRODUCT")
        #expect(!productOnly.attributes.map(\.key).contains("long_title"))
    }

    @Test func ceneoSKUAttributeOutranksTheOfferId() {
        for fields in [[("id", "501"), ("SKU", "KRS-5")], [("SKU", "KRS-5"), ("id", "501")]] {
            let product = ProductNormalizer().normalize(Self.record(fields, kind: .ceneo, platform: "ceneo", currency: "PLN"))
            #expect(product.sku == "KRS-5")
            #expect(product.attributes.first { $0.key == "shop_product_id" }?.value == "501")
        }
        let idOnly = ProductNormalizer().normalize(Self.record([("id", "502")], kind: .ceneo, platform: "ceneo", currency: "PLN"))
        #expect(idOnly.sku == "502")
        #expect(idOnly.provenance["sku"]?.label == "id")
        #expect(!idOnly.attributes.map(\.key).contains("shop_product_id"))
    }

    @Test func shopifyIdsAreNeverSKUs() {
        let product = ProductNormalizer().normalize(Self.record(
            [("id", "8123"), ("title", "Mütze"), ("variants.id", "4412"), ("variants.price", "29.90"), ("variants.compare_at_price", "39.90")],
            kind: .json, platform: "shopify", currency: "EUR"))
        #expect(product.sku == nil)
        #expect(product.attributes.first { $0.key == "shop_product_id" }?.value == "8123")
        #expect(product.attributes.first { $0.key == "shop_variant_id" }?.value == "4412")
        #expect(product.price?.money.amountText == "39.90")
        #expect(product.salePrice?.money.amountText == "29.90")
    }

    /// The amount is read as the decimal logic reads it with no currency; an ambiguous one says so.
    @Test(arguments: [("49.95", "49.95" as String?, false), ("1 299,00", "1299.00", false), ("1.299", "1299.00", true)])
    func aPriceWithoutCurrencyKeepsTheAmountUnderstood(_ text: String, _ expected: String?, _ ambiguous: Bool) {
        let reading = MoneyParsing.read(text, context: MoneyContext())
        #expect(reading.price == nil)
        #expect(reading.findings.contains { $0.code == .priceCurrencyMissing })
        #expect(reading.findings.contains { $0.code == .priceAmbiguousDecimal } == ambiguous)
        #expect(reading.amountWithoutCurrency.map { DecimalFormatting.fixed($0, fractionDigits: 2) } == expected)
        let product = ProductNormalizer().normalize(Self.record([("variants.sku", "S-1"), ("variants.price", text)], kind: .json, platform: "shopify"))
        #expect(product.price == nil)
        #expect(product.priceWithoutCurrency.map { DecimalFormatting.fixed($0.amount, fractionDigits: 2) } == expected)
    }
}
