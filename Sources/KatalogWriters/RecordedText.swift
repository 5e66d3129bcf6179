import KatalogCore

/// Where a catalog record already writes a field's raw text unchanged, so its provenance entry need not repeat it.
///
/// A provenance entry names the raw field a canonical field came from (`origin`, `line`, `label`) and its raw
/// `value` — but only where that value differs from what the record writes at the field's place: a text field's
/// own value (`title`, `sku`, `brand`, …), a price's `text`, a GTIN's `raw`. The same holds for an attribute's
/// `original_value` and its `value`. A reader rebuilds a missing `value` with `place(ofField:)`:
/// `record[key]`, or `record[key][member]` when a member is named.
public enum RecordedText {
    /// A place in a record: a top-level key, and a member of the object there when named.
    public struct Place: Sendable, Equatable {
        public let key: String
        public let member: String?
    }

    /// The place where a record writes a provenance field's raw text unchanged, or nil for fields the record
    /// writes only normalized (weights and sides in canonical units, image lists), whose provenance always
    /// carries the raw value.
    public static func place(ofField field: String) -> Place? { places[field] }

    private static let places: [String: Place] = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0.name, $0.place) })

    /// The fields that have a place.
    enum Field: CaseIterable {
        case title, description, sku, mpn, brand, category, url, itemGroupID, availability, condition, price, salePrice, gtin

        var name: String {
            switch self {
            case .title: "title"
            case .description: "description"
            case .sku: "sku"
            case .mpn: "mpn"
            case .brand: "brand"
            case .category: "category"
            case .url: "url"
            case .itemGroupID: "item_group_id"
            case .availability: "availability"
            case .condition: "condition"
            case .price: "price"
            case .salePrice: "sale_price"
            case .gtin: "gtin"
            }
        }

        var place: Place {
            switch self {
            case .price, .salePrice: Place(key: name, member: "text")
            case .gtin: Place(key: name, member: "raw")
            default: Place(key: name, member: nil)
            }
        }

        /// The field named `name`, found by comparing packed names (this runs for every provenance entry written);
        /// the fields' names are whole packed names, so only the same name equals one.
        init?(_ name: PackedName) {
            guard let field = Self.packedNames.first(where: { $0.name == name })?.field else { return nil }
            self = field
        }

        private static let packedNames = allCases.map { (name: PackedName($0.name), field: $0) }

        /// The text `product`'s record writes at the field's place, as `ProductJSON` writes it; nil when the record
        /// leaves it empty.
        func text(in product: Product) -> String? {
            switch self {
            case .title: product.title
            case .description: product.description
            case .sku: product.sku
            case .mpn: product.mpn
            case .brand: product.brand
            case .category: product.category
            case .url: product.url
            case .itemGroupID: product.itemGroupID
            case .availability: product.availability
            case .condition: product.condition
            // A rejected record without a decided currency writes the amount it understood in `price` (ProductJSON).
            case .price: product.price?.text ?? product.priceWithoutCurrency?.text
            case .salePrice: product.salePrice?.text
            case .gtin: product.gtin?.raw
            }
        }
    }

    /// The text `product`'s record writes at `field`'s place, as `ProductJSON` writes it; nil when the field has no
    /// such place or the record leaves it empty.
    static func text(ofField field: String, in product: Product) -> String? {
        Field(PackedName(field))?.text(in: product)
    }

    /// Every field that has a place, for tests.
    static var fieldsWithPlaces: Set<String> { Set(places.keys) }
}
