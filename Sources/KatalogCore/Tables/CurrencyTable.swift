import Foundation

/// ISO 4217 currencies with their minor units, symbols, local words and countries, the withdrawn codes still
/// read, aliases, and what a person assumes when nothing else says (`Resources/currencies.json`).
///
/// Look-ups never guess: a symbol shared by several currencies (`$`, `kr`, `lei`, `¥`) returns every candidate,
/// and the caller resolves it from evidence and reports what it assumed. An ISO code matches only when written
/// in capitals (`TRY`, `ALL`), so ordinary words (`try`, `all`) next to a price are not taken for currencies;
/// the common codes are also listed as lower-case words (`eur`, `pln`). Spellings listed as `cased` (`R`, `KD`)
/// match only as written.
public struct CurrencyTable: Sendable {
    public struct Currency: Decodable, Sendable, Hashable {
        public var code: String
        public var minorUnits: Int
        /// How many decimals shops write when it differs from ISO 4217 (HUF, IDR: none); decides `150.000`.
        public var writtenMinorUnits: Int?
        public var symbols: [String]
        public var words: [String]
        /// Spellings matched only exactly as written (`R` for ZAR, `KD` for KWD).
        public var cased: [String]
        public var countries: [String]
        /// Kept for compatibility; languages now live in the table's `languages` section (`language(_:)`).
        public var languages: [String]

        enum CodingKeys: String, CodingKey {
            case code, symbols, words, cased, countries, languages
            case minorUnits = "minor_units"
            case writtenMinorUnits = "written_minor_units"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            minorUnits = try container.decode(Int.self, forKey: .minorUnits)
            writtenMinorUnits = try container.decodeIfPresent(Int.self, forKey: .writtenMinorUnits)
            symbols = try container.decodeIfPresent([String].self, forKey: .symbols) ?? []
            words = try container.decodeIfPresent([String].self, forKey: .words) ?? []
            cased = try container.decodeIfPresent([String].self, forKey: .cased) ?? []
            countries = try container.decodeIfPresent([String].self, forKey: .countries) ?? []
            languages = try container.decodeIfPresent([String].self, forKey: .languages) ?? []
        }

        /// As `init(from:)`, from a `ParsedJSON` tree.
        init(table: ParsedJSON) throws {
            code = try table.required("code") { try $0.string() }
            minorUnits = try table.required("minor_units") { try $0.int() }
            writtenMinorUnits = try table.optional("written_minor_units") { try $0.int() }
            symbols = try table.optional("symbols") { try $0.strings() } ?? []
            words = try table.optional("words") { try $0.strings() } ?? []
            cased = try table.optional("cased") { try $0.strings() } ?? []
            countries = try table.optional("countries") { try $0.strings() } ?? []
            languages = try table.optional("languages") { try $0.strings() } ?? []
        }
    }

    /// A withdrawn ISO 4217 code (`DEM`, `LTL`, `HRK`): still read, with a warning naming its successor.
    public struct ObsoleteCurrency: Decodable, Sendable, Hashable {
        public var code: String
        public var minorUnits: Int
        public var successor: String
        /// The year it was withdrawn.
        public var withdrawn: String
        public var symbols: [String]
        public var words: [String]
        public var cased: [String]

        enum CodingKeys: String, CodingKey {
            case code, successor, withdrawn, symbols, words, cased
            case minorUnits = "minor_units"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            minorUnits = try container.decode(Int.self, forKey: .minorUnits)
            successor = try container.decode(String.self, forKey: .successor)
            withdrawn = try container.decode(String.self, forKey: .withdrawn)
            symbols = try container.decodeIfPresent([String].self, forKey: .symbols) ?? []
            words = try container.decodeIfPresent([String].self, forKey: .words) ?? []
            cased = try container.decodeIfPresent([String].self, forKey: .cased) ?? []
        }

        /// As `init(from:)`, from a `ParsedJSON` tree.
        init(table: ParsedJSON) throws {
            code = try table.required("code") { try $0.string() }
            minorUnits = try table.required("minor_units") { try $0.int() }
            successor = try table.required("successor") { try $0.string() }
            withdrawn = try table.required("withdrawn") { try $0.string() }
            symbols = try table.optional("symbols") { try $0.strings() } ?? []
            words = try table.optional("words") { try $0.strings() } ?? []
            cased = try table.optional("cased") { try $0.strings() } ?? []
        }
    }

    /// The currencies a language's sources mean: the dominant one (`sv` → SEK) and others it can mean.
    public struct LanguageCurrencies: Decodable, Sendable, Hashable {
        public var dominant: String?
        public var others: [String]

