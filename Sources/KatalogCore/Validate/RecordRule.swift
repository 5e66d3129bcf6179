/// A check over a normalized record. Each rule has a stable code and a default severity, and explains itself.
public protocol RecordRule: Sendable {
    /// Stable dotted code, e.g. `record.unidentified`.
    var code: String { get }
    var defaultSeverity: Severity { get }
    /// One paragraph for `docs/rules.md`: what the rule checks and why it matters.
    var explanation: String { get }
    /// The findings for one product (empty when it passes).
    func check(_ product: Product) -> [Finding]
}

/// A record with no SKU, no GTIN and no title cannot be matched to anything.
public struct UnidentifiedRecordRule: RecordRule {
    public let code = "record.unidentified"
    public let defaultSeverity = Severity.error
    public let explanation = "A record needs at least one of SKU, GTIN or title to be identified; without any of them it cannot be matched, updated or shown."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        let hasGTIN = product.gtin?.raw.isEmpty == false
        guard product.sku == nil, !hasGTIN, product.title == nil else { return [] }
        return [Finding(defaultSeverity, code, "The record has no SKU, no GTIN and no title, so it cannot be identified.")]
    }
}

/// A record without a usable price (amount and known currency) cannot be sold.
public struct UsablePriceRule: RecordRule {
    public let code = "record.no-usable-price"
    public let defaultSeverity = Severity.error
    public let explanation = "A record needs a price with an amount and a known ISO 4217 currency. A price that is missing, unreadable or in an unknown currency leaves the record without one."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard product.price == nil else { return [] }
        let hadPrice = product.diagnostics.contains { $0.code.hasPrefix("price.") && $0.severity == .error }
        let message = hadPrice
            ? "The record's price could not be used (see the price diagnostics); it has no usable price."
            : "The record has no price."
        return [Finding(defaultSeverity, code, message)]
    }
}

/// A sale price above the regular price is almost always swapped columns or a stale promotion.
public struct SalePriceAbovePriceRule: RecordRule {
    public let code = "price.sale-above-price"
    public let defaultSeverity = Severity.warning
    public let explanation = "A sale price should be lower than the regular price; a higher one usually means swapped columns or a stale promotion."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard let price = product.price?.money, let sale = product.salePrice?.money, price.currency == sale.currency, sale.amount > price.amount else { return [] }
        return [Finding(defaultSeverity, code, "The sale price \(sale.amountText) \(sale.currency) is above the price \(price.amountText) \(price.currency).")]
    }
}

/// A negative or zero price is a data error in a catalog of things for sale.
public struct NonPositivePriceRule: RecordRule {
    public let code = "price.not-positive"
    public let defaultSeverity = Severity.warning
    public let explanation = "A price of zero or below is usually a placeholder or a sign error; free items should say so explicitly."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard let price = product.price, price.money.amount <= 0, !product.diagnostics.contains(where: { $0.code == "price.free" }) else { return [] }
        return [Finding(defaultSeverity, code, "The price \(price.money.amountText) \(price.money.currency) is not above zero.")]
    }
}
