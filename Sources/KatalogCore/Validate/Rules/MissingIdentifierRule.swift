/// A record with a title but no SKU, GTIN or MPN can be listed but not matched or updated reliably.
public struct MissingIdentifierRule: RecordRule {
    public let code: FindingCode = .identifierMissing
    public let title = "No SKU, GTIN or MPN"
    public let defaultSeverity = Severity.warning
    public let explanation = "Nightly syncs match products by SKU, GTIN or brand + MPN. A record with only a title can be imported but the next sync cannot tell whether it is the same product, so it may be duplicated or lost. Add the shop's product code or the barcode."
    public let example = "A page with a title and a price but no `Prekės kodas`, `EAN` or `Modelis` line."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard product.title != nil, product.sku == nil, product.mpn == nil, product.gtin?.raw.isEmpty != false else { return [] }
        return [finding("The record has a title but no SKU, GTIN or MPN, so later imports cannot match it.")]
    }
}