        enum CodingKeys: String, CodingKey { case dominant, others }

        public init(dominant: String? = nil, others: [String] = []) {
            self.dominant = dominant
            self.others = others
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            dominant = try container.decodeIfPresent(String.self, forKey: .dominant)
            others = try container.decodeIfPresent([String].self, forKey: .others) ?? []
        }

        /// As `init(from:)`, from a `ParsedJSON` tree.
        init(table: ParsedJSON) throws {
            dominant = try table.optional("dominant") { try $0.string() }
            others = try table.optional("others") { try $0.strings() } ?? []
        }
    }

    /// `currencies.json`. The bundled file is read through `ParsedJSON.parseTable` (`init(table:)`, several times
    /// cheaper than `JSONDecoder` at start-up); `Decodable` stays as the reference the tests compare it with.
    struct File: Decodable, Equatable {
        var currencies: [Currency]
        var obsoleteCurrencies: [ObsoleteCurrency]?
        var aliases: [String: String]?
        var languages: [String: LanguageCurrencies]?
        var symbolDefaults: [String: String?]?
        var symbolDefaultsWithDecimals: [String: String]?
        var endingDefaults: [String: String]?
        var groupingDefaults: [String: String]?
        var minorUnitSigns: [String: String]?
        var notCurrencyWords: Set<String>?

        enum CodingKeys: String, CodingKey {
            case currencies, aliases, languages
            case obsoleteCurrencies = "obsolete_currencies"
            case symbolDefaults = "symbol_defaults"
            case symbolDefaultsWithDecimals = "symbol_defaults_with_decimals"
            case endingDefaults = "ending_defaults"
            case groupingDefaults = "grouping_defaults"
            case minorUnitSigns = "minor_unit_signs"
            case notCurrencyWords = "not_currency_words"
        }

        init(table: ParsedJSON) throws {
            currencies = try table.required("currencies") { try $0.array(Currency.init(table:)) }
            obsoleteCurrencies = try table.optional("obsolete_currencies") { try $0.array(ObsoleteCurrency.init(table:)) }
            aliases = try table.optional("aliases") { try $0.dictionary { try $0.string() } }
            languages = try table.optional("languages") { try $0.dictionary(LanguageCurrencies.init(table:)) }
            symbolDefaults = try table.optional("symbol_defaults") { try $0.dictionary { value -> String? in
                if case .null = value { return nil }
                return try value.string()
            } }
            symbolDefaultsWithDecimals = try table.optional("symbol_defaults_with_decimals") { try $0.dictionary { try $0.string() } }
            endingDefaults = try table.optional("ending_defaults") { try $0.dictionary { try $0.string() } }
            groupingDefaults = try table.optional("grouping_defaults") { try $0.dictionary { try $0.string() } }
            minorUnitSigns = try table.optional("minor_unit_signs") { try $0.dictionary { try $0.string() } }
            notCurrencyWords = try table.optional("not_currency_words") { Set(try $0.strings()) }
        }
    }

    /// The table's data, behind one reference: a context that carries the table copies one pointer, not a dozen
    /// dictionaries, once per record.
    private final class Index: Sendable {
        let currencies: [String: Currency]
        let obsolete: [String: ObsoleteCurrency]
        let notCurrencyWords: Set<String>
        let languages: [String: LanguageCurrencies]
        let symbolDefaults: [String: String?]
        let symbolDefaultsWithDecimals: [String: String]
        let endingDefaults: [String: String]
        let groupingDefaults: [String: String]
        let minorUnitSigns: [String: String]
        /// Lower-cased symbol or word → candidate codes, in table order.
        let tokens: [String: [String]]
        /// Spellings matched only as written → candidate codes.
        let casedTokens: [String: [String]]
        let gluedSymbols: GluedCurrencySymbols
        /// Active codes that name their currency alone (not weak, not withdrawn) with two decimals, by ISO and as
        /// shops write them: see `isPlainTwoDecimalCode`.
        let plainTwoDecimalCodes: Set<String>

