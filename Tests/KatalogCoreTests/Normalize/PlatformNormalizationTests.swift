import Foundation
import Testing
@testable import KatalogCore

/// What the normalizer makes of platform exports' columns: platform labels, secondary prices, discounts.
struct PlatformNormalizationTests {
    static func record(_ fields: [(String, String)], platform: String? = nil, currency: String? = "EUR") -> RawRecord {
        RawRecord(
            location: SourceLocation(file: "export.csv", line: 2, record: 1), kind: .csv,
            fields: fields.map { RawField(label: $0.0, value: $0.1, origin: .csvColumn, line: 2) },
            hints: SourceHints(currency: currency, platform: platform)
        )
    }

    @Test func aPlatformsOwnReadingOfALabelWins() {
        let fields = [("ID", "743"), ("SKU", "woo-vneck-tee-red"), ("Name", "V-Neck T-Shirt - Red"), ("Regular price", "20")]
        let woo = ProductNormalizer().normalize(Self.record(fields, platform: "woocommerce"))
        #expect(woo.sku == "woo-vneck-tee-red")
        #expect(woo.attributes.first { $0.key == "shop_product_id" }?.value == "743")
        #expect(!woo.diagnostics.contains { $0.code == .fieldConflict })
        // Without the platform, the label ranks decide: a shop SKU beats an internal row id, and the id is kept.
        let plain = ProductNormalizer().normalize(Self.record(fields))
        #expect(plain.sku == "woo-vneck-tee-red")
        #expect(plain.attributes.first { $0.key == "shop_product_id" }?.value == "743")
        #expect(plain.columnNotes.contains { $0.code == .fieldOutranked }, "said once per column in a spreadsheet")
        #expect(!plain.diagnostics.contains { $0.code == .fieldConflict })
    }

    @Test func onlyLabelsOfTheSameRankConflict() {
        let same = ProductNormalizer().normalize(Self.record([("sku", "A-1"), ("Prekės kodas", "B-2"), ("Pavadinimas", "Lempa"), ("Kaina", "9.99")]))
        #expect(same.sku == "A-1")
        #expect(same.diagnostics.first { $0.code == .fieldConflict }?.severity == .warning)
        // A reference ranks below a SKU, a variant SKU below a reference, whatever the column order.
        let ranked = ProductNormalizer().normalize(Self.record([("Variant SKU", "V-1"), ("Reference", "R-1"), ("Pavadinimas", "Lempa"), ("Kaina", "9.99")]))
        #expect(ranked.sku == "R-1")
        #expect(ranked.attributes.map(\.key) == ["variant_sku"])
        // A short description does not double the description; it is kept beside it.
        let described = ProductNormalizer().normalize(Self.record([("sku", "A-1"), ("Short description", "Warm."), ("Description", "A warm hoodie."), ("Kaina", "9.99")]))
        #expect(described.description == "A warm hoodie.")
        #expect(described.attributes.first { $0.key == "short_description" }?.value == "Warm.")
        // Alone, a short description is the description.
        let short = ProductNormalizer().normalize(Self.record([("sku", "A-1"), ("Short description", "Warm."), ("Kaina", "9.99")]))
        #expect(short.description == "Warm.")
    }

    @Test func theConsumerPriceWinsOverThePriceWithoutVAT() {
        let both = ProductNormalizer().normalize(Self.record([("Reference #", "demo_1"), ("Price tax excluded", "23.9"), ("Price tax included", "28.68")], platform: "prestashop"))
        #expect(both.price?.money == Money(amount: Decimal(string: "28.68")!, currency: "EUR"))
        #expect(both.attributes.first { $0.key == "price_excl_vat" }?.value == "23.90 EUR")
        #expect(!both.diagnostics.contains { $0.code == .priceExcludingVATOnly })
    }

    @Test func aPriceWithoutVATAloneIsThePriceWithAWarning() throws {
        let product = ProductNormalizer().normalize(Self.record([("Reference #", "demo_8"), ("Price tax excluded", "12.9")], platform: "prestashop"))
        let price = try #require(product.price)
        #expect(price.money == Money(amount: Decimal(string: "12.9")!, currency: "EUR"))
        #expect(price.vat == "excluded")
        #expect(product.provenance["price"]?.label == "Price tax excluded")
        #expect(product.diagnostics.first { $0.code == .priceExcludingVATOnly }?.severity == .warning)
    }

