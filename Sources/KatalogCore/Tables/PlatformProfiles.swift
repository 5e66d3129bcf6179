import Foundation

/// Shop-platform exports recognised from their header (`Resources/platforms.json`): how the rows of a Shopify,
/// WooCommerce, Magento, PrestaShop or Meta export become records. Labels of each platform live in
/// `labels/platforms.json` under the platform's id as tag; readers set `SourceHints.platform` so those readings win.
public struct PlatformProfiles: Sendable {
    /// One platform's export layout.
    public struct Profile: Decodable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var recognise: [String]
        public var rows: Rows?
        public var pairs: [Pair]?
        public var lists: [List]?
        /// Documented default units for unit-less values: `weight`, `length`.
        public var units: [String: String]?
        public var currencyEvidence: [MarketHint]?

        enum CodingKeys: String, CodingKey {
            case id, name, recognise, rows, pairs, lists, units
            case currencyEvidence = "currency_evidence"
        }
    }

    public struct Rows: Decodable, Sendable, Hashable {
        public var group: Group?
        public var parent: Parent?
        public var translations: Translations?
    }

    /// Rows of one product share `key`; the first row carries the product's columns.
    public struct Group: Decodable, Sendable, Hashable {
        public var key: String
        public var fill: [String]
        public var collect: [String]
        public var memberWhenAny: [String]
        enum CodingKeys: String, CodingKey {
            case key, fill, collect
            case memberWhenAny = "member_when_any"
        }
    }

    /// Variation rows name their parent row.
    public struct Parent: Decodable, Sendable, Hashable {
        public var reference: String
        public var idPrefix: String?
        public var keys: [String]
        public var parentWhen: Condition
        public var fill: [String]
        /// Label of the field a variation gets with its parent's SKU (or reference).
        public var groupLabel: String
        enum CodingKeys: String, CodingKey {
            case reference, keys, fill
            case idPrefix = "id_prefix"
            case parentWhen = "parent_when"
            case groupLabel = "group_label"
        }
    }

    public struct Condition: Decodable, Sendable, Hashable {
        public var column: String
        public var contains: String
    }

    /// Rows whose `whenFilled` column is set translate the record above with the same `key`.
    public struct Translations: Decodable, Sendable, Hashable {
        public var key: String
        public var whenFilled: String
        enum CodingKeys: String, CodingKey {
            case key
            case whenFilled = "when_filled"
        }
    }

    /// A name column and a value column that together make one field (`#` stands for 1, 2, 3 …).
    public struct Pair: Decodable, Sendable, Hashable {
        public var name: String
        public var value: String
        /// Values that mean "no option" (Shopify's `Default Title`).
        public var skip: [String]?
    }

    /// One cell holding several `name<name_value>value` entries separated by `entry`.
    public struct List: Decodable, Sendable, Hashable {
        public var column: String
        public var entry: String
        public var nameValue: String
        enum CodingKeys: String, CodingKey {
            case column, entry
            case nameValue = "name_value"
        }

        public init(column: String, entry: String, nameValue: String) {
            self.column = column
            self.entry = entry
            self.nameValue = nameValue
        }
    }

    /// A documented market hint: a column present in the header, or a unit named in a header, implies a country.
    public struct MarketHint: Decodable, Sendable, Hashable {
        public var column: String?
        public var columnUnit: String?
        public var country: String
        enum CodingKeys: String, CodingKey {
            case column, country
            case columnUnit = "column_unit"
        }
    }

    private struct File: Decodable { var platforms: [Profile] }

    public let profiles: [Profile]

    public init(profiles: [Profile]) { self.profiles = profiles }

    /// The built-in profiles.
    public static let builtIn = PlatformProfiles(profiles: BundledData.decode(File.self, from: "platforms").platforms)

    /// The first profile whose `recognise` columns are all in `header` (compared case-insensitively; an entry
    /// `A|B` is satisfied by either, for exports whose headers the platform translates).
    public func recognise(header: [String]) -> Profile? {
        let columns = Set(header.map { $0.lowercased() })
        return profiles.first { profile in
            profile.recognise.allSatisfy { entry in Self.alternatives(entry).contains { columns.contains($0.lowercased()) } }
        }
    }

    /// `Parent|Übergeordnetes Produkt` → the column names it allows.
    public static func alternatives(_ spec: String) -> [String] {
        spec.split(separator: "|").map { String($0) }
    }

    /// The index of the first column of `header` that `spec` names (`A|B`: A if present, else B).
    public static func column(_ spec: String, in header: [String]) -> Int? {
        for name in alternatives(spec) {
            if let index = header.firstIndex(of: name) { return index }
        }
        return nil
    }

    /// Whether `column` matches `pattern` (or one of its `|` alternatives): equal, or a prefix of it when the
    /// pattern ends in `*`.
    public static func matches(_ column: String, pattern: String) -> Bool {
        alternatives(pattern).contains { alternative in
            alternative.hasSuffix("*") ? column.hasPrefix(alternative.dropLast()) : column == alternative
        }
    }
}
