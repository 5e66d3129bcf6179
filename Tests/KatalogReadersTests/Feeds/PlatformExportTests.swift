import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// Shop-platform exports as their documentation defines them: which rows are records and what each gets.
struct PlatformExportTests {
    static func read(sample name: String) throws -> CollectingSink {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Samples/feeds/platforms/\(name)").standardizedFileURL
        return try FeedTestSupport.read(CSVReader(), url.path, kind: .csv)
    }

    static func read(_ text: String) throws -> CollectingSink {
        try FeedTestSupport.read(CSVReader(), FeedTestSupport.temporaryFile("export.csv", Data(text.utf8)), kind: .csv)
    }

    @Test func shopifyVariantsAreRecordsWithTheProductsColumns() throws {
        let sink = try Self.read(sample: "shopify-products_export.csv")
        // 10 rows: 3 tee variants + 1 image row, 1 pour-over, 2 socks, 2 gift cards; the image row is no record.
        #expect(sink.records.count == 8)
        #expect(sink.records.allSatisfy { $0.hints.platform == "shopify" })
        #expect(sink.diagnostics.map(\.code) == [.csvPlatform])
        let medium = sink.records[1]
        #expect(medium.value("Variant SKU") == "NWA-TEE-M-GRN")
        #expect(medium.value("Title") == "Organic Cotton Tee")
        #expect(medium.value("Vendor") == "Northwind Apparel")
        #expect(medium.value("Size") == "Medium")
        #expect(medium.value("Color") == "Forest Green")
        // Every image of the product, the variant's own first, the image-only row's too.
        #expect(medium.fields.filter { $0.label == "Image Src" }.map { $0.value.components(separatedBy: "/").last ?? "" } ==
                ["tee-green-back.jpg?v=1700000000", "tee-green-front.jpg?v=1700000000", "tee-detail.jpg?v=1700000000"])
        // A variant's empty compare-at price is not taken from the first row: it is not a product column.
        #expect(sink.records[5].value("Variant SKU") == "NWA-SOCK-LXL")
        #expect(sink.records[5].value("Variant Compare At Price") == nil)
        // `Title: Default Title` is Shopify's "no options", not an attribute.
        #expect(sink.records[3].value("Title") == "Ceramic Pour-Over Set")
        #expect(!sink.records[3].fields.contains { $0.value == "Default Title" })
    }

    @Test func wooCommerceVariationsTakeTheirParentsColumnsAndItsSKU() throws {
        let sink = try Self.read(sample: "woocommerce-product-export.csv")
        // 8 rows; the variable parent (ID 743) lends its columns to its 3 variations and is no record of its own.
        #expect(sink.records.count == 7)
        #expect(!sink.records.contains { $0.value("SKU") == "woo-vneck-tee" })
        let red = try #require(sink.records.first { $0.value("SKU") == "woo-vneck-tee-red" })
        #expect(red.value("Parent SKU") == "woo-vneck-tee")
        #expect(red.value("Name") == "V-Neck T-Shirt - Red")
        #expect(red.value("Description")?.hasPrefix("Pellentesque habitant") == true)
        #expect(red.value("Weight (lbs)") == ".5")
        #expect(red.value("Color") == "Red")
        // The blue variation names its parent by SKU instead of `id:743`.
        #expect(sink.records.first { $0.value("SKU") == "woo-vneck-tee-blue" }?.value("Parent SKU") == "woo-vneck-tee")
        let parentNote = try #require(sink.diagnostics.first { $0.code == .csvParentRow })
        #expect(parentNote.location.line == 2)
        #expect(parentNote.message.contains("3 variations"))
        #expect(sink.records.first?.hints.currencyEvidence.first?.country == "US")
    }

    @Test func aParentWithoutVariationsIsStillARecord() throws {
        let text = "ID,Type,SKU,Name,Regular price,Parent\n1,variable,lonely,Lonely Parent,,\n2,simple,plain,Plain,5,\n"
        let sink = try Self.read(text)
        #expect(sink.records.map { $0.value("SKU") } == ["plain", "lonely"])
        #expect(!sink.diagnostics.contains { $0.code == .csvParentRow })
    }

    @Test func magentoStoreViewRowsTranslateTheRowAbove() throws {
        let sink = try Self.read(sample: "magento2-catalog_product.csv")
        #expect(sink.records.count == 5)
        let bag = sink.records[0]
        #expect(bag.value("sku") == "24-MB01")
        #expect(bag.value("store view de: name") == "Joust Sporttasche")
        #expect(bag.value("activity") == "Gym,Hiking,Trail,Urban")
        #expect(bag.value("material") == "Nylon|Polyester")
        #expect(bag.hints.weightUnit == "lb")
        #expect(sink.records[1].value("ean") == "0885909950805")
    }

    @Test func prestaShopFeaturesBecomeFields() throws {
        let sink = try Self.read(sample: "prestashop-products-import.csv")
        #expect(sink.records.count == 3)
        #expect(sink.records[0].value("Composition") == "Coton")
        #expect(sink.records[0].value("Propriété") == "Manches courtes")
        #expect(sink.records[0].hints.platform == "prestashop")
        #expect(sink.records[0].hints.weightUnit == "kg")
    }

    @Test func anOrdinarySpreadsheetIsNoPlatform() throws {
        let sink = try Self.read("sku,title,price\nA-1,Lamp,9.99 EUR\n")
        #expect(sink.records.first?.hints.platform == nil)
        #expect(sink.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("color=Blue,material=Canvas|Leather", "=", [("color", "Blue"), ("material", "Canvas|Leather")]),
        ("activity=Gym,Hiking,erin_recommends=No", "=", [("activity", "Gym,Hiking"), ("erin_recommends", "No")]),
        ("Composition:Coton:1,Propriété:Manches courtes:2", ":", [("Composition", "Coton"), ("Propriété", "Manches courtes")]),
        ("Ratio:16:9:3", ":", [("Ratio", "16:9")]),
        ("no pairs here", "=", []),
    ])
    func listsSplitIntoNamesAndValues(text: String, separator: String, expected: [(String, String)]) {
        let list = PlatformProfiles.List(column: "x", entry: ",", nameValue: separator)
        let entries = PlatformRowLayout.split(text, list: list)
        #expect(entries.map(\.name) == expected.map(\.0))
        #expect(entries.map(\.value) == expected.map(\.1))
    }
}
