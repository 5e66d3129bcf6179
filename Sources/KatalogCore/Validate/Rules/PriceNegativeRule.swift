/// A negative price is a sign error or a discount line taken for a product.
public struct PriceNegativeRule: RecordRule {
    public let code: FindingCode = .priceNegative
    public let title = "Price is negative"
    public let defaultSeverity = Severity.error
    public let explanation = "Nothing in a catalog sells for less than nothing: a negative price is a sign error, or a discount or deposit-return line exported as if it were a product. The record is imported with its price, and flagged."
    public let example = "`Cena: -49,00 zł`."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        var findings: [Finding] = []
        if let price = product.price, price.money.amount < 0 {
            findings.append(finding("The price \(price.money.amountText) \(price.money.currency) is negative."))
        }
        if let sale = product.salePrice, sale.money.amount < 0 {
            findings.append(finding("The sale price \(sale.money.amountText) \(sale.money.currency) is negative."))
        }
        return findings
    }
}
