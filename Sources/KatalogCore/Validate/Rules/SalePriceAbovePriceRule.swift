/// A sale price above the regular price is almost always swapped columns or a stale promotion.
public struct SalePriceAbovePriceRule: RecordRule {
    public let code: FindingCode = .priceSaleAbovePrice
    public let title = "Sale price above price"
    public let defaultSeverity = Severity.warning
    public let explanation = "A sale price should be lower than the regular price; a higher one usually means swapped columns or a stale promotion. Both prices are kept as found."
    public let example = "`Kaina: 49.99 €` and `Akcijos kaina: 59.99 €`."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard let price = product.price?.money, let sale = product.salePrice?.money, price.currency == sale.currency, sale.amount > price.amount else { return [] }
        return [finding("The sale price \(sale.amountText) \(sale.currency) is above the price \(price.amountText) \(price.currency).")]
    }
}
