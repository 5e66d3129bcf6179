import Foundation

/// ISO 4217 currencies with their minor units, symbols, local words, countries and languages
/// (`Resources/currencies.json`).
///
/// Look-ups never guess: a symbol shared by several currencies (`$`, `kr`, `lei`, `¥`) returns every candidate,
/// and the caller resolves it from context and reports what it assumed. An ISO code matches only when written
/// in capitals (`TRY`, `ALL`), so ordinary words (`try`, `all`) next to a price are not taken for currencies;
/// the common codes are also listed as lower-case words (`eur`, `pln`).
public struct CurrencyTable: Sendable {
    public struct Currency: Decodable, Sendable, Hashable {
        public var code: String
        public var minorUnits: Int
        public var symbols: [String]
        public var words: [String]
        public var countries: [String]
        /// ISO 639-1 languages whose sources mean this currency by a shared word (`sv` → SEK for `kr`).
        public var languages: [String]

        enum CodingKeys: String, CodingKey {
            case code, symbols, words, countries, languages
            case minorUnits = "minor_units"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            minorUnits = try container.decode(Int.self, forKey: .minorUnits)
            symbols = try container.decodeIfPresent([String].self, forKey: .symbols) ?? []
            words = try container.decodeIfPresent([String].self, forKey: .words) ?? []
            countries = try container.decodeIfPresent([String].self, forKey: .countries) ?? []
            languages = try container.decodeIfPresent([String].self, forKey: .languages) ?? []
        }
    }

    private struct File: Decodable {
        var currencies: [Currency]
        var notCurrencyWords: Set<String>?

        enum CodingKeys: String, CodingKey {
            case currencies
            case notCurrencyWords = "not_currency_words"
        }
    }

    public let currencies: [String: Currency]
    /// Upper-case abbreviations written next to prices that are not currencies (`VAT`, `PVM`, `UVP`).
    public let notCurrencyWords: Set<String>
    /// Lower-cased symbol or word → candidate codes, in table order.
    private let tokens: [String: [String]]

    public static let shared: CurrencyTable = {
        let file = BundledData.decode(File.self, from: "currencies")
        return CurrencyTable(file.currencies, notCurrencyWords: file.notCurrencyWords ?? [])
    }()

    init(_ list: [Currency], notCurrencyWords: Set<String> = []) {
        self.notCurrencyWords = notCurrencyWords
        var byCode: [String: Currency] = [:]
        var tokens: [String: [String]] = [:]
        for currency in list {
            byCode[currency.code] = currency
            for token in currency.symbols + currency.words {
                let key = token.lowercased()
                if tokens[key]?.contains(currency.code) != true { tokens[key, default: []].append(currency.code) }
            }
        }
        self.currencies = byCode
        self.tokens = tokens
    }

    public func minorUnits(of code: String) -> Int? { currencies[code]?.minorUnits }

    public func isKnown(_ code: String) -> Bool { currencies[code] != nil }

    /// Candidate codes for a symbol, word or code as written next to an amount (`€`, `zł`, `kr`, `USD`, `usd`).
    /// Empty when the token names no currency.
    public func candidates(for token: String) -> [String] {
        if token.count == 3, currencies[token] != nil { return [token] }
        return tokens[token.lowercased()] ?? []
    }

    /// The currency a country uses, when exactly one does in the table.
    public func currency(ofCountry country: String) -> String? {
        let matches = currencies.values.filter { $0.countries.contains(country.uppercased()) }.map(\.code)
        return matches.count == 1 ? matches[0] : nil
    }

    /// Among `candidates`, the one used in `country`; nil when none or several are.
    public func resolve(_ candidates: [String], country: String?) -> String? {
        guard let country = country?.uppercased() else { return nil }
        let matches = candidates.filter { currencies[$0]?.countries.contains(country) == true }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Among `candidates`, the one a source in `language` means (`kr` in Swedish → SEK); nil when none or several.
    public func resolve(_ candidates: [String], language: String?) -> String? {
        guard let language else { return nil }
        let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        let matches = candidates.filter { currencies[$0]?.languages.contains(primary) == true }
        return matches.count == 1 ? matches[0] : nil
    }
}
