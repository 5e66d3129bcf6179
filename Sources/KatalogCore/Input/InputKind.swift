/// The kinds of input Katalog recognises from a file's bytes. Raw values are the names used in reports.
public enum InputKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A plain-text export of a shop's product page (title, `Label: value` lines, description).
    case textPage = "text-page"
    /// An HTML product page.
    case html
    /// Comma/semicolon/pipe separated values.
    case csv
    /// Tab separated values (also Google Merchant's TSV feed).
    case tsv
    /// Google Merchant Center RSS 2.0 / Atom feed (`g:` namespace).
    case googleMerchant = "google-merchant"
    /// Ceneo XML feed (`offers/group/o`).
    case ceneo
    /// Heureka XML feed (`SHOP/SHOPITEM`).
    case heureka
    /// Yandex Market Language (`yml_catalog`).
    case yml
    /// Any other XML.
    case xml
    /// A JSON document (array of products, one product, or schema.org JSON).
    case json
    /// JSON Lines: one JSON object per line.
    case jsonLines = "jsonl"
    /// ECB euro reference exchange rates (`gesmes:Envelope`): an input to `--rates`, not a product feed.
    case exchangeRates = "ecb-rates"
    /// Something Katalog does not read (binary, empty, unknown).
    case unknown

    /// Spreadsheets: every record's labels are the same column headers, so what a header says (a unit) is said
    /// once per file, not once per record.
    public var hasColumnHeaders: Bool { self == .csv || self == .tsv }
}

/// The character encoding a document was decoded with, as recorded in the report.
public struct TextEncodingInfo: Sendable, Hashable, Codable {
    /// IANA-style name, lower case: `utf-8`, `utf-16le`, `windows-1257`, `iso-8859-2`.
    public var name: String
    /// How it was found: `bom`, `declared`, `meta` (`<meta charset>`), `http-equiv` (`<meta http-equiv>`), `sniffed`,
    /// `default`.
    public var source: String

    public init(name: String, source: String) {
        self.name = name
        self.source = source
    }
}

/// Locale hints about a source that help normalizers resolve ambiguous values (`$`, `1,234`).
public struct SourceHints: Sendable, Hashable, Codable {
    /// BCP 47 language of the page or feed (`lt`, `pl`), when declared or detected.
    public var language: String?
    /// ISO 3166 country (`LT`, `PL`), e.g. from a shop's domain or a feed's market.
    public var country: String?
    /// ISO 4217 currency implied by the source (a feed's market, a config default).
    public var currency: String?
    /// Unit assumed for unit-less lengths whose label names none (`cm`), e.g. a configured source default.
    public var lengthUnit: String?
    /// Unit assumed for unit-less weights whose label names none (`kg`), e.g. a configured source default.
    public var weightUnit: String?
    /// Currency evidence the document itself gives (`og:locale`, `<html lang>`, product URL domains), weakest
    /// kind of evidence: see `CurrencyEvidence`. Readers add it; the normalizer weighs it.
    public var currencyEvidence: [CurrencyEvidence] = []

    public init(language: String? = nil, country: String? = nil, currency: String? = nil, lengthUnit: String? = nil, weightUnit: String? = nil, currencyEvidence: [CurrencyEvidence] = []) {
        self.language = language
        self.country = country
        self.currency = currency
        self.lengthUnit = lengthUnit
        self.weightUnit = weightUnit
        self.currencyEvidence = currencyEvidence
    }

    enum CodingKeys: String, CodingKey {
        case language, country, currency, lengthUnit, weightUnit, currencyEvidence
    }

    /// Decodes hints written without `currencyEvidence` (mapping files' `hints`, configuration): none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            language: try container.decodeIfPresent(String.self, forKey: .language),
            country: try container.decodeIfPresent(String.self, forKey: .country),
            currency: try container.decodeIfPresent(String.self, forKey: .currency),
            lengthUnit: try container.decodeIfPresent(String.self, forKey: .lengthUnit),
            weightUnit: try container.decodeIfPresent(String.self, forKey: .weightUnit),
            currencyEvidence: try container.decodeIfPresent([CurrencyEvidence].self, forKey: .currencyEvidence) ?? []
        )
    }

    /// `self` with every missing hint taken from `fallback`.
    public func filling(from fallback: SourceHints) -> SourceHints {
        SourceHints(
            language: language ?? fallback.language,
            country: country ?? fallback.country,
            currency: currency ?? fallback.currency,
            lengthUnit: lengthUnit ?? fallback.lengthUnit,
            weightUnit: weightUnit ?? fallback.weightUnit,
            currencyEvidence: currencyEvidence + fallback.currencyEvidence.filter { !currencyEvidence.contains($0) }
        )
    }
}

/// One input file, discovered and sniffed, ready for its reader.
public struct SourceDocument: Sendable, Hashable {
    /// Absolute location on disk.
    public var fileURL: URLPath
    /// Path as shown in outputs (as the user named it, `/`-separated).
    public var displayPath: String
    public var kind: InputKind
    /// The encoding the sniffer found, when the kind is textual.
    public var encoding: TextEncodingInfo?
    public var hints: SourceHints

    public init(fileURL: URLPath, displayPath: String, kind: InputKind, encoding: TextEncodingInfo? = nil, hints: SourceHints = SourceHints()) {
        self.fileURL = fileURL
        self.displayPath = displayPath
        self.kind = kind
        self.encoding = encoding
        self.hints = hints
    }
}

/// A file-system path (kept as a string so values stay `Sendable` and cheap to compare).
public typealias URLPath = String
