import KatalogCore
import KatalogReaders

/// Which reader reads which kind of input. The pipeline asks it; readers register here.
public struct ReaderRegistry: Sendable {
    private var readers: [InputKind: any RecordReader]

    public init(readers: [InputKind: any RecordReader]) {
        self.readers = readers
    }

    /// Every reader Katalog ships.
    public static let standard: ReaderRegistry = {
        var registry = ReaderRegistry(readers: [
            .textPage: TextPageReader(),
            .html: HTMLPageReader(),
        ])
        // Feeds (CSV/TSV, Google Merchant, Ceneo, Heureka, YML, other XML, JSON, JSON Lines).
        for kind in FeedReaders.kinds {
            if let reader = FeedReaders.reader(for: kind) { registry.register(reader, for: [kind]) }
        }
        // Markup sniffed as a generic XML feed that is not well-formed XML is read as an HTML page.
        registry.register(MarkupFallbackReader(xml: XMLFeedReader()), for: [.xml])
        return registry
    }()

    public func reader(for kind: InputKind) -> (any RecordReader)? { readers[kind] }

    public mutating func register(_ reader: any RecordReader, for kinds: [InputKind]) {
        for kind in kinds { readers[kind] = reader }
    }
}
