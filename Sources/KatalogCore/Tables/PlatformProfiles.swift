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
        public var conditional: [ConditionalColumn]?
        public var mediaBase: [MediaBase]?
        /// Documented default units for unit-less values: `weight`, `length`.
        public var units: [String: String]?
        public var currencyEvidence: [MarketHint]?

        enum CodingKeys: String, CodingKey {
            case id, name, recognise, rows, pairs, lists, units, conditional
            case mediaBase = "media_base"
            case currencyEvidence = "currency_evidence"
        }
    }

    public struct Rows: Decodable, Sendable, Hashable {
        public var group: Group?
        public var parent: Parent?
        public var translations: Translations?
    }

    /// Rows of one product follow each other; the first row carries the product's columns. A group is told by
    /// `key` (rows share its value; with `continueWhenKeyEmpty`, a row with none belongs to the group above, as
    /// Squarespace's variant rows) or by `startsWhen` (a row that meets it starts the next group, as BigCommerce's
    /// `Item` = `Product`).
    public struct Group: Decodable, Sendable, Hashable {
        public var key: String?
        public var continueWhenKeyEmpty: Bool?
        public var startsWhen: Condition?
        public var fill: [String]
        public var collect: [String]
        /// A row with one of these filled is a record of its own ...
        public var memberWhenAny: [String]?
        /// ... or a row that meets this condition. Without any such row, the group's first row is its record.
        public var memberWhen: Condition?
        /// With variant rows, each gets a field `label` holding the first row's `column` (the product's SKU).
        public var groupField: GroupField?
        /// A variant row without its own price gets the first row's `price` plus its `surcharge` (Wix).
        public var surcharge: Surcharge?
        /// Columns whose value on a variant row means something else than on the product row (BigCommerce's Bulk
        /// Edit `Product Name` holds a SKU row's options): the variant's own value is read under `label`, and the
        /// column is filled from the product.
        public var memberColumns: [MemberColumn]?
        /// Rows that adjust a variant's figures (BigCommerce's `Rule` rows: `[ADD]3.00`, `[FIXED]0.35`).
        public var adjustments: Adjustments?
        enum CodingKeys: String, CodingKey {
            case key, fill, collect, surcharge, adjustments
            case memberColumns = "member_columns"
            case continueWhenKeyEmpty = "continue_when_key_empty"
            case startsWhen = "starts_when"
            case memberWhenAny = "member_when_any"
            case memberWhen = "member_when"
            case groupField = "group_field"
        }
    }

    public struct GroupField: Decodable, Sendable, Hashable {
        public var label: String
        public var column: String
    }

    public struct Surcharge: Decodable, Sendable, Hashable {
        public var price: String
        public var surcharge: String
    }

    public struct MemberColumn: Decodable, Sendable, Hashable {
        public var column: String
        public var label: String
    }

    /// Rows meeting `when` are no records: each names the variant rows it applies to by the first of its `match`
    /// columns it fills (the same value as the variant's own), and sets or moves their `columns`: `[FIXED]x` sets
    /// the figure, `[ADD]x` and `[REMOVE]x` add to or take from the variant's (or, when it has none, the product's).
    public struct Adjustments: Decodable, Sendable, Hashable {
        public var when: Condition
        public var match: [String]
        public var columns: [String]
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

    /// A test on one cell: it `contains` a text (case-insensitively), `equals` one (case-insensitively), or is
    /// `empty` (true) or filled (false). A condition with none of them holds for any row.
    public struct Condition: Decodable, Sendable, Hashable {
        public var column: String
        public var contains: String?
        public var equals: String?
        public var empty: Bool?
        /// The cell is a number equal to zero (`0`, `0.0000`): true, or anything else: false.
        public var zero: Bool?

        public init(column: String, contains: String? = nil, equals: String? = nil, empty: Bool? = nil, zero: Bool? = nil) {
            self.column = column
            self.contains = contains
            self.equals = equals
            self.empty = empty
            self.zero = zero
        }

        /// Whether the cell `value` (trimmed) meets the condition.
        public func holds(for value: String) -> Bool {
            if let empty, value.isEmpty != empty { return false }
            if let zero, Self.isZero(value) != zero { return false }
            if let equals, value.lowercased() != equals.lowercased() { return false }
            if let contains, !value.lowercased().contains(contains.lowercased()) { return false }
            return true
        }

        /// `0`, `0.00`, `.0`, `-0`: digits that are all zeros, at most one decimal point.
        static func isZero(_ value: String) -> Bool {
            var digits = Substring(value)
            if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
            return digits.contains("0") && digits.allSatisfy { $0 == "0" || $0 == "." } && digits.filter { $0 == "." }.count <= 1
        }
    }

    /// A column of media file names (`a1b2_c3~mv2.jpg;d4e5.jpg`) that the platform serves under `base`: each piece
    /// becomes one field, a full URL under the base; a piece that is already an http(s) URL is kept as it is.
    public struct MediaBase: Decodable, Sendable, Hashable {
        public var column: String
        public var base: String
        public var separator: String
    }

    /// A column whose value counts only when another column says so (Squarespace's `Sale Price` when `On Sale` is
    /// `Yes`); otherwise it is kept under `otherwise_label`, an attribute. With `label`, a value meeting the condition
    /// is read under that label instead of the column's (Wix's `discountValue` is a percentage when `discountMode` is
    /// `PERCENT`). A column may have several rules: the first whose condition holds gives the label; when none holds,
    /// the first `otherwise_label`, else the column's own.
    public struct ConditionalColumn: Decodable, Sendable, Hashable {
        public var column: String
        public var when: Condition
        public var label: String?
        public var otherwiseLabel: String?
        enum CodingKeys: String, CodingKey {
            case column, when, label
            case otherwiseLabel = "otherwise_label"
        }
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

    /// One cell holding several `name<name_value>value` entries separated by `entry`. With `keyed`, the entries
    /// are `key<name_value>value` parts and a field is made of the parts named by `keyed` (BigCommerce's
    /// `Type=Swatch|Name=Color|Value=Blue|Type=Rectangle|Name=Size|Value=M`: `Name` and `Value`).
    public struct List: Decodable, Sendable, Hashable {
        public var column: String
        public var entry: String
        public var nameValue: String
        public var keyed: KeyedParts?
        /// Names begin with the option's type in brackets (`[S]Color`, `[RT]Size`), which is not part of the name.
        public var typePrefix: Bool?
        enum CodingKeys: String, CodingKey {
            case column, entry, keyed
            case nameValue = "name_value"
            case typePrefix = "type_prefix"
        }

        /// The keys of the parts that give a field's name and its value.
        public struct KeyedParts: Decodable, Sendable, Hashable {
            public var name: String
            public var value: String
            public init(name: String, value: String) {
                self.name = name
                self.value = value
            }
        }

        public init(column: String, entry: String, nameValue: String, keyed: KeyedParts? = nil, typePrefix: Bool? = nil) {
            self.column = column
            self.entry = entry
            self.nameValue = nameValue
            self.keyed = keyed
            self.typePrefix = typePrefix
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
