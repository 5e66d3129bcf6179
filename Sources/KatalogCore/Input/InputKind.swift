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
    /// Skroutz.gr / Skroutz.cy XML feed (`mywebstore/products/product`).
    case skroutz
    /// Yandex Market Language (`yml_catalog`).
    case yml
    /// Any other XML.
    case xml
    /// A JSON document (array of products, one product, or schema.org JSON).
    case json
    /// JSON Lines: one JSON object per line.
    case jsonLines = "jsonl"
    /// A worksheet of an Excel workbook (`.xlsx`, Office Open XML), read as a spreadsheet.
    case xlsx
    /// ECB euro reference exchange rates (`gesmes:Envelope`): an input to `--rates`, not a product feed.
    case exchangeRates = "ecb-rates"
    /// Something Katalog does not read (binary, empty, unknown).
    case unknown

    /// Spreadsheets: every record's labels are the same column headers, so what a header says (a unit) is said
    /// once per file, not once per record.
    public var hasColumnHeaders: Bool { self == .csv || self == .tsv || self == .xlsx }

    /// Feeds and spreadsheets: many records under the same labels, so a fact about a label (it is not in the
    /// dictionary) is said once per file and label, not once per record.
    public var repeatsLabels: Bool {
        switch self {
        case .textPage, .html, .exchangeRates, .unknown: false
        default: true
        }
    }
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
///
/// A value with its fields behind one shared, immutable reference: every record of a file carries the file's
/// hints and is copied several times on its way through the pipeline, and seven fields held inline were seven
/// retains and releases at each copy. Setting a field makes a new reference (hints change per file, not per
/// record), so copies never see each other's changes.
public struct SourceHints: Sendable, Hashable, Codable {
    private struct Values: Sendable, Hashable {
        var language: String?
        var country: String?
        var currency: String?
        var lengthUnit: String?
        var weightUnit: String?
        var currencyEvidence: [CurrencyEvidence]
        var platform: String?
    }

    private final class Shared: Sendable {
        let values: Values
        init(_ values: Values) { self.values = values }
    }

    private var shared: Shared

    private mutating func change(_ update: (inout Values) -> Void) {
        var values = shared.values
        update(&values)
        shared = Shared(values)
    }

    /// BCP 47 language of the page or feed (`lt`, `pl`), when declared or detected.
    public var language: String? {
        get { shared.values.language }
        set { change { $0.language = newValue } }
    }
    /// ISO 3166 country (`LT`, `PL`), e.g. from a shop's domain or a feed's market.
    public var country: String? {
        get { shared.values.country }
        set { change { $0.country = newValue } }
    }
    /// ISO 4217 currency implied by the source (a feed's market, a config default).
    public var currency: String? {
        get { shared.values.currency }
        set { change { $0.currency = newValue } }
    }
    /// Unit assumed for unit-less lengths whose label names none (`cm`), e.g. a configured source default.
    public var lengthUnit: String? {
        get { shared.values.lengthUnit }
        set { change { $0.lengthUnit = newValue } }
    }
    /// Unit assumed for unit-less weights whose label names none (`kg`), e.g. a configured source default.
    public var weightUnit: String? {
        get { shared.values.weightUnit }
        set { change { $0.weightUnit = newValue } }
    }
    /// Currency evidence the document itself gives (`og:locale`, `<html lang>`, product URL domains), weakest
    /// kind of evidence: see `CurrencyEvidence`. Readers add it; the normalizer weighs it.
    public var currencyEvidence: [CurrencyEvidence] {
        get { shared.values.currencyEvidence }
        set { change { $0.currencyEvidence = newValue } }
    }
    /// The shop platform whose export this is (`shopify`, `woocommerce`, `magento`, `prestashop`, `meta`), when a
    /// reader recognised it (`PlatformProfiles`); its labels win over other readings of the same label.
    public var platform: String? {
        get { shared.values.platform }
        set { change { $0.platform = newValue } }
    }

    public init(language: String? = nil, country: String? = nil, currency: String? = nil, lengthUnit: String? = nil, weightUnit: String? = nil, currencyEvidence: [CurrencyEvidence] = [], platform: String? = nil) {
        shared = Shared(Values(
            language: language, country: country, currency: currency, lengthUnit: lengthUnit, weightUnit: weightUnit,
            currencyEvidence: currencyEvidence, platform: platform
        ))
    }

    public static func == (lhs: SourceHints, rhs: SourceHints) -> Bool {
        lhs.shared === rhs.shared || lhs.shared.values == rhs.shared.values
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(shared.values) }

    enum CodingKeys: String, CodingKey {
        case language, country, currency, lengthUnit, weightUnit, currencyEvidence, platform
    }

    /// Decodes hints written before `currencyEvidence` and `platform` existed (mapping files), which lack them.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            language: try container.decodeIfPresent(String.self, forKey: .language),
            country: try container.decodeIfPresent(String.self, forKey: .country),
            currency: try container.decodeIfPresent(String.self, forKey: .currency),
            lengthUnit: try container.decodeIfPresent(String.self, forKey: .lengthUnit),
            weightUnit: try container.decodeIfPresent(String.self, forKey: .weightUnit),
            currencyEvidence: try container.decodeIfPresent([CurrencyEvidence].self, forKey: .currencyEvidence) ?? [],
            platform: try container.decodeIfPresent(String.self, forKey: .platform)
        )
    }

    /// As the compiler would write it for the plain fields: absent optionals are left out.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let values = shared.values
        try container.encodeIfPresent(values.language, forKey: .language)
        try container.encodeIfPresent(values.country, forKey: .country)
        try container.encodeIfPresent(values.currency, forKey: .currency)
        try container.encodeIfPresent(values.lengthUnit, forKey: .lengthUnit)
        try container.encodeIfPresent(values.weightUnit, forKey: .weightUnit)
        try container.encode(values.currencyEvidence, forKey: .currencyEvidence)
        try container.encodeIfPresent(values.platform, forKey: .platform)
    }

    /// `self` with every missing hint taken from `fallback`.
    public func filling(from fallback: SourceHints) -> SourceHints {
        SourceHints(
            language: language ?? fallback.language,
            country: country ?? fallback.country,
            currency: currency ?? fallback.currency,
            lengthUnit: lengthUnit ?? fallback.lengthUnit,
            weightUnit: weightUnit ?? fallback.weightUnit,
            currencyEvidence: currencyEvidence + fallback.currencyEvidence.filter { !currencyEvidence.contains($0) },
            platform: platform ?? fallback.platform
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
    /// The part of a package file that is the document: an Excel workbook's worksheet (`xl/worksheets/sheet2.xml`).
    /// Nil for a plain file (and for a workbook, its first visible sheet).
    public var part: String?

    public init(fileURL: URLPath, displayPath: String, kind: InputKind, encoding: TextEncodingInfo? = nil, hints: SourceHints = SourceHints(), part: String? = nil) {
        self.fileURL = fileURL
        self.displayPath = displayPath
        self.kind = kind
        self.encoding = encoding
        self.hints = hints
        self.part = part
    }
}

/// A file-system path (kept as a string so values stay `Sendable` and cheap to compare).
public typealias URLPath = String
