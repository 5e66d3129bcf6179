import KatalogCore

/// Reads OpenGraph and Facebook product meta tags (`og:*`, `product:*`) into fields labelled by the property
/// exactly as written. Tags with an empty `content` are skipped; sizes of images and similar noise are left out.
///
/// A GTIN property (`og:upc`, `product:ean`, …) whose value holds letters (`W005759888`) is the shop's own id,
/// not a GTIN: it is emitted as `product:retailer_item_id`, the property OpenGraph has for that id.
struct OpenGraphExtractor {
    static let ogProperties: Set<String> = [
        "og:title", "og:description", "og:url", "og:image", "og:image:secure_url", "og:price:amount",
        "og:price:currency", "og:availability", "og:brand", "og:upc", "og:ean", "og:retailer_item_id",
    ]

    /// Properties that should hold a GTIN (digits).
    static let gtinProperties: Set<String> = ["og:upc", "og:ean", "og:gtin", "product:upc", "product:ean", "product:gtin", "product:isbn"]

    /// A value with letters, other than an ISBN-10 with its check character `X`.
    static func isShopID(_ value: String) -> Bool {
        let compact = value.filter { $0 != "-" && $0 != " " }
        if compact.count == 10, compact.dropLast().allSatisfy(\.isNumber), compact.last == "X" || compact.last == "x" { return false }
        return compact.contains(where: \.isLetter)
    }

    /// The page's `og:type` (`product`, `article`, `website`), lower case.
    func type(in tree: MarkupTree) -> String? {
        for index in tree.nodes.indices where tree[index].isElement && tree[index].value == "meta" {
            guard let property = tree.attribute("property", of: index) ?? tree.attribute("name", of: index),
                  MarkupText.asciiLowercased(property) == "og:type" else { continue }
            return tree.attribute("content", of: index).map { MarkupText.asciiLowercased(MarkupText.trimmed($0)) }
        }
        return nil
    }

    func fields(in tree: MarkupTree) -> [RawField] {
        var fields: [RawField] = []
        for index in tree.nodes.indices where tree[index].isElement && tree[index].value == "meta" {
            guard let property = tree.attribute("property", of: index) ?? tree.attribute("name", of: index) else { continue }
            let key = MarkupText.asciiLowercased(property)
            guard Self.ogProperties.contains(key) || key.hasPrefix("product:") else { continue }
            guard let content = tree.attribute("content", of: index).map(MarkupText.trimmed), !content.isEmpty else { continue }
            let line = Int(tree[index].line)
            let label = Self.gtinProperties.contains(key) && Self.isShopID(content) ? "product:retailer_item_id" : property
            fields.append(RawField(role: .labelled, label: label, value: content, origin: .openGraph, line: line > 0 ? line : nil))
        }
        return fields
    }
}
