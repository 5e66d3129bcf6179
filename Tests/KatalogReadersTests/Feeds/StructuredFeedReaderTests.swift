import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// Heureka / Zboží, Skroutz, Ceneo and Shopify JSON as their platforms publish them: the readers' labels, markets
/// and platform tags, and the samples under `Samples/feeds/platforms`.
struct StructuredFeedReaderTests {
    static func read(_ text: String, kind: InputKind, name: String = "feed.xml", hints: SourceHints = SourceHints()) throws -> CollectingSink {
        try FeedTestSupport.read(FeedReaders.reader(for: kind)!, FeedTestSupport.temporaryFile(name, text), kind: kind, hints: hints)
    }

    static func platformSample(_ name: String) -> String { FeedTestSupport.sample("platforms/" + name) }

    // MARK: Heureka / Zboží

    @Test func heurekaMarketComesFromTheProductURLThenTheImageURLElseTheCzechDefault() throws {
        let xml = """
        <SHOP>
        <SHOPITEM><ITEM_ID>1</ITEM_ID><URL>https://obchod.example.cz/a</URL></SHOPITEM>
        <SHOPITEM><ITEM_ID>2</ITEM_ID><URL>https://obchod.example.sk/b</URL></SHOPITEM>
        <SHOPITEM><ITEM_ID>3</ITEM_ID><URL>https://shop.example.eu/c</URL><IMGURL>https://img.example.sk/c.jpg</IMGURL></SHOPITEM>
        <SHOPITEM><ITEM_ID>4</ITEM_ID><URL>https://shop.example.com/d</URL></SHOPITEM>
        <SHOPITEM><ITEM_ID>5</ITEM_ID></SHOPITEM>
        </SHOP>
        """
        let sink = try Self.read(xml, kind: .heureka)
        #expect(sink.records.map { $0.hints.currency } == ["CZK", "EUR", "EUR", "CZK", "CZK"])
        #expect(sink.records.map { $0.hints.country } == ["CZ", "SK", "SK", "CZ", "CZ"])
        #expect(sink.records.allSatisfy { $0.hints.platform == "heureka" })
        let assumed = sink.diagnostics.filter { $0.code == .feedMarketAssumed }
        #expect(assumed.count == 1)
        #expect(assumed.first?.message.hasPrefix("2 items") == true)
    }

    @Test func lowerCaseHeurekaElementsAreReadToo() throws {
        let xml = "<shop><shopitem><item_id>1</item_id><url>https://e.sk/a</url><param><param_name>Farba</param_name><val>modrá</val></param></shopitem></shop>"
        #expect(InputSniffer().sniff(prefix: Data(xml.utf8), fileName: "feed.xml") == .heureka)
        let sink = try Self.read(xml, kind: .heureka)
        #expect(sink.records.count == 1)
        #expect(sink.records.first?.value("item_id") == "1")
        #expect(sink.records.first?.value("Farba") == "modrá")
        #expect(sink.records.first?.hints.currency == "EUR")
    }

    @Test(arguments: [(InputKind.heureka, "<SHOP><ITEMS><ITEM><NAME>x</NAME></ITEM></ITEMS><SHOPITEM_LIST/></SHOP>"),
                      (InputKind.skroutz, "<mywebstore><created_at>2026-12-04</created_at><products/></mywebstore>")])
    func aFeedWithoutItemsSaysSo(_ kind: InputKind, _ xml: String) throws {
        let sink = try Self.read(xml, kind: kind)
        #expect(sink.records.isEmpty)
        #expect(sink.codes == [.feedNoItems])
    }

    @Test func heurekaMarketAssumptionIsNotReportedWhenTheSourceNamesItsCurrency() throws {
        let sink = try Self.read("<SHOP><SHOPITEM><ITEM_ID>1</ITEM_ID></SHOPITEM></SHOP>", kind: .heureka, hints: SourceHints(currency: "EUR"))
        #expect(sink.records.first?.hints.currency == "EUR")
        #expect(!sink.codes.contains(.feedMarketAssumed))
    }

