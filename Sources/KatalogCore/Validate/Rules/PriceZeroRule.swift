/// A price of zero (not stated as free) or below zero is a placeholder or a sign error.
public struct PriceZeroRule: RecordRule {
    public let code: FindingCode = .priceZero
    public let title = "Price is zero"
    public let defaultSeverity = Severity.warning
    public let explanation = "A price of 0 is usually a placeholder left by a shop system (\"price on request\") rather than a free item. Free items should say so (`Nemokamai`, `free`), which the price parser records as `price.free` and this rule accepts."
    public let example = "`Kaina: 0,00 €`."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard let price = product.price, price.money.amount == 0,
              !product.diagnostics.contains(where: { $0.code == .priceFree }) else { return [] }
        return [finding("The price \(price.money.amountText) \(price.money.currency) is zero; if the item is free, say so explicitly.")]
    }
}
