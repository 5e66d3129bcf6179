import Foundation
import KatalogCore

/// Reads an XML feed of kind `.xml` (no built-in vocabulary recognised by the sniffer).
///
/// In order: a mapping given at construction; a sidecar mapping file next to the feed
/// (`XMLFeedMapping.sidecar(for:)`); the Baltic `products/product` layout; otherwise the first element named
/// `product`, `item`, `offer` or `entry` is taken as the item element, with a `feed.guessed-items` warning
/// so the user knows to write a mapping. Bad input: see `XMLFeedEngine`; a bad mapping file is reported as
/// `feed.bad-mapping` and the guessing path is used.
public struct XMLFeedReader: RecordReader {
    public var mapping: XMLFeedMapping?

    public init(mapping: XMLFeedMapping? = nil) {
        self.mapping = mapping
    }

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        if let mapping {
            return try MappedXMLReader(mapping: mapping).read(document, into: sink)
        }
        if let sidecar = XMLFeedMapping.sidecar(for: document.fileURL) {
            do {
                let mapping = try XMLFeedMapping.load(path: sidecar)
                return try MappedXMLReader(mapping: mapping).read(document, into: sink)
            } catch {
                sink.report(Diagnostic(.error, .feedBadMapping, "\(error)", at: SourceLocation(file: document.displayPath)))
            }
        }
        var engine = XMLFeedEngine(dialect: GuessingDialect())
        try engine.read(document, into: sink)
        if let guessed = engine.dialect.itemName, !engine.dialect.isBaltic {
            sink.report(Diagnostic(.warning, .feedGuessedItems,
                                   "No mapping file for this XML feed; each <\(guessed)> element was read as one item. Write a mapping (docs/feeds.md) to choose fields.",
                                   at: SourceLocation(file: document.displayPath)))
        } else if engine.dialect.itemName == nil {
            sink.report(FeedDiagnostics.noItems(file: document.displayPath, itemName: "product"))
        }
    }
}

/// Takes the first `product`/`item`/`offer`/`entry` element below the root as the item element.
struct GuessingDialect: XMLFeedDialect {
    var kind: InputKind { .xml }
    private(set) var itemName: String?
    private(set) var isBaltic = false
    private static let candidates: Set<String> = ["product", "item", "offer", "entry", "Product", "Item", "PRODUCT", "ITEM"]

    mutating func isItem(name: String, path: [String]) -> Bool {
        if let itemName { return name == itemName }
        guard !path.isEmpty, Self.candidates.contains(name) else { return false }
        itemName = name
        isBaltic = BalticProductsDialect().isItem(name: name, path: path)
        return true
    }

    func needsSubtree(_ name: String) -> Bool { isBaltic && BalticProductsDialect().needsSubtree(name) }

    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        if isBaltic { BalticProductsDialect().appendFields(of: child, to: &fields) } else { child.appendFields(prefix: "", to: &fields) }
    }

    func marketHints(for fields: [RawField]) -> SourceHints {
        isBaltic ? BalticProductsDialect().marketHints(for: fields) : SourceHints()
    }
}
