import Foundation
import Testing
@testable import KatalogCore

struct MoneyParsingTests {
    /// Tax and list-price abbreviations (`Resources/currencies.json`, `not_currency_words`) are never taken for
    /// unknown currency codes; another upper-case three-letter word is.
    @Test func taxAbbreviationsAreNotUnknownCurrencies() {
        let threeLetter = CurrencyTable.builtIn.notCurrencyWords.filter { $0.count == 3 }
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
        let finding = try #require(findings.first { $0.code == .priceAmbiguousDecimal })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains(alternative))
    }

    @Test func missingCurrencyIsAnErrorWithoutContext() {
        let (price, findings) = MoneyParsing.parse("58.99")
        #expect(price == nil)
        #expect(findings.map(\.code) == [.priceCurrencyMissing])
    }

    @Test func unknownCurrencyIsAnErrorNotAGuess() {
        let (price, findings) = MoneyParsing.parse("15.00 XYZ", context: MoneyContext(country: "LT"))
        #expect(price == nil)
        #expect(findings.map(\.code) == [.priceCurrencyUnknown])
    }

    /// `kr` can be SEK, NOK, DKK or ISK and has no usual reading: with nothing about the source to settle it, no
    /// currency is guessed, but the amount is kept for the reject.
    @Test func ambiguousSymbolWithoutContextIsReported() {
        let reading = MoneyParsing.read("kr 1.149,50")
        #expect(reading.price == nil)
        #expect(reading.findings.contains { $0.code == .priceCurrencyAmbiguous && $0.severity == .error })
        #expect(reading.amountWithoutCurrency == Decimal(string: "1149.5"))
        #expect(reading.currencyDecision == nil)
        #expect(MoneyParsing.parse("$15.00", context: MoneyContext(country: "US")).price?.money.currency == "USD")
    }

    /// `$` alone is read the way most pages mean it, USD, with a warning that names the assumption and the other
    /// readings; the deciding evidence is the symbol's usual reading.
    @Test func sharedSymbolFallsBackToItsUsualReadingWithAWarning() throws {
        let reading = MoneyParsing.read("$15.00")
        #expect(reading.price?.money.currency == "USD")
        let finding = try #require(reading.findings.first { $0.code == .priceCurrencyAssumed })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("CAD") && finding.message.contains("AUD"))
        #expect(reading.currencyDecision?.basis == .symbolDefault)
    }

    /// The source's language decides decimal marks but never, by itself, a shared symbol: that takes an evidence
    /// entry, which is named in the warning and returned as the decision.
    @Test func languageDecidesOnlyThroughEvidence() throws {
        #expect(MoneyParsing.read("499 kr", context: MoneyContext(language: "sv")).price == nil)
        let evidence = CurrencyEvidence(.textLanguage, language: "sv", detail: "Swedish product text")
        let reading = MoneyParsing.read("1.495,- kr", context: MoneyContext(language: "sv", evidence: [evidence]))
        #expect(reading.price?.money.amountText == "1495.00")
        #expect(reading.price?.money.currency == "SEK")
        #expect(reading.currencyDecision == evidence)
        let finding = try #require(reading.findings.first { $0.code == .priceCurrencyAssumed })
        #expect(finding.message.contains("Swedish product text") && finding.message.contains("NOK"))
    }

    /// Evidence is consulted in order; statements (the format's specification) give an info, not a warning, and the
    /// stated context (currency, country) still decides first and silently.
    @Test func evidenceOrderAndBases() throws {
        let spec = CurrencyEvidence(.formatSpec, currency: "CZK", detail: "heureka.cz feed")
        let document = CurrencyEvidence(.document, country: "SK", detail: "product URLs on .sk")
        let bare = MoneyParsing.read("1 299", context: MoneyContext(evidence: [spec, document]))
        #expect(bare.price?.money.currency == "CZK")
        #expect(bare.currencyDecision == spec)
        #expect(bare.findings.map(\.code) == [.priceCurrencyStated])
        let assumed = MoneyParsing.read("1 299", context: MoneyContext(evidence: [document, spec]))
        #expect(assumed.price?.money.currency == "EUR")
        let warning = try #require(assumed.findings.first { $0.code == .priceCurrencyAssumed })
        #expect(warning.message.contains("product URLs on .sk") && warning.message.contains("CZK"))
        let stated = MoneyParsing.read("1 299", context: MoneyContext(currency: "PLN", evidence: [document]))
        #expect(stated.price?.money.currency == "PLN")
        #expect(stated.findings.isEmpty)
        #expect(stated.currencyDecision?.currency == "PLN")
        #expect(stated.currencyDecision?.basis.isAssumption == false)
        #expect(MoneyParsing.read("1 299 €", context: MoneyContext(evidence: [spec])).currencyDecision == nil)
    }

