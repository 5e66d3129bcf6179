import Foundation
import Testing
@testable import KatalogCore

struct PriceConversionTests {
    /// ECB rates of 2025-01-10 (units per euro), as in Samples/rates/eurofxref-daily.xml.
    static let rates = ExchangeRates(date: "2025-01-10", perEuro: [
        "USD": Decimal(string: "1.0304")!, "PLN": Decimal(string: "4.2625")!, "JPY": Decimal(string: "162.89")!,
        "CZK": Decimal(string: "25.230")!, "GBP": Decimal(string: "0.83630")!, "HUF": Decimal(string: "413.53")!,
    ])

    static func product(_ amount: String, _ currency: String, sale: String? = nil) -> Product {
        var product = Product(id: "t#1", source: SourceLocation(file: "t", record: 1), sourceKind: .textPage)
        product.price = Price(money: Money(amount: Decimal(string: amount)!, currency: currency), text: amount)
        if let sale { product.salePrice = Price(money: Money(amount: Decimal(string: sale)!, currency: currency), text: sale) }
        return product
    }

    @Test(arguments: [
        ("58.99", "EUR", "PLN", "251.44", "4.2625"),     // 58.99 × 4.2625 = 251.444…
        ("1299.00", "PLN", "EUR", "304.75", "0.234604"),  // 1299 / 4.2625 = 304.75…
        ("1299.00", "CZK", "PLN", "219.46", "0.168946"),  // cross through EUR: 1299 × 4.2625 / 25.230
        ("19.99", "GBP", "JPY", "3894", "194.774602"),    // JPY has no minor units
        ("12990", "HUF", "EUR", "31.41", "0.002418"),
        ("58.99", "EUR", "EUR", "58.99", "1"),
    ])
    func converts(amount: String, from: String, to: String, expected: String, rate: String) throws {
        var product = Self.product(amount, from)
        PriceConversion(rates: Self.rates, baseCurrency: to).apply(to: &product)
        let converted = try #require(product.convertedPrice)
        #expect(converted.money.amountText == expected)
        #expect(converted.money.currency == to)
        #expect(converted.rateText == rate)
        #expect(converted.rateDate == "2025-01-10")
        #expect(product.diagnostics.isEmpty)
    }

    @Test func convertsTheSalePriceToo() throws {
        var product = Self.product("299.00", "PLN", sale: "249.00")
        PriceConversion(rates: Self.rates, baseCurrency: "EUR").apply(to: &product)
        let converted = try #require(product.convertedPrice)
        #expect(converted.money.amountText == "70.15")
        #expect(converted.saleMoney?.amountText == "58.42")
    }

    @Test func missingCurrencyIsAWarningAndNoGuess() {
        var product = Self.product("149.99", "RON")
        PriceConversion(rates: Self.rates, baseCurrency: "EUR").apply(to: &product)
        #expect(product.convertedPrice == nil)
        #expect(product.diagnostics.map(\.code) == [.conversionRateMissing])
        #expect(product.diagnostics[0].message.contains("RON"))
    }
}
