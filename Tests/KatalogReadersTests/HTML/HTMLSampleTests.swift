import Foundation
import Testing
import KatalogCore
@testable import KatalogReaders

@Suite("HTML samples")
struct HTMLSampleTests {
    struct Expected: CustomTestStringConvertible, Sendable {
        var file: String
        var records: Int
        var encoding: String
        /// Origin and value of the first price-like field.
        var priceOrigin: FieldOrigin
        var title: String
        var language: String?
        /// Country of the page's canonical URL, as currency evidence (never `hints.country`).
        var country: String?
        var testDescription: String { file }
    }

    static let samples: [Expected] = [
        Expected(file: "000_shopro_dji-care-refresh-rs4-mini.html", records: 1, encoding: "utf-8", priceOrigin: .visibleText, title: "DJI Care Refresh RS 4 Mini (plan roczny)", language: "lt", country: "LT"),
        Expected(file: "01_jsonld-graph_varle-lt.html", records: 1, encoding: "utf-8", priceOrigin: .jsonLD, title: "Philips Sonicare DiamondClean 9000 HX9911/27", language: "lt", country: "LT"),
        Expected(file: "02_product-group-variants_pl.html", records: 3, encoding: "utf-8", priceOrigin: .jsonLD, title: "Koszulka męska Classic Tee czarna M", language: "pl", country: "PL"),
        Expected(file: "03_microdata-only_cz-windows-1250.html", records: 1, encoding: "windows-1250", priceOrigin: .microdata, title: "Rychlovarná konvice Bosch TWK3P420", language: "cs", country: "CZ"),
        Expected(file: "04_rdfa-only_bg-windows-1251.html", records: 1, encoding: "windows-1251", priceOrigin: .rdfa, title: "Кафемашина De'Longhi Magnifica S ECAM22.110.B", language: "bg", country: "BG"),
        Expected(file: "05_opengraph-only_lt.html", records: 1, encoding: "utf-8", priceOrigin: .openGraph, title: "Xiaomi Redmi Note 13 Pro 8/256GB Midnight Black", language: "lt", country: "LT"),
        Expected(file: "06_spec-table-only_pl-iso-8859-2.html", records: 1, encoding: "iso-8859-2", priceOrigin: .visibleText, title: "Wiertarko-wkrętarka akumulatorowa Makita DF333DSAE 12V", language: "pl", country: nil),
        Expected(file: "07_latvian_lv-windows-1257.html", records: 1, encoding: "windows-1257", priceOrigin: .visibleText, title: "Velosipēdu ķivere Abus Macator, melna", language: "lv", country: "LV"),
        Expected(file: "08_broken-jsonld_lt.html", records: 1, encoding: "utf-8", priceOrigin: .jsonLD, title: "Garmin Forerunner 265 išmanusis laikrodis, juodas", language: "lt", country: "LT"),
        Expected(file: "09_price-mismatch_pl.html", records: 1, encoding: "utf-8", priceOrigin: .jsonLD, title: "Słuchawki bezprzewodowe Sony WH-1000XM5 czarne", language: "pl", country: "PL"),
        Expected(file: "11_itemref_de.html", records: 1, encoding: "utf-8", priceOrigin: .microdata, title: "Bosch Serie 4 Geschirrspüler SMS4HVI33E, 60 cm, Edelstahl", language: "de", country: "AT"),
        Expected(file: "13_book-offer_uk.html", records: 1, encoding: "utf-8", priceOrigin: .jsonLD, title: "The Catcher in the Rye", language: "en", country: "GB"),
        Expected(file: "14_big-retail-hidden-title_uk.html", records: 1, encoding: "utf-8", priceOrigin: .visibleText, title: "Philips Series 5000 Kettle HD9359/90, 1.7 L, 2200 W, Stainless Steel", language: "en", country: "GB"),
    ]

