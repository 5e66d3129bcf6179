import Foundation

/// How a record that states no availability gets one from what it does state (`availability.json`): its stock
/// count (above zero in stock; zero or less out of stock, or on backorder when the shop takes orders without
/// stock), or a feed's dispatch time of zero days. Shop exports (Shopify, PrestaShop, Shopware, Etsy, BigCommerce)
/// carry a count and no availability column, and Heureka feeds a `DELIVERY_DATE`; without this step their products
/// had no availability at all.
public struct AvailabilityEvidence: Sendable {
    struct File: Decodable {
        struct Condition: Decodable {
            var key: String
            var values: [String]
        }
        struct PlatformRequirement: Decodable {
            var platform: String
            /// Any one of them.
            var keys: [String]
        }
        struct Stock: Decodable {
            var keys: [String]
            var backorder_when: [Condition]
            var not_counted_when: [Condition]
            var counted_only_with: [PlatformRequirement]
        }
        struct DispatchTime: Decodable {
            var keys: [String]
            var labels: [String]
            var in_stock_values: [String]
        }
        var stock: Stock
        var dispatch_time: DispatchTime
    }

    /// An availability read from an attribute, and why.
    public struct Derivation: Equatable, Sendable {
        public enum Basis: Equatable, Sendable {
            /// A stock count above zero.
            case stockAboveZero
            /// A count of zero or less, the shop selling no stock it does not have.
            case stockNone
            /// A count of zero or less, the shop taking orders without stock (`policy` names the attribute).
            case stockNoneWithBackorders(policy: String)
            /// A dispatch time of zero days.
            case dispatchToday
        }

        /// The canonical availability (`in_stock`, `out_of_stock`, `backorder`).
        public let availability: String
        /// The attribute it was read from, by index in the product's attributes.
        public let attributeIndex: Int
        public let basis: Basis
    }

    let file: File
    /// The conditions' values by attribute key, folded as vocabulary words are (`TextFolding`): case and
    /// diacritics do not count.
    private let backorderValues: [String: Set<String>]
    private let notCountedValues: [String: Set<String>]
    /// The dispatch-time labels and in-stock values, folded.
    private let dispatchLabels: Set<String>
    private let dispatchInStockValues: Set<String>

    init(file: File) {
        self.file = file
        func folded(_ conditions: [File.Condition]) -> [String: Set<String>] {
            conditions.reduce(into: [:]) { table, condition in table[condition.key, default: []].formUnion(condition.values.map(TextFolding.fold)) }
        }
        backorderValues = folded(file.stock.backorder_when)
        notCountedValues = folded(file.stock.not_counted_when)
        dispatchLabels = Set(file.dispatch_time.labels.map(TextFolding.fold))
        dispatchInStockValues = Set(file.dispatch_time.in_stock_values.map(TextFolding.fold))
    }

    public static let builtIn = AvailabilityEvidence(file: BundledData.decode(File.self, from: "availability"))

    /// The availability `attributes` give, for a record of `platform` (its export profile, when recognised); nil
    /// when they give none: no count and no dispatch time, a count that is no whole number, or a count the shop
    /// does not keep.
    public func derive(from attributes: [Attribute], platform: String?) -> Derivation? {
        if let stock = attributes.firstIndex(where: { $0.isMapped && file.stock.keys.contains($0.key) }),
           let count = Int(attributes[stock].value), counted(attributes, platform: platform) {
            if count > 0 { return Derivation(availability: "in_stock", attributeIndex: stock, basis: .stockAboveZero) }
            if let policy = attributes.first(where: { Self.holds(backorderValues, for: $0) }) {
                return Derivation(availability: "backorder", attributeIndex: stock, basis: .stockNoneWithBackorders(policy: policy.label))
            }
            return Derivation(availability: "out_of_stock", attributeIndex: stock, basis: .stockNone)
        }
        let dispatchKeys = file.dispatch_time.keys
        if let index = attributes.firstIndex(where: { dispatchKeys.contains($0.key) && dispatchLabels.contains(TextFolding.fold($0.label)) }),
           dispatchInStockValues.contains(TextFolding.fold(attributes[index].value)) {
            return Derivation(availability: "in_stock", attributeIndex: index, basis: .dispatchToday)
        }
        return nil
    }

    /// Whether the stock count of a record with `attributes` is one the shop keeps.
    private func counted(_ attributes: [Attribute], platform: String?) -> Bool {
        if attributes.contains(where: { Self.holds(notCountedValues, for: $0) }) { return false }
        for requirement in file.stock.counted_only_with where requirement.platform == platform {
            if !attributes.contains(where: { requirement.keys.contains($0.key) }) { return false }
        }
        return true
    }

    /// Whether `attribute`'s value is one of the values `conditions` list for its key.
    private static func holds(_ conditions: [String: Set<String>], for attribute: Attribute) -> Bool {
        guard let values = conditions[attribute.key] else { return false }
        return values.contains(TextFolding.fold(attribute.value))
    }
}
