import Foundation
import Testing
import KatalogCore
@testable import KatalogPipeline

/// `CompactCoding`: every kind of `Codable` value the model uses comes back equal, keys read out of order are found,
/// and damaged bytes throw instead of crashing or reading past the buffer.
struct CompactCodingTests {
    enum Shape: Codable, Hashable {
        case empty
        case point(x: Int, y: Int)
        case labelled(String, Decimal?)
    }

    struct Inner: Codable, Hashable {
        var name: String
        var weight: Decimal?
        var tags: [String]
    }

    struct Everything: Codable, Hashable {
        var text = "Prekės kodas: ąčę – 58.99€ \u{1F4E6}"
        var empty = ""
        var missing: String?
        var present: String? = "here"
        var flag = true
        var small: Int8 = -128
        var large = Int64.min
        var unsigned = UInt64.max
        var ratio = 0.1
        var single: Float = 2.5
        var prices: [Decimal] = [Decimal(string: "58.99")!, Decimal(string: "-0.0001")!, Decimal(string: "123456789012345678901234567890")!]
        var optionals: [Int?] = [1, nil, 3]
        var nested: [[String]] = [[], ["a"], ["b", "c"]]
        var byKey: [String: Inner] = [
            "box_length": Inner(name: "Box length", weight: nil, tags: ["csv-column"]),
            "svoris": Inner(name: "Svoris (kg)", weight: Decimal(string: "1.25"), tags: []),
        ]
        var shapes: [Shape] = [.empty, .point(x: -3, y: 4), .labelled("plan", nil), .labelled("price", Decimal(string: "199"))]
        var kind = InputKind.googleMerchant
        var inner: Inner? = Inner(name: "x", weight: 1, tags: ["y"])
    }

    @Test func valuesRoundTrip() throws {
        let value = Everything()
        let bytes = try CompactCoding.encode(value)
        #expect(try CompactCoding.decode(Everything.self, from: bytes) == value)
        // Compact: well under the JSON of the same value.
        #expect(bytes.count < (try JSONEncoder().encode(value)).count)
    }

    @Test func decimalsStayExact() throws {
        for text in ["0", "0.1", "58.99", "-12.345", "1000000000000000000000.000001", "0.00000000000000000001"] {
            let decimal = try #require(Decimal(string: text))
            let back = try CompactCoding.decode(Decimal.self, from: CompactCoding.encode(decimal))
            #expect(back == decimal, "\(text)")
            #expect(back.description == decimal.description)
        }
    }

    /// A hand-written decoder that asks for keys in another order than they were written, and probes them.
    struct Reordered: Codable, Equatable {
        var first: String
        var second: Int?
        var third: [String]

        enum CodingKeys: String, CodingKey { case first, second, third }

        init(first: String, second: Int?, third: [String]) {
            self.first = first
            self.second = second
            self.third = third
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            third = try container.decode([String].self, forKey: .third)
            #expect(container.contains(.first))
            #expect(try container.decodeNil(forKey: .first) == false)
            second = try container.decodeNil(forKey: .second) ? nil : try container.decode(Int.self, forKey: .second)
            first = try container.decode(String.self, forKey: .first)
            #expect(Set(container.allKeys.map(\.stringValue)) == ["first", "second", "third"])
        }
    }

    @Test(arguments: [Reordered(first: "a", second: 2, third: ["x", "y"]), Reordered(first: "b", second: nil, third: [])])
    func keysReadOutOfOrderAreFound(value: Reordered) throws {
        let wrapped = ["value": value, "next": Reordered(first: "after", second: 9, third: ["z"])]
        #expect(try CompactCoding.decode([String: Reordered].self, from: CompactCoding.encode(wrapped)) == wrapped)
    }

    @Test func aProductRoundTrips() throws {
        var product = Product(id: "feeds/shop.csv#4", source: SourceLocation(file: "feeds/shop.csv", line: 5, record: 4), sourceKind: .csv)
        product.title = "DJI Care Refresh 1-Year Plan (DJI Mini 4 Pro)"
        product.sku = "CP.QT.00008862.01"
        product.price = Price(money: Money(amount: Decimal(string: "58.99")!, currency: "EUR"), text: "58.99€")
        product.diagnostics = [Diagnostic(.warning, FindingCode("price.second-price"), "A second price PLN 199 in the description.", at: SourceLocation(file: "feeds/shop.csv", line: 5, field: "description"))]
        let event = StoredEvent.imported(product)
        let decoded = try StoredEvent(encoded: event.encoded)
        #expect(decoded == event)
    }

    @Test func damagedBytesThrow() throws {
        let bytes = try CompactCoding.encode(Everything())
        // Every cut, and every single byte changed to each tag-like value, throws or decodes; none crashes.
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) { try CompactCoding.decode(Everything.self, from: Array(bytes[..<length])) }
        }
        for index in bytes.indices {
            for replacement: UInt8 in [0x00, 0x7F, 0x80, 0xC0, 0xC9, 0xCA, 0xFF] {
                var damaged = bytes
                damaged[index] = replacement
                _ = try? CompactCoding.decode(Everything.self, from: damaged)
            }
        }
        #expect(throws: (any Error).self) { try CompactCoding.decode(Everything.self, from: bytes + [0]) }
        #expect(throws: (any Error).self) { try CompactCoding.decode(Everything.self, from: Array(Data("{\"text\":1}".utf8))) }
    }

    @Test func deepNestingIsRefused() throws {
        let deep = [CompactCoding.version] + Array(repeating: CompactCoding.Tag.unkeyed.rawValue, count: 100_000)
        #expect(throws: (any Error).self) { try CompactCoding.decode([[[[String]]]].self, from: deep) }
        let entry: [UInt8] = [CompactCoding.Tag.keyed.rawValue, 2, UInt8(ascii: "a")]
        let deepKeyed = [CompactCoding.version] + Array(repeating: entry, count: 50_000).flatMap { $0 }
        #expect(throws: (any Error).self) { try CompactCoding.decode(Everything.self, from: deepKeyed) }
    }
}

