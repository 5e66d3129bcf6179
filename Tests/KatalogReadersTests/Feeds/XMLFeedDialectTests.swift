import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// Each XML vocabulary's syntax becomes labels as written, with purely syntactic reshaping.
struct XMLFeedDialectTests {
    static func read(_ xml: String, kind: InputKind, hints: SourceHints = SourceHints()) throws -> CollectingSink {
        try FeedTestSupport.read(FeedReaders.reader(for: kind)!, FeedTestSupport.temporaryFile("feed.xml", xml), kind: kind, hints: hints)
    }

    @Test func googleMerchantRSS() throws {
        let sink = try FeedTestSupport.read(GoogleMerchantXMLReader(), FeedTestSupport.sample("google-merchant-rss.xml"), kind: .googleMerchant)
        let first = try #require(sink.records.first)
        #expect(first.value("g:id") == "SNY-WH1000XM4")
        #expect(first.value("g:price") == "279.99 EUR")
        #expect(first.value("g:shipping_weight") == "0.254 kg")
        #expect(first.value("Color") == "juoda") // product_detail reshaped
        #expect(first.value("g:shipping/g:price") == "3.99 EUR")
        #expect(first.value("description")?.contains("<b>Official warranty</b>") == true) // CDATA as written
        #expect(first.hints.language == "lt") // channel <language>
        #expect(first.location.line == 8)
        #expect(sink.records[4].value("g:price") == nil) // the item without a price is still a record
    }

    @Test func googleMerchantAtomLinkHref() throws {
        let sink = try FeedTestSupport.read(GoogleMerchantXMLReader(), FeedTestSupport.sample("google-merchant-atom.xml"), kind: .googleMerchant)
        #expect(sink.records.first?.value("link") == "https://sklep.example.pl/produkt/sny-wh1000xm4")
        #expect(sink.records.first?.value("g:price") == "1209.56 PLN")
    }

    @Test func ceneoAttributesImagesAndAttrs() throws {
        let sink = try FeedTestSupport.read(CeneoReader(), FeedTestSupport.sample("ceneo.xml"), kind: .ceneo)
        let first = try #require(sink.records.first)
        #expect(first.fields.first { $0.label == "price" }?.origin == .xmlAttribute)
        #expect(first.value("price") == "1209.56")
        #expect(first.value("weight") == "0.254 kg")
        #expect(first.value("Producent") == "Sony")
        #expect(first.value("Kod_producenta") == "WH1000XM4B.CE7")
        #expect(first.value("imgs/main") == "https://sklep.example.pl/img/1000.jpg")
        #expect(first.value("cat") == "Elektronika/Audio")
        #expect(first.hints.statedOnly == SourceHints(language: "pl", country: "PL", currency: "PLN", platform: "ceneo"))
    }

    @Test func ceneoMarketCurrencyIsOverriddenBySourceSettings() throws {
        let xml = #"<offers><group name="x"><o id="1" price="10"><name>X</name></o></group></offers>"#
        let sink = try Self.read(xml, kind: .ceneo, hints: SourceHints(currency: "EUR"))
        #expect(sink.records.first?.hints.currency == "EUR")
        #expect(sink.records.first?.hints.country == "PL")
    }

    @Test func heurekaParamsAndMarketFromDomain() throws {
        let xml = """
        <SHOP><SHOPITEM><ITEM_ID>1</ITEM_ID><URL>https://obchod.example.sk/x</URL><PRICE_VAT>19,90</PRICE_VAT>
        <PARAM><PARAM_NAME>Farba</PARAM_NAME><VAL>čierna</VAL></PARAM><DELIVERY><DELIVERY_ID>DPD</DELIVERY_ID></DELIVERY></SHOPITEM>
        <SHOPITEM><ITEM_ID>2</ITEM_ID><URL>https://obchod.example.cz/y</URL></SHOPITEM></SHOP>
        """
        let sink = try Self.read(xml, kind: .heureka)
        #expect(sink.records.first?.value("Farba") == "čierna")
        #expect(sink.records.first?.value("DELIVERY/DELIVERY_ID") == "DPD")
        #expect(sink.records.first?.value("PRICE_VAT") == "19,90")
        #expect(sink.records.map { $0.hints.currency } == ["EUR", "CZK"])
    }

