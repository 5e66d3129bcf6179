import KatalogCore

/// What distinguishes one XML feed vocabulary from another: which element is an item, which elements outside
/// items carry feed-wide context, and how an item's elements become raw fields.
///
/// Dialects only reshape syntax (an `<a name="Producent">` becomes label `Producent`); they never parse values.
protocol XMLFeedDialect {
    var kind: InputKind { get }
    /// True when an element named `name` under the open elements `path` (root first) starts an item.
    mutating func isItem(name: String, path: [String]) -> Bool
    /// True when an element outside items carries context (currencies, categories, channel language) that
    /// `observe` should see as a whole subtree.
    func isContext(name: String, parent: String?) -> Bool
    /// Feed-wide context, seen before the items that follow it.
    mutating func observe(context: XMLItemNode)
    /// The raw fields of one item, in document order.
    func fields(of item: XMLItemNode) -> [RawField]
    /// Locale hints the feed's market implies for this item (currency, country, language), before per-source
    /// overrides from the `SourceDocument`.
    func marketHints(for item: XMLItemNode) -> SourceHints
}

extension XMLFeedDialect {
    func isContext(name: String, parent: String?) -> Bool { false }
    mutating func observe(context: XMLItemNode) {}
    func fields(of item: XMLItemNode) -> [RawField] { item.plainFields() }
    func marketHints(for item: XMLItemNode) -> SourceHints { SourceHints() }
}
