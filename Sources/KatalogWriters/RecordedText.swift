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

    private static let places: [String: Place] = {
        var places: [String: Place] = [:]
        for key in ["title", "description", "sku", "mpn", "brand", "category", "url", "item_group_id", "availability", "condition"] {
            places[key] = Place(key: key, member: nil)
        }
        places["price"] = Place(key: "price", member: "text")
        places["sale_price"] = Place(key: "sale_price", member: "text")
        places["gtin"] = Place(key: "gtin", member: "raw")
        return places
    }()

    /// The text `product`'s record writes at `field`'s place, as `ProductJSON` writes it; nil when the field has no
    /// such place or the record leaves it empty. (A switch on the name, not a lookup in `places`: this runs for
    /// every provenance entry written; a test checks both name the same fields.)
    static func text(ofField field: String, in product: Product) -> String? {
        switch field {
        case "title": return product.title
        case "description": return product.description
        case "sku": return product.sku
        case "mpn": return product.mpn
        case "brand": return product.brand
        case "category": return product.category
        case "url": return product.url
        case "item_group_id": return product.itemGroupID
        case "availability": return product.availability
        case "condition": return product.condition
        // A rejected record without a decided currency writes the amount it understood in `price` (ProductJSON).
        case "price": return product.price?.text ?? product.priceWithoutCurrency?.text
        case "sale_price": return product.salePrice?.text
        case "gtin": return product.gtin?.raw
        default: return nil
        }
    }

    /// Every field that has a place, for tests.
    static var fieldsWithPlaces: Set<String> { Set(places.keys) }

    /// Whether a provenance entry's raw value is what the record already writes at the field's place.
    static func isRecorded(_ value: String, field: String, in product: Product) -> Bool {
        text(ofField: field, in: product) == value
    }
}
