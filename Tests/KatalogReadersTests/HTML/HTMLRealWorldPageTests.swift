import Foundation
import KatalogTestSupport
import Testing
import KatalogCore
@testable import KatalogReaders

/// Product pages as they really come (issue 11 §5): fragments, `itemref`, pages that sell nothing, big retail
/// templates with hidden headings and accessory prices, shop ids in GTIN tags, long page text in messages.
@Suite("HTML product pages as they really come")
struct HTMLRealWorldPageTests {
    // MARK: - Fragments

    static let productFragment = """
    <div itemscope itemtype="http://schema.org/Product">
      <span itemprop="brand">ACME</span> <span itemprop="name">Executive Anvil</span>
      <img itemprop="image" src="anvil_executive.jpg" alt="Executive Anvil logo">
      <span itemprop="description">Sleeker than ACME's Classic Anvil, the Executive Anvil is perfect for the
      business traveler looking for something to drop from a height.</span><br>
      Product #: <span itemprop="mpn">925872</span>
      <span itemprop="offers" itemscope itemtype="http://schema.org/Offer">
        <meta itemprop="priceCurrency" content="USD">$<span itemprop="price">119.99</span>
        <link itemprop="availability" href="http://schema.org/InStock">In stock
      </span>
    </div>
    """

    static let sniffCases: [(String, String, InputKind)] = [
        ("schema.org Microdata fragment", productFragment, .html),
        ("section fragment", "<section class=\"pdp\"><h1>Kettle</h1><p>19,99 €</p></section>", .html),
        ("unknown root with unclosed <br> and <img>", "<product-card><b>Kettle</b><br><img src=\"k.jpg\"></product-card>", .html),
        ("unknown root with itemprop", "<x-page><span itemprop=\"name\">Kettle</span></x-page>", .html),
        ("RSS with <link> elements", "<rss version=\"2.0\"><channel><item><title>X</title><link>https://a.lt/x</link></item></channel></rss>", .xml),
        ("feed with HTML inside CDATA", "<?xml version=\"1.0\"?><products><product><description><![CDATA[<p>Nice<br><img src=x>]]></description></product></products>", .xml),
        ("feed with a self-closed <br/>", "<catalog><item><note>a<br/>b</note></item></catalog>", .xml),
    ]

    @Test(arguments: sniffCases)
    func fragmentsAreHTML(_ name: String, _ text: String, _ expected: InputKind) {
        #expect(InputSniffer().sniff(prefix: Data(text.utf8), fileName: "page") == expected, "\(name)")
    }

    @Test func aFragmentReadsAsAProduct() throws {
        let sink = HTMLTestSupport.read(Self.productFragment)
        let record = try #require(sink.records.first)
        #expect(sink.records.count == 1)
        #expect(HTMLTestSupport.values(record, "name") == ["Executive Anvil"])
        #expect(HTMLTestSupport.values(record, "offers.price") == ["119.99"])
    }

    @Test func markupThatIsNotWellFormedXMLIsReadAsHTML() throws {
        // Sniffed as a generic XML feed (an unknown root, an XML prolog), but the `<br>` and `<img>` are never
        // closed: XML stops, HTML reads the product.
        let page = """
        <?xml version="1.0" encoding="utf-8"?>
        <product-page>
        <h1 class="product-title">Gorenje K17WE kettle</h1>
        <p class="price main">29,99 €</p><br>
        <img src="kettle.jpg">
        </product-page>
        """
        let url = try Self.temporaryFile(page, name: "kettle.xml")
        let document = SourceDocument(fileURL: url.path, displayPath: "kettle.xml", kind: .xml)
        let sink = CollectingSink()
        try MarkupFallbackReader(xml: XMLFeedReader()).read(document, into: sink)
        let record = try #require(sink.records.first)
        #expect(sink.records.count == 1)
        #expect(record.kind == .html)
        #expect(record.fields.contains { $0.role == .title && $0.value == "Gorenje K17WE kettle" })
        #expect(sink.diagnostics.map(\.code).contains(.htmlReadAsHTML))
        #expect(!sink.diagnostics.map(\.code).contains(.xmlMalformed))
    }

