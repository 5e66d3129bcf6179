import KatalogCore

/// What distinguishes one XML feed vocabulary from another: which element is an item, which elements outside
/// items carry feed-wide context, and how an item's elements become raw fields.
///
/// The engine hands a dialect one direct child of the item at a time, as soon as that child is complete, so
/// fields come out in document order and only one child's subtree is ever held. A child that is a plain leaf
/// (text only, no attributes) and that `needsSubtree` does not claim becomes a field labelled with its name
/// without involving the dialect. Dialects only reshape syntax (an `<a name="Producent">` becomes label
/// `Producent`); they never parse values.
protocol XMLFeedDialect {
    var kind: InputKind { get }
    /// The item element a file of this vocabulary must hold (`SHOPITEM`); when none is found the engine reports
    /// `feed.no-items`. Nil for vocabularies that report it themselves or whose items may legitimately be absent.
    var requiredItemName: String? { get }
    /// True when an element named `name` under the open elements `path` (root first) starts an item.
    mutating func isItem(name: String, path: [String]) -> Bool
    /// True when an element outside items carries context (currencies, categories, channel language) that
    /// `observe` should see as a whole subtree.
    func isContext(name: String, parent: String?) -> Bool
    /// Feed-wide context, seen before the items that follow it.
    mutating func observe(context: XMLItemNode)
    /// True when a plain leaf child named `name` still needs the dialect (a relabelling, an extra field).
    func needsSubtree(_ name: String) -> Bool
    /// Fields of the item element's own attributes.
    func appendItemAttributes(_ attributes: [XMLStreamAttribute], line: Int, to fields: inout [RawField])
    /// Fields of one complete direct child of the item.
    func appendFields(of child: XMLItemNode, to fields: inout [RawField])
    /// Locale hints the feed's market implies for an item with these fields (currency, country, language),
    /// before per-source overrides from the `SourceDocument`.
    mutating func marketHints(for fields: [RawField]) -> SourceHints
}

extension XMLFeedDialect {
    var requiredItemName: String? { nil }
    func isContext(name: String, parent: String?) -> Bool { false }
    mutating func observe(context: XMLItemNode) {}
    func needsSubtree(_ name: String) -> Bool { false }

    func appendItemAttributes(_ attributes: [XMLStreamAttribute], line: Int, to fields: inout [RawField]) {
        for attribute in attributes where !attribute.value.isEmpty {
            fields.append(RawField(label: attribute.name, value: attribute.value, origin: .xmlAttribute, line: line))
        }
    }

    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        child.appendFields(prefix: "", to: &fields)
    }

    func marketHints(for fields: [RawField]) -> SourceHints { SourceHints() }
}

extension Array where Element == RawField {
    /// The first value labelled `label` (exactly as written).
    func firstValue(_ label: String) -> String? {
        first { $0.label == label }?.value
    }
}
