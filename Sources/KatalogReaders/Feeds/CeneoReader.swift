import KatalogCore

/// Reads a Ceneo.pl XML feed (`offers/group/o`), streaming: one `<o>` → one `RawRecord`.
///
/// Labels as written: attributes of `<o>` (`id`, `price`, `avail`, `stock`, `weight`, `url`) as
/// `xml-attribute` fields; `<cat>`, `<name>`, `<desc>` as elements; `<imgs><main url>` / `<i url>` as labels
/// `imgs/main`, `imgs/i`; `<attrs><a name="Producent">` as label `Producent`. A bare `weight` gets the unit
/// the Ceneo specification fixes for it (`0.25` → `0.25 kg`). The Polish market implies PLN,
/// country PL and language pl, unless the source overrides them. Records carry `hints.platform` `ceneo`. The
/// offer `id` is the shop's offer id: the SKU only when no `<a name="SKU">` gives one (`label-ranks.json` ranks
/// an `id` below an explicit SKU; the outranked id is kept as `shop_product_id`).
/// Bad input: see `XMLFeedEngine`.
public struct CeneoReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        var engine = XMLFeedEngine(dialect: CeneoDialect())
        try engine.read(document, into: sink)
    }
}

struct CeneoDialect: XMLFeedDialect {
    var kind: InputKind { .ceneo }

    /// Ceneo's `weight` attribute is in kilograms by the format's specification.
    func appendItemAttributes(_ attributes: [XMLStreamAttribute], line: Int, to fields: inout [RawField]) {
        for attribute in attributes where !attribute.value.isEmpty {
            let value = attribute.name == "weight" ? FeedSpecifiedUnit.apply("kg", to: attribute.value) : attribute.value
            fields.append(RawField(label: attribute.name, value: value, origin: .xmlAttribute, line: line))
        }
    }

    func isItem(name: String, path: [String]) -> Bool {
        let parent = path.last
        return name == "o" && (parent == "group" || parent == "offers")
    }

    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        switch child.name {
        case "attrs":
            for attribute in child.children {
                let value = attribute.text
                guard let name = attribute.attribute("name"), !name.isEmpty, !value.isEmpty else { continue }
                fields.append(RawField(label: name, value: value, origin: .xmlElement, line: attribute.line))
            }
        case "imgs":
            for image in child.children {
                let url = image.attribute("url") ?? image.text
                guard !url.isEmpty else { continue }
                fields.append(RawField(label: "imgs/" + image.name, value: url, origin: .xmlAttribute, line: image.line))
            }
        default:
            child.appendFields(prefix: "", to: &fields)
        }
    }

    func marketHints(for fields: [RawField]) -> SourceHints {
        SourceHints(language: "pl", country: "PL", currency: "PLN", platform: "ceneo")
    }
}
