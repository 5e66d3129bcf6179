/// A record without a usable price (amount and known currency) cannot be sold. Rejects by default.
public struct UsablePriceRule: RecordRule {
    public let code: FindingCode = .recordNoUsablePrice
    public let title = "No usable price"
    public let defaultSeverity = Severity.error
    public let explanation = "A record needs a price with an amount and a known ISO 4217 currency. A price that is missing, unreadable or in an unknown currency leaves the record without one, and by default the record is rejected; the price diagnostics say what was wrong."
    public let example = "`Kaina: 58.99 XYZ` (unknown currency), or no price line at all."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        // A pattern, not `== nil`, which copies the price out to compare it.
        if case .some = product.price { return [] }
        let hadPrice = product.diagnostics.contains { $0.code.group == "price" && $0.severity == .error }
        let message = hadPrice
            ? "The record's price could not be used (see the price diagnostics); it has no usable price."
            : "The record has no price."
        return [finding(message)]
    }
}
