import KatalogCore

/// Reads the flat `products/product` XML feeds of Baltic price-comparison sites (Kaina24, Kainos, Salidzini,
/// Hinnavaatlus style), streaming: one `<product>` → one `RawRecord`.
///
/// Every child element becomes a field labelled with its name as written (`title`, `price`, `ean_code`,
/// `manufacturer`, `image_url`); attributes of `<product>` are `xml-attribute` fields; nested lists are
/// labelled `categories/category`; a bare `weight` gets the kilograms these sites specify. The market implies EUR; the country and language come from the product
/// URL's domain (`.lt`, `.lv`, `.ee`). Bad input: see `XMLFeedEngine`.
public struct BalticProductsReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        var engine = XMLFeedEngine(dialect: BalticProductsDialect())
        try engine.read(document, into: sink)
    }
}

struct BalticProductsDialect: XMLFeedDialect {
    var kind: InputKind { .xml }

    func isItem(name: String, path: [String]) -> Bool {
        let parent = path.last
        return (name == "product" || name == "item") && (parent == "products" || parent == "root" || parent == "items")
    }

    func needsSubtree(_ name: String) -> Bool { name == "weight" }

    /// Kaina24 and Kainos specify `weight` in kilograms.
    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        if child.name == "weight", child.isLeaf {
            let value = child.text
            if !value.isEmpty {
                fields.append(RawField(label: child.name, value: FeedSpecifiedUnit.apply("kg", to: value), origin: .xmlElement, line: child.line))
            }
            return
        }
        child.appendFields(prefix: "", to: &fields)
    }

    func marketHints(for fields: [RawField]) -> SourceHints {
        let url = ["url", "product_url", "link", "producturl"].lazy.compactMap { fields.firstValue($0) }.first ?? ""
        return FeedMarket.balticHints(forURL: url)
    }
}
