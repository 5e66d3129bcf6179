import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// JSON arrays, JSON Lines and schema.org Product JSON, streamed item by item.
struct JSONFeedReaderTests {
    static func read(_ text: String, name: String = "feed.json", kind: InputKind = .json) throws -> CollectingSink {
        try FeedTestSupport.read(JSONFeedReader(), FeedTestSupport.temporaryFile(name, text), kind: kind)
    }

    /// (shape, document) — each holds the same two products.
    static let shapes: [(String, String)] = [
        ("array", #"[{"sku": "A-1", "title": "Virdulys", "price": 29.90}, {"sku": "B-2", "title": "Šalmas", "price": 59.90}]"#),
        ("JSON Lines", "{\"sku\": \"A-1\", \"title\": \"Virdulys\", \"price\": 29.90}\n{\"sku\": \"B-2\", \"title\": \"Šalmas\", \"price\": 59.90}\n"),
        ("wrapper", #"{"shop": "x", "products": [{"sku": "A-1", "title": "Virdulys", "price": 29.90}, {"sku": "B-2", "title": "Šalmas", "price": 59.90}]}"#),
        ("schema.org ItemList", #"{"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [{"@type": "ListItem", "item": {"@type": "Product", "sku": "A-1", "title": "Virdulys", "price": 29.90}}, {"@type": "ListItem", "item": {"@type": "Product", "sku": "B-2", "title": "Šalmas", "price": 59.90}}]}"#),
        ("schema.org @graph", #"{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "Shop"}, {"@type": "Product", "sku": "A-1", "title": "Virdulys", "price": 29.90}, {"@type": "Product", "sku": "B-2", "title": "Šalmas", "price": 59.90}]}"#),
    ]

    @Test(arguments: shapes)
    func everyShapeGivesOneRecordPerProduct(_ shape: String, _ text: String) throws {
        let sink = try Self.read(text)
        #expect(sink.records.map { $0.value("sku") } == ["A-1", "B-2"], "\(shape)")
        #expect(sink.records.map { $0.value("price") } == ["29.90", "59.90"], "\(shape): number literals are kept as written")
        #expect(sink.records.map { $0.location.record } == [1, 2])
        #expect(sink.diagnostics.isEmpty, "\(shape): \(sink.diagnostics)")
    }

    @Test func nestedObjectsAreFlattenedWithDottedLabels() throws {
        let text = #"[{"name": "Kavos aparatas", "brand": {"@type": "Brand", "name": "De'Longhi"}, "offers": {"@type": "Offer", "price": "349.00", "priceCurrency": "EUR"}, "image": ["https://a/1.jpg", "https://a/2.jpg"], "weight": {"@type": "QuantitativeValue", "value": 9.0, "unitText": "kg"}, "additionalProperty": [{"@type": "PropertyValue", "name": "Spalva", "value": "juoda"}], "discontinued": null, "inStock": true}]"#
        let record = try #require(try Self.read(text).records.first)
        #expect(record.value("brand.name") == "De'Longhi")
        #expect(record.value("offers.price") == "349.00")
        #expect(record.value("offers.priceCurrency") == "EUR")
        #expect(record.values("image") == ["https://a/1.jpg", "https://a/2.jpg"])
        #expect(record.value("weight") == "9.0 kg")
        #expect(record.value("Spalva") == "juoda")
        #expect(record.value("inStock") == "true")
        #expect(record.value("discontinued") == nil)
        #expect(!record.fields.contains { $0.label?.contains("@type") == true })
        #expect(record.fields.allSatisfy { $0.origin == .jsonKey })
    }

    @Test func escapesAndUnicodeAreDecoded() throws {
        let text = #"{"title": "\"Šalmas\" \u0160 \ud83d\udeb2 tab\tnew\nline", "sku": "a\/b"}"# + "\n"
        let record = try #require(try Self.read(text, name: "x.jsonl", kind: .jsonLines).records.first)
        #expect(record.value("title") == "\"Šalmas\" Š 🚲 tab\tnew\nline")
        #expect(record.value("sku") == "a/b")
    }

    @Test func aMalformedLineIsKeptAsAnEmptyRecordAndTheRestIsRead() throws {
        let text = "{\"sku\": \"A\"}\n{\"sku\": \"B\", \"price\": }\n{\"sku\": \"C\"}\n"
        let sink = try Self.read(text, name: "x.jsonl", kind: .jsonLines)
        #expect(sink.records.count == 3)
        #expect(sink.records.map { $0.value("sku") } == ["A", nil, "C"])
        let malformed = try #require(sink.diagnostics.first { $0.code == .jsonMalformed })
        #expect(malformed.location.line == 2)
        #expect(malformed.location.record == 2)
    }

    @Test func aTruncatedArrayKeepsEveryItemBeforeTheCut() throws {
        let text = "[\n{\"sku\": \"A\"},\n{\"sku\": \"B\"},\n{\"sku\": \"C\", \"title\": \"Nukirp"
        let sink = try Self.read(text)
        #expect(sink.records.map { $0.value("sku") } == ["A", "B", nil])
        #expect(sink.codes.contains(.jsonTruncated))
        #expect(!sink.codes.contains(.jsonMalformed))
    }

    @Test func bracketsInsideStringsDoNotSplitItems() throws {
        let sink = try Self.read(#"[{"title": "Šalmas [M] {2024}", "sku": "]["}, {"sku": "B"}]"#)
        #expect(sink.records.map { $0.value("sku") } == ["][", "B"])
        #expect(sink.records.first?.value("title") == "Šalmas [M] {2024}")
    }

    @Test func nonObjectElementsAreReportedNotDropped() throws {
        let sink = try Self.read(#"[{"sku": "A"}, 42, "text"]"#)
        #expect(sink.records.count == 3)
        #expect(sink.codes.filter { $0 == .jsonNotAnObject }.count == 2)
    }

    @Test func aWooCommerceRESTProductIsReadWithWooCommercesVocabularyAndUnits() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Samples/feeds/platforms/woocommerce-rest-products.json").standardizedFileURL
        let sink = try FeedTestSupport.read(JSONFeedReader(), url.path, kind: .json)
        #expect(sink.records.count == 3)
        #expect(sink.records.allSatisfy { $0.hints.platform == "woocommerce" && $0.hints.weightUnit == "kg" && $0.hints.lengthUnit == "cm" })
        #expect(sink.records[1].fields.first { $0.label == "regular_price" }?.value == "20.00")
        #expect(sink.records[0].fields.first { $0.label == "dimensions.length" }?.value == "30")
        // Without the REST schema's keys, a product object is no WooCommerce product.
        let plain = try Self.read(#"[{"sku": "A-1", "price": "9.99", "regular_price": "12.00"}]"#)
        #expect(plain.records.first?.hints.platform == nil && plain.records.first?.hints.weightUnit == nil)
    }
}
