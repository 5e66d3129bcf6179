import KatalogCore

/// Reads a Skroutz.gr / Skroutz.cy XML feed (`mywebstore/products/product`), streaming: one `<product>` → one
/// `RawRecord`.
///
/// Labels as written (`id`, `name`, `link`, `image`, `additionalimage`, `category`, `price_with_vat`, `vat`,
/// `availability`, `manufacturer`, `mpn`, `ean`, `instock`, `size`, `color`, `weight`, `description`, …); what
/// they mean is the `skroutz` vocabulary of the label dictionary. `<category id="1453">Home &gt; Lamps</category>`
/// gives `category` and `category@id` (also written as a `category_id` element). The Skroutz `<variations>`
/// block (per-size offers) is passed on with path labels (`variations/variation/ean`); it does not split the
/// product. Skroutz requires prices in euros, including VAT, for both of its markets (Greece and Cyprus): the
/// records' currency is EUR; `.gr` / `.cy` product links add country and language (el). Bad input: see
/// `XMLFeedEngine`. Records carry `hints.platform` `skroutz`.
public struct SkroutzReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        var engine = XMLFeedEngine(dialect: SkroutzDialect())
        try engine.read(document, into: sink)
    }
}

struct SkroutzDialect: XMLFeedDialect {
    var kind: InputKind { .skroutz }
    var requiredItemName: String? { "product" }

    func isItem(name: String, path: [String]) -> Bool {
        name == "product" && path.last == "products"
    }

    func marketHints(for fields: [RawField]) -> SourceHints {
        let host = FeedMarket.host(ofURL: fields.firstValue("link") ?? "")
        if let host, host.hasSuffix(".gr") { return SourceHints(language: "el", country: "GR", currency: "EUR", platform: "skroutz") }
        if let host, host.hasSuffix(".cy") { return SourceHints(language: "el", country: "CY", currency: "EUR", platform: "skroutz") }
        return SourceHints(currency: "EUR", platform: "skroutz")
    }
}
