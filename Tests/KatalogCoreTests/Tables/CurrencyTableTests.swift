import Foundation
import Testing
@testable import KatalogCore

/// The currency data (`Resources/currencies.json`) is consistent: every default, language entry, alias and
/// successor names a currency the table knows, and each default is one of its symbol's own readings.
struct CurrencyTableTests {
    let table = CurrencyTable.builtIn

    func isCode(_ code: String) -> Bool { table.isKnown(code) || table.obsoleteCurrency(code) != nil }

    @Test func symbolDefaultsAreReadingsOfTheirSymbol() {
        #expect(table.symbolDefaults.count >= 20)
        for (symbol, code) in table.symbolDefaults {
            let candidates = table.candidates(for: symbol)
            #expect(candidates.count > 1, "\(symbol) is not shared; a default would never be used")
            if let code { #expect(candidates.contains(code), "\(symbol) → \(code) is not among \(candidates)") }
        }
        for (symbol, code) in table.symbolDefaultsWithDecimals {
            #expect(table.candidates(for: symbol).contains(code), "\(symbol) with decimals → \(code)")
        }
        for (sign, symbol) in table.minorUnitSigns { #expect(!table.candidates(for: symbol).isEmpty, "\(sign) → \(symbol)") }
        for code in Array(table.endingDefaults.values) + Array(table.groupingDefaults.values) { #expect(table.isKnown(code), "\(code)") }
    }

    @Test func languagesNameKnownCurrencies() {
        #expect(table.languages.count >= 40)
        for (language, entry) in table.languages {
            #expect(entry.dominant != nil || entry.others.count > 1, "\(language) has neither a dominant currency nor a choice")
            for code in [entry.dominant].compactMap({ $0 }) + entry.others { #expect(table.isKnown(code), "\(language) → \(code)") }
        }
        #expect(table.resolve(["SEK", "NOK", "DKK", "ISK"], language: "sv-SE") == "SEK")
        // English text is read as USD only as the weakest assumption (its others are listed in the warning).
        #expect(table.resolve(["USD", "CAD", "AUD"], language: "en") == "USD")
        #expect(table.resolve(["CAD", "AUD"], language: "en") == nil)
        #expect(table.resolve(["USD", "CAD", "AUD"], language: "fr") == "CAD")
        #expect(table.currencies(ofLanguage: "bg")?.dominant == "EUR")
    }

    @Test func obsoleteCodesAndAliasesLeadToKnownCurrencies() {
        #expect(table.obsolete.count >= 20)
        for (code, withdrawn) in table.obsolete {
            #expect(!table.isKnown(code), "\(code) is both active and withdrawn")
            #expect(isCode(withdrawn.successor), "\(code) → \(withdrawn.successor)")
            #expect(table.candidates(for: code) == [code])
        }
        for (alias, code) in table.aliases {
            #expect(!isCode(alias) && table.isKnown(code), "\(alias) → \(code)")
            #expect(table.candidates(for: alias) == [code])
        }
    }

    /// A country uses one current currency, except the few where two circulate side by side (a bare amount from
    /// them stays undecided); Bulgaria's is the euro since 2026-01-01, and `лв` still reads BGN.
    @Test func countriesHaveOneCurrencyUnlessTwoCirculate() {
        var uses: [String: [String]] = [:]
        for currency in table.currencies.values {
            for country in currency.countries { uses[country, default: []].append(currency.code) }
        }
        let dual = Set(uses.filter { $0.value.count > 1 }.keys)
        #expect(dual == ["SV", "PA", "CW", "LS", "NA", "ZW"], "\(uses.filter { $0.value.count > 1 })")
        for country in dual { #expect(table.currency(ofCountry: country) == nil) }
        #expect(table.currency(ofCountry: "BG") == "EUR")
        #expect(table.candidates(for: "лв") == ["BGN"])
        #expect(table.candidates(for: "r").isEmpty && table.candidates(for: "R") == ["ZAR"])
        #expect(table.isWeak("R") && !table.isWeak("€"))
    }
}
