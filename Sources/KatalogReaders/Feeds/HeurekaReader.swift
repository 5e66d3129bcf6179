import KatalogCore

/// Reads a Heureka.cz / Heureka.sk XML feed (`SHOP/SHOPITEM`), streaming: one `SHOPITEM` → one `RawRecord`.
///
/// Labels as written (`PRODUCTNAME`, `PRICE_VAT`, `EAN`, `MANUFACTURER`, `PRODUCTNO`, `ITEMGROUP_ID`, …);
/// `<PARAM><PARAM_NAME>Barva</PARAM_NAME><VAL>černá</VAL></PARAM>` becomes label `Barva`, value `černá`;
/// `DELIVERY` sub-elements are labelled `DELIVERY/DELIVERY_ID`. The market (CZK/CZ/cs or EUR/SK/sk) is taken
/// from the item's URL domain when it is `.cz` or `.sk`; otherwise no currency is implied.
/// Bad input: see `XMLFeedEngine`.
public struct HeurekaReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        var engine = XMLFeedEngine(dialect: HeurekaDialect())
        try engine.read(document, into: sink)
    }
}

struct HeurekaDialect: XMLFeedDialect {
    var kind: InputKind { .heureka }

    func isItem(name: String, path: [String]) -> Bool {
        name == "SHOPITEM"
    }

    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        if child.name == "PARAM", !child.isLeaf {
            let name = child.child("PARAM_NAME")?.text ?? ""
            let value = child.child("VAL")?.text ?? ""
            if !name.isEmpty, !value.isEmpty {
                fields.append(RawField(label: name, value: value, origin: .xmlElement, line: child.line))
            }
        } else {
            child.appendFields(prefix: "", to: &fields)
        }
    }

    func marketHints(for fields: [RawField]) -> SourceHints {
        let url = fields.firstValue("URL") ?? ""
        guard let host = FeedMarket.host(ofURL: url) else { return SourceHints() }
        if host.hasSuffix(".cz") { return SourceHints(language: "cs", country: "CZ", currency: "CZK") }
        if host.hasSuffix(".sk") { return SourceHints(language: "sk", country: "SK", currency: "EUR") }
        return SourceHints()
    }
}
