import KatalogCore

/// The feed readers by input kind, for the pipeline's reader registry.
public enum FeedReaders {
    /// The reader for a feed kind, or nil for kinds that are not feeds (HTML, text pages, unknown).
    public static func reader(for kind: InputKind) -> (any RecordReader)? {
        switch kind {
        case .csv, .tsv: CSVReader()
        case .googleMerchant: GoogleMerchantXMLReader()
        case .ceneo: CeneoReader()
        case .heureka: HeurekaReader()
        case .skroutz: SkroutzReader()
        case .yml: YMLReader()
        case .xml: XMLFeedReader()
        case .json, .jsonLines: JSONFeedReader()
        case .xlsx: XLSXReader()
        case .html, .textPage, .exchangeRates, .unknown: nil
        }
    }

    /// The kinds `reader(for:)` has a reader for.
    public static var kinds: [InputKind] { InputKind.allCases.filter { reader(for: $0) != nil } }
}
