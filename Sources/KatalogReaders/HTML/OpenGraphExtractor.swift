import KatalogCore

/// Reads OpenGraph and Facebook product meta tags (`og:*`, `product:*`) into fields labelled by the property
/// exactly as written. Tags with an empty `content` are skipped; sizes of images and similar noise are left out.
struct OpenGraphExtractor {
    static let ogProperties: Set<String> = [
        "og:title", "og:description", "og:url", "og:image", "og:image:secure_url", "og:price:amount",
        "og:price:currency", "og:availability", "og:brand", "og:upc", "og:ean", "og:retailer_item_id",
    ]

    func fields(in tree: MarkupTree) -> [RawField] {
        var fields: [RawField] = []
        for index in tree.nodes.indices where tree[index].isElement && tree[index].value == "meta" {
            guard let property = tree.attribute("property", of: index) ?? tree.attribute("name", of: index) else { continue }
            let key = MarkupText.asciiLowercased(property)
            guard Self.ogProperties.contains(key) || key.hasPrefix("product:") else { continue }
            guard let content = tree.attribute("content", of: index).map(MarkupText.trimmed), !content.isEmpty else { continue }
            let line = Int(tree[index].line)
            fields.append(RawField(role: .labelled, label: property, value: content, origin: .openGraph, line: line > 0 ? line : nil))
        }
        return fields
    }
}