    @Test func aWellFormedFeedStaysAFeed() throws {
        let feed = "<?xml version=\"1.0\"?><products><product><id>A1</id><title>Kettle</title></product></products>"
        let url = try Self.temporaryFile(feed, name: "feed.xml")
        let sink = CollectingSink()
        try MarkupFallbackReader(xml: XMLFeedReader()).read(SourceDocument(fileURL: url.path, displayPath: "feed.xml", kind: .xml), into: sink)
        #expect(sink.records.count == 1)
        #expect(sink.records.first?.kind == .xml)
        #expect(!sink.diagnostics.map(\.code).contains(.htmlReadAsHTML))
    }

    // MARK: - itemref

    @Test func itemrefJoinsReferencedPropertiesAndMakesNoSecondRecord() throws {
        // The template keeps the buy box apart from the product block and joins them with itemref; the buy box
        // itself is marked itemscope too (a common template mistake).
        let html = """
        <html><body>
        <div itemscope itemtype="https://schema.org/Product" itemref="pdp-specs pdp-buybox">
          <h1 itemprop="name">Bosch Serie 4 dishwasher SMS4HVI33E</h1>
        </div>
        <table id="pdp-specs"><tr><th>EAN</th><td itemprop="gtin13">4242005209484</td></tr>
          <tr><th>SKU</th><td itemprop="sku">SMS4HVI33E</td></tr></table>
        <div id="pdp-buybox" itemscope itemtype="https://schema.org/Product">
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span itemprop="price" content="549.00">549,00 €</span><meta itemprop="priceCurrency" content="EUR">
          </div>
        </div>
        </body></html>
        """
        let sink = HTMLTestSupport.read(html)
        #expect(sink.records.count == 1)
        let record = try #require(sink.records.first)
        #expect(HTMLTestSupport.values(record, "name", origin: .microdata) == ["Bosch Serie 4 dishwasher SMS4HVI33E"])
        #expect(HTMLTestSupport.values(record, "gtin13") == ["4242005209484"])
        #expect(HTMLTestSupport.values(record, "sku") == ["SMS4HVI33E"])
        #expect(HTMLTestSupport.values(record, "offers.price") == ["549.00"])
        #expect(HTMLTestSupport.values(record, "offers.priceCurrency") == ["EUR"])
    }

    @Test func itemrefToAnElementThatIsItselfAProperty() throws {
        let html = """
        <html><body>
        <div itemscope itemtype="http://schema.org/Product" itemref="offer"><span itemprop="name">Tefal Ingenio pan set</span></div>
        <p>Some text between.</p>
        <div id="offer" itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">79.90</span></div>
        </body></html>
        """
        let sink = HTMLTestSupport.read(html)
        #expect(sink.records.count == 1)
        #expect(HTMLTestSupport.values(try #require(sink.records.first), "offers.price") == ["79.90"])
    }

    // MARK: - Pages that sell nothing

    @Test func anArticleGivesNoRecord() {
        let html = """
        <!DOCTYPE html><html lang="en"><head><title>The 10 best kettles of 2026 | Home Magazine</title>
        <meta property="og:type" content="article">
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "The 10 best kettles of 2026", "datePublished": "2026-03-01",
          "author": {"@type": "Person", "name": "Jane Doe"}}</script></head>
        <body><article><h1>The 10 best kettles of 2026</h1><p>We boiled 400 litres of water.</p>
        <p class="price-note">Prices from 19,99 €</p></article></body></html>
        """
        let sink = HTMLTestSupport.read(html)
        #expect(sink.records.isEmpty)
        let found = sink.diagnostics.filter { $0.code == .htmlNoProduct }
        #expect(found.count == 1)
        #expect(found.first?.severity == .info)
        #expect(found.first?.message.contains("NewsArticle") == true)
    }