    @Test func aCompareAtPriceAboveThePriceMakesItASale() throws {
        let fields = [("Variant SKU", "NWA-TEE-S"), ("Variant Price", "28.00"), ("Variant Compare At Price", "35.00")]
        let product = ProductNormalizer().normalize(Self.record(fields, platform: "shopify", currency: "USD"))
        #expect(product.price?.money.amountText == "35.00")
        #expect(product.salePrice?.money.amountText == "28.00")
        #expect(product.provenance["price"]?.label == "Variant Compare At Price")
        #expect(product.provenance["sale_price"]?.label == "Variant Price")
        #expect(product.diagnostics.contains { $0.code == .priceCompareAt })
        // A compare-at price that is not higher says nothing about a sale.
        let flat = ProductNormalizer().normalize(Self.record([("Variant SKU", "X"), ("Variant Price", "28.00"), ("Variant Compare At Price", "28.00")], platform: "shopify", currency: "USD"))
        #expect(flat.price?.money.amountText == "28.00")
        #expect(flat.salePrice == nil)
    }

    @Test(arguments: [
        ([("Discount percent", "20")], "22.94"),        // 28.68 × 0.8 = 22.944, rounded to cents
        ([("Discount amount", "2")], "26.68"),
        ([("Discount percent", "100")], nil),          // not a discount a shop means: no sale price
        ([("Discount amount", "30")], nil),            // more than the price
    ] as [([(String, String)], String?)])
    func aDiscountGivesTheSalePrice(discount: [(String, String)], sale: String?) {
        let product = ProductNormalizer().normalize(Self.record([("Reference #", "demo_1"), ("Price tax included", "28.68")] + discount, platform: "prestashop"))
        #expect(product.salePrice?.money.amountText == sale)
        #expect(product.diagnostics.contains { $0.code == .priceSaleFromDiscount } == (sale != nil))
    }

    @Test(arguments: [
        ("https://www.shop.se/p/1", "SE"), ("http://example.co.uk/x", "GB"), ("https://shop.pl", "PL"),
        ("https://www.example.com/p", nil), ("https://brand.io/x", nil), ("/relative/path", nil), ("not a url", nil),
    ])
    func productURLsNameTheirCountry(url: String, country: String?) {
        #expect(CountryDomains.countryDomain(ofURL: url)?.country == country)
    }

