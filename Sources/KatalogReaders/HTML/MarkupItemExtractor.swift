import KatalogCore

/// Reads Microdata or RDFa Lite items into schema.org values and returns the page's products.
///
/// Property values come from `content`, then the element's natural attribute (`href`, `src`, `datetime`,
/// `value`), then its text. Nested items become nested objects (so `offers` / `brand` flatten exactly like
/// JSON-LD). OpenGraph-style prefixed properties (`og:`, `product:`, …) are left to the OpenGraph reader.
/// Items nested deeper than `maxDepth` are cut.
///
/// Microdata `itemref="a b"` adds the properties of the elements with ids `a` and `b` (the element's own
/// `itemprop`, else the properties inside it) to the item; a referenced element is part of that item, never an
/// item of its own, even when the shop marked it `itemscope`.
struct MarkupItemExtractor {
    var syntax: MarkupItemSyntax
    var origin: FieldOrigin

    static let maxDepth = 16
    static let foreignPrefixes = ["og:", "product:", "fb:", "twitter:", "article:", "al:"]

    func products(in tree: MarkupTree) -> SchemaOrgFinding {
        let references = References(tree, syntax: syntax)
        var roots: [SchemaOrgProductFinder.Root] = []
        var index = 0
        while index < tree.count {
            guard tree[index].isElement else {
                index += 1
                continue
            }
            if references.isReferenced(tree, index) {
                index = Int(tree[index].end)
                continue
            }
            if syntax.isItem(tree, index), propertyNames(tree, index).isEmpty {
                roots.append(.init(value: item(tree, index, depth: 0, references: references), lineOffset: 0, line: Int(tree[index].line)))
                index = Int(tree[index].end)
                continue
            }
            index += 1
        }
        guard !roots.isEmpty else { return SchemaOrgFinding() }
        return SchemaOrgFinding(products: SchemaOrgProductFinder(origin: origin).products(in: roots), roots: roots)
    }

    /// The elements `itemref` points at: by id, and which ids are referenced.
    struct References {
        var elementByID: [String: Int] = [:]
        var referencedIDs: Set<String> = []
        var attribute: String?

        init(_ tree: MarkupTree, syntax: MarkupItemSyntax) {
            attribute = syntax.referenceAttribute
            guard let attribute else { return }
            for index in tree.nodes.indices where tree[index].isElement {
                if let refs = tree.attribute(attribute, of: index) {
                    referencedIDs.formUnion(refs.split(whereSeparator: \.isWhitespace).map(String.init))
                }
            }
            guard !referencedIDs.isEmpty else { return }
            for index in tree.nodes.indices where tree[index].isElement {
                if let id = tree.attribute("id", of: index), referencedIDs.contains(id), elementByID[id] == nil {
                    elementByID[id] = index
                }
            }
        }

        func isReferenced(_ tree: MarkupTree, _ index: Int) -> Bool {
            guard !referencedIDs.isEmpty, let id = tree.attribute("id", of: index) else { return false }
            return elementByID[id] == index
        }

        /// The elements item `scope` references, in the order written (missing ids and the item itself left out).
        func targets(of scope: Int, in tree: MarkupTree) -> [Int] {
            guard let attribute, let refs = tree.attribute(attribute, of: scope) else { return [] }
            var seen = Set<Int>()
            return refs.split(whereSeparator: \.isWhitespace).compactMap { elementByID[String($0)] }
                .filter { $0 != scope && seen.insert($0).inserted }
        }
    }

    private func propertyNames(_ tree: MarkupTree, _ index: Int) -> [String] {
        guard let names = tree.attribute(syntax.propertyAttribute, of: index) else { return [] }
        return names.split(whereSeparator: \.isWhitespace).compactMap { raw in
            let name = String(raw)
            if Self.foreignPrefixes.contains(where: { name.lowercased().hasPrefix($0) }) { return nil }
            return SchemaOrgName.local(name)
        }
    }

    private func item(_ tree: MarkupTree, _ scope: Int, depth: Int, references: References) -> ParsedJSON {
        var members: [ParsedJSON.Member] = []
        let line = Int(tree[scope].line)
        if let type = tree.attribute(syntax.typeAttribute, of: scope), !type.isEmpty {
            members.append(.init(key: "@type", value: .string(type), line: line))
        }
        if let id = tree.attribute(syntax.idAttribute, of: scope), !id.isEmpty {
            members.append(.init(key: "@id", value: .string(id), line: line))
        }
        addProperties(tree, in: (scope + 1) ..< Int(tree[scope].end), depth: depth, references: references, to: &members)
        for target in references.targets(of: scope, in: tree) {
            // A referenced element that is itself a property joins as that property; otherwise (a plain block, or
            // one the shop marked `itemscope` too) the properties inside it join.
            let range = propertyNames(tree, target).isEmpty ? (target + 1) ..< Int(tree[target].end) : target ..< Int(tree[target].end)
            addProperties(tree, in: range, depth: depth, references: references, to: &members)
        }
        return .object(members)
    }

    /// The properties of the elements in `range` that belong to the item being read (nested items own theirs).
    private func addProperties(_ tree: MarkupTree, in range: Range<Int>, depth: Int, references: References, to members: inout [ParsedJSON.Member]) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let node = tree[index]
            guard node.isElement else {
                index += 1
                continue
            }
            // A referenced element belongs to the item that references it, wherever it stands.
            if index != range.lowerBound, references.isReferenced(tree, index) {
                index = Int(node.end)
                continue
            }
            let names = propertyNames(tree, index)
            let startsItem = syntax.isItem(tree, index)
            if !names.isEmpty {
                let value: ParsedJSON = startsItem
                    ? (depth < Self.maxDepth ? item(tree, index, depth: depth + 1, references: references) : .null)
                    : .string(propertyValue(tree, index))
                for name in names { members.append(.init(key: name, value: value, line: Int(node.line))) }
            }
            // A nested item owns everything below it.
            index = startsItem ? Int(node.end) : index + 1
        }
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
