import Foundation
import Testing
@testable import KatalogCore

/// A record that states no availability gets one from its stock count or a zero-day dispatch time
/// (`availability.json`), with the count's column as provenance and a column note; a stated availability wins, and
/// a count the shop does not keep gives none.
struct AvailabilityEvidenceTests {
    static func normalize(_ fields: [(String, String)], platform: String? = nil, kind: InputKind = .csv, origin: FieldOrigin = .csvColumn) -> Product {
        let record = RawRecord(
            location: SourceLocation(file: "export.csv", line: 2, record: 1), kind: kind,
            fields: fields.map { RawField(label: $0.0, value: $0.1, origin: origin, line: 2) },
            hints: SourceHints(currency: "EUR", platform: platform)
        )
        return ProductNormalizer().normalize(record)
    }

    static let item = [("Title", "Organic Cotton Tee"), ("Price", "28.00")]

    @Test(arguments: [
        // A count above zero is in stock, zero or less out of stock.
        ([("Stock", "24")], nil, "in_stock"),
        ([("Stock", "0")], nil, "out_of_stock"),
        ([("Stock", "-3")], nil, "out_of_stock"),
        // Shopify's export: a kept count, and the policy that takes orders without stock.
        ([("Variant Inventory Tracker", "shopify"), ("Variant Inventory Qty", "0"), ("Variant Inventory Policy", "continue")], "shopify", "backorder"),
        ([("Variant Inventory Tracker", "shopify"), ("Variant Inventory Qty", "0"), ("Variant Inventory Policy", "deny")], "shopify", "out_of_stock"),
        ([("Variant Inventory Tracker", "shopify"), ("Variant Inventory Qty", "12"), ("Variant Inventory Policy", "continue")], "shopify", "in_stock"),
        // An empty tracker: Shopify does not count this variant, so its count says nothing.
        ([("Variant Inventory Qty", "0"), ("Variant Inventory Policy", "deny")], "shopify", nil),
        // BigCommerce without inventory tracking; WooCommerce with backorders allowed.
        ([("Track Inventory", "none"), ("Current Stock Level", "0")], nil, nil),
        ([("Track Inventory", "by product"), ("Current Stock Level", "0")], nil, "out_of_stock"),
        ([("Stock", "0"), ("backorders", "notify")], nil, "backorder"),
        // PrestaShop's import file: 1 allows orders out of stock, 0 and 2 (the shop's default) do not say so.
        ([("Quantity", "0"), ("Out of stock action", "1")], "prestashop", "backorder"),
        ([("Quantity", "0"), ("Out of stock action", "2")], "prestashop", "out_of_stock"),
        // Heureka's dispatch time: 0 days is in stock, anything else is not an availability.
        ([("DELIVERY_DATE", "0")], nil, "in_stock"),
        ([("DELIVERY_DATE", "3")], nil, nil),
        ([("DELIVERY_DATE", "2026-12-20")], nil, nil),
        // A count that is no number; no count at all.
        ([("Stock", "plenty")], nil, nil),
        ([("Color", "green")], nil, nil),
    ] as [([(String, String)], String?, String?)])
    func theCountOrDispatchTimeGivesTheAvailability(fields: [(String, String)], platform: String?, expected: String?) {
        let product = Self.normalize(Self.item + fields, platform: platform)
        #expect(product.availability == expected, "\(fields)")
        #expect((product.provenance["availability"] != nil) == (expected != nil))
    }

    /// An oversold variant's stock is below zero (`-2` in a Shopify export): a whole number, kept as the count, with
    /// no "not a whole number" warning; a minus sign alone is none.
    @Test func aCountBelowZeroIsAWholeNumber() {
        for (value, kept) in [("-2", "-2"), ("\u{2212}3", "-3"), ("-0", "0")] {
            let product = Self.normalize(Self.item + [("Stock", value)])
            #expect(product.attributes.first { $0.key == "stock_quantity" }?.value == kept, "\(value)")
            #expect(product.availability == "out_of_stock")
            #expect(!product.diagnostics.contains { $0.code == .valueNotANumber })
        }
        let sign = Self.normalize(Self.item + [("Stock", "-")])
        #expect(sign.diagnostics.contains { $0.code == .valueNotANumber } && sign.availability == nil)
    }

    @Test func theAvailabilityNamesTheCountsColumnAndTheColumnIsNotedOnce() {
        let product = Self.normalize(Self.item + [("Variant Inventory Tracker", "shopify"), ("Variant Inventory Qty", "0"), ("Variant Inventory Policy", "continue")], platform: "shopify")
        let provenance = product.provenance["availability"]
        #expect(provenance?.label == "Variant Inventory Qty")
        #expect(provenance?.value == "0")
        #expect(provenance?.evidence == "stock count, orders taken without stock (Variant Inventory Policy)")
        // A spreadsheet repeats its columns: one column note, reported once per file, and no record diagnostic.
        #expect(product.columnNotes.filter { $0.code == .availabilityFromStock }.map(\.location.field) == ["Variant Inventory Qty"])
        #expect(!product.diagnostics.contains { $0.code == .availabilityFromStock })
        // The count stays an attribute.
        #expect(product.attributes.first { $0.key == "stock_quantity" }?.value == "0")
    }

