/// What the earlier records of the current file say about its prices: the decimal mark its unambiguous prices use
/// (`1 299,00` → `,`), and the currency its prices name on their own (`49,99 zł` → PLN).
public struct FileObservation: Sendable, Hashable {
    /// The decimal mark to assume for an ambiguous `3.350`.
    public var decimalMark: Character?
    /// The currency that earlier prices of the file named unambiguously (the first one), for a later price
    /// that names none; an assumption (`CurrencyEvidence.Basis.fileOtherPrices`).
    public var currency: String?
    /// The language of the file's text, from its first records (`CurrencyEvidence.Basis.textLanguage`), for a
    /// record whose own text is too short to tell (a variant row with a title only).
    public var language: String?

    public init(decimalMark: Character? = nil, currency: String? = nil, language: String? = nil) {
        self.decimalMark = decimalMark
        self.currency = currency
        self.language = language
    }
}

/// Remembers what the prices of the current file say, so an ambiguous `3.350` in one record is read the way the
/// file's unambiguous prices (`1 299,00`) are written, and a bare `149` takes the currency its neighbours name.
///
/// A file is read by one normalizer in record order, so the evidence is deterministic: a record sees its own
/// price fields first, then what earlier records of the same file showed. Later records never count.
struct PriceEvidence {
    /// The currencies whose tokens name a file's currency.
    let currencies: CurrencyTable
    private var file: String?
    private var mark: Character?
    private var currency: String?
    private var language: String?
    private var languageAttempts = 0
    /// Records of a file whose text is tried for the file's language before giving up (bounded work per file).
    static let languageAttemptLimit = 16

    init(currencies: CurrencyTable) { self.currencies = currencies }

    /// The observation for `record`'s prices; updates the file's evidence.
    /// `isPriceField`: whether the field at an index of `record.fields` may hold a price.
    mutating func observe(_ record: RawRecord, isPriceField: (Int) -> Bool, textLanguage: (RawRecord) -> String?) -> FileObservation {
        if record.location.file != file {
            file = record.location.file
            mark = nil
            currency = nil
            language = nil
            languageAttempts = 0
        }
        // Only feeds have records too short to tell their own language; a page's own text is read when needed.
        if record.kind.repeatsLabels, language == nil, languageAttempts < Self.languageAttemptLimit {
            languageAttempts += 1
            language = textLanguage(record)
        }
        let before = currency
        var markFound = false
        // By index: only the price fields' values are read (enumerating the fields would copy each one).
        let fields = record.fields
        for index in fields.indices where isPriceField(index) {
            let value = fields[index].value
            if !markFound, let found = MoneyParsing.decimalEvidence(in: value, currencies: currencies) {
                mark = found
                markFound = true
            }
            // The first currency the file's prices name is its currency; once known, prices need no more scanning
            // on this (ordered, single) thread.
            if currency == nil, let named = CurrencyTokens.soleCurrency(in: value, table: currencies) { currency = named }
        }
        // A record's own currency is not evidence for itself: it carries it already.
        return FileObservation(decimalMark: mark, currency: before, language: language)
    }
}

extension ProductNormalizer {
    /// Applies a price reading to the product: a was/now pair fills both `price` and `sale_price`; otherwise the
    /// reading fills the field `key` names. A second, different value for a filled field is reported, not kept.
    func applyPrice(_ reading: MoneyReading, key: String, field: RawField, product: inout Product, location: SourceLocation) {
        func assign(_ price: Price, to name: String) {
            // The two fields directly, not through a key path (several hundred instructions per access).
            let isSale = name == "sale_price"
            if let existing = isSale ? product.salePrice : product.price {
                // Disagreements between origins are reported once, by OriginPrecedence (`origin.mismatch`).
                if existing.money != price.money, product.provenance[name]?.origin == field.origin {
                    product.diagnostics.append(Diagnostic(.fieldConflict(name, kept: existing.text, ignored: field.value), at: location))
                }
                return
            }
            if isSale { product.salePrice = price } else { product.price = price }
            var provenance = FieldProvenance(field)
            provenance.evidence = reading.currencyDecision.map(describedEvidence)
            product.provenance[name] = provenance
        }
        if let regular = reading.price, let sale = reading.salePrice {
            assign(regular, to: "price")
            assign(sale, to: "sale_price")
        } else if let price = reading.price {
            assign(price, to: key)
        }
    }

    /// `document: og:locale sv_SE`: how a currency decision is named in provenance.
    static func describe(_ evidence: CurrencyEvidence) -> String {
        "\(evidence.basis.name): \(evidence.detail)"
    }
}

extension CurrencyTokens {
    /// The one currency `text` names by itself (`49,99 zł`, `EUR 12`), or nil when it names none, only shared
    /// symbols (`$`, `kr`) or several.
    static func soleCurrency(in text: String, table: CurrencyTable) -> String? {
        var found: String?
        for token in find(in: text, table: table) {
            let candidates = table.candidates(for: token)
            guard candidates.count == 1 else { continue }
            if let found, found != candidates[0] { return nil }
            found = candidates[0]
        }
        return found
    }
}