        init(
            _ list: [Currency], obsolete: [ObsoleteCurrency], languages: [String: LanguageCurrencies], symbolDefaults: [String: String?],
            symbolDefaultsWithDecimals: [String: String], endingDefaults: [String: String], groupingDefaults: [String: String],
            minorUnitSigns: [String: String], notCurrencyWords: Set<String>
        ) {
            var byCode: [String: Currency] = [:]
            var tokens: [String: [String]] = [:]
            var casedTokens: [String: [String]] = [:]
            func add(_ code: String, spellings: [String], cased: [String]) {
                for token in spellings {
                    let key = token.lowercased()
                    if tokens[key]?.contains(code) != true { tokens[key, default: []].append(code) }
                }
                for token in cased where casedTokens[token]?.contains(code) != true { casedTokens[token, default: []].append(code) }
            }
            for currency in list {
                byCode[currency.code] = currency
                add(currency.code, spellings: currency.symbols + currency.words, cased: currency.cased)
            }
            var withdrawn: [String: ObsoleteCurrency] = [:]
            for currency in obsolete {
                withdrawn[currency.code] = currency
                add(currency.code, spellings: currency.symbols + currency.words, cased: currency.cased)
            }
            currencies = byCode
            self.obsolete = withdrawn
            self.notCurrencyWords = notCurrencyWords
            self.languages = languages
            self.symbolDefaults = symbolDefaults
            self.symbolDefaultsWithDecimals = symbolDefaultsWithDecimals
            self.endingDefaults = endingDefaults
            self.groupingDefaults = groupingDefaults
            self.minorUnitSigns = minorUnitSigns
            self.tokens = tokens
            self.casedTokens = casedTokens
            gluedSymbols = GluedCurrencySymbols(spellings: list.flatMap(\.symbols) + obsolete.flatMap(\.symbols))
            plainTwoDecimalCodes = Set(byCode.values.filter { currency in
                let weak = tokens[currency.code.lowercased()] == nil && casedTokens[currency.code] != nil
                return currency.minorUnits == 2 && (currency.writtenMinorUnits ?? 2) == 2 && withdrawn[currency.code] == nil && !weak
            }.map(\.code))
        }
    }

    private let index: Index
    /// Codes that are not ISO 4217 but name one (`RUR` → `RUB`, `RMB` → `CNY`), in capitals; add a source's own here.
    public var aliases: [String: String]

    public var currencies: [String: Currency] { index.currencies }
    /// Withdrawn codes, by code.
    public var obsolete: [String: ObsoleteCurrency] { index.obsolete }
    /// Upper-case abbreviations written next to prices that are not currencies (`VAT`, `PVM`, `UVP`).
    public var notCurrencyWords: Set<String> { index.notCurrencyWords }
    /// Signs of a hundredth (`¢`, `p`) → the symbol whose currency they divide (`$`, `£`).
    public var minorUnitSigns: [String: String] { index.minorUnitSigns }
    /// The symbols written glued to other text, for finding tokens (`CurrencyTokens`).
    var gluedSymbols: GluedCurrencySymbols { index.gluedSymbols }
    var languages: [String: LanguageCurrencies] { index.languages }
    /// Symbol (as written, or lower-cased) → the reading a person takes with no other evidence; nil: none (`kr`).
    var symbolDefaults: [String: String?] { index.symbolDefaults }
    var symbolDefaultsWithDecimals: [String: String] { index.symbolDefaultsWithDecimals }
    var endingDefaults: [String: String] { index.endingDefaults }
    var groupingDefaults: [String: String] { index.groupingDefaults }

    public static let builtIn: CurrencyTable = {
        let file = BundledData.read("currencies", File.init(table:))
        return CurrencyTable(
            file.currencies, obsolete: file.obsoleteCurrencies ?? [], aliases: file.aliases ?? [:],
            languages: file.languages ?? [:], symbolDefaults: file.symbolDefaults ?? [:],
            symbolDefaultsWithDecimals: file.symbolDefaultsWithDecimals ?? [:], endingDefaults: file.endingDefaults ?? [:],
            groupingDefaults: file.groupingDefaults ?? [:], minorUnitSigns: file.minorUnitSigns ?? [:], notCurrencyWords: file.notCurrencyWords ?? []
        )
    }()

    init(
        _ list: [Currency], obsolete: [ObsoleteCurrency] = [], aliases: [String: String] = [:],
        languages: [String: LanguageCurrencies] = [:], symbolDefaults: [String: String?] = [:],
        symbolDefaultsWithDecimals: [String: String] = [:], endingDefaults: [String: String] = [:],
        groupingDefaults: [String: String] = [:], minorUnitSigns: [String: String] = [:], notCurrencyWords: Set<String> = []
    ) {
        index = Index(
            list, obsolete: obsolete, languages: languages, symbolDefaults: symbolDefaults,
            symbolDefaultsWithDecimals: symbolDefaultsWithDecimals, endingDefaults: endingDefaults, groupingDefaults: groupingDefaults,
            minorUnitSigns: minorUnitSigns, notCurrencyWords: notCurrencyWords
        )
        self.aliases = aliases
    }