    @Test func aDispatchTimeOfZeroDaysIsNotedAsSuch() {
        let product = Self.normalize(Self.item + [("DELIVERY_DATE", "0")], kind: .heureka, origin: .xmlElement)
        #expect(product.availability == "in_stock")
        #expect(product.provenance["availability"]?.evidence == "dispatch time")
        #expect(product.columnNotes.map(\.code) == [.availabilityFromDispatchTime])
        #expect(product.attributes.first { $0.key == "delivery_time" }?.value == "0")
    }

    @Test func aStatedAvailabilityWinsOverTheCount() {
        let product = Self.normalize(Self.item + [("Availability", "out of stock"), ("Stock", "12")])
        #expect(product.availability == "out_of_stock")
        #expect(product.provenance["availability"]?.label == "Availability")
        #expect(!product.columnNotes.contains { $0.code == .availabilityFromStock })
    }

    /// Lithuanian `Likutis` (the stock left) is a count: its number gives the availability through the count, its
    /// words (`Yra`, `Nėra`) are the availability itself (`stock_quantity`'s `otherwise`). It was read as an
    /// availability column, which kept a count of 12 as the availability "12".
    @Test func aLithuanianStockLeftIsACountOrItsWords() {
        let counted = Self.normalize(Self.item + [("Likutis", "12")])
        #expect(counted.availability == "in_stock" && counted.provenance["availability"]?.evidence == "stock count")
        #expect(counted.attributes.first { $0.key == "stock_quantity" }?.value == "12")
        #expect(!counted.diagnostics.contains { $0.code == .valueNotInVocabulary })
        let worded = Self.normalize(Self.item + [("Prekių likutis", "Nėra")])
        #expect(worded.availability == "out_of_stock" && worded.provenance["availability"]?.evidence == nil)
    }

    /// An availability column that holds a count (`Skladem: 5`, `Stan magazynowy: 7`) is a stock count: the count
    /// gives the availability, where the count itself was kept as the availability ("5", `value.not-in-vocabulary`).
    /// A number with words around it (`do 3 dnů`, delivery days) stays what it was.
    @Test func anAvailabilityColumnHoldingACountIsTheStockCount() {
        for (label, value, availability) in [("Skladem", "5", "in_stock"), ("Stan magazynowy", "7", "in_stock"), ("Availability", " 12 ", "in_stock"), ("Laos", "-2", "out_of_stock")] {
            let product = Self.normalize(Self.item + [(label, value)])
            #expect(product.availability == availability, "\(label): \(value)")
            #expect(product.attributes.first { $0.key == "stock_quantity" }?.label == label)
            #expect(product.provenance["availability"]?.evidence == "stock count")
            #expect(!product.diagnostics.contains { $0.code == .valueNotInVocabulary })
        }
        // A platform's codes are read as codes in its own files only: WooCommerce's `In stock?` 0 and 1, Ceneo's
        // `avail` 7 (dispatched within a week).
        let flag = Self.normalize(Self.item + [("In stock?", "0")], platform: "woocommerce")
        #expect(flag.availability == "out_of_stock" && flag.provenance["availability"]?.evidence == nil)
        let ceneo = Self.normalize(Self.item + [("avail", "7")], kind: .ceneo, origin: .xmlAttribute)
        #expect(ceneo.availability == "backorder" && ceneo.provenance["availability"]?.evidence == nil)
        #expect(Self.normalize(Self.item + [("Stan magazynowy", "0")]).availability == "out_of_stock")
        #expect(Self.normalize(Self.item + [("Stan magazynowy", "1")]).provenance["availability"]?.evidence == "stock count")
        let days = Self.normalize(Self.item + [("Dostupnost", "do 3 dnů")])
        #expect(days.availability == "do 3 dnů" && days.diagnostics.contains { $0.code == .valueNotInVocabulary })
        #expect(!days.attributes.contains { $0.key == "stock_quantity" })
    }

    @Test func thePageOfOneProductGetsTheNoteAsItsOwnDiagnostic() {
        let product = Self.normalize(Self.item + [("Likutis sandėlyje", "7")], kind: .textPage, origin: .textLine)
        #expect(product.availability == "in_stock")
        #expect(product.diagnostics.contains { $0.code == .availabilityFromStock })
    }
}
