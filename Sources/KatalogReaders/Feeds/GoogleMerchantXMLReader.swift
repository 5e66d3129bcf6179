import KatalogCore

/// Reads a Google Merchant Center feed in RSS 2.0 (`channel/item`) or Atom (`feed/entry`) form with the `g:`
/// namespace, streaming: one item → one `RawRecord`.
///
/// Labels are the element names as written (`g:price`, `title`, Atom `link` from its `href`). Syntactic
/// reshaping only: `g:product_detail` (section, attribute name, value) becomes label = attribute name,
/// value = attribute value; `g:shipping` sub-elements are labelled `g:shipping/g:price`. Bad input: see
/// `XMLFeedEngine` (items before a fault are kept, the fault is reported with its line).
public struct GoogleMerchantXMLReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        var engine = XMLFeedEngine(dialect: GoogleMerchantDialect())
        try engine.read(document, into: sink)
    }
}

struct GoogleMerchantDialect: XMLFeedDialect {
    var kind: InputKind { .googleMerchant }
    private var language: String?

    func isItem(name: String, path: [String]) -> Bool {
        let parent = path.last
        return (name == "item" && parent == "channel") || (name == "entry" && parent == "feed")
    }

    func isContext(name: String, parent: String?) -> Bool {
        name == "language" && parent == "channel"
    }

    mutating func observe(context: XMLItemNode) {
        let value = context.text
        if !value.isEmpty { language = String(value.prefix(2)).lowercased() }
    }

    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        switch child.name {
        case "g:product_detail" where !child.isLeaf, "product_detail" where !child.isLeaf:
            let name = (child.child("g:attribute_name") ?? child.child("attribute_name"))?.text ?? ""
            let value = (child.child("g:attribute_value") ?? child.child("attribute_value"))?.text ?? ""
            if !name.isEmpty, !value.isEmpty {
                fields.append(RawField(label: name, value: value, origin: .xmlElement, line: child.line))
            }
        case "link" where child.isLeaf && child.text.isEmpty:
            // Atom: <link rel="alternate" href="…"/>
            if let href = child.attribute("href"), !href.isEmpty {
                fields.append(RawField(label: child.name, value: href, origin: .xmlAttribute, line: child.line))
            }
        default:
            child.appendFields(prefix: "", to: &fields)
        }
    }

    func marketHints(for fields: [RawField]) -> SourceHints {
        SourceHints(language: language)
    }
}
