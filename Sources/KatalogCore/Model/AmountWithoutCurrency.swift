import Foundation

/// An amount read from a price whose currency nothing decided (`kr 149` with no evidence): no price is made, but a
/// rejected record keeps it (`understood.price` with a null currency), so a rerun with `--currency` is informed.
public struct AmountWithoutCurrency: Sendable, Hashable, Codable {
    public var amount: Decimal
    /// The price text as written.
    public var text: String
    /// The canonical key of the field (`price`, `sale_price`).
    public var field: String

    public init(amount: Decimal, text: String, field: String) {
        self.amount = amount
        self.text = text
        self.field = field
    }
}