    @Test func anEventWithTicketOffersGivesNoRecord() {
        let html = """
        <html><head><title>Jazz by the river — Vilnius</title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "MusicEvent",
          "name": "Jazz by the river", "startDate": "2026-07-04T19:00",
          "location": {"@type": "Place", "name": "Vingis park"},
          "offers": {"@type": "Offer", "price": "25.00", "priceCurrency": "EUR", "url": "https://tickets.lt/jazz"}}</script>
        </head><body><h1>Jazz by the river</h1><div class="ticket-price">25,00 €</div></body></html>
        """
        let sink = HTMLTestSupport.read(html)
        #expect(sink.records.isEmpty)
        #expect(sink.diagnostics.filter { $0.code == .htmlNoProduct }.count == 1)
    }

    @Test func aPageWithNothingAtAllGivesNoRecord() {
        let sink = HTMLTestSupport.read("<html><head><title>Log in</title></head><body><h1>Welcome back</h1></body></html>")
        #expect(sink.records.isEmpty)
        #expect(sink.diagnostics.map(\.code) == [.htmlNoProduct])
    }

    @Test func aBookWithAnOfferIsAProductNamedAfterTheBook() throws {
        let html = """
        <html><head><title>Buy The Catcher in the Rye | Bookshop</title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage", "@id": "https://books.example/catcher#page", "name": "Buy The Catcher in the Rye | Bookshop"},
          {"@type": "Book", "@id": "https://books.example/catcher#book", "name": "The Catcher in the Rye",
           "author": {"@type": "Person", "name": "J. D. Salinger"}, "isbn": "9780316769488", "bookFormat": "https://schema.org/Paperback",
           "publisher": {"@type": "Organization", "name": "Little, Brown"},
           "offers": {"@type": "Offer", "price": "8.99", "priceCurrency": "GBP", "availability": "https://schema.org/InStock"}},
          {"@type": "Organization", "name": "Bookshop"}]}</script>
        </head><body><h1>The Catcher in the Rye</h1></body></html>
        """
        let sink = HTMLTestSupport.read(html)
        #expect(sink.records.count == 1)
        let record = try #require(sink.records.first)
        #expect(HTMLTestSupport.values(record, "name", origin: .jsonLD) == ["The Catcher in the Rye"])
        #expect(HTMLTestSupport.values(record, "isbn") == ["9780316769488"])
        #expect(HTMLTestSupport.values(record, "author") == ["J. D. Salinger"])
        #expect(HTMLTestSupport.values(record, "offers.price") == ["8.99"])
        #expect(!sink.diagnostics.map(\.code).contains(.htmlNoProduct))
    }

    @Test func aMicrodataBookInsideAWebPageIsNamedAfterTheBook() throws {
        let html = """
        <html><head><title>Moby-Dick; or, The Whale — Harbour Books</title></head>
        <body itemscope itemtype="https://schema.org/WebPage">
        <meta itemprop="name" content="Moby-Dick; or, The Whale — Harbour Books">
        <div itemprop="mainEntity" itemscope itemtype="https://schema.org/Book">
          <h1 itemprop="name">Moby-Dick; or, The Whale</h1>
          <div itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Herman Melville</span></div>
          <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Penguin Classics</span></div>
          ISBN <span itemprop="isbn">9780142437247</span>
          <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <span itemprop="price" content="14.00">$14.00</span><meta itemprop="priceCurrency" content="USD">
          </div>
        </div>
        <div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Staff pick by Ann Lee</span></div>
        </body></html>
        """
        let sink = HTMLTestSupport.read(html)
        #expect(sink.records.count == 1)
        let record = try #require(sink.records.first)
        #expect(HTMLTestSupport.values(record, "name", origin: .microdata) == ["Moby-Dick; or, The Whale"])
        #expect(HTMLTestSupport.values(record, "author") == ["Herman Melville"])
        #expect(HTMLTestSupport.values(record, "publisher") == ["Penguin Classics"])
    }

