/// A record identified by SKU or GTIN but without a title cannot be listed on a marketplace.
public struct MissingTitleRule: RecordRule {
    public let code: FindingCode = .titleMissing
    public let title = "Missing title"
    public let defaultSeverity = Severity.warning
    public let explanation = "Every marketplace needs a product title to list an offer. A record that is identified by its SKU or GTIN but has no title is imported, and flagged so the title can be added. (A record with no title, SKU or GTIN at all is `record.unidentified` instead.)"
    public let example = "A CSV row with `sku=A-100, price=19.99 EUR` and an empty title column."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard product.title == nil, product.sku != nil || product.gtin?.raw.isEmpty == false else { return [] }
        return [finding("The record has no title; marketplaces cannot list it.")]
    }
}
