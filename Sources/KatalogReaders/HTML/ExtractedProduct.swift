import KatalogCore

/// The fields one syntax (JSON-LD, microdata, …) gives for one product on a page, before records are assembled.
struct ExtractedProduct: Sendable {
    var fields: [RawField]
    /// Line of the product's markup, when known.
    var line: Int?

    /// Values that identify the product across syntaxes (sku, GTINs, MPN, name), lower-cased.
    var identity: Set<String> {
        var values = Set<String>()
        for field in fields {
            guard let label = field.label else { continue }
            let key = label.split(separator: ":").last.map(String.init) ?? label
            if ["sku", "mpn", "gtin", "gtin8", "gtin12", "gtin13", "gtin14", "productid", "name", "retailer_item_id"]
                .contains(key.lowercased()) {
                values.insert(MarkupText.trimmed(field.value).lowercased())
            }
        }
        return values
    }
}
