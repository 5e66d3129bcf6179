import Foundation

/// Converts a record's prices into a base currency with reference rates: a pure step after normalization.
///
/// The amount is multiplied by the exact cross rate (through EUR) and rounded half away from zero to the base
/// currency's minor units; the rate and its date are recorded on the record. A price in a currency the rates do
/// not quote is left unconverted with a `conversion.rate-missing` warning; nothing is ever converted at a guessed rate.
public struct PriceConversion: Sendable {
    public var rates: ExchangeRates
    /// ISO 4217 code of the currency to convert into (`EUR`).
    public var baseCurrency: String
    /// The currencies' minor units, for rounding.
    public let currencies: CurrencyTable

    public init(rates: ExchangeRates, baseCurrency: String, currencies: CurrencyTable = .builtIn) {
        self.rates = rates
        self.baseCurrency = baseCurrency
        self.currencies = currencies
    }

    /// Fills `product.convertedPrice` and appends any finding to its diagnostics.
    public func apply(to product: inout Product) {
        guard let price = product.price else { return }
        let location = SourceLocation(file: product.source.file, line: product.provenance["price"]?.line ?? product.source.line, record: product.source.record, field: "price")
        switch convert(price.money) {
        case .success(let (money, rate)):
            var saleMoney: Money?
            if let sale = product.salePrice {
                switch convert(sale.money) {
                case .success(let (converted, _)): saleMoney = converted
                case .failure(let finding): product.diagnostics.append(Diagnostic(finding, at: location.with(field: "sale_price")))
                }
            }
            product.convertedPrice = ConvertedPrice(money: money, saleMoney: saleMoney, rate: rate, rateDate: rates.date, rateSource: rates.source)
        case .failure(let finding):
            product.diagnostics.append(Diagnostic(finding, at: location))
        }
    }

    enum Outcome {
        case success((Money, Decimal))
        case failure(Finding)
    }

    /// `money` in the base currency and the rate used, or the finding that explains why it cannot be converted.
    func convert(_ money: Money) -> Outcome {
        guard let rate = rates.rate(from: money.currency, to: baseCurrency) else {
            let missing = rates.perEuro[money.currency] == nil ? money.currency : baseCurrency
            return .failure(.conversionRateMissing(missing, date: rates.date, source: rates.source))
        }
        let digits = currencies.minorUnits(of: baseCurrency) ?? 2
        let amount = DecimalFormatting.round(money.amount * rate, fractionDigits: digits)
        return .success((Money(amount: amount, currency: baseCurrency), rate))
    }
}

extension Finding {
    static func conversionRateMissing(_ currency: String, date: String, source: String) -> Finding {
        Finding(.warning, .conversionRateMissing, "The \(source) rates of \(date) have no rate for \(currency); the price was not converted.")
    }
}