    @Test func zboziNamespacedWindows1250FeedKeepsLabelsAsWritten() throws {
        let text = "<?xml version=\"1.0\" encoding=\"windows-1250\"?>\n<SHOP xmlns=\"http://www.zbozi.cz/ns/offer/1.0\"><SHOPITEM><ITEM_ID>7</ITEM_ID><PRODUCT><![CDATA[Žehlička Tefal]]></PRODUCT><PRICE>100</PRICE><PRICE_VAT>121,00</PRICE_VAT><URL>https://e.cz/x</URL></SHOPITEM></SHOP>"
        let bytes = try #require(text.data(using: .windowsCP1250))
        let sink = try FeedTestSupport.read(HeurekaReader(), FeedTestSupport.temporaryFile("zbozi.xml", bytes), kind: .heureka)
        let record = try #require(sink.records.first)
        #expect(record.value("PRODUCT") == "Žehlička Tefal")
        #expect(record.value("PRICE") == "100")
        #expect(record.value("PRICE_VAT") == "121,00")
        #expect(record.hints.currency == "CZK")
    }

    @Test func heurekaSampleNestedElementsArePathLabelled() throws {
        let sink = try FeedTestSupport.read(HeurekaReader(), Self.platformSample("heureka-cz.xml"), kind: .heureka)
        #expect(sink.records.count == 5)
        let first = try #require(sink.records.first)
        #expect(first.values("DELIVERY/DELIVERY_ID") == ["ZASILKOVNA", "PPL"])
        #expect(first.value("EXTENDED_WARRANTY/VAL") == "36")
        #expect(first.value("GIFT") == "Zrnková káva 1 kg")
        #expect(first.value("GIFT@ID") == "G-7")
        #expect(first.values("IMGURL_ALTERNATIVE").count == 2)
        #expect(sink.records[1].value("IMGURL_ALTERNATIVE") == nil) // an empty element gives no field
    }

    // MARK: Skroutz

    @Test func skroutzProductsWithMarketFromTheLink() throws {
        let sink = try FeedTestSupport.read(SkroutzReader(), Self.platformSample("skroutz.xml"), kind: .skroutz)
        #expect(sink.records.count == 3)
        let first = try #require(sink.records.first)
        #expect(first.value("id") == "GR-10021")
        #expect(first.value("price_with_vat") == "199.90")
        #expect(first.value("category") == "Οικιακές Συσκευές > Καφετιέρες > Μηχανές Espresso")
        #expect(first.value("category@id") == "1453")
        #expect(first.values("additionalimage").count == 2)
        #expect(first.hints.statedOnly == SourceHints(language: "el", country: "GR", currency: "EUR", platform: "skroutz"))
        #expect(sink.records[1].values("variations/variation/ean") == ["5200001112220", "5200001112237"])
        #expect(sink.records[1].value("ean") == nil)
        #expect(sink.records[2].hints.country == "CY")
        #expect(sink.records.allSatisfy { $0.value("created_at") == nil }) // feed-level, not an item field
    }

    @Test func skroutzWithoutLinksIsStillInEuros() throws {
        let xml = "<mywebstore><products><product><id>1</id><price_with_vat>9.90</price_with_vat></product></products></mywebstore>"
        let sink = try Self.read(xml, kind: .skroutz)
        #expect(sink.records.first?.hints.statedOnly == SourceHints(currency: "EUR", platform: "skroutz"))
    }

    // MARK: Ceneo

    @Test func ceneoOfferIdAndSKUAttributeAreBothPassedOn() throws {
        let sink = try FeedTestSupport.read(CeneoReader(), Self.platformSample("ceneo-offers.xml"), kind: .ceneo)
        #expect(sink.records.count == 4)
        #expect(sink.records[0].value("id") == "77001")
        #expect(sink.records[0].value("SKU") == "ZEL-ZCK7630-Y")
        #expect(sink.records[1].value("SKU") == nil)
        #expect(sink.records.allSatisfy { $0.hints.platform == "ceneo" })
    }

    // MARK: Shopify products.json