/// Every `CompactCodable` type writes the bytes its `Codable` conformance writes, so the fast path is only faster:
/// a stored property added to one of them and not to its fast path changes the `Codable` bytes and fails here.
struct CompactCodableTests {
    static let location = SourceLocation(file: "night-1/shop.csv", line: 5, record: 4, field: "Svoris (kg)")
    static let quantity = Quantity(value: Decimal(string: "1.25")!, dimension: .mass)
    static let money = Money(amount: Decimal(string: "58.99")!, currency: "EUR")

    static var package: PackageInfo {
        var package = PackageInfo()
        package.length = Quantity(value: 140, dimension: .length)
        package.width = Quantity(value: Decimal(string: "60.5")!, dimension: .length)
        package.height = Quantity(value: 35, dimension: .length)
        package.grossWeight = quantity
        package.netWeight = Quantity(value: 1000, dimension: .mass)
        package.weight = Quantity(value: 1100, dimension: .mass)
        return package
    }

    func check<T: Codable & Equatable>(_ value: T) throws {
        let fast = try CompactCoding.encode(value, fastPaths: true)
        #expect(fast == (try CompactCoding.encode(value, fastPaths: false)), "\(T.self): the fast path writes what Codable writes")
        #expect(try CompactCoding.decode(T.self, from: fast) == value)
    }

    @Test func fastPathsWriteTheBytesCodableWrites() throws {
        try check(Self.location)
        try check(SourceLocation(file: "page.html"))
        try check(Diagnostic(.warning, FindingCode("price.second-price"), "A second price PLN 199 in the description.", at: Self.location))
        try check(FieldProvenance(label: "Kaina", value: "58.99€", origin: .csvColumn, line: 2, evidence: "document: og:locale lt_LT"))
        try check(FieldProvenance(label: nil, value: "x", origin: .jsonLD, line: nil))
        try check(Attribute(key: "plan_term", isMapped: true, label: "Plan", value: "annual", originalValue: "Roczny", language: "pl", origin: .textLine, line: 12))
        try check(Self.quantity)
        try check(Self.package)
        try check(PackageInfo())
        try check(Self.money)
        try check(Price(money: Self.money, text: "58.99€", vat: "incl"))
        try check(Price(money: Self.money, text: "58,99 €"))
        try check(GTIN(raw: "4006381333931", digits: "4006381333931", format: .ean13, isValid: true))
        var expanded = GTIN(raw: "0-306-40615-2", digits: "9780306406157", format: .ean13, isValid: true)
        expanded.expandedFrom = "ISBN-10"
        try check(expanded)
        try check(GTIN(raw: "1.23E+12", digits: nil, format: nil, isValid: false))
        let diagnostic = Diagnostic(.warning, FindingCode("price.second-price"), "A second price PLN 199 in the description.", at: Self.location)
        try check(StoredEvent.fileDiagnostic(diagnostic))
        var product = Product(id: "feed.csv#1", source: Self.location, sourceKind: .csv)
        product.images = ["https://shop.example/a.jpg", "https://shop.example/b.jpg"]
        product.provenance = ["brand": FieldProvenance(label: "Gamintojas", value: "DJI", origin: .specTable, line: 7),
                              "title": FieldProvenance(label: nil, value: "x", origin: .jsonLD, line: nil)]
        product.diagnostics = [diagnostic, diagnostic]
        try check(StoredEvent.imported(product))
        try check(StoredEvent.rejected(RejectedRecord(record: RawRecord(location: Self.location, kind: .csv, fields: []), product: product, reasons: [FindingCode("record.no-usable-price")])))
        // Inside a value that is not fast-coded, and in lists.
        try check([Self.package.weight, nil])
        try check(["brand": FieldProvenance(label: "Gamintojas", value: "DJI", origin: .specTable, line: 7)])
    }

    /// Keeps every product a run gives, imported or rejected.
    final class Collector: ImportConsumer {
        var products: [Product] = []
        func consume(_ product: Product) throws { products.append(product) }
        func consume(_ rejected: RejectedRecord) throws { products.append(rejected.product) }
        func consume(_ diagnostic: Diagnostic) throws {}
    }

    @Test func everySampleProductIsWrittenAsCodableWritesIt() throws {
        let collector = Collector()
        _ = try ImportPipeline(jobs: 1).run([TestSupport.packageRoot.appendingPathComponent("Samples").path], into: collector)
        #expect(collector.products.count > 100)
        #expect(collector.products.contains { $0.servicePlan != nil } && collector.products.contains { $0.gtin != nil }
                && collector.products.contains { $0.salePrice != nil } && collector.products.contains { !$0.columnNotes.isEmpty })
        for product in collector.products { try check(product) }
    }
}