    @Test func aBookWithoutAnOfferIsNotSold() {
        let html = """
        <html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "Book",
          "name": "Moby-Dick", "author": "Herman Melville"}</script></head><body><h1>Moby-Dick</h1></body></html>
        """
        #expect(HTMLTestSupport.read(html).records.isEmpty)
    }

    // MARK: - Visible text on big retail pages

    @Test func hiddenHeadingsAndAccessoryPricesDoNotWin() throws {
        let html = """
        <!DOCTYPE html><html lang="en-GB"><head><title>Amazon.co.uk: Philips Series 5000 kettle</title></head><body>
        <div id="huc-atc-spinner" class="a-section a-hidden"><h1 class="a-size-medium">Adding to Cart…</h1></div>
        <div aria-hidden="true"><h1>Added to Basket</h1></div>
        <div style="display: none"><h1>Please wait</h1></div>
        <div id="accessories_feature_div" class="a-section">
          <div class="a-carousel-card"><span class="a-price"><span class="a-offscreen">£9.99</span></span></div>
        </div>
        <div id="centerCol">
          <h1 id="title" class="a-size-large"><span id="productTitle" class="a-size-large product-title-word-break">
            Philips Series 5000 Kettle HD9359/90, 1.7 L
          </span></h1>
          <div class="price main"><span class="a-price priceToPay"><span class="a-offscreen">£39.99</span>
            <span aria-hidden="true">£39<span class="a-price-decimal">.</span>99</span></span></div>
        </div>
        </body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(record.fields.filter { $0.role == .title }.map(\.value) == ["Philips Series 5000 Kettle HD9359/90, 1.7 L"])
        #expect(HTMLTestSupport.values(record, "price", origin: .visibleText) == ["£39.99"])
    }

    @Test(arguments: [
        (#"<div class="product-title">Makita DF333DSAE</div>"#, #"<h1 hidden>Your basket</h1>"#),
        (#"<h1 class="pdp-title">Makita DF333DSAE</h1>"#, #"<template><h1>Recently viewed</h1></template>"#),
        (#"<h1>Makita DF333DSAE</h1>"#, #"<div class="d-none"><h1>Loading…</h1></div>"#),
    ])
    func hiddenElementsNeverSupplyTheTitle(_ real: String, _ hidden: String) throws {
        let html = "<html><body>\(hidden)\(real)<p class=\"price\">1 299,00 zł</p></body></html>"
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(record.fields.filter { $0.role == .title }.map(\.value) == ["Makita DF333DSAE"])
    }

    @Test func theMainPriceWinsOverRelatedAndCarouselPrices() throws {
        let html = """
        <html><body><h1>Dyson V15 Detect</h1>
        <ul class="product-bundle-upsell"><li><span class="price">49,00 €</span></li></ul>
        <div class="price-box"><span class="price price--main">699,00 €</span><span class="price price-old">799,00 €</span></div>
        <section class="sims-carousel"><span class="price">19,90 €</span></section>
        </body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(HTMLTestSupport.values(record, "price", origin: .visibleText) == ["699,00 €"])
    }

