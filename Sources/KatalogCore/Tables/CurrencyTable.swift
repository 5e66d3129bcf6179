import Foundation

/// ISO 4217 currencies with their minor units, symbols, local words and countries (`Resources/currencies.json`).
public struct CurrencyTable: Sendable {
    public struct Currency: Decodable, Sendable, Hashable {
        public var code: String
        public var minorUnits: Int
        public var symbols: [String]
        public var words: [String]
        public var countries: [String]

        enum CodingKeys: String, CodingKey {
            case code, symbols, words, countries
            case minorUnits = "minor_units"
        }
    }

    private struct File: Decodable { var currencies: [Currency] }

    public let currencies: [String: Currency]
    /// Folded symbol or word → candidate codes, in table order.
    private let tokens: [String: [String]]

    public static let shared = CurrencyTable(BundledData.decode(File.self, from: "currencies").currencies)

    init(_ list: [Currency]) {
        var byCode: [String: Currency] = [:]
        var tokens: [String: [String]] = [:]
        for currency in list {
            byCode[currency.code] = currency
            for token in [currency.code] + currency.symbols + currency.words {
                let key = token.lowercased()
                if tokens[key]?.contains(currency.code) != true { tokens[key, default: []].append(currency.code) }
            }
        }
        self.currencies = byCode
        self.tokens = tokens
    }

    public func minorUnits(of code: String) -> Int? { currencies[code]?.minorUnits }

    public func isKnown(_ code: String) -> Bool { currencies[code] != nil }

    /// Candidate codes for a symbol, word or code as written next to an amount (`€`, `zł`, `kr`, `usd`).
    public func candidates(for token: String) -> [String] {
        tokens[token.lowercased()] ?? []
    }

    /// Every token in the table, longest first, for scanning text.
    public var allTokens: [String] {
        tokens.keys.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// The currency a country uses, when exactly one does in the table.
    public func currency(ofCountry country: String) -> String? {
        let matches = currencies.values.filter { $0.countries.contains(country.uppercased()) }.map(\.code)
        return matches.count == 1 ? matches[0] : nil
    }
}
