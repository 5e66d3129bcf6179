/// A record with no SKU, no GTIN and no title cannot be matched to anything. Rejects by default.
public struct UnidentifiedRecordRule: RecordRule {
    public let code: FindingCode = .recordUnidentified
    public let title = "Record cannot be identified"
    public let defaultSeverity = Severity.error
    public let explanation = "A record needs at least one of SKU, GTIN or title to be identified; without any of them it cannot be matched, updated or shown. By default such a record is rejected (written to rejects.jsonl)."
    public let example = "A page whose only lines are `58.99€` and a description paragraph."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        let hasGTIN = product.gtin?.raw.isEmpty == false
        guard product.sku == nil, !hasGTIN, product.title == nil else { return [] }
        return [finding("The record has no SKU, no GTIN and no title, so it cannot be identified.")]
    }
}