    @Test(arguments: samples)
    func sampleReadsAsExpected(_ expected: Expected) throws {
        let sink = try HTMLTestSupport.readSample(expected.file)
        #expect(sink.records.count == expected.records)
        #expect(sink.encoding?.name == expected.encoding)
        let product = ProductNormalizer().normalize(try #require(sink.records.first))
        #expect(product.title == expected.title)
        #expect(product.provenance["price"]?.origin == expected.priceOrigin)
        #expect(product.price != nil)
        #expect(sink.records.first?.hints.language == expected.language)
        #expect(sink.records.first?.hints.country == nil)
        #expect(sink.records.first?.hints.currencyEvidence.first { $0.detail.hasPrefix("page URL on") }?.country == expected.country)
        #expect(!sink.records.flatMap(\.fields).contains { $0.value.contains("\u{FFFD}") })
    }

    @Test func fragmentSampleIsSniffedAsHTMLAndCarriesItsLocaleAsEvidence() throws {
        let path = HTMLTestSupport.samplesDirectory.appendingPathComponent("10_fragment-microdata_se.html").path
        #expect(try InputSniffer().sniff(path: path) == .html)
        let sink = try HTMLTestSupport.readSample("10_fragment-microdata_se.html")
        let record = try #require(sink.records.first)
        #expect(sink.records.count == 1)
        #expect(HTMLTestSupport.values(record, "gtin13") == ["4242005133482"])
        // "549 kr" names no currency; the page's locale is evidence for whoever decides it, not a stated currency.
        #expect(record.hints.currency == nil && record.hints.country == nil)
        #expect(record.hints.currencyEvidence == [CurrencyEvidence(.document, country: "SE", language: "sv", detail: "og:locale sv_SE")])
    }

    @Test func articleSampleGivesNoRecord() throws {
        let sink = try HTMLTestSupport.readSample("12_article-no-product_en.html")
        #expect(sink.records.isEmpty)
        #expect(sink.diagnostics.map(\.code) == [.htmlNoProduct])
    }

    @Test func bigRetailSampleTakesTheShopIDFromOgUPCAsTheSKU() throws {
        let sink = try HTMLTestSupport.readSample("14_big-retail-hidden-title_uk.html")
        let product = ProductNormalizer().normalize(try #require(sink.records.first))
        #expect(product.sku == "W005759888")
        #expect(product.gtin == nil)
        #expect(product.price?.money.amountText == "39.99")
        #expect(!product.diagnostics.contains { $0.code.group == "gtin" })
    }

    @Test func brokenJSONLDSampleKeepsTheProductAndReportsEachRepair() throws {
        let sink = try HTMLTestSupport.readSample("08_broken-jsonld_lt.html")
        #expect(sink.diagnostics.filter { $0.code == .jsonLDRepaired }.count == 2)
        #expect(sink.diagnostics.filter { $0.code == .jsonLDInvalid }.count == 1)
        #expect(HTMLTestSupport.values(try #require(sink.records.first), "mpn") == ["010-02810-10"])
    }

    @Test func priceMismatchSampleWarnsNamingBothOrigins() throws {
        let sink = try HTMLTestSupport.readSample("09_price-mismatch_pl.html")
        let product = ProductNormalizer().normalize(try #require(sink.records.first))
        #expect(product.price?.money.amountText == "1499.00")
        let mismatch = try #require(product.diagnostics.first { $0.code == .originMismatch })
        #expect(mismatch.severity == .warning)
        #expect(mismatch.message.contains("json-ld") && mismatch.message.contains("visible-text"))
        #expect(mismatch.message.contains("1499.00 PLN") && mismatch.message.contains("1299.00 PLN"))
        #expect(!product.diagnostics.contains { $0.code == .fieldConflict && $0.location.field == "price" })
    }

    /// The shop page of the seed product gives the same canonical record as the shop's text export.
    @Test func seedPageMatchesTheTextExport() throws {
        let html = ProductNormalizer().normalize(try #require(try HTMLTestSupport.readSample("000_shopro_dji-care-refresh-rs4-mini.html").records.first))
        let textURL = HTMLTestSupport.samplesDirectory.deletingLastPathComponent().appendingPathComponent("text/000_6e65ef817e1cc529.txt")
        let textSink = CollectingSink()
        try TextPageReader().read(SourceDocument(fileURL: textURL.path, displayPath: "seed.txt", kind: .textPage), into: textSink)
        let text = ProductNormalizer().normalize(try #require(textSink.records.first))

        #expect(html.title == text.title)
        #expect(html.description == text.description)
        #expect(html.sku == text.sku)
        #expect(html.mpn == text.mpn)
        #expect(html.brand == text.brand)
        #expect(html.gtin == text.gtin)
        #expect(html.price == text.price)
        #expect(html.package == text.package)
        #expect(html.availability == text.availability)
        #expect(html.url == text.url)
        #expect(html.images == text.images)
        #expect(html.attributes.map { [$0.key, $0.label, $0.value, $0.originalValue, $0.language ?? ""] }
            == text.attributes.map { [$0.key, $0.label, $0.value, $0.originalValue, $0.language ?? ""] })
        #expect(html.diagnostics.map(\.code) == text.diagnostics.map(\.code))
    }
}
