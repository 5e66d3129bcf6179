import Foundation
import Testing
import KatalogCore
@testable import KatalogReaders

@Suite("Microdata, RDFa, OpenGraph, spec tables, visible text")
struct MarkupSyntaxTests {
    @Test func microdataNestedItemsAndValueAttributes() throws {
        let html = """
        <html><body><div itemscope itemtype="http://schema.org/Product">
          <span itemprop="name">Kettle</span>
          <a itemprop="url" href="https://shop.cz/k">link</a><img itemprop="image" src="https://shop.cz/k.jpg">
          <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Bosch</span></div>
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span itemprop="price" content="1149.00">1 149 Kč</span><meta itemprop="priceCurrency" content="CZK">
            <link itemprop="availability" href="https://schema.org/InStock">
            <time itemprop="availabilityStarts" datetime="2025-01-01">1. 1.</time>
          </div>
        </div></body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(HTMLTestSupport.values(record, "name", origin: .microdata) == ["Kettle"])
        #expect(HTMLTestSupport.values(record, "url") == ["https://shop.cz/k"])
        #expect(HTMLTestSupport.values(record, "image") == ["https://shop.cz/k.jpg"])
        #expect(HTMLTestSupport.values(record, "brand") == ["Bosch"])
        #expect(HTMLTestSupport.values(record, "offers.price") == ["1149.00"])
        #expect(HTMLTestSupport.values(record, "offers.priceCurrency") == ["CZK"])
        #expect(HTMLTestSupport.values(record, "offers.availability") == ["https://schema.org/InStock"])
    }

    @Test func rdfaLiteWithVocabTypeofProperty() throws {
        let html = """
        <html><body vocab="https://schema.org/"><div typeof="Product">
          <h1 property="name">Kafemashina</h1>
          <div property="brand" typeof="Brand"><span property="name">De'Longhi</span></div>
          <div property="offers" typeof="Offer"><span property="price" content="699.00">699,00 лв.</span><meta property="priceCurrency" content="BGN"></div>
          <meta property="og:title" content="not RDFa">
        </div></body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(HTMLTestSupport.values(record, "name", origin: .rdfa) == ["Kafemashina"])
        #expect(HTMLTestSupport.values(record, "brand", origin: .rdfa) == ["De'Longhi"])
        #expect(HTMLTestSupport.values(record, "offers.price", origin: .rdfa) == ["699.00"])
        #expect(HTMLTestSupport.values(record, "og:title", origin: .rdfa).isEmpty)
    }

    @Test func openGraphProductTagsKeepTheirPropertyNames() throws {
        let html = """
        <html><head><meta property="og:type" content="product"><meta property="og:title" content="Phone">
        <meta property="product:price:amount" content="319.00"><meta property="product:price:currency" content="EUR">
        <meta property="product:retailer_item_id" content="MZ-1"><meta property="product:brand" content="Xiaomi">
        <meta property="og:image:width" content="1200"><meta property="og:url" content="https://mobili.lt/p/1"></head></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        let labels = record.fields.filter { $0.origin == .openGraph }.compactMap(\.label)
        #expect(labels == ["og:title", "product:price:amount", "product:price:currency", "product:retailer_item_id", "product:brand", "og:url"])
        #expect(record.hints.country == nil)
        #expect(record.hints.currencyEvidence.contains(CurrencyEvidence(.document, country: "LT", detail: "page URL on .lt")))
        #expect(record.hints.currencyEvidence.contains(CurrencyEvidence(.document, currency: "EUR", detail: "product:price:currency EUR")))
    }

    struct SpecCase: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var pairs: [String]
        var testDescription: String { name }
    }

    static let specCases: [SpecCase] = [
        SpecCase(name: "th/td rows", body: "<table><tr><th>Waga</th><td>1,1 kg</td></tr><tr><th>Kolor:</th><td>czarny</td></tr></table>", pairs: ["Waga=1,1 kg", "Kolor=czarny"]),
        SpecCase(name: "td/td rows, wider rows ignored", body: "<table><tr><td>Producent</td><td>Makita</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>", pairs: ["Producent=Makita"]),
        SpecCase(name: "dl with wrapped dt/dd", body: "<dl><div><dt>Ražotājs</dt><dd>Abus</dd></div><div><dt>Svars</dt><dd>270 g</dd></div></dl>", pairs: ["Ražotājs=Abus", "Svars=270 g"]),
        SpecCase(name: "list items Label: value", body: "<ul><li>Modelis: <span>CP.SH.CR000376.01</span></li><li><strong>Gamintojas:</strong> DJI</li></ul>", pairs: ["Modelis=CP.SH.CR000376.01", "Gamintojas=DJI"]),
        SpecCase(name: "sentences with colons are not pairs", body: "<p>For DJI RS 4 Mini, the cost of each replacement is: PLN 199</p><p>1 Go to the following website:</p><p>²Applies to: all</p>", pairs: []),
        SpecCase(name: "tables in the footer are chrome", body: "<footer><table><tr><th>Tel.</th><td>+370 600 00000</td></tr></table></footer>", pairs: []),
    ]

    @Test(arguments: specCases)
    func specificationPairs(_ spec: SpecCase) {
        let sink = HTMLTestSupport.read("<html lang=\"pl\"><body><h1>Produkt</h1>\(spec.body)</body></html>")
        let pairs = sink.records.first?.fields.filter { $0.origin == .specTable }.map { "\($0.label ?? "")=\($0.value)" } ?? []
        #expect(pairs == spec.pairs)
    }

    @Test func visibleTitlePriceAndDescriptionSkipChrome() throws {
        let html = """
        <html lang="pl"><body>
        <header><h1>Sklep</h1><nav><a href="/">Start</a></nav></header>
        <div class="cookie-bar">Używamy cookies</div>
        <main><h1>Wiertarka Makita</h1>
        <div class="price-box"><span class="price-old">1 499,00 zł</span><span class="price">1 299,00 zł</span></div>
        <div class="opis"><p>Kompaktowa   wiertarka.</p><script>track()</script><p>Dwa biegi.</p></div></main>
        <footer><p>© Sklep</p></footer></body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(record.fields.first { $0.role == .title }?.value == "Wiertarka Makita")
        #expect(HTMLTestSupport.values(record, "price", origin: .visibleText) == ["1 299,00 zł"])
        #expect(record.fields.filter { $0.role == .description }.map(\.value) == ["Kompaktowa wiertarka.", "Dwa biegi."])
        #expect(record.hints.language == "pl")
    }

    @Test(arguments: [
        ("58.99€", true), ("Kaina: 58,99 €", true), ("1 299,00 zł", true), ("PLN 1 299,00", true), ("od 75,00 zł", true),
        ("189,99 € 229,99 €", false), ("Promocja -13% do 31.12", false), ("Brak ceny, zapytaj sprzedawcę o szczegóły oferty", false),
    ])
    func oneAmountHeuristic(text: String, expected: Bool) {
        #expect(VisiblePriceFinder.looksLikeOneAmount(text) == expected)
    }
}
