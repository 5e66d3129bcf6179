import Foundation

/// A physical dimension Katalog converts between units.
public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
    case length
    case mass
    case volume
}

/// A measured value in the canonical unit of its dimension (millimetres, grams, millilitres).
public struct Quantity: Sendable, Hashable, Codable {
    public var value: Decimal
    public var dimension: Dimension

    public init(value: Decimal, dimension: Dimension) {
        self.value = value
        self.dimension = dimension
    }

    /// The canonical unit symbol (`mm`, `g`, `ml`).
    public var unit: String { UnitTable.builtIn.canonicalUnit(of: dimension) }

    /// The value as a plain decimal string, at most 3 fraction digits, trailing zeros removed (`140`, `0.5`).
    public var valueText: String { DecimalFormatting.trimmed(value, maxFractionDigits: 3) }
}

/// Package (shipping box) measurements in canonical units.
public struct PackageInfo: Sendable, Hashable, Codable {
    public var length: Quantity?
    public var width: Quantity?
    public var height: Quantity?
    public var grossWeight: Quantity?
    public var netWeight: Quantity?
    /// The product's own weight when the source does not say gross or net.
    public var weight: Quantity?

    public init() {}

    public var isEmpty: Bool {
        length == nil && width == nil && height == nil && grossWeight == nil && netWeight == nil && weight == nil
    }
}