    @Test func labelsOfEveryNewKeyMatchInTheirLanguages() {
        let cases = [("Kaina be PVM", "price_excl_vat"), ("Cena netto", "price_excl_vat"), ("Sena kaina", "compare_at_price"),
                     ("Streichpreis", "compare_at_price"), ("Rabatt %", "discount_percent"), ("Tagi", "tags")]
        for (label, key) in cases { #expect(LabelDictionary.builtIn.match(label)?.key == key, "\(label)") }
    }

    /// Regression (issue 11): `RUR` in a YML `currencyId` made an error `price.currency-unknown` although the price
    /// became RUB; it is an alias, named in an info.
    @Test func anAliasCurrencyFieldIsReadAndNamed() throws {
        let record = RawRecord(
            location: SourceLocation(file: "yml.xml", line: 3, record: 1), kind: .yml,
            fields: [RawField(label: "name", value: "Чайник", origin: .xmlElement), RawField(label: "price", value: "1490", origin: .xmlElement),
                     RawField(label: "currencyId", value: "RUR", origin: .xmlElement)]
        )
        let product = ProductNormalizer().normalize(record)
        #expect(product.price?.money == Money(amount: 1490, currency: "RUB"))
        #expect(!product.diagnostics.contains { $0.code == .priceCurrencyUnknown })
        #expect(product.diagnostics.first { $0.code == .priceCurrencyAlias }?.severity == .info)
    }

    /// A spreadsheet whose cells are too short to tell their language still speaks it in its column names.
    @Test func columnNamesSettleABarePrice() throws {
        let product = ProductNormalizer().normalize(Self.record([("Prekės kodas", "A-1"), ("Pavadinimas", "Lempa"), ("Kaina", "29,99")], currency: nil))
        let price = try #require(product.price)
        #expect(price.money == Money(amount: Decimal(string: "29.99")!, currency: "EUR"))
        #expect(product.provenance["price"]?.evidence == "text-language: the record's Lithuanian labels (lt)")
        #expect(product.columnNotes.contains { $0.code == .priceCurrencyAssumed })
        // Labels of two languages, one each, settle nothing: the price stays undecided, its amount kept.
        let mixed = ProductNormalizer().normalize(Self.record([("sku", "A-1"), ("Pavadinimas", "Lempa"), ("Cena", "29,99")], currency: nil))
        #expect(mixed.price == nil)
        #expect(mixed.priceWithoutCurrency?.amount == Decimal(string: "29.99"))
    }

    /// A shop's own image host names its market when no product URL does.
    @Test func anImageHostIsDocumentEvidence() {
        let product = ProductNormalizer().normalize(Self.record([("sku", "MUG-1"), ("title", "Mug"), ("price", "9.99"), ("image", "https://example.co.uk/img/mug.jpg")], currency: nil))
        #expect(product.price?.money.currency == "GBP")
        #expect(product.provenance["price"]?.evidence == "document: product image URL on .uk")
    }

    /// PrestaShop's back-office export (French in France): `Prix (HT)` is listed whole as the price without VAT,
    /// so it is not read as its base label `Prix`; `Référence` outranks `ID` for the SKU.
    @Test(arguments: [
        ([("ID", "1"), ("Nom", "T-shirt imprimé colibri"), ("Référence", "demo_1"), ("Prix (HT)", "23,90"), ("Prix (TTC)", "28,68")], "demo_1"),
        ([("ID", "1"), ("Name", "Hummingbird printed t-shirt"), ("Reference", "demo_1"), ("Price (tax excl.)", "23.90"), ("Price (tax incl.)", "28.68")], "demo_1"),
    ] as [([(String, String)], String)])
    func taxQualifiedPriceColumnsAreTold(fields: [(String, String)], sku: String) {
        let product = ProductNormalizer().normalize(Self.record(fields))
        #expect(product.sku == sku)
        #expect(product.price?.money.amountText == "28.68")
        #expect(product.attributes.first { $0.key == "price_excl_vat" }?.value == "23.90 EUR")
        #expect(!product.diagnostics.contains { $0.code == .fieldConflict })
        #expect(LabelDictionary.builtIn.match("Weight (kg)")?.unitHint == "kg", "a base label keeps its unit suffix")
    }

    /// Regression (review, issue 12): a `--labels` file's price words used to never reach price parsing, which read
    /// the built-in vocabulary only. They travel with the tables now.
    @Test func userPriceWordsReachPriceParsing() throws {
        let file = try JSONDecoder().decode(LabelDictionary.File.self, from: Data("""
        {"vocabularies": {"price_free": {"free": {"fr": ["offert"]}}, "vat": {"included": {"fr": ["toutes taxes comprises"]}}}}
        """.utf8))
        let tables = NormalizationTables().merging(userFile: file)
        let fields = [("sku", "A-1"), ("title", "Carte cadeau"), ("price", "Offert")]
        #expect(ProductNormalizer().normalize(Self.record(fields)).price == nil, "the built-in vocabulary does not know the word")
        let free = ProductNormalizer(tables: tables).normalize(Self.record(fields))
        #expect(free.price?.money == Money(amount: 0, currency: "EUR"))
        let taxed = ProductNormalizer(tables: tables).normalize(Self.record([("sku", "A-2"), ("title", "Mug"), ("price", "14,28 € toutes taxes comprises")]))
        #expect(taxed.price?.vat == "included")
    }

    @Test func aStockColumnsAvailabilityWordsAreTheAvailability() throws {
        // Wix's `inventory` holds a count or InStock / OutOfStock.
        func product(_ inventory: String) -> Product {
            ProductNormalizer().normalize(Self.record([("sku", "MUG"), ("name", "Mug"), ("price", "19.90"), ("inventory", inventory)], platform: "wix"))
        }
        // A count is the stock quantity; the record states no availability, so the count gives it (availability.json).
        let counted = product("12")
        #expect(counted.attributes.first { $0.key == "stock_quantity" }?.value == "12")
        #expect(counted.availability == "in_stock" && counted.provenance["availability"]?.evidence == "stock count")
        for (word, availability) in [("InStock", "in_stock"), ("OutOfStock", "out_of_stock")] {
            let worded = product(word)
            #expect(worded.availability == availability)
            #expect(worded.provenance["availability"]?.label == "inventory")
            #expect(!worded.attributes.contains { $0.key == "stock_quantity" })
            #expect(!worded.diagnostics.contains { $0.code == .valueNotANumber })
        }
        // Words that are no availability stay a warning, kept as written.
        let other = product("plenty")
        #expect(other.availability == nil && other.attributes.first { $0.key == "stock_quantity" }?.value == "plenty")
        #expect(other.diagnostics.contains { $0.code == .valueNotANumber })
        // Squarespace writes `Unlimited` for stock it does not count: always in stock.
        let unlimited = ProductNormalizer().normalize(Self.record([("SKU", "SQ-BCH"), ("Title", "Holder"), ("Price", "38.00"), ("Stock", "Unlimited")], platform: "squarespace"))
        #expect(unlimited.availability == "in_stock" && !unlimited.diagnostics.contains { $0.code == .valueNotANumber })
        // A Lithuanian stock column saying "yra" (there is) means the same.
        let lithuanian = ProductNormalizer().normalize(Self.record([("Prekės kodas", "A-1"), ("Kaina", "9,99"), ("Likutis sandėlyje", "yra")]))
        #expect(lithuanian.availability == "in_stock")
    }

    @Test func everyOtherwiseKeyIsOfTheOtherKind() throws {
        let keys = KeyTable.builtIn.keys
        let named = keys.filter { $0.value.otherwise != nil }
        #expect(!named.isEmpty)
        for (name, key) in named {
            // Only the integer reading falls back to a vocabulary key, and the vocabulary reading to an integer key:
            // anywhere else it would do nothing.
            let other = try #require(keys[key.otherwise ?? ""], "\(name) names an unknown key")
            switch key.type {
            case .integer: #expect(other.type == .vocabulary, "\(name) → \(key.otherwise ?? "")")
            case .vocabulary: #expect(other.type == .integer, "\(name) → \(key.otherwise ?? "")")
            default: Issue.record("\(name) has an otherwise but is neither an integer nor a vocabulary key")
            }
        }
    }

    @Test func aWixDiscountGivesTheSalePrice() throws {
        func product(_ label: String, _ value: String) -> Product {
            ProductNormalizer().normalize(Self.record([("sku", "MUG"), ("name", "Mug"), ("price", "34"), (label, value)], platform: "wix", currency: "USD"))
        }
        let percent = product("discountValue, percent", "10")
        #expect(percent.salePrice?.money == Money(amount: Decimal(string: "30.60")!, currency: "USD"))
        #expect(percent.provenance["sale_price"]?.label == "discountValue, percent")
        #expect(percent.diagnostics.contains { $0.code == .priceSaleFromDiscount })
        let amount = product("discountValue, amount", "5")
        #expect(amount.salePrice?.money == Money(amount: 29, currency: "USD"))
        // Without a mode the value says nothing about the price.
        let unknown = product("discountValue", "5")
        #expect(unknown.salePrice == nil && unknown.attributes.first { $0.key == "discountvalue" }?.value == "5")
    }

    @Test(arguments: [
        ("woocommerce", "In stock?", "1", "in_stock"), ("woocommerce", "In stock?", "0", "out_of_stock"),
        ("woocommerce", "In stock?", "backorder", "backorder"), ("woocommerce", "Vorrätig?", "0", "out_of_stock"),
        ("woocommerce", "¿En inventario?", "1", "in_stock"), ("woocommerce", "Op voorraad?", "1", "in_stock"),
        ("magento", "is_in_stock", "1", "in_stock"), ("magento", "is_in_stock", "0", "out_of_stock"),
    ])
    func aPlatformsStockFlagIsTheAvailability(platform: String, label: String, value: String, availability: String) {
        let product = ProductNormalizer().normalize(Self.record([("sku", "A-1"), ("name", "Mug"), ("price", "9.99"), (label, value)], platform: platform))
        #expect(product.availability == availability)
        #expect(product.provenance["availability"]?.label == label)
        #expect(!product.diagnostics.contains { $0.code == .valueNotInVocabulary })
    }

    @Test func wooCommercesAPIPriceIsThePriceChargedNowAndRegularPriceThePrice() throws {
        func product(_ fields: [(String, String)]) -> Product {
            ProductNormalizer().normalize(Self.record([("sku", "SYI-22"), ("name", "Idea")] + fields, platform: "woocommerce"))
        }
        let onSale = product([("price", "18.00"), ("regular_price", "20.00"), ("sale_price", "18.00"), ("stock_status", "outofstock")])
        #expect(onSale.price?.money == Money(amount: 20, currency: "EUR") && onSale.salePrice?.money == Money(amount: 18, currency: "EUR"))
        #expect(onSale.provenance["price"]?.label == "regular_price")
        #expect(onSale.attributes.first { $0.key == "active_price" }?.value == "18.00 EUR")
        #expect(onSale.availability == "out_of_stock")
        #expect(!onSale.diagnostics.contains { $0.code == .fieldConflict })
        let regular = product([("price", "21.99"), ("regular_price", "21.99"), ("stock_status", "onbackorder")])
        #expect(regular.price?.money == Money(amount: Decimal(string: "21.99")!, currency: "EUR") && regular.salePrice == nil)
        #expect(regular.availability == "backorder")
    }
}
