import Foundation

/// Reference exchange rates for one day, quoted as units of each currency per one euro (the ECB's convention).
public struct ExchangeRates: Sendable, Hashable {
    /// The day the rates are for, `YYYY-MM-DD`.
    public var date: String
    /// Currency code → units per 1 EUR. EUR itself is always 1.
    public var perEuro: [String: Decimal]
    /// Who published them (`ECB`).
    public var source: String

    public init(date: String, perEuro: [String: Decimal], source: String = "ECB") {
        self.date = date
        var rates = perEuro
        rates["EUR"] = 1
        self.perEuro = rates
        self.source = source
    }

    /// Units of `target` for one unit of `source`, crossed through the euro; nil when either is not quoted.
    public func rate(from source: String, to target: String) -> Decimal? {
        guard let sourcePerEuro = perEuro[source], let targetPerEuro = perEuro[target], sourcePerEuro > 0 else { return nil }
        if source == target { return 1 }
        return targetPerEuro / sourcePerEuro
    }
}
