import Foundation
import Testing
import KatalogCore
@testable import KatalogReaders

@Suite("JSON-LD")
struct JSONLDTests {
    static func page(_ scripts: String...) -> String {
        "<html lang=\"lt\"><head>" + scripts.map { "<script type=\"application/ld+json\">\($0)</script>\n" }.joined() + "</head><body></body></html>"
    }

    static let product = #"{"@context":"https://schema.org","@type":"Product","name":"DJI Mini 4 Pro","sku":"CP.MA.00000731.01","offers":{"@type":"Offer","price":"759.00","priceCurrency":"EUR"}}"#

    struct Broken: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var repair: String
        var testDescription: String { name }
    }

    static let brokenBodies: [Broken] = [
        Broken(name: "HTML-escaped quotes", body: product.replacingOccurrences(of: "\"", with: "&quot;"), repair: "&quot;"),
        Broken(name: "trailing semicolon", body: product + ";", repair: "trailing ';'"),
        Broken(name: "CDATA wrapper", body: "//<![CDATA[\n" + product + "\n//]]>", repair: "CDATA"),
        Broken(name: "comment wrapper", body: "<!--\n" + product + "\n-->", repair: "HTML comment"),
        Broken(name: "raw newline inside a string", body: product.replacingOccurrences(of: "DJI Mini", with: "DJI\nMini"), repair: "raw control characters"),
        Broken(name: "raw tab inside a string", body: product.replacingOccurrences(of: "DJI Mini", with: "DJI\tMini"), repair: "raw control characters"),
        Broken(name: "trailing comma", body: product.replacingOccurrences(of: "\"EUR\"}", with: "\"EUR\",}"), repair: "trailing comma"),
    ]

    @Test(arguments: brokenBodies)
    func brokenBlocksAreRepairedAndReported(_ broken: Broken) throws {
        let sink = HTMLTestSupport.read(Self.page(broken.body))
        let record = try #require(sink.records.first)
        #expect(HTMLTestSupport.values(record, "offers.price", origin: .jsonLD) == ["759.00"])
        #expect(HTMLTestSupport.values(record, "sku") == ["CP.MA.00000731.01"])
        let repaired = sink.diagnostics.filter { $0.code == .jsonLDRepaired }
        #expect(repaired.count == 1)
        #expect(repaired.first?.message.contains(broken.repair) == true)
        #expect(repaired.first?.severity == .warning)
    }

    @Test func oneBrokenBlockNeverLosesTheOthers() throws {
        let broken = #"{"@type": "BreadcrumbList", "itemListElement": [{"name": "Dronai" "position": 1}]}"#
        let sink = HTMLTestSupport.read(Self.page(broken, Self.product, "{ not json at all"))
        let record = try #require(sink.records.first)
        #expect(HTMLTestSupport.values(record, "name") == ["DJI Mini 4 Pro"])
        let invalid = sink.diagnostics.filter { $0.code == .jsonLDInvalid }
        #expect(invalid.count == 2)
        #expect(invalid.allSatisfy { $0.severity == .error && $0.location.line != nil })
    }

    @Test func graphReferencesAndQuantities() throws {
        let graph = #"""
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Shop"},
          {"@type": "Product", "@id": "#p", "name": "Kettle", "gtin13": "4242005221530",
           "brand": "Bosch", "manufacturer": {"@type": "Organization", "name": "BSH"},
           "weight": {"@type": "QuantitativeValue", "value": 1.1, "unitCode": "KGM"},
           "width": {"@type": "QuantitativeValue", "value": "22", "unitText": "cm"},
           "additionalProperty": [{"@type": "PropertyValue", "name": "Objem", "value": 1.7, "unitText": "l"}],
           "review": [{"@type": "Review", "reviewBody": "Great"}],
           "offers": {"@id": "#o"}},
          {"@type": "Offer", "@id": "#o", "price": 1149, "priceCurrency": "CZK",
           "priceSpecification": [{"@type": "UnitPriceSpecification", "priceType": "https://schema.org/StrikethroughPrice", "price": 1299},
                                  {"@type": "UnitPriceSpecification", "price": 1149, "priceCurrency": "CZK"}]}
        ]}
        """#
        let record = try #require(HTMLTestSupport.read(Self.page(graph)).records.first)
        #expect(HTMLTestSupport.values(record, "brand") == ["Bosch"])
        #expect(HTMLTestSupport.values(record, "manufacturer") == ["BSH"])
        #expect(HTMLTestSupport.values(record, "weight") == ["1.1 KGM"])
        #expect(HTMLTestSupport.values(record, "width") == ["22 cm"])
        #expect(HTMLTestSupport.values(record, "Objem") == ["1.7 l"])
        #expect(HTMLTestSupport.values(record, "offers.price") == ["1149"])
        #expect(HTMLTestSupport.values(record, "offers.priceSpecification.price") == ["1149"])
        #expect(!record.fields.contains { $0.label?.hasPrefix("review") == true })
    }

    @Test func productGroupGivesOneRecordPerVariantSharingGroupFields() throws {
        let group = #"""
        {"@context": "https://schema.org", "@type": "ProductGroup", "name": "Tee", "brand": {"@type": "Brand", "name": "Bawełna"},
         "productGroupID": "CT-180", "material": "cotton",
         "hasVariant": [
           {"@type": "Product", "sku": "CT-M", "size": "M", "offers": {"@type": "Offer", "price": "79.00", "priceCurrency": "PLN"}},
           {"@type": "Product", "sku": "CT-L", "size": "L", "name": "Tee L", "offers": {"@type": "Offer", "price": "81.00", "priceCurrency": "PLN"}}
         ]}
        """#
        let records = HTMLTestSupport.read(Self.page(group)).records
        #expect(records.count == 2)
        #expect(records.map { HTMLTestSupport.values($0, "sku") } == [["CT-M"], ["CT-L"]])
        #expect(records.map { HTMLTestSupport.values($0, "name") } == [["Tee"], ["Tee L"]])
        #expect(records.allSatisfy { HTMLTestSupport.values($0, "productGroupID") == ["CT-180"] && HTMLTestSupport.values($0, "brand") == ["Bawełna"] })
        #expect(records.map(\.location.record) == [1, 2])
    }

    @Test func aggregateOfferAndArraysOfProducts() throws {
        let list = #"[{"@type": "Product", "name": "A", "offers": {"@type": "AggregateOffer", "lowPrice": "10.00", "highPrice": "20.00", "priceCurrency": "EUR", "offerCount": 3}}, {"@type": "Product", "name": "B", "gtin": "5901234123457"}]"#
        let records = HTMLTestSupport.read(Self.page(list)).records
        #expect(records.count == 2)
        #expect(HTMLTestSupport.values(records[0], "offers.lowPrice") == ["10.00"])
        #expect(HTMLTestSupport.values(records[0], "offers.highPrice").isEmpty)
        #expect(HTMLTestSupport.values(records[1], "gtin") == ["5901234123457"])
    }

    @Test func fieldLinesPointIntoThePage() throws {
        let html = "<html><head>\n<script type=\"application/ld+json\">\n{\n\"@type\": \"Product\",\n\"name\": \"X\",\n\"sku\": \"1\"\n}\n</script></head></html>"
        let record = try #require(HTMLTestSupport.read(html).records.first)
        #expect(record.fields.first { $0.label == "name" }?.line == 5)
        #expect(record.fields.first { $0.label == "sku" }?.line == 6)
    }
}