    @Test func signalsRepeatedOnProductCardsDoNotBeatThePagesOwnTitleAndPrice() throws {
        // "Recently viewed" cards carry the same title and price classes as a product page would; the page's own
        // heading and its first, unmarked price still win.
        let html = """
        <html><body><h1>Tefal Ingenio Emotion pan set, 13 pieces</h1>
        <div class="buy"><span class="price">129,99 €</span></div>
        <section class="recently-viewed">
          <div class="card"><div class="product-name">Tefal Jamie Oliver wok</div><span class="product-price">59,99 €</span></div>
          <div class="card"><div class="product-name">WMF knife block</div><span class="product-price">149,00 €</span></div>
        </section>
        </body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(record.fields.filter { $0.role == .title }.map(\.value) == ["Tefal Ingenio Emotion pan set, 13 pieces"])
        #expect(HTMLTestSupport.values(record, "price", origin: .visibleText) == ["129,99 €"])
    }

    // MARK: - Shop ids in GTIN tags

    @Test func aShopIDInAGTINTagIsTheSKU() throws {
        let html = """
        <html><head><meta property="og:type" content="product"><meta property="og:title" content="Lego Creator 31120">
        <meta property="og:upc" content="W005759888"><meta property="product:ean" content="5702016913606">
        <meta property="product:isbn" content="080442957X">
        <meta property="product:price:amount" content="39.99"><meta property="product:price:currency" content="USD">
        </head><body></body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(HTMLTestSupport.values(record, "product:retailer_item_id") == ["W005759888"])
        #expect(HTMLTestSupport.values(record, "og:upc").isEmpty)
        #expect(HTMLTestSupport.values(record, "product:ean") == ["5702016913606"])
        #expect(HTMLTestSupport.values(record, "product:isbn") == ["080442957X"])
    }

    // MARK: - Page text in messages

    @Test func messagesQuoteAtMostEightyCharactersOfPageText() {
        let long = String(repeating: "Limited edition espresso machine with milk frother ", count: 6)
        #expect(PageTextQuote.quote(long).count <= 80)
        #expect(PageTextQuote.quote(long).hasSuffix("…"))
        #expect(PageTextQuote.quote("short text") == "short text")

        let html = "<html><head><meta charset=\"\(String(repeating: "x-unknown-", count: 20))\"></head><body><h1>A</h1><p class=\"price\">1,00 €</p></body></html>"
        let messages = HTMLTestSupport.read(html).diagnostics.filter { $0.code == .encodingUnsupported }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.allSatisfy { $0.contains("…") && !$0.contains(String(repeating: "x-unknown-", count: 9)) })
    }

    // MARK: - Currency evidence

    @Test func pageLocaleAndDomainAreDocumentEvidenceNotACountry() throws {
        let html = """
        <!DOCTYPE html><html lang="sv-SE"><head>
        <meta http-equiv="Content-Language" content="sv-SE">
        <meta property="og:locale" content="sv_SE"><meta property="og:url" content="https://www.elgiganten.se/product/123">
        <link rel="canonical" href="https://www.elgiganten.se/product/123">
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
          {"@type": "Offer", "price": "199", "priceCurrency": "SEK"}]}</script>
        </head><body><h1>Bosch vattenkokare TWK3P420</h1><div class="price main">1 290 kr</div></body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        let hints = record.hints
        #expect(hints.country == nil)
        #expect(hints.currency == nil)
        #expect(hints.language == "sv")
        let evidence = hints.currencyEvidence
        #expect(evidence.allSatisfy { $0.basis == .document })
        #expect(evidence.map(\.detail) == [
            "html lang sv-SE", "og:locale sv_SE", "Content-Language sv-SE", "page URL on .se", "priceCurrency SEK in the page's JSON-LD",
        ])
        #expect(evidence.first { $0.detail == "og:locale sv_SE" } == CurrencyEvidence(.document, country: "SE", language: "sv", detail: "og:locale sv_SE"))
        #expect(evidence.first { $0.detail == "page URL on .se" }?.country == "SE")
        #expect(evidence.last?.currency == "SEK")
    }

    @Test func aPlainLanguageOrAGenericDomainIsNoCountryEvidence() throws {
        let html = """
        <html lang="de"><head><link rel="canonical" href="https://www.shop.com/p/1"></head>
        <body><h1>Wasserkocher</h1><div class="price">29,99</div></body></html>
        """
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(record.hints.language == "de")
        #expect(record.hints.currencyEvidence.isEmpty)
    }

    static func temporaryFile(_ text: String, name: String) throws -> URL {
        let directory = try TestScratch.folder()
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