    /// A bare amount nothing decides keeps no price, but its amount as the normal decimal logic reads it.
    @Test func bareAmountWithoutEvidenceKeepsTheAmount() {
        let reading = MoneyParsing.read("149.00")
        #expect(reading.price == nil)
        #expect(reading.findings.map(\.code) == [.priceCurrencyMissing])
        #expect(reading.amountWithoutCurrency == 149)
        #expect(MoneyParsing.read("1.299", context: MoneyContext(language: "de")).amountWithoutCurrency == 1299)
    }

    /// Withdrawn national codes are read as themselves with a warning naming the successor; `RUR` (Yandex YML) is
    /// an alias of RUB, reported as info, never as an unknown code.
    @Test func obsoleteCodesAndAliases() throws {
        let mark = MoneyParsing.read("49,90 DEM")
        #expect(mark.price?.money.currency == "DEM")
        let obsolete = try #require(mark.findings.first { $0.code == .priceCurrencyObsolete })
        #expect(obsolete.severity == .warning && obsolete.message.contains("EUR"))
        #expect(MoneyParsing.read("1.500 ITL").price?.money.amountText == "1500")
        let rur = MoneyParsing.read("1 299 RUR")
        #expect(rur.price?.money.currency == "RUB")
        #expect(rur.findings.map(\.code) == [.priceCurrencyAlias])
        #expect(rur.findings.first?.severity == .info)
        #expect(rur.findings.first?.message.contains("RUR → RUB") == true)
        #expect(!MoneyParsing.read("120 HRK").findings.contains { $0.code == .priceCurrencyUnknown })
        let stated = MoneyParsing.read("1 299", context: MoneyContext(currency: "RUR"))
        #expect(stated.price?.money.currency == "RUB")
        #expect(stated.findings.map(\.code) == [.priceCurrencyAlias])
        let evidenced = MoneyParsing.read("1 299", context: MoneyContext(evidence: [CurrencyEvidence(.recordField, currency: "RUR", detail: "currencyId RUR")]))
        #expect(evidenced.price?.money.currency == "RUB")
    }

    /// Known amount bugs: a missing integer part, a space after the decimal mark, `1.299.-`.
    @Test(arguments: [
        (".75 €", "0.75", "EUR"), ("€.99", "0.99", "EUR"), (",50 zł", "0.50", "PLN"),
        ("1.837, 32 €", "1837.32", "EUR"), ("36. 24 EUR", "36.24", "EUR"), ("1.299.- CHF", "1299.00", "CHF"),
        ("₹1,29,999", "129999.00", "INR"), ("₹ 12,34,567.50", "1234567.50", "INR"), ("١٢٫٥٠٠ د.ك", "12.500", "KWD"),
        ("１２，８００円", "12800", "JPY"), ("kr 1 495:-", "1495.00", "SEK"),
    ])
    func amountShapes(text: String, amount: String, currency: String) throws {
        let price = try #require(MoneyParsing.parse(text).price, "\(text)")
        #expect(price.money.amountText == amount)
        #expect(price.money.currency == currency)
    }

    @Test func repairedSpacingIsReported() {
        let reading = MoneyParsing.read("36. 24", context: MoneyContext(currency: "EUR"))
        #expect(reading.price?.money.amountText == "36.24")
        #expect(reading.findings.map(\.code) == [.priceSpacingRepaired])
        // Three digits after the space are a group, not a repaired fraction: two amounts.
        #expect(MoneyParsing.read("12, 345 €").findings.contains { $0.code == .priceSpacingRepaired } == false)
    }

    @Test func textWithoutDigitsHasNoAmount() {
        let (price, findings) = MoneyParsing.parse("hinnapäring", context: MoneyContext(country: "EE"))
        #expect(price == nil)
        #expect(findings.map(\.code) == [.priceNoAmount])
    }

    @Test func freeIsZeroWithFinding() {
        let (price, findings) = MoneyParsing.parse("Nemokamai", context: MoneyContext(country: "LT"))
        #expect(price?.money.amountText == "0.00")
        #expect(findings.contains { $0.code == .priceFree })
    }

    @Test func rangeKeepsLowEnd() {
        let (price, findings) = MoneyParsing.parse("10–20 zł")
        #expect(price?.money.amountText == "10.00")
        #expect(findings.contains { $0.code == .priceRange })
    }
}
