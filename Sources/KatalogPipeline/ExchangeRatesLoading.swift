import KatalogCore
import KatalogReaders

/// Loads the reference rates for `--rates` and builds the conversion step.
public enum ExchangeRatesLoading {
    /// The conversion into `baseCurrency` with the rates in the ECB file at `path` (the newest day, or the newest
    /// on or before `date`). Throws `ECBRatesError` when the file cannot be used, and `UnknownBaseCurrency` when the
    /// base currency is not one of `currencies` or the file does not quote it.
    public static func conversion(ratesPath path: String, baseCurrency: String, on date: String? = nil, currencies: CurrencyTable = .builtIn) throws -> PriceConversion {
        let base = baseCurrency.uppercased()
        guard currencies.isKnown(base) else {
            throw UnknownBaseCurrency(code: baseCurrency, reason: "it is not an ISO 4217 currency code")
        }
        let rates = try ECBRatesReader().read(path: path, on: date)
        guard rates.perEuro[base] != nil else {
            throw UnknownBaseCurrency(code: base, reason: "the rates of \(rates.date) in \(path) do not quote it")
        }
        return PriceConversion(rates: rates, baseCurrency: base, currencies: currencies)
    }
}

/// `--base-currency` names a currency that cannot be converted into.
public struct UnknownBaseCurrency: Error, CustomStringConvertible, Sendable {
    public var code: String
    public var reason: String

    public var description: String { "--base-currency \(code): \(reason)." }
}