    @Test func ymlCurrenciesCategoriesAndParamUnits() throws {
        let sink = try FeedTestSupport.read(YMLReader(), FeedTestSupport.sample("yml-catalog.xml"), kind: .yml)
        let first = try #require(sink.records.first)
        #expect(first.hints.currency == "EUR")
        #expect(first.value("category") == "Elektroonika > Kõrvaklapid")
        #expect(first.value("Garantii") == "24 kuud")
        #expect(first.value("weight") == "0.254 kg")
        #expect(first.value("dimensions") == "27.0/21.5/8.0 cm")
        #expect(first.fields.first { $0.label == "id" }?.origin == .xmlAttribute)
    }

    @Test func balticProductsFeed() throws {
        let sink = try FeedTestSupport.read(XMLFeedReader(), FeedTestSupport.sample("kaina24-products.xml"), kind: .xml)
        let first = try #require(sink.records.first)
        #expect(first.value("ean_code") == "4902548974118")
        #expect(first.value("categories/category") == "Garso technika")
        #expect(first.hints.statedOnly == SourceHints(language: "lt", country: "LT", currency: "EUR"))
        #expect(!sink.codes.contains(.feedGuessedItems))
    }

    @Test func mappedGenericXMLUsesTheSidecarMapping() throws {
        let sink = try FeedTestSupport.read(XMLFeedReader(), FeedTestSupport.sample("distributor-artikel.xml"), kind: .xml)
        let first = try #require(sink.records.first)
        #expect(first.value("sku") == "SNY-WH1000XM4")
        #expect(first.value("price") == "279,99")
        #expect(first.value("currency") == "EUR")
        #expect(first.value("weight") == "0.254 kg")
        #expect(first.value("image") == "https://b2b.example.de/media/sny-wh1000xm4.jpg")
        #expect(first.value("einkauf") == nil) // not mapped, include_unmapped is false
        #expect(first.hints.country == "LT")
    }

    @Test func mappingGivenInCodeWithUnmappedFields() throws {
        let xml = #"<root><list><art code="A1" x="y"><n>Name</n><p cur="PLN">9,99</p><extra>e</extra></art></list></root>"#
        let mapping = XMLFeedMapping(item: "list/art", fields: ["sku": "@code", "title": "n", "price": "p", "currency": "p/@cur"], includeUnmapped: true)
        let sink = try FeedTestSupport.read(MappedXMLReader(mapping: mapping), FeedTestSupport.temporaryFile("m.xml", xml), kind: .xml)
        let record = try #require(sink.records.first)
        #expect(record.value("sku") == "A1")
        #expect(record.value("title") == "Name")
        #expect(record.value("currency") == "PLN")
        #expect(record.value("extra") == "e")
        #expect(record.value("x") == "y")
        #expect(record.value("n") == nil)
    }

    @Test func unknownXMLGuessesItemsAndSaysSo() throws {
        let xml = "<catalog><item><name>A</name></item><item><name>B</name></item></catalog>"
        let sink = try Self.read(xml, kind: .xml)
        #expect(sink.records.map { $0.value("name") } == ["A", "B"])
        #expect(sink.codes.contains(.feedGuessedItems))
    }

    @Test func windows1257DeclaredXMLIsDecoded() throws {
        var data = Data(#"<?xml version="1.0" encoding="windows-1257"?><products><product><title>"#.utf8)
        data.append(contentsOf: [0xDE, 0x69, 0x65, 0x6D, 0x69, 0x6E, 0xEB]) // "Žieminė" in windows-1257
        data.append(Data("</title></product></products>".utf8))
        let sink = try FeedTestSupport.read(XMLFeedReader(), FeedTestSupport.temporaryFile("w.xml", data), kind: .xml)
        #expect(sink.records.first?.value("title") == "Žieminė")
    }
}
