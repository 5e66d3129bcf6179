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

    @Test func bigCommerceItemRowsGroupAProductWithItsVariantsAndImages() throws {
        let sink = try Self.read(sample: "bigcommerce-products.csv")
        // 7 rows: a product with an image row, a product with 2 variants, a product alone.
        #expect(sink.records.count == 4)
        #expect(sink.records.allSatisfy { $0.hints.platform == "bigcommerce" && $0.hints.weightUnit == "lb" && $0.hints.lengthUnit == "in" })
        let terrarium = sink.records[0]
        #expect(terrarium.value("SKU") == "OTL")
        #expect(terrarium.values("Internal Image URL (Export)") == ["https://cdn11.bigcommerce.com/s-7h8f/products/112/images/386/orbit-large__57311.jpg"])
        #expect(terrarium.value("Material") == "Glass" && terrarium.value("Finish") == "Brass")
        #expect(terrarium.value("Product SKU") == nil)
        // Variants take the product's name, price and brand, and its SKU as their group; the product row is no record.
        let blue = sink.records[1]
        #expect(blue.value("SKU") == "CT-BLU" && blue.value("Name") == "Chambray Towel" && blue.value("Price") == "49.00")
        #expect(blue.value("Sale Price") == "44.00" && blue.value("Brand") == "Able Brewing")
        #expect(blue.value("Product SKU") == "CT")
        #expect(!sink.records.contains { $0.value("SKU") == "CT" })
        let note = try #require(sink.diagnostics.first { $0.code == .csvParentRow })
        #expect(note.location.line == 4 && note.message.contains("2 variant rows"))
        #expect(sink.records[3].value("SKU") == "OFSUC")
        // A variant's options are its fields; its ID is the variant's, not the product's.
        #expect(blue.value("Color") == "Blue" && blue.value("Size") == "Large" && blue.value("Options") == nil)
        #expect(blue.value("Variant ID") == "381" && blue.value("ID") == nil)
        #expect(terrarium.value("ID") == "112" && terrarium.value("Variant ID") == nil)
    }

    @Test func bigCommerceBulkEditSKURowsAreTheVariantsAndRulesMoveTheirFigures() throws {
        let sink = try Self.read(sample: "bigcommerce-bulk-edit.csv")
        // 6 rows: a product alone, a product with 2 SKU rows and a rule row, a product alone.
        #expect(sink.records.map { $0.value("Product Code/SKU") } == ["OTL", "CT-BLU-L", "CT-GRY-L", "OFSUC"])
        #expect(sink.records.allSatisfy { $0.hints.platform == "bigcommerce-bulk-edit" && $0.hints.weightUnit == "lb" })
        let blue = sink.records[1], grey = sink.records[2]
        // A SKU row's Product Name holds its options; its name is the product's.
        #expect(blue.value("Product Name") == "Chambray Towel" && blue.value("SKU options") == nil)
        #expect(blue.value("Color") == "Blue" && blue.value("Size") == "Large")
        #expect(blue.value("Price") == "49.0000" && blue.value("Product Weight") == "0.3000" && blue.value("Product SKU") == "CT")
        #expect(blue.value("SKU ID") == "381" && blue.value("Product ID") == nil)
        // The rule row names the grey SKU: its price moves by 3, its weight is set.
        #expect(grey.value("Price").flatMap { Decimal(string: $0) } == 52 && grey.value("Price rule") == "[ADD]3.0000")
        #expect(grey.value("Product Weight").flatMap { Decimal(string: $0) } == Decimal(string: "0.35") && grey.value("Product Weight rule") == "[FIXED]0.3500")
        // Unset figures are 0.0000: no sale price, no dimensions.
        #expect(blue.value("Sale Price") == nil && blue.value("Sale Price, not on sale") == "0.0000")
        #expect(blue.value("Product Width") == nil && sink.records[0].value("Product Width") == "10.0000")
        #expect(sink.records[3].value("Sale Price") == "39.9500")
        #expect(sink.records[0].value("Bulk Edit row type") == "Product" && sink.records[0].value("Item Type") == nil)
        #expect(!sink.diagnostics.contains { $0.code == .csvRuleUnmatched })
    }

    static let bulkEditHeader = "Item Type,Product ID,Product Name,Product Code/SKU,Price,Product Weight"

    @Test func aRuleRowNamesItsVariantByItsOptionsWhenItHasNoSKU() throws {
        let sink = try Self.read("""
            \(Self.bulkEditHeader)
            Product,7,Cap,CAP,12.0000,0.2000
              SKU,8,"[RB]Colour=Red",CAP-R,,
              SKU,9,"[RB]Colour=Blue",CAP-B,,
              Rule,,"[RB]Colour=Blue",,[REMOVE]2.5000,
            """)
        #expect(sink.records.map { $0.value("Product Code/SKU") } == ["CAP-R", "CAP-B"])
        #expect(sink.records.map { $0.value("Price").flatMap { Decimal(string: $0) } } == [12, Decimal(string: "9.5")])
        #expect(sink.records[1].value("Colour") == "Blue")
    }

    @Test func aRuleRowThatNamesNoVariantIsReportedAndChangesNothing() throws {
        let sink = try Self.read("""
            \(Self.bulkEditHeader)
            Product,7,Cap,CAP,12.0000,0.2000
              SKU,8,"[RB]Colour=Red",CAP-R,,
              Rule,,"[RB]Colour=Green",CAP-G,[ADD]1.0000,
            """)
        #expect(sink.records.map { $0.value("Price") } == ["12.0000"])
        let warning = try #require(sink.diagnostics.first { $0.code == .csvRuleUnmatched })
        #expect(warning.severity == .warning && warning.location.line == 4)
        #expect(warning.message.contains("Product Code/SKU \"CAP-G\""))
    }

    @Test func aRuleThatCannotBeReadLeavesTheVariantWithoutThatFigure() throws {
        let sink = try Self.read("""
            \(Self.bulkEditHeader)
            Product,7,Cap,CAP,12.0000,0.2000
              SKU,8,"[RB]Colour=Red",CAP-R,,
              Rule,,,CAP-R,[ADD]three,
            """)
        // The product's 12.0000 would be wrong: no price, and the rule is on the record to say why.
        #expect(sink.records.count == 1)
        #expect(sink.records[0].value("Price") == nil && sink.records[0].value("Price rule") == "[ADD]three")
        #expect(sink.records[0].value("Product Weight") == "0.2000")
    }

    @Test(arguments: [
        ("10.00", "[FIXED]45.0000", "45"), ("10.00", "[ADD]3", "13"), ("10.00", "[remove]1.5", "8.5"), ("10.00", "7.25", "7.25"),
        ("", "[FIXED]4", "4"), ("", "[ADD]3", nil), ("10,00", "[ADD]3", nil), ("10.00", "[ADD]", nil), ("10.00", "[PERCENT]10", nil), ("10.00", "[ADD]3 USD", nil),
    ])
    func aRuleAdjustmentSetsOrMovesAFigure(base: String, rule: String, expected: String?) {
        #expect(PlatformRowShaper.adjusted(base, by: rule) == expected.flatMap { Decimal(string: $0) })
    }

    @Test(arguments: [
        ("Type=Swatch|Name=Color|Value=Blue", [("Color", "Blue")]),
        ("Type=Swatch|Name=Color|Value=Blue[#3B5B92]|Type=Rectangle|Name=Size|Value=Large", [("Color", "Blue"), ("Size", "Large")]),
        ("Type=Swatch|Name=Pattern|Value=Plaid[https://cdn.example.com/plaid.png]", [("Pattern", "Plaid")]),
        ("Type=Dropdown|Name=Neck|Value=Maple|", [("Neck", "Maple")]),
        ("Type=Rectangle|Name=Size|Value=[M]", [("Size", "[M]")]),
        ("Type=Rectangle|Name=Size", []),
        ("Type=Rectangle|Name=Size|Name=Color|Value=Red", []),
        ("Size: Large", []),
    ])
    func keyedListsTakeTheirNamedParts(text: String, expected: [(String, String)]) {
        let list = PlatformProfiles.List(column: "Options", entry: "|", nameValue: "=", keyed: .init(name: "Name", value: "Value"))
        let entries = PlatformRowLayout.split(text, list: list)
        #expect(entries.map(\.name) == expected.map(\.0))
        #expect(entries.map(\.value) == expected.map(\.1))
    }

    @Test func anOptionsCellThatCannotBeReadIsKeptWhole() throws {
        let sink = try Self.read("""
            Item,ID,Name,SKU,Options,Inventory Tracking,Price
            Product,7,Cap,CAP,,variant,12.00
            Variant,8,,CAP-R,Colour: red,,
            """)
        #expect(sink.records.map { $0.value("SKU") } == ["CAP-R"])
        #expect(sink.records[0].value("Options") == "Colour: red")
    }

    @Test func shopwareVariantsInheritTheirParentsColumns() throws {
        let sink = try Self.read(sample: "shopware6-product-export.csv")
        // The kettle is the parent of 2 variants; the coffee machine, a parent of none, comes at the end of the file.
        #expect(sink.records.map { $0.value("product_number") } == ["SW10002.1", "SW10002.2", "SW10001"])
        let first = sink.records[0]
        #expect(first.value("name") == "Wasserkocher Bosch TWK3A011" && first.value("price_gross") == "29.99")
        #expect(first.value("manufacturer_name") == "Bosch" && first.value("parent product_number") == "SW10002")
        // A variant's own name and price win over its parent's.
        #expect(sink.records[1].value("name") == "Wasserkocher Bosch TWK3A011 schwarz" && sink.records[1].value("price_gross") == "30.99")
        #expect(sink.records[2].value("parent product_number") == nil)
        #expect(first.hints.weightUnit == "kg" && first.hints.lengthUnit == "mm")
    }

    /// Shopware holds every top-level product back, since variants may follow anywhere; past the limit the oldest
    /// is let go: a record when nobody named it yet, and a variant naming it later keeps only the reference.
    @Test func heldParentsAreLetGoOldestFirstPastTheLimit() throws {
        let header = ["id", "parent_id", "product_number", "name", "price_gross"]
        let profile = try #require(PlatformProfiles.builtIn.recognise(header: header))
        #expect(profile.id == "shopware")
        var shaper = PlatformRowShaper(profile: profile, header: header, file: "export.csv", parentRowLimit: 2)
        var emitted: [String] = [], diagnostics: [Diagnostic] = []
        let rows = [["a", "", "A", "Lamp", "10"], ["b", "", "B", "Kettle", "20"], ["b1", "b", "B.1", "", ""],
                    ["c", "", "C", "Mug", "5"], ["d", "", "D", "Desk", "90"], ["a1", "a", "A.1", "", ""], ["b2", "b", "B.2", "", ""]]
        for (line, cells) in rows.enumerated() {
            shaper.accept(ShapedRow(cells: cells, line: line + 2), emit: { emitted.append($0.cells[2] + ":" + $0.cells[3] + $0.extraFields.map { "<" + $0.value }.joined()) }, report: { diagnostics.append($0) })
        }
        shaper.finish(emit: { emitted.append($0.cells[2] + ":" + $0.cells[3] + $0.extraFields.map { "<" + $0.value }.joined()) }, report: { diagnostics.append($0) })
        // C's arrival lets A go (a record, nobody named it yet); D's lets B go (the parent of B.1, no record).
        // A.1 comes after A was let go: it keeps A's id as its group, not A's name; B.2 likewise.
        #expect(emitted == ["B.1:Kettle<B", "A:Lamp", "A.1:<a", "B.2:<b", "C:Mug", "D:Desk"])
        #expect(diagnostics.filter { $0.code == .csvParentLimit }.count == 1)
        #expect(diagnostics.filter { $0.code == .csvParentRow }.map(\.location.line) == [3])
    }

    @Test func packedCellsGiveBackTheirCells() {
        let cells = ["", "SW10001", "Kaffeevollautomat „EQ.6“ – 1500 W", "", "日本語", "a;b\n\"c\""]
        #expect(PackedCells(cells).unpacked() == cells)
        #expect(PackedCells(cells).byteCount == cells.reduce(0) { $0 + $1.utf8.count })
        #expect(PackedCells([]).unpacked().isEmpty)
    }

    @Test func squarespaceVariantRowsBelongToTheProductAbove() throws {
        let sink = try Self.read(sample: "squarespace-products.csv")
        #expect(sink.records.count == 3)
        let charcoal = sink.records[1]
        #expect(charcoal.value("SKU") == "SQ-WTB-CHR" && charcoal.value("Title") == "Wool Throw Blanket")
        #expect(charcoal.value("Product ID [Non Editable]") == "64f1a2b3c4d5e6f7a8b9c0d1")
        #expect(charcoal.value("Color") == "Charcoal")
        // Not on sale: its `Sale Price` of 0.00 is no sale price.
        #expect(charcoal.value("Sale Price") == nil && charcoal.value("Sale Price, not on sale") == "0.00")
        #expect(sink.records[0].value("Sale Price") == "96.00")
        #expect(charcoal.hints.weightUnit == QuantityParsing.UnitFallback.storeSetting)
    }

    @Test func wixVariantsCostTheProductsPricePlusTheirSurcharge() throws {
        let sink = try Self.read(sample: "wix-catalog_products.csv")
        #expect(sink.records.map { $0.value("sku") } == ["DRIP-02-WHT", "DRIP-02-BLK", "APR-LIN"])
        #expect(sink.records[0].value("price") == "32" && sink.records[1].value("price") == "34")
        #expect(sink.records[1].value("Color") == "Black" && sink.records[1].value("handleId of the product") == "product_5f1e0b2a")
        #expect(sink.records[0].values("productImageUrl") == ["https://static.wixstatic.com/media/a1b2c3_5e7d.jpg", "https://static.wixstatic.com/media/a1b2c3_9f0e.jpg"])
        #expect(sink.records[2].value("handleId of the product") == nil)
        // A discount is read as a percentage or an amount as discountMode says; without a mode it is neither.
        #expect(sink.records[0].value("discountValue, percent") == "10" && sink.records[0].value("discountValue") == nil)
        #expect(sink.records[2].value("discountValue, amount") == "5")
    }

    @Test(arguments: [("PERCENT", "discountValue, percent"), ("percent", "discountValue, percent"), ("AMOUNT", "discountValue, amount"), ("", "discountValue"), ("FIXED", "discountValue")])
    func aWixDiscountIsReadAsItsModeSays(mode: String, label: String) throws {
        let sink = try Self.read("""
            handleId,fieldType,name,sku,price,discountMode,discountValue
            p1,Product,Mug,MUG,19.90,\(mode),3
            """)
        let fields = try #require(sink.records.first).fields.filter { $0.value == "3" }
        #expect(fields.map(\.label) == [label])
    }

    @Test func wixMediaNamesBecomeURLsAndURLsStay() throws {
        let sink = try Self.read("""
            handleId,fieldType,name,sku,price,productImageUrl
            p1,Product,Mug,MUG,19.90,"ab12_c3~mv2.jpg; https://cdn.example.com/m.png;//static.wixstatic.com/media/x.jpg;"
            """)
        #expect(sink.records.first?.values("productImageUrl") == [
            "https://static.wixstatic.com/media/ab12_c3~mv2.jpg", "https://cdn.example.com/m.png", "https://static.wixstatic.com/media/x.jpg",
        ])
    }

    @Test(arguments: [("", "19.90"), ("0", "19.90"), ("2.5", "22.40"), ("-1.90", "18.00"), ("\"2,50\"", nil), ("+2 EUR", nil)])
    func aWixSurchargeThatIsNoPlainNumberLeavesTheVariantWithoutAPrice(surcharge: String, price: String?) throws {
        let sink = try Self.read("""
            handleId,fieldType,name,sku,price,surcharge
            p1,Product,Mug,MUG,19.90,
            p1,Variant,,MUG-B,,\(surcharge)
            """)
        #expect(sink.records.map { $0.value("sku") } == ["MUG-B"])
        #expect(sink.records[0].value("price").flatMap { Decimal(string: $0) } == price.flatMap { Decimal(string: $0) })
    }

    @Test func etsyListingsNameTheirCurrencyAndVariations() throws {
        let sink = try Self.read(sample: "etsy-EtsyListingsDownload.csv")
        #expect(sink.records.count == 2)
        #expect(sink.records[0].value("CURRENCY_CODE") == "GBP" && sink.records[0].value("Size") == "Small,Large")
        #expect(sink.records[0].hints.platform == "etsy")
    }

    @Test func aConditionTestsACell() {
        let onSale = PlatformProfiles.Condition(column: "On Sale", equals: "yes")
        #expect(onSale.holds(for: "Yes") && !onSale.holds(for: "No") && !onSale.holds(for: ""))
        let top = PlatformProfiles.Condition(column: "parent_id", empty: true)
        #expect(top.holds(for: "") && !top.holds(for: "4d5e"))
        let variable = PlatformProfiles.Condition(column: "Type", contains: "variable")
        #expect(variable.holds(for: "Variable product") && !variable.holds(for: "simple"))
        let zero = PlatformProfiles.Condition(column: "Sale Price", zero: true)
        for text in ["0", "0.0000", "0.00", ".0", "-0", "00"] { #expect(zero.holds(for: text), "\(text)") }
        for text in ["", "0.01", "10", "0.0.0", "O", ".", "0 USD"] { #expect(!zero.holds(for: text), "\(text)") }
        #expect(PlatformProfiles.Condition(column: "Sale Price", zero: false).holds(for: "39.95"))
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
        ("[S]Color=Blue,[RT]Size=Large", "=", [("[S]Color", "Blue"), ("[RT]Size", "Large")]),
        ("no pairs here", "=", []),
    ])
    func listsSplitIntoNamesAndValues(text: String, separator: String, expected: [(String, String)]) {
        let list = PlatformProfiles.List(column: "x", entry: ",", nameValue: separator)
        let entries = PlatformRowLayout.split(text, list: list)
        #expect(entries.map(\.name) == expected.map(\.0))
        #expect(entries.map(\.value) == expected.map(\.1))
    }

    @Test func aTypePrefixIsNoPartOfTheName() {
        let list = PlatformProfiles.List(column: "SKU options", entry: ",", nameValue: "=", typePrefix: true)
        let entries = PlatformRowLayout.split("[S]Color=Blue,[RT]Size=10, 12,[CS]=x", list: list)
        #expect(entries.map(\.name) == ["Color", "Size"])
        #expect(entries.map(\.value) == ["Blue", "10, 12"])
    }
}
