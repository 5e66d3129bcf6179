import KatalogCore

/// Reads Microdata or RDFa Lite items into schema.org values and returns the page's products.
///
/// Property values come from `content`, then the element's natural attribute (`href`, `src`, `datetime`,
/// `value`), then its text. Nested items become nested objects (so `offers` / `brand` flatten exactly like
/// JSON-LD). OpenGraph-style prefixed properties (`og:`, `product:`, …) are left to the OpenGraph reader.
/// Items nested deeper than `maxDepth` are cut.
struct MarkupItemExtractor {
    var syntax: MarkupItemSyntax
    var origin: FieldOrigin

    static let maxDepth = 16
    static let foreignPrefixes = ["og:", "product:", "fb:", "twitter:", "article:", "al:"]

    func products(in tree: MarkupTree) -> [ExtractedProduct] {
        var roots: [SchemaOrgProductFinder.Root] = []
        var index = 0
        while index < tree.count {
            if tree[index].isElement, syntax.isItem(tree, index), propertyNames(tree, index).isEmpty {
                roots.append(.init(value: item(tree, index, depth: 0), lineOffset: 0, line: Int(tree[index].line)))
                index = Int(tree[index].end)
                continue
            }
            index += 1
        }
        guard !roots.isEmpty else { return [] }
        return SchemaOrgProductFinder(origin: origin).products(in: roots)
    }

    private func propertyNames(_ tree: MarkupTree, _ index: Int) -> [String] {
        guard let names = tree.attribute(syntax.propertyAttribute, of: index) else { return [] }
        return names.split(whereSeparator: \.isWhitespace).compactMap { raw in
            let name = String(raw)
            if Self.foreignPrefixes.contains(where: { name.lowercased().hasPrefix($0) }) { return nil }
            return SchemaOrgName.local(name)
        }
    }

    private func item(_ tree: MarkupTree, _ scope: Int, depth: Int) -> JSONValue {
        var members: [JSONValue.Member] = []
        let line = Int(tree[scope].line)
        if let type = tree.attribute(syntax.typeAttribute, of: scope), !type.isEmpty {
            members.append(.init(key: "@type", value: .string(type), line: line))
        }
        if let id = tree.attribute(syntax.idAttribute, of: scope), !id.isEmpty {
            members.append(.init(key: "@id", value: .string(id), line: line))
        }
        var index = scope + 1
        let end = Int(tree[scope].end)
        while index < end {
            let node = tree[index]
            guard node.isElement else {
                index += 1
                continue
            }
            let names = propertyNames(tree, index)
            let startsItem = syntax.isItem(tree, index)
            if !names.isEmpty {
                let value: JSONValue = startsItem
                    ? (depth < Self.maxDepth ? item(tree, index, depth: depth + 1) : .null)
                    : .string(propertyValue(tree, index))
                for name in names { members.append(.init(key: name, value: value, line: Int(node.line))) }
            }
            // A nested item owns everything below it.
            index = startsItem ? Int(node.end) : index + 1
        }
        return .object(members)
    }

    private func propertyValue(_ tree: MarkupTree, _ index: Int) -> String {
        let name = tree[index].value
        if syntax.contentFirst, let content = tree.attribute("content", of: index) { return content }
        switch name {
        case "meta":
            return tree.attribute("content", of: index) ?? ""
        case "a", "area", "link":
            if let href = tree.attribute("href", of: index) { return href }
        case "img", "audio", "video", "source", "embed", "iframe", "track":
            if let src = tree.attribute("src", of: index) { return src }
        case "time":
            if let datetime = tree.attribute("datetime", of: index) { return datetime }
        case "data", "meter":
            if let value = tree.attribute("value", of: index) { return value }
        default:
            break
        }
        if let content = tree.attribute("content", of: index) { return content }
        if !syntax.contentFirst, name != "a", let resource = tree.attribute("resource", of: index) { return resource }
        return MarkupText.collapsed(tree, index)
    }
}
