import Foundation
import Testing
@testable import KatalogCore

struct MoneyParsingTests {
    /// Tax and list-price abbreviations (`Resources/currencies.json`, `not_currency_words`) are never taken for
    /// unknown currency codes; another upper-case three-letter word is.
    @Test func taxAbbreviationsAreNotUnknownCurrencies() {
        let threeLetter = CurrencyTable.shared.notCurrencyWords.filter { $0.count == 3 }
        #expect(threeLetter.count >= 15)
        for word in threeLetter {
            #expect(CurrencyResolution.unknownCurrencyCode(in: "24,99 € \(word)") == nil, "\(word)")
        }
        #expect(CurrencyResolution.unknownCurrencyCode(in: "UVP 24,99 XYZ") == "XYZ")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var amount: String
        var currency: String
        var context = MoneyContext()
        var testDescription: String { text }
    }

    static let wellFormed: [Case] = [
        Case(text: "58.99€", amount: "58.99", currency: "EUR"),
        Case(text: "€58.99", amount: "58.99", currency: "EUR"),
        Case(text: "€ 58,99", amount: "58.99", currency: "EUR"),
        Case(text: "58,99 EUR", amount: "58.99", currency: "EUR"),
        Case(text: "1 299,00 zł", amount: "1299.00", currency: "PLN"),
        Case(text: "1\u{00A0}299,00\u{00A0}zł", amount: "1299.00", currency: "PLN"),
        Case(text: "1\u{202F}299,00 zł", amount: "1299.00", currency: "PLN"),
        Case(text: "PLN 199", amount: "199.00", currency: "PLN"),
        Case(text: "1.249,00 € inkl. MwSt.", amount: "1249.00", currency: "EUR"),
        Case(text: "1,249.00 USD", amount: "1249.00", currency: "USD"),
        Case(text: "CHF 1'299.50", amount: "1299.50", currency: "CHF"),
        Case(text: "149,99 EUR", amount: "149.99", currency: "EUR"),
        Case(text: "Kaina: 19,90 €", amount: "19.90", currency: "EUR"),
        Case(text: "499 Kč", amount: "499.00", currency: "CZK"),
        Case(text: "49,- Kč", amount: "49.00", currency: "CZK"),
        Case(text: "12 990 Ft", amount: "12990.00", currency: "HUF"),
        Case(text: "£12.50", amount: "12.50", currency: "GBP"),
        Case(text: "US$ 15.00", amount: "15.00", currency: "USD"),
        Case(text: "15.00 USD", amount: "15.00", currency: "USD"),
        Case(text: "1 999 ₽", amount: "1999.00", currency: "RUB"),
        Case(text: "350 грн", amount: "350.00", currency: "UAH"),
        Case(text: "89,90 lei", amount: "89.90", currency: "RON", context: MoneyContext(country: "RO")),
        Case(text: "299 kr", amount: "299.00", currency: "SEK", context: MoneyContext(country: "SE")),
        Case(text: "299 kr", amount: "299.00", currency: "DKK", context: MoneyContext(currency: "DKK")),
        Case(text: "1500 ¥", amount: "1500", currency: "JPY", context: MoneyContext(country: "JP")),
        Case(text: "58.99", amount: "58.99", currency: "EUR", context: MoneyContext(country: "LT")),
        Case(text: "19.99", amount: "19.99", currency: "PLN", context: MoneyContext(currency: "PLN")),
    ]

    @Test(arguments: wellFormed)
    func parsesPrice(_ example: Case) throws {
        let (price, findings) = MoneyParsing.parse(example.text, context: example.context)
        let parsed = try #require(price, "findings: \(findings)")
        #expect(parsed.money.amountText == example.amount)
        #expect(parsed.money.currency == example.currency)
        #expect(parsed.text == example.text)
        #expect(!findings.contains { $0.severity == .error })
    }

    @Test func keepsAmountExactAsDecimal() throws {
        let price = try #require(MoneyParsing.parse("0.10 EUR").price)
        #expect(price.money.amount == Decimal(string: "0.1"))
        #expect(price.money.amount * 3 == Decimal(string: "0.3"))
    }

    @Test func recordsVATMarker() throws {
        #expect(MoneyParsing.parse("1.249,00 € inkl. MwSt.").price?.vat == "included")
        #expect(MoneyParsing.parse("100,00 zł netto").price?.vat == "excluded")
        #expect(MoneyParsing.parse("19,99 € su PVM").price?.vat == "included")
        #expect(MoneyParsing.parse("19,99 EUR").price?.vat == nil)
    }

    @Test(arguments: [("3.350 €", "3350.00", "3.350"), ("1,234 EUR", "1234.00", "1.234")])
    func flagsAmbiguousDecimal(text: String, amount: String, alternative: String) throws {
        let (price, findings) = MoneyParsing.parse(text)
        #expect(price?.money.amountText == amount)
        let finding = try #require(findings.first { $0.code == "price.ambiguous-decimal" })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains(alternative))
    }

    @Test func missingCurrencyIsAnErrorWithoutContext() {
        let (price, findings) = MoneyParsing.parse("58.99")
        #expect(price == nil)
        #expect(findings.map(\.code) == ["price.currency-missing"])
    }

    @Test func unknownCurrencyIsAnErrorNotAGuess() {
        let (price, findings) = MoneyParsing.parse("15.00 XYZ", context: MoneyContext(country: "LT"))
        #expect(price == nil)
        #expect(findings.map(\.code) == ["price.currency-unknown"])
    }

    /// `$` can be USD, CAD, AUD, …: with nothing about the source to settle it, no currency is guessed.
    @Test func ambiguousSymbolWithoutContextIsReported() {
        let (price, findings) = MoneyParsing.parse("$15.00")
        #expect(price == nil)
        #expect(findings.contains { $0.code == "price.currency-ambiguous" && $0.severity == .error })
        #expect(MoneyParsing.parse("$15.00", context: MoneyContext(country: "US")).price?.money.currency == "USD")
    }

    @Test func textWithoutDigitsHasNoAmount() {
        let (price, findings) = MoneyParsing.parse("hinnapäring", context: MoneyContext(country: "EE"))
        #expect(price == nil)
        #expect(findings.map(\.code) == ["price.no-amount"])
    }

    @Test func freeIsZeroWithFinding() {
        let (price, findings) = MoneyParsing.parse("Nemokamai", context: MoneyContext(country: "LT"))
        #expect(price?.money.amountText == "0.00")
        #expect(findings.contains { $0.code == "price.free" })
    }

    @Test func rangeKeepsLowEnd() {
        let (price, findings) = MoneyParsing.parse("10–20 zł")
        #expect(price?.money.amountText == "10.00")
        #expect(findings.contains { $0.code == "price.range" })
    }
}
