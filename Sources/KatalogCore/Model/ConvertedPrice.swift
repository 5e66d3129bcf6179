import Foundation

/// A record's price (and sale price) converted into the run's base currency, with the rate used and its date.
public struct ConvertedPrice: Sendable, Hashable, Codable {
    /// The price in the base currency, rounded to its minor units.
    public var money: Money
    /// The sale price in the base currency, when the record has one in a convertible currency.
    public var saleMoney: Money?
    /// Units of the base currency per unit of the original currency (exact cross rate through EUR).
    public var rate: Decimal
    /// The reference rates' day, `YYYY-MM-DD`.
    public var rateDate: String
    /// Who published the rates (`ECB`).
    public var rateSource: String

    public init(money: Money, saleMoney: Money?, rate: Decimal, rateDate: String, rateSource: String) {
        self.money = money
        self.saleMoney = saleMoney
        self.rate = rate
        self.rateDate = rateDate
        self.rateSource = rateSource
    }

    /// The rate as a plain decimal string with at most 6 fraction digits (`0.232558`, `1`).
    public var rateText: String { DecimalFormatting.trimmed(rate, maxFractionDigits: 6) }
}
