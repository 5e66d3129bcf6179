import KatalogCore

/// Reads a Yandex Market Language feed (`yml_catalog/shop/offers/offer`), streaming: one `<offer>` → one
/// `RawRecord`.
///
/// `<currencies>` and `<categories>` (which precede the offers) are kept as feed context: the currency with
/// `rate="1"` (else the first) becomes the records' currency hint, and `<categoryId>` is accompanied by a
/// `category` field holding the category path (`Parent > Child`) when the id is known. `<param name="Kolor"
/// unit="cm">12</param>` becomes label `Kolor`, value `12 cm`. Offer attributes (`id`, `available`,
/// `group_id`) are `xml-attribute` fields. Bare `<weight>` and `<dimensions>` get the units the YML
/// specification fixes for them (kg; cm as `L/W/H`). Bad input: see `XMLFeedEngine`.
public struct YMLReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        var engine = XMLFeedEngine(dialect: YMLDialect())
        try engine.read(document, into: sink)
    }
}

struct YMLDialect: XMLFeedDialect {
    var kind: InputKind { .yml }
    private var baseCurrency: String?
    private var categories: [String: (name: String, parent: String?)] = [:]

    func isItem(name: String, path: [String]) -> Bool {
        let parent = path.last
        return name == "offer" && parent == "offers"
    }

    func isContext(name: String, parent: String?) -> Bool {
        name == "currencies" || name == "categories"
    }

    mutating func observe(context: XMLItemNode) {
        if context.name == "currencies" {
            let currencies = context.children.compactMap { node -> (id: String, rate: String?)? in
                guard let id = node.attribute("id"), !id.isEmpty else { return nil }
                return (id, node.attribute("rate"))
            }
            let base = currencies.first { $0.rate == "1" } ?? currencies.first
            baseCurrency = base.map { $0.id == "RUR" ? "RUB" : $0.id }
        } else {
            for node in context.children {
                guard let id = node.attribute("id"), !id.isEmpty else { continue }
                categories[id] = (node.text, node.attribute("parentId"))
            }
        }
    }

    func needsSubtree(_ name: String) -> Bool { name == "categoryId" || name == "weight" || name == "dimensions" }

    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        if child.name == "param" {
            let value = child.text
            guard let name = child.attribute("name"), !name.isEmpty, !value.isEmpty else { return }
            let unit = child.attribute("unit").map { $0.trimmedXMLWhitespace() } ?? ""
            fields.append(RawField(label: name, value: unit.isEmpty ? value : value + " " + unit, origin: .xmlElement, line: child.line))
            return
        }
        if child.isLeaf, let unit = ["weight": "kg", "dimensions": "cm"][child.name] {
            let value = child.text
            if !value.isEmpty {
                fields.append(RawField(label: child.name, value: FeedSpecifiedUnit.apply(unit, to: value), origin: .xmlElement, line: child.line))
            }
            return
        }
        child.appendFields(prefix: "", to: &fields)
        if child.name == "categoryId", let path = categoryPath(child.text) {
            fields.append(RawField(label: "category", value: path, origin: .xmlElement, line: child.line))
        }
    }

    /// `Root > … > Leaf` for a known category id (cycles and very deep chains are cut).
    private func categoryPath(_ id: String) -> String? {
        var names: [String] = []
        var current: String? = id
        while let key = current, let category = categories[key], names.count < 16 {
            names.append(category.name)
            current = category.parent
        }
        return names.isEmpty ? nil : names.reversed().joined(separator: " > ")
    }

    func marketHints(for fields: [RawField]) -> SourceHints {
        SourceHints(currency: baseCurrency)
    }
}
