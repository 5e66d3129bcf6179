import KatalogCore

/// Reads a Heureka.cz / Heureka.sk or Zboží.cz XML feed (`SHOP/SHOPITEM`, with or without Zboží's
/// `xmlns="http://www.zbozi.cz/ns/offer/1.0"`), streaming: one `SHOPITEM` → one `RawRecord`.
///
/// Labels as written (`PRODUCTNAME`, `PRODUCT`, `PRICE_VAT`, `PRICE`, `EAN`, `MANUFACTURER`, `PRODUCTNO`,
/// `ITEMGROUP_ID`, …); what they mean is the `heureka` vocabulary of the label dictionary (a Heureka `PRICE` is the
/// price without VAT). `<PARAM><PARAM_NAME>Barva</PARAM_NAME><VAL>černá</VAL></PARAM>` becomes label `Barva`, value
/// `černá`; other nested elements are labelled with their path (`DELIVERY/DELIVERY_ID`,
/// `EXTENDED_WARRANTY/VAL`). Records carry `hints.platform` `heureka`, so the dictionary's `heureka` readings win.
///
/// Market: the host of the item's `URL` (else its `IMGURL`) ending in `.cz` means CZK/CZ/cs and in `.sk`
/// EUR/SK/sk. When neither decides (no URLs, or a `.com`/`.eu` shop), the Czech market is assumed — Heureka.cz
/// and Zboží.cz are where the format is used; a Heureka.sk shop's URLs are on `.sk` — and the file gets one
/// `feed.market-assumed` finding saying how many items it applied to. Settings given for the source win.
/// Bad input: see `XMLFeedEngine`.
public struct HeurekaReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        var engine = XMLFeedEngine(dialect: HeurekaDialect())
        try engine.read(document, into: sink)
        if engine.dialect.assumedMarketItems > 0, document.hints.currency == nil {
            sink.report(FeedDiagnostics.marketAssumed(
                items: engine.dialect.assumedMarketItems, currency: HeurekaDialect.defaultMarket.currency ?? "",
                reason: "no product URL on .cz or .sk", file: document.displayPath))
        }
    }
}

struct HeurekaDialect: XMLFeedDialect {
    /// The market assumed when no URL names one: Heureka.cz / Zboží.cz.
    static let defaultMarket = SourceHints(language: "cs", country: "CZ", currency: "CZK", platform: "heureka")
    var kind: InputKind { .heureka }
    var requiredItemName: String? { "SHOPITEM" }
    /// Items whose market no URL decided.
    private(set) var assumedMarketItems = 0

    /// The specification's names are upper case; some generators write them in lower case (`<shopitem>`,
    /// `<param>`), which the sniffer accepts too, so both are read.
    func isItem(name: String, path: [String]) -> Bool {
        name == "SHOPITEM" || name == "shopitem"
    }

    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        if child.name == "PARAM" || child.name == "param", !child.isLeaf {
            let name = (child.child("PARAM_NAME") ?? child.child("param_name"))?.text ?? ""
            let value = (child.child("VAL") ?? child.child("val"))?.text ?? ""
            if !name.isEmpty, !value.isEmpty {
                fields.append(RawField(label: name, value: value, origin: .xmlElement, line: child.line))
            }
        } else {
            child.appendFields(prefix: "", to: &fields)
        }
    }

    mutating func marketHints(for fields: [RawField]) -> SourceHints {
        for label in ["URL", "IMGURL"] {
            guard let host = FeedMarket.host(ofURL: fields.firstValue(label) ?? fields.firstValue(label.lowercased()) ?? "") else { continue }
            if host.hasSuffix(".cz") { return Self.defaultMarket }
            if host.hasSuffix(".sk") { return SourceHints(language: "sk", country: "SK", currency: "EUR", platform: "heureka") }
        }
        assumedMarketItems += 1
        return Self.defaultMarket
    }
}
