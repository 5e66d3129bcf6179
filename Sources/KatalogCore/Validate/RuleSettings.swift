import Foundation

/// Thresholds and requirements rules read; the defaults are marketplace limits, a configuration file may change them.
public struct RuleSettings: Sendable, Hashable {
    /// Longest title most marketplaces accept (Google Merchant Center: 150 characters).
    public var titleMaxLength = 150
    /// Longest description most marketplaces accept (Google Merchant Center: 5,000 characters).
    public var descriptionMaxLength = 5000
    /// A package side longer than this (in millimetres) is implausible for a shop item.
    public var maxDimensionMillimetres: Decimal = 6000
    /// A weight above this (in grams) is implausible for a shop item (1 tonne).
    public var maxWeightGrams: Decimal = 1_000_000
    /// Canonical fields every record must have (`gtin`, `brand`, `image`…); empty by default.
    public var requiredFields: [String] = []

    public init() {}

    /// The canonical fields `field.required` can check.
    public static let checkableFields: [String] = [
        "title", "description", "sku", "mpn", "brand", "gtin", "price", "sale_price", "availability", "condition",
        "url", "image", "category", "item_group_id", "weight", "package_dimensions",
    ]
}