    /// ISO 4217 minor units of an active or withdrawn code.
    public func minorUnits(of code: String) -> Int? { index.currencies[code]?.minorUnits ?? index.obsolete[code]?.minorUnits }

    /// The decimals shops actually write (`HUF` → 0), for deciding `150.000`; the ISO minor units otherwise.
    public func writtenMinorUnits(of code: String) -> Int? { index.currencies[code]?.writtenMinorUnits ?? minorUnits(of: code) }

    /// An active ISO 4217 code (withdrawn codes and aliases are not).
    /// (Asked of the index, not by copying the entry out: that retains each of its arrays.)
    public func isKnown(_ code: String) -> Bool { index.currencies.index(forKey: code) != nil }

    /// Whether `code` (as written, in capitals) is an active ISO 4217 code that names its currency alone, is no
    /// alias, and has two decimals by ISO and as shops write them: next to a plain amount (`11.01 EUR`) nothing but
    /// the code decides the price (`MoneyParsing`'s shortcut for the usual feed price).
    func isPlainTwoDecimalCode(_ code: String) -> Bool { index.plainTwoDecimalCodes.contains(code) && aliases[code] == nil }

    /// The withdrawn currency `code`, if it is one.
    public func obsoleteCurrency(_ code: String) -> ObsoleteCurrency? { index.obsolete[code] }

    /// Candidate codes for a symbol, word or code as written next to an amount (`€`, `zł`, `kr`, `USD`, `usd`,
    /// `DEM`, `RUR` → RUB). Empty when the token names no currency.
    public func candidates(for token: String) -> [String] {
        if token.count == 3 {
            if index.currencies[token] != nil || index.obsolete[token] != nil { return [token] }
            if let target = aliases[token] { return [target] }
        }
        return index.tokens[token.lowercased()] ?? index.casedTokens[token] ?? []
    }

    /// A spelling that counts only exactly as written and only when nothing else names a currency (`R`, `KD`).
    public func isWeak(_ token: String) -> Bool {
        index.tokens[token.lowercased()] == nil && index.casedTokens[token] != nil
    }

    /// The ISO code `token` is an alias of (`RUR` → `RUB`), when it is one.
    public func aliasTarget(of token: String) -> String? { aliases[token] }

    /// The currency a country uses, when exactly one does in the table.
    public func currency(ofCountry country: String) -> String? {
        let matches = index.currencies.values.filter { $0.countries.contains(country.uppercased()) }.map(\.code)
        return matches.count == 1 ? matches[0] : nil
    }

    /// Among `candidates`, the one used in `country`; nil when none or several are.
    public func resolve(_ candidates: [String], country: String?) -> String? {
        guard let country = country?.uppercased() else { return nil }
        let matches = candidates.filter { index.currencies[$0]?.countries.contains(country) == true }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The currencies sources in `language` mean (`sv` → SEK; `en` → none dominant, several possible).
    public func currencies(ofLanguage language: String) -> LanguageCurrencies? {
        let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return index.languages[primary]
    }

    /// Among `candidates`, the one a source in `language` means (`kr` in Swedish → SEK): the language's dominant
    /// currency if it is a candidate, else the only candidate among the others it can mean; nil otherwise.
    public func resolve(_ candidates: [String], language: String?) -> String? {
        guard let language, let entry = currencies(ofLanguage: language) else { return nil }
        if let dominant = entry.dominant, candidates.contains(dominant) { return dominant }
        let others = candidates.filter(entry.others.contains)
        return others.count == 1 ? others[0] : nil
    }

    /// The reading a person takes for a shared symbol with nothing else to go on (`$` → USD, `lei` → RON;
    /// `¥` → JPY, or CNY when the amount has decimals); nil when there is none (`kr`).
    public func symbolDefault(for token: String, amountHasDecimals: Bool) -> String? {
        if amountHasDecimals, let code = index.symbolDefaultsWithDecimals[token] ?? index.symbolDefaultsWithDecimals[token.lowercased()] { return code }
        if let listed = index.symbolDefaults[token] { return listed }
        return index.symbolDefaults[token.lowercased()] ?? nil
    }

    /// The currency whose style a whole-amount ending shows (`1 495:-` → SEK), when one does.
    public func endingDefault(for ending: String) -> String? { index.endingDefaults[ending] }

    /// The currency whose style a grouping mark shows (`1'299.00` → CHF), when one does.
    public func groupingDefault(for mark: Character) -> String? { index.groupingDefaults[String(mark)] }
}
