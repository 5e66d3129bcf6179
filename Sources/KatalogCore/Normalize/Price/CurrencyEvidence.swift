/// One fact about which currency a record's prices are in, and where that fact came from.
///
/// A price that names no currency, or only a shared symbol (`$`, `kr`, `lei`), is decided by the first piece of
/// evidence, in `Basis` order, that settles it. Bases up to `commandLine` are statements (the record, the format's
/// specification, the user); from `document` on they are assumptions, and a price decided by one carries a
/// `price.currency-assumed` warning that names the evidence and the alternatives.
public struct CurrencyEvidence: Sendable, Hashable, Codable {
    /// Where the evidence comes from, strongest first.
    public enum Basis: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// A currency column or attribute of the record itself (`currency`, `g:price` unit, `priceCurrency`).
        case recordField
        /// The feed format's specification (Heureka .cz → CZK, Ceneo → PLN, Skroutz → EUR).
        case formatSpec
        /// The source's configuration (`currency:` / `country:` in katalog.yml).
        case sourceConfig
        /// `--currency` / `--country` on the command line.
        case commandLine
        /// The page or file itself: `og:locale`, `<html lang>`, `Content-Language`, a `priceCurrency` elsewhere on
        /// the page, the country domain of the file's product URLs.
        case document
        /// The language of the record's own text (Swedish text + `kr` → SEK).
        case textLanguage
        /// Earlier prices of the same file that named their currency.
        case fileOtherPrices
        /// The symbol's dominant reading (`$` → USD, `zł` → PLN), from `currencies.json`.
        case symbolDefault

        public static func < (lhs: Basis, rhs: Basis) -> Bool { lhs.rawValue < rhs.rawValue }

        /// True for evidence that only suggests a currency: a price it decides is flagged `price.currency-assumed`.
        public var isAssumption: Bool { self >= .document }

        /// A stable name for outputs and messages.
        public var name: String {
            switch self {
            case .recordField: "record"
            case .formatSpec: "format"
            case .sourceConfig: "config"
            case .commandLine: "command-line"
            case .document: "document"
            case .textLanguage: "text-language"
            case .fileOtherPrices: "file-prices"
            case .symbolDefault: "symbol"
            }
        }
    }

    public var basis: Basis
    /// The ISO 4217 code the evidence names directly, when it does.
    public var currency: String?
    /// The ISO 3166 country it names (`og:locale sv_SE` → SE); resolves a shared symbol or a bare amount.
    public var country: String?
    /// The ISO 639-1 language it names (`<html lang="sv">` → sv).
    public var language: String?
    /// What the evidence is, in words for a message: `og:locale sv_SE`, `product URLs on .se`, `heureka.sk feed`.
    public var detail: String

    public init(_ basis: Basis, currency: String? = nil, country: String? = nil, language: String? = nil, detail: String) {
        self.basis = basis
        self.currency = currency
        self.country = country
        self.language = language
        self.detail = detail
    }
}
