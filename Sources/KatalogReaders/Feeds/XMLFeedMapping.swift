import Foundation
import KatalogCore

/// How to read an XML product feed Katalog has no built-in reader for: which element is an item and where
/// each field sits inside it. Documented in `docs/feeds.md`; loaded from a JSON file.
///
/// ```json
/// { "katalog-mapping": 1,
///   "item": "catalog/products/product",
///   "fields": { "sku": "@code", "title": "name", "price": "prices/retail", "weight": "weight" },
///   "units": { "weight": "@unit" },
///   "include_unmapped": false,
///   "hints": { "currency": "EUR", "country": "LT", "language": "lt" } }
/// ```
public struct XMLFeedMapping: Sendable, Hashable, Codable {
    /// Element names from the root (or any ancestor) down to the item element, `/`-separated. Matched as a
    /// suffix of the open-element path, so `product` alone matches every `<product>`.
    public var item: String
    /// Output label → path relative to the item: `name`, `prices/retail`, `@id`, `prices/retail/@currency`.
    /// A path that matches several elements gives several fields.
    public var fields: [String: String]
    /// Output label → the unit of its values: a unit (`"kg"`) or `@attribute` of the matched element
    /// (`"@einheit"`). It is appended to bare numbers only (`0.25` → `0.25 kg`).
    public var units: [String: String]
    /// When true, elements and attributes no path names are passed on too, labelled as written.
    public var includeUnmapped: Bool
    /// Market hints for every record (currency, country, language); per-source settings still win.
    public var hints: SourceHints

    enum CodingKeys: String, CodingKey {
        case item, fields, hints, units
        case includeUnmapped = "include_unmapped"
    }

    public init(item: String, fields: [String: String], units: [String: String] = [:], includeUnmapped: Bool = false, hints: SourceHints = SourceHints()) {
        self.item = item
        self.fields = fields
        self.units = units
        self.includeUnmapped = includeUnmapped
        self.hints = hints
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        item = try container.decode(String.self, forKey: .item)
        fields = try container.decodeIfPresent([String: String].self, forKey: .fields) ?? [:]
        units = try container.decodeIfPresent([String: String].self, forKey: .units) ?? [:]
        includeUnmapped = try container.decodeIfPresent(Bool.self, forKey: .includeUnmapped) ?? false
        hints = try container.decodeIfPresent(SourceHints.self, forKey: .hints) ?? SourceHints()
    }

    /// Loads a mapping file; throws `InputUnreadable` naming the file when it is missing or not a mapping.
    public static func load(path: String) throws -> XMLFeedMapping {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(XMLFeedMapping.self, from: data)
        } catch {
            throw InputUnreadable(path: path, reason: "not a valid XML feed mapping: \(error)")
        }
    }

    /// The mapping file that sits next to `feedPath`, if any: `<feed>.mapping.json` (e.g.
    /// `shop.xml.mapping.json`) or `<feed without extension>.mapping.json` (`shop.mapping.json`).
    public static func sidecar(for feedPath: String) -> String? {
        let url = URL(fileURLWithPath: feedPath)
        let candidates = [
            feedPath + ".mapping.json",
            url.deletingPathExtension().path + ".mapping.json",
        ]
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// File names that are mapping files (so discovery does not read them as product JSON).
    public static func isMappingFileName(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".mapping.json")
    }
}
