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

extension PackageInfo {
    /// One of the package's measures, named by its key in `keys.json`.
    public enum Measure: Sendable, Hashable {
        case length, width, height, grossWeight, netWeight, weight

        /// `package_length`, `package_width`, `package_height`, `gross_weight`, `net_weight`; any other key is `weight`.
        public init(key: String) {
            switch key {
            case "package_length": self = .length
            case "package_width": self = .width
            case "package_height": self = .height
            case "gross_weight": self = .grossWeight
            case "net_weight": self = .netWeight
            default: self = .weight
            }
        }
    }

    /// The measure `measure` names, read and written directly (a key path costs several hundred instructions per
    /// access, and the normalizer sets every measure of every record).
    public subscript(measure: Measure) -> Quantity? {
        get {
            switch measure {
            case .length: length
            case .width: width
            case .height: height
            case .grossWeight: grossWeight
            case .netWeight: netWeight
            case .weight: weight
            }
        }
        set {
            switch measure {
            case .length: length = newValue
            case .width: width = newValue
            case .height: height = newValue
            case .grossWeight: grossWeight = newValue
            case .netWeight: netWeight = newValue
            case .weight: weight = newValue
            }
        }
    }
}