    @Test func shopifyAdminExportGivesOneRecordPerVariant() throws {
        let sink = try FeedTestSupport.read(JSONFeedReader(), Self.platformSample("shopify-admin-products.json"), kind: .json)
        #expect(sink.records.count == 4)
        #expect(sink.records.map { $0.location.record } == [1, 2, 3, 4])
        #expect(sink.records.allSatisfy { $0.hints.platform == "shopify" })
        let first = try #require(sink.records.first)
        #expect(first.value("id") == "8123456789012")
        #expect(first.value("variants.id") == "44120000000001")
        #expect(first.value("variants.sku") == "NL-GR-S")
        #expect(first.value("variants.price") == "29.90")
        #expect(first.value("variants.compare_at_price") == "39.90")
        #expect(first.value("variants.weight") == "0.12 kg")
        #expect(first.value("variants.grams") == nil)
        #expect(first.value("Farbe") == "Grau")
        #expect(first.value("Größe") == "S")
        #expect(first.value("currency") == "EUR") // the presentment price equal to the variant's price
        #expect(first.values("tags") == ["Merino", "Winter", "Sale"])
        // The variant's own image first, then the product's other images, each once.
        #expect(first.values("images.src").first?.hasSuffix("nordlicht-grau.jpg?v=1696144364") == true)
        #expect(first.values("images.src").count == 3)
        #expect(first.value("created_at") == nil)
        #expect(first.value("admin_graphql_api_id") == nil)
        #expect(sink.records.map(\.location.line) == [20, 51, 76, 123]) // each variant object's first key
        // Whether Shopify counts the variant's stock and sells without it: what the count's availability depends on.
        #expect(first.value("variants.inventory_management") == "shopify" && first.value("variants.inventory_policy") == "deny")
        #expect(sink.records[2].value("variants.inventory_management") == nil) // null: not counted
        #expect(sink.records[3].value("variants.inventory_policy") == "continue")
        #expect(sink.records[2].value("variants.compare_at_price") == nil) // null
        #expect(sink.records[2].value("variants.barcode") == nil) // ""
        let mug = sink.records[3]
        #expect(mug.value("Title") == nil) // Shopify's placeholder option
        #expect(mug.value("tags") == nil)
    }

    @Test func shopifyStorefrontJSONNamesNoCurrencyAndUsesGrams() throws {
        let json = #"""
        {"products":[{"id":1,"title":"Hemd","handle":"hemd","body_html":"","vendor":"V","product_type":"Hemden","tags":["a","b"],
        "variants":[{"id":11,"title":"S","option1":"S","sku":"H-S","price":"49.95","grams":210,"compare_at_price":"69.95","available":true,"featured_image":{"src":"https://cdn.example/s.jpg"}},
                    {"id":12,"title":"M","option1":"M","sku":"H-M","price":"49.95","grams":220,"compare_at_price":null,"available":false}],
        "images":[{"id":5,"src":"https://cdn.example/p.jpg"}],"options":[{"name":"Size","position":1,"values":["S","M"]}]}]}
        """#
        let sink = try Self.read(json, kind: .json, name: "products.json")
        #expect(sink.records.count == 2)
        #expect(sink.records.allSatisfy { $0.value("currency") == nil && $0.hints.currency == nil })
        #expect(sink.records[0].value("variants.grams") == "210 g")
        #expect(sink.records[0].value("Size") == "S")
        #expect(sink.records[0].value("variants.available") == "true")
        #expect(sink.records[0].values("images.src") == ["https://cdn.example/s.jpg", "https://cdn.example/p.jpg"])
        #expect(sink.records[1].values("images.src") == ["https://cdn.example/p.jpg"])
        #expect(sink.records[0].values("tags") == ["a", "b"])
        #expect(sink.records.map(\.location.line) == [2, 3]) // the lines of the variant objects
    }

    @Test func aProductWithoutVariantsIsReadAsPlainJSON() throws {
        let sink = try Self.read(#"{"products":[{"id":"A1","title":"X","handle":"x","price":"1.00"}]}"#, kind: .json, name: "p.json")
        #expect(sink.records.count == 1)
        #expect(sink.records.first?.hints.platform == nil)
        #expect(sink.records.first?.value("price") == "1.00")
    }

    @Test func theAJAXShapeWithPricesInCentsIsNotReadAsShopify() throws {
        let json = #"{"product":{"id":1,"title":"Hemd","handle":"hemd","price":4995,"variants":[{"id":11,"sku":"H-S","price":4995}]}}"#
        let sink = try Self.read(json, kind: .json, name: "hemd.js.json")
        #expect(sink.records.count == 1)
        #expect(sink.records.first?.hints.platform == nil)
        #expect(sink.records.first?.value("product.variants.sku") == "H-S") // flattened as plain JSON
    }
}
