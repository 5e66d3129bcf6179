import Foundation

/// Every table a normalizer reads, in one value: labels, keys, value vocabularies, units, currencies, number
/// formats, language profiles and package limits. `builtIn` holds the bundled `Resources/*.json`;
/// users merge or add their own, and the normalizer hands each part to the code that reads it (no table is global).
public struct NormalizationTables: Sendable {
    public var labels: LabelDictionary
    public var vocabulary: ValueVocabulary
    public var keys: KeyTable
    /// Patterns that recognise service plans and read their terms (`service-plans.json`).
    public var servicePlans: ServicePlanPatterns = .builtIn
    /// Which label wins when several give one key (`label-ranks.json`).
    public var ranks: LabelRanks = .builtIn
    /// The price words of `vocabulary` (rebuilt when a user file adds vocabularies), for price parsing.
    public var phrases: PricePhrases = .builtIn
    /// Unit spellings and factors (`units.json`).
    public var units: UnitTable = .builtIn
    /// Words that name the axis of a dimension (`units.json`: `L`, `Breite`, `dł.`).
    public var axisWords: DimensionAxes = .builtIn
    /// Currencies: codes, symbols, words, aliases and usual readings (`currencies.json`).
    public var currencies: CurrencyTable = .builtIn
    /// Decimal and grouping marks by country and language (`number-formats.json`).
    public var numbers: NumberConventions = .builtIn
    /// The language detector with its profiles (`languages.json`).
    public var languages: LanguageDetection = .builtIn
    /// Limits for the packages of light items (`plausibility.json`).
    public var packageLimits: PackagePlausibility = .builtIn
    /// How a record without an availability gets one from its stock count or dispatch time (`availability.json`).
    public var availability: AvailabilityEvidence = .builtIn

    /// The bundled tables, decoded once.
    public static let builtIn = NormalizationTables()

    /// `builtIn`, with its decoding shared by `threads` threads when more than one: the label dictionary and the
    /// language profiles (half of the 150 M instructions a run spends on its tables before the first record, about
    /// 15 ms) are decoded on a second thread while this one decodes the rest. Each table is still decoded once
    /// (a thread that needs one being decoded waits for it), so the result is the same.
    public static func builtIn(decodingOn threads: Int) -> NormalizationTables {
        guard threads > 1 else { return builtIn }
        let decoded = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = LabelDictionary.builtIn
            _ = LanguageDetection.builtIn
            _ = KeyTable.builtIn
            decoded.signal()
        }
        // The rest is named here, not left to `builtIn`: its initializer reads the label dictionary first, and would
        // wait for the other thread before decoding anything. A table missing from this list is still decoded, by
        // `builtIn` below, only not beside the other thread.
        _ = CurrencyTable.builtIn
        _ = ValueVocabulary.builtIn
        _ = ServicePlanPatterns.builtIn
        _ = PricePhrases.builtIn
        _ = PackagePlausibility.builtIn
        _ = AvailabilityEvidence.builtIn
        _ = UnitTable.builtIn
        _ = NumberConventions.builtIn
        _ = DimensionAxes.builtIn
        _ = LabelRanks.builtIn
        decoded.wait()
        return builtIn
    }

    public init(labels: LabelDictionary = .builtIn, vocabulary: ValueVocabulary = .builtIn, keys: KeyTable = .builtIn) {
        self.labels = labels
        self.vocabulary = vocabulary
        self.keys = keys
    }

    /// A price context that reads with these tables (phrases, currencies, number conventions) and knows no facts.
    public var moneyContext: MoneyContext {
        MoneyContext(phrases: phrases, currencies: currencies, numbers: numbers)
    }

    /// The built-in tables with a user dictionary file merged over them.
    public func merging(userFile: LabelDictionary.File) -> NormalizationTables {
        var copy = self
        copy.labels.merge(userFile, overriding: true)
        if let vocabularies = userFile.vocabularies {
            copy.vocabulary.merge(vocabularies, overriding: true)
            copy.phrases = PricePhrases(vocabulary: copy.vocabulary)
        }
        return copy
    }
}

/// Turns a `RawRecord` into a canonical `Product`: the one place that understands meaning.
///
/// Every raw field ends somewhere: in a canonical field (with provenance), in the attributes (mapped or not), or
/// in a diagnostic that says why it was not kept. The first value of a field wins; a later, different value is
/// reported, not silently dropped. Not thread-safe (it caches label look-ups): use one per worker.
public final class ProductNormalizer {
    public let tables: NormalizationTables
    private var labelCache: [String: LabelDictionary.Match?] = [:]
    /// The labels of the last record resolved, with their matches and best ranks (`resolveLabels`).
    private var lastResolution: LabelResolution?
    /// Label ranks by (key, label).
    private var rankCache: [StringPair: LabelRanks.Rank?] = [:]
    /// Vocabulary look-ups by (vocabulary, value); feeds repeat the same few words (colours, stock words) millions
    /// of times. Cleared when it grows past `cacheLimit` entries, so memory stays bounded: the common words come
    /// back within a few records, while a column of distinct values (stock counts) would otherwise fill it with
    /// entries that are never hit again — several MB per worker.
    private var vocabularyCache: [StringPair: ValueVocabulary.Match?] = [:]
    /// Column notes by (label, unit): see `columnUnitNote`.
    private var columnUnitNotes: [StringPair: Finding] = [:]
    /// Availability column notes by (code, label): every row of a feed would build the same message. The last one
    /// is kept aside, as a feed's rows give the same one after another.
    var availabilityNotes: [StringPair: Finding] = [:]
    var lastAvailabilityNote: (code: FindingCode, label: String, note: Finding)?
    /// Keys of unmapped labels (`slug`), which every row of a spreadsheet repeats: folding them was a quarter of the
    /// CPU of a Shopify export, whose rows carry a dozen unmapped columns.
    private var slugCache: [String: String] = [:]
    let cacheLimit = 4_096
    private var priceEvidence: PriceEvidence
    /// Units and axis words of `tables`, for measurements.
    let quantities: QuantityParsing
    /// The service-plan reader over `tables`' patterns and currencies.
    private let servicePlans: ServicePlanExtractor
    /// The platform whose labels the caches hold (`RawRecord.hints.platform`); the caches are cleared when it changes.
    private var cachePlatform: String?
    /// The last currency evidence named for provenance, with its name (`describedEvidence`).
    private var lastDescribed: (basis: CurrencyEvidence.Basis, detail: String, text: String)?

    public init(tables: NormalizationTables = .builtIn) {
        self.tables = tables
        priceEvidence = PriceEvidence(currencies: tables.currencies)
        quantities = QuantityParsing(units: tables.units, axisWords: tables.axisWords)
        servicePlans = ServicePlanExtractor(patterns: tables.servicePlans, prices: tables.moneyContext)
    }

    public func normalize(_ raw: RawRecord) -> Product {
        normalize(raw, observed: nil)
    }

    /// Updates this normalizer's evidence about the current file's prices with `raw` (decimal mark, currency) and
    /// returns what `raw` should assume. Calling this for every record in file order, then normalizing the records
    /// anywhere (other threads, other normalizers) with the observations it returned, gives exactly the results of
    /// normalizing them in order with one normalizer.
    public func observe(_ raw: RawRecord) -> FileObservation {
        usePlatform(raw.hints.platform)
        // A record that needs no arranging (every feed row) is read as it is, not copied.
        if let arranged = OriginPrecedence.rearranged(raw, key: { self.match($0)?.key }) { return observeArranged(arranged) }
        return observeArranged(raw)
    }

    private func observeArranged(_ record: RawRecord) -> FileObservation {
        let resolution = resolveLabels(of: record)
        return priceEvidence.observe(record, isPriceField: { resolution.isPriceField(record.fields[$0].role, at: $0) }, textLanguage: textLanguage(of:))
    }

    /// Normalizes `raw`; `observed`, when given, replaces this normalizer's own file evidence (see `observe`).
    /// The same as `readFields` then `enrich`.
    public func normalize(_ raw: RawRecord, observed: FileObservation?) -> Product {
        var product = readFields(raw, observed: observed)
        enrich(&product)
        return product
    }

    /// The first step of `normalize`: every field of `raw` read into a product, before the record-level steps of
    /// `enrich`. A batch can read all its records, then enrich them all, each step's code staying in the
    /// processor's instruction cache from one record to the next.
    public func readFields(_ raw: RawRecord, observed: FileObservation?) -> Product {
        usePlatform(raw.hints.platform)
        if let arranged = OriginPrecedence.rearranged(raw, key: { self.match($0)?.key }) { return normalizeArranged(arranged, observed: observed) }
        return normalizeArranged(raw, observed: observed)
    }

    /// `normalize` of a record whose fields are in origin precedence order.
    private func normalizeArranged(_ record: RawRecord, observed: FileObservation?) -> Product {
        let location = record.location
        var product = Product(
            id: "\(location.file)#\(location.record ?? 1)",
            source: SourceLocation(file: location.file, line: location.line, record: location.record),
            sourceKind: record.kind
        )
        // Room for a provenance entry per field: growing the dictionary one entry at a time rehashes it four times.
        product.provenance.reserveCapacity(record.fields.count)
        // Filled in a function of its own: filled here, the record was returned as a copy (every string retained)
        // and a destroy, not moved out.
        fill(&product, from: record, observed: observed)
        return product
    }

    private func fill(_ product: inout Product, from record: RawRecord, observed: FileObservation?) {
        let resolution = resolveLabels(of: record)
        var fileLanguage: String?
        let money = moneyContext(for: record, resolution: resolution, observed: observed, fileLanguage: &fileLanguage, diagnostics: &product.diagnostics)
        var state = RecordState(record: record, moneyContext: money, fileLanguage: fileLanguage)

        for (index, field) in record.fields.enumerated() {
            switch field.role {
            case .title:
                setText(\.title, key: "title", field: field, value: TextCleaning.cleanLine(field.value), product: &product, state: &state)
            case .description:
                state.descriptionParagraphs.append(field.value)
                if product.provenance["description"] == nil { product.provenance["description"] = FieldProvenance(field) }
            case .unlabelled:
                normalizeUnlabelled(field, product: &product, state: &state)
            case .labelled:
                normalizeLabelled(field, resolution.fields[index], product: &product, state: &state)
            }
        }
        settlePrices(&product, state: state)
        product.diagnostics += OriginPrecedence.mismatches(in: record, key: { self.match($0)?.key }, money: state.moneyContext)
        if !state.descriptionParagraphs.isEmpty {
            let text = TextCleaning.cleanParagraphs(state.descriptionParagraphs)
            product.description = text.isEmpty ? nil : text
        }
        if product.availability == nil { deriveAvailability(&product, state: state) }
    }

    /// The second step of `normalize`, on a product made by `readFields`: the record-level steps (service plan,
    /// language tags, package plausibility). Depends on the product and the tables only.
    public func enrich(_ product: inout Product) {
        servicePlans.apply(to: &product)
        finish(&product)
    }

    // MARK: - Context

    struct RecordState {
        var record: RawRecord
        /// Made before the state (no default: a default `MoneyContext()` copied every built-in price table, only to be
        /// replaced).
        var moneyContext: MoneyContext
        /// The file's text language from its first records (`FileObservation.language`).
        var fileLanguage: String?
        var descriptionParagraphs: [String] = []
        /// Whether the record's text language was already added to the currency evidence.
        var languageEvidenceTried = false
        /// Secondary price figures by key (`price_excl_vat`, `compare_at_price`, `discount_amount`), the first of
        /// each, settled after every field is read (`settlePrices`).
        var secondaryPrices: [String: SecondaryPrice] = [:]
        var discountPercent: (value: Decimal, field: RawField)?
    }

    private func usePlatform(_ platform: String?) {
        guard platform != cachePlatform else { return }
        cachePlatform = platform
        labelCache.removeAll(keepingCapacity: true)
        lastResolution = nil
    }

    /// A record's labels resolved, field by field (all nil for a field that is not labelled). Classes: records
    /// share one resolution, and handing it or a field on is a reference, not a copy of every string in it.
    final class LabelResolution {
        final class Field {
            /// The label in the dictionary.
            let match: LabelDictionary.Match?
            /// The definition of the match's key, when the key table has it.
            let key: KeyTable.Key?
            /// The label's rank when another label of the record gives the same key with a better rank (`LabelRanks`):
            /// the field is then kept aside as an attribute.
            let outranked: LabelRanks.Rank?
            /// Whether the key holds money.
            let isMoney: Bool
            /// The field's `unit.from-label` column note once made, with its unit (`columnUnitNote`).
            var unitNote: (unit: String, note: Finding)?
            /// The unit the label names (`kg` of `Svoris (kg)`) in its key's dimension, once looked up (`columnLabelUnit`).
            var labelUnit: UnitTable.Unit??

            init(match: LabelDictionary.Match?, key: KeyTable.Key? = nil, outranked: LabelRanks.Rank? = nil, isMoney: Bool = false) {
                self.match = match
                self.key = key
                self.outranked = outranked
                self.isMoney = isMoney
            }
        }

        /// Each field's label when the field is labelled, else nil: what a later record is compared with.
        let labels: [String?]
        let fields: [Field]
        /// Each field's `match`.
        let matches: [LabelDictionary.Match?]
        /// The fields `moneyContext` reads, found once for the records that share these labels.
        lazy var moneyFields = MoneyFields(labels: labels, matches: matches)

        /// The matched fields that speak of a record's currency, by index in field order: URL and image fields
        /// (their country domain), currency fields with the evidence detail that names their label, and price
        /// fields whose label names a currency (`Kaina (EUR)`). Finding them per record took a scan comparing
        /// every field's key several times, and a string built per record.
        struct MoneyFields {
            var urls: [Int] = []
            var images: [Int] = []
            var currencies: [(index: Int, detail: String)] = []
            var priceHints: [(index: Int, currency: String)] = []

            init(labels: [String?], matches: [LabelDictionary.Match?]) {
                for (index, match) in matches.enumerated() {
                    guard let match else { continue }
                    switch match.key {
                    case "url": urls.append(index)
                    case "image": images.append(index)
                    case "currency": currencies.append((index, "the record's \(labels[index] ?? "") field"))
                    case "price", "sale_price": if let hint = match.currencyHint { priceHints.append((index, hint)) }
                    default: break
                    }
                }
            }
        }

        init(labels: [String?], fields: [Field]) {
            self.labels = labels
            self.fields = fields
            matches = fields.map(\.match)
        }

        /// Whether `record` has these labels, field by field.
        func hasLabels(of record: RawRecord) -> Bool {
            let fields = record.fields
            guard fields.count == labels.count else { return false }
            // Compared in place: binding a label (or `label ?? ""`) to a local retained and released it, for every
            // field of every record, twice (`observe` and `normalize`).
            for index in fields.indices {
                if fields[index].role == .labelled {
                    guard labels[index] != nil else { return false }
                    if fields[index].label == nil {
                        guard labels[index]?.isEmpty == true else { return false }
                    } else {
                        guard labels[index] == fields[index].label else { return false }
                    }
                } else if labels[index] != nil {
                    return false
                }
            }
            return true
        }

        /// Whether the field at `index`, whose role is `role`, may hold a price: unlabelled, or labelled with a
        /// money key. (The role, not the field: handing on a field copies its strings.)
        func isPriceField(_ role: FieldRole, at index: Int) -> Bool {
            role == .unlabelled || fields[index].isMoney
        }
    }

    /// The resolution of `record`'s labels. Every record of a feed or spreadsheet repeats the same labels (the same
    /// strings, mostly), so the last record's resolution is reused when its labels are the same: one comparison per
    /// field instead of several dictionary look-ups per field for every record.
    private func resolveLabels(of record: RawRecord) -> LabelResolution {
        // A labelled field without a label is looked up as "", as `normalizeLabelled` names it.
        func label(of field: RawField) -> String? { field.role == .labelled ? field.label ?? "" : nil }
        if let last = lastResolution, last.hasLabels(of: record) { return last }
        let labels = record.fields.map(label(of:))
        let bestRank = bestRanks(in: record)
        let resolved = labels.map { label -> LabelResolution.Field in
            guard let label, let match = match(label), let key = tables.keys[match.key] else {
                return LabelResolution.Field(match: label.flatMap(match))
            }
            var outranked: LabelRanks.Rank?
            if let best = bestRank[match.key], let rank = rank(of: label, key: match.key), rank.rank > best { outranked = rank }
            return LabelResolution.Field(match: match, key: key, outranked: outranked, isMoney: key.type == .money)
        }
        let resolution = LabelResolution(labels: labels, fields: resolved)
        lastResolution = resolution
        return resolution
    }

    /// The `unit.from-label` column note of `label` read in `unit`; the same for every row, so built once. It is
    /// also kept on `resolved`, the field's resolution the file's rows share, so a row finds it without hashing
    /// its label and unit.
    private func columnUnitNote(_ label: String, unit: String, resolved: LabelResolution.Field) -> Finding {
        if let kept = resolved.unitNote, kept.unit == unit { return kept.note }
        let key = StringPair(label, unit)
        let note: Finding
        if let cached = columnUnitNotes[key] {
            note = cached
        } else {
            if columnUnitNotes.count >= cacheLimit { columnUnitNotes.removeAll(keepingCapacity: true) }
            note = Finding.columnUnitFromHeader(label, unit: unit)
            columnUnitNotes[key] = note
        }
        resolved.unitNote = (unit, note)
        return note
    }

    /// The unit `hint` (a field's `unitHint`) names in `dimension`, as `QuantityParsing.parse` would look it up;
    /// kept on `resolved`, the field's resolution the file's rows share, so it is looked up once per column. A
    /// field's hint and key (hence dimension) are those of its resolution, so the unit is the same on every row.
    private func columnLabelUnit(_ hint: String?, in dimension: Dimension, resolved: LabelResolution.Field) -> UnitTable.Unit?? {
        guard let hint else { return nil }
        if let known = resolved.labelUnit { return known }
        let unit = quantities.units.unit(hint, in: dimension)
        resolved.labelUnit = .some(unit)
        return .some(unit)
    }

    /// `describe(evidence)`, remembered for the last evidence named: a file's prices are mostly decided by the same
    /// evidence (its currency column's, whose detail the rows share), so the name is built once, not for every row.
    /// The name reads only the basis and the detail, so an equal pair has the same name.
    func describedEvidence(_ evidence: CurrencyEvidence) -> String {
        if let last = lastDescribed, last.basis == evidence.basis, last.detail == evidence.detail { return last.text }
        let text = Self.describe(evidence)
        lastDescribed = (evidence.basis, evidence.detail, text)
        return text
    }

    private func lookupVocabulary(_ value: String, in vocabulary: String) -> ValueVocabulary.Match? {
        let key = StringPair(vocabulary, value)
        if let cached = vocabularyCache[key] { return cached }
        if vocabularyCache.count >= cacheLimit { vocabularyCache.removeAll(keepingCapacity: true) }
        let result = tables.vocabulary.lookup(value, in: vocabulary)
        vocabularyCache[key] = result
        return result
    }

    func match(_ label: String) -> LabelDictionary.Match? {
        if let cached = labelCache[label] { return cached }
        if labelCache.count >= cacheLimit { labelCache.removeAll(keepingCapacity: true) }
        let result = tables.labels.match(label, platform: cachePlatform, units: tables.units, currencies: tables.currencies)
        labelCache[label] = result
        return result
    }

    /// The record's currency (a `currency` field, or a currency named in a price label), locale and the weaker
    /// currency evidence: the document's, the product URL's country domain and the file's earlier prices.
    private func moneyContext(for record: RawRecord, resolution: LabelResolution, observed: FileObservation?, fileLanguage: inout String?, diagnostics: inout [Diagnostic]) -> MoneyContext {
        // The parts are gathered first and the context made once at the end: a context built early and changed
        // field by field was copied whole twice per record.
        var currency = record.hints.currency
        var currencyFromField = false
        var recordEvidence: CurrencyEvidence?
        let observation = observed ?? priceEvidence.observe(record, isPriceField: { resolution.isPriceField(record.fields[$0].role, at: $0) }, textLanguage: textLanguage(of:))
        fileLanguage = observation.language
        var evidence = record.hints.currencyEvidence
        // The matched fields the scans below read (a match implies a labelled field; a field without a label,
        // looked up as "", is passed over as before). By index, so no field is copied.
        let fields = record.fields
        let scan = resolution.moneyFields
        func firstValue(_ indices: [Int]) -> String? {
            indices.first { fields[$0].label != nil }.map { fields[$0].value }
        }
        if let url = firstValue(scan.urls),
           let domain = CountryDomains.countryDomain(ofURL: url) {
            evidence.append(CurrencyEvidence(.document, country: domain.country, detail: "product URL on .\(domain.tld)"))
        } else if let image = firstValue(scan.images),
                  let domain = CountryDomains.countryDomain(ofURL: image) {
            // A shop's own image host (`shop.co.uk/img/…`) tells its market when no product URL does; CDNs are `.com`.
            evidence.append(CurrencyEvidence(.document, country: domain.country, detail: "product image URL on .\(domain.tld)"))
        }
        if let currency = observation.currency {
            evidence.append(CurrencyEvidence(.fileOtherPrices, currency: currency, detail: "earlier prices of this file, in \(currency)"))
        }
        // By basis, keeping the order within one basis: an insertion sort in place (the list has two or three
        // entries; sorting the enumerated list allocated three arrays per record).
        for end in evidence.indices.dropFirst() {
            var index = end
            while index > 0, evidence[index].basis < evidence[index - 1].basis {
                evidence.swapAt(index, index - 1)
                index -= 1
            }
        }
        for (index, detail) in scan.currencies where fields[index].label != nil {
            let field = fields[index]
            let code = field.value.trimmingSpaces().uppercased()
            let table = tables.currencies
            // An alias (`RUR`) or a withdrawn code (`DEM`) is kept as written: price reading names what it means.
            if table.isKnown(code) || table.aliasTarget(of: code) != nil || table.obsoleteCurrency(code) != nil {
                // The first currency field wins (fields come in origin precedence order).
                if !currencyFromField {
                    currency = code
                    recordEvidence = CurrencyEvidence(.recordField, currency: code, detail: detail)
                }
                currencyFromField = true
            } else {
                diagnostics.append(Diagnostic(.currencyFieldUnknown(field.value), at: record.location.with(field: field.label ?? "", line: field.line)))
            }
        }
        // A currency in a price label counts when nothing else named one; a currency field overrides it wherever
        // the two stand, so it is read after them.
        if currency == nil, let hint = scan.priceHints.first(where: { fields[$0.index].label != nil }) { currency = hint.currency }
        // The record's own currency field is the strongest evidence there is.
        if let recordEvidence {
            if evidence.isEmpty { evidence = [recordEvidence] } else { evidence.insert(recordEvidence, at: 0) }
        }
        return MoneyContext(
            currency: currency, country: record.hints.country, language: record.hints.language, observedDecimalMark: observation.decimalMark,
            evidence: evidence, phrases: tables.phrases, currencies: tables.currencies, numbers: tables.numbers
        )
    }

    // MARK: - Fields

    private func normalizeUnlabelled(_ field: RawField, product: inout Product, state: inout RecordState) {
        let location = state.record.location.with(field: "(unlabelled)", line: field.line)
        if product.price == nil {
            let reading = readMoney(field.value, state: &state)
            if reading.price != nil, !reading.findings.contains(where: { $0.severity == .error }) {
                applyPrice(reading, key: "price", field: field, product: &product, location: location.with(field: "price"))
                product.diagnostics += reading.findings.map { Diagnostic($0, at: location.with(field: "price")) }
                return
            }
        }
        product.diagnostics.append(Diagnostic(.unlabelledValueIgnored(field.value), at: location))
    }

    /// `resolved`: the field's label in the dictionary and the key table (`resolveLabels`).
    private func normalizeLabelled(_ field: RawField, _ resolved: LabelResolution.Field, product: inout Product, state: inout RecordState) {
        let label = field.label ?? ""
        let location = state.record.location.with(field: label, line: field.line)
        guard let match = resolved.match, let key = resolved.key else {
            let value = TextCleaning.cleanLine(field.value)
            product.attributes.append(Attribute(
                key: slug(label), isMapped: false, label: label, value: value, originalValue: field.value,
                language: nil, origin: field.origin, line: field.line
            ))
            // In a feed every record repeats the same labels: the fact is reported once per file and label.
            note(Diagnostic(.labelUnmapped(label), at: location), aboutColumn: true, product: &product, state: state)
            return
        }
        if let rank = resolved.outranked {
            keepOutranked(field, rank: rank, key: match.key, product: &product, state: state, location: location)
            return
        }
        func report(_ findings: [Finding]) {
            for finding in findings {
                // In a feed, a fact every row of a column repeats is said once for the column.
                if state.record.kind.repeatsLabels, Self.columnWideCodes.contains(finding.code) {
                    note(Diagnostic(.columnNote(finding, column: label), at: location), aboutColumn: true, product: &product, state: state)
                } else {
                    product.diagnostics.append(Diagnostic(finding, at: location))
                }
            }
        }
        /// In a spreadsheet, a unit taken from the column header is a fact about the column: it becomes one column
        /// note (reported once per file and column), not a diagnostic on every record.
        func reportQuantity(_ findings: [Finding], dimension: Dimension, unitHint: String?) {
            guard state.record.kind.hasColumnHeaders,
                  let unitHint, let unit = tables.units.unit(unitHint, in: dimension),
                  findings.contains(where: { $0.code == .unitFromLabel })
            else { return report(findings) }
            report(findings.filter { $0.code != .unitFromLabel })
            product.columnNotes.append(Diagnostic(.columnUnitFromHeader(label, unit: unit.symbol), at: location))
        }
        let value = field.value.trimmingWhitespace()
        if value.isEmpty {
            product.diagnostics.append(Diagnostic(.valueEmpty(label), at: location))
            return
        }
        switch key.type {
        case .text, .identifier:
            let cleaned = TextCleaning.cleanLine(value)
            if match.key == "discount_percent", state.discountPercent == nil, let percent = DecimalFormatting.parse(value.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".").trimmingWhitespace()) {
                state.discountPercent = (percent, field)
            }
            switch match.key {
            case "title": setText(\.title, key: "title", field: field, value: cleaned, product: &product, state: &state)
            case "description":
                // Feeds and spreadsheets carry their descriptions as HTML (`Body (HTML)`): its text, by paragraph.
                if HTMLFragmentText.looksLikeMarkup(value) { state.descriptionParagraphs += HTMLFragmentText.paragraphs(value) } else { state.descriptionParagraphs.append(value) }
            case "sku": setText(\.sku, key: "sku", field: field, value: cleaned, product: &product, state: &state)
            case "mpn": setText(\.mpn, key: "mpn", field: field, value: cleaned, product: &product, state: &state)
            case "brand": setText(\.brand, key: "brand", field: field, value: cleaned, product: &product, state: &state)
            case "category": setText(\.category, key: "category", field: field, value: cleaned, product: &product, state: &state)
            case "item_group_id": setText(\.itemGroupID, key: "item_group_id", field: field, value: cleaned, product: &product, state: &state)
            default: appendAttribute(match: match, field: field, value: cleaned, language: attributeLanguage(match, state: state), product: &product)
            }
        case .gtin:
            let (gtin, findings) = GTINParsing.parse(value)
            report(findings)
            if let existing = product.gtin {
                // Disagreements between origins are reported once, by OriginPrecedence.
                if existing.digits != gtin.digits, product.provenance["gtin"]?.origin == field.origin { product.diagnostics.append(Diagnostic(.fieldConflict("gtin", kept: existing.raw, ignored: value), at: location)) }
                if existing.isValid || !gtin.isValid { return }
            }
            product.gtin = gtin
            product.provenance["gtin"] = FieldProvenance(field)
        case .money:
            let reading = readMoney(value, state: &state)
            report(reading.findings)
            if reading.price == nil, product.priceWithoutCurrency == nil, let amount = reading.amountWithoutCurrency {
                product.priceWithoutCurrency = AmountWithoutCurrency(amount: amount, text: value, field: match.key)
            }
            guard let price = reading.price else { return }
            if Self.secondaryPriceKeys.contains(match.key) {
                // Kept as a labelled figure; what it means for the price is settled once every field is read.
                if state.secondaryPrices[match.key] == nil { state.secondaryPrices[match.key] = SecondaryPrice(price: price, field: field, evidence: reading.currencyDecision) }
                appendAttribute(match: match, field: field, value: "\(price.money.amountText) \(price.money.currency)", language: nil, product: &product)
            } else {
                applyPrice(reading, key: match.key, field: field, product: &product, location: location)
            }
        case .currency:
            return // Applied to prices through the money context.
        case .vocabulary:
            let vocabularyName = key.vocabulary ?? match.key
            var found = lookupVocabulary(value, in: vocabularyName)
            let count = Int(value)
            // A platform's number codes (Ceneo's `avail` 1, 3, 7, 14; WooCommerce's and Magento's 1 and 0) are read as
            // such in that platform's files only: elsewhere a whole number in an availability column is a count.
            if count != nil, let codes = found, !codes.languages.contains(where: { $0 == state.record.kind.rawValue || $0 == state.record.hints.platform }) {
                found = nil
            }
            if found == nil, let count, let otherName = key.otherwise, let other = tables.keys[otherName], other.type == .integer {
                // An availability column holding a count (`Skladem: 5`, `Stan magazynowy: 12`): the stock count, which
                // then gives the availability (`availability.json`), not the availability "12".
                appendAttribute(match: match, as: otherName, field: field, value: String(count), language: nil, product: &product)
                return
            }
            if found == nil { product.diagnostics.append(Diagnostic(.valueNotInVocabulary(value, vocabulary: vocabularyName), at: location)) }
            applyVocabularyValue(found?.value ?? TextCleaning.cleanLine(value), found: found, key: key, match: match, field: field, product: &product, state: &state)
        case .url:
            if match.key == "image" {
                for url in Self.imageURLs(in: value) where !product.images.contains(url) { product.images.append(url) }
                if product.provenance["images"] == nil { product.provenance["images"] = FieldProvenance(field) }
            } else {
                setText(\.url, key: "url", field: field, value: value, product: &product, state: &state)
            }
        case .length, .weight:
            let dimension: Dimension = key.type == .length ? .length : .mass
            let configured = dimension == .length ? state.record.hints.lengthUnit : state.record.hints.weightUnit
            let fallback = QuantityParsing.UnitFallback(fromLabel: match.unitHint, defaultUnit: key.defaultUnit, fromConfiguration: configured)
            // In a spreadsheet, a unit taken from the header is one column note, not a finding on every row.
            let columnar = state.record.kind.hasColumnHeaders
            let (quantity, findings, labelUnit) = quantities.parse(
                value, dimension: dimension, fallback: fallback, field: match.key, labelUnitIsColumnFact: columnar,
                knownLabelUnit: columnLabelUnit(match.unitHint, in: dimension, resolved: resolved)
            )
            report(findings)
            if let labelUnit { product.columnNotes.append(Diagnostic(columnUnitNote(label, unit: labelUnit.symbol, resolved: resolved), at: location)) }
            guard let quantity else { return }
            setPackage(match.key, quantity, field: field, product: &product, location: location)
        case .dimensions:
            let fallback = QuantityParsing.UnitFallback(fromLabel: match.unitHint, defaultUnit: key.defaultUnit, fromConfiguration: state.record.hints.lengthUnit)
            let (values, findings) = quantities.parseDimensionsByAxis(value, axes: labelAxes(label), fallback: fallback, field: match.key)
            reportQuantity(findings, dimension: .length, unitHint: match.unitHint)
            for axis in DimensionAxis.allCases {
                guard let quantity = values[axis] else { continue }
                setPackage("package_\(axis.rawValue)", quantity, field: field, product: &product, location: location)
            }
        case .integer:
            // A count may be below zero: Shopify's stock of an oversold variant (`-2`) is a whole number.
            // On the bytes: `hasPrefix` compares characters, several hundred instructions for every count.
            let negative = value.utf8.first == 0x2D || value.utf8.starts(with: [0xE2, 0x88, 0x92])
            let digits = (negative ? value.dropFirst() : value[...]).prefix { $0.isNumber }
            if digits.isEmpty, let other = readAsOtherwiseKey(value, key: key, match: match) {
                // Wix's `inventory` holds a count or `InStock` / `OutOfStock`: the words are the availability.
                applyVocabularyValue(other.found.value, found: other.found, key: other.key, match: other.match, field: field, product: &product, state: &state)
            } else if digits.isEmpty || Int(digits) == nil {
                product.diagnostics.append(Diagnostic(.integerUnreadable(value, field: match.key), at: location))
                appendAttribute(match: match, field: field, value: TextCleaning.cleanLine(value), language: attributeLanguage(match, state: state), product: &product)
            } else {
                let number = Int(digits) ?? 0
                appendAttribute(match: match, field: field, value: String(negative ? -number : number), language: attributeLanguage(match, state: state), product: &product)
            }
        }
    }

    /// For each key whose labels are ranked, the best rank any label of `record` has.
    private func bestRanks(in record: RawRecord) -> [String: Int] {
        var best: [String: Int] = [:]
        for field in record.fields where field.role == .labelled {
            guard let label = field.label, let key = match(label)?.key, tables.ranks.ranksLabels(of: key) else { continue }
            let value = rank(of: label, key: key)?.rank ?? 1
            best[key] = min(best[key] ?? value, value)
        }
        return best
    }

    private func rank(of label: String, key: String) -> LabelRanks.Rank? {
        let cacheKey = StringPair(key, label)
        if let cached = rankCache[cacheKey] { return cached }
        if rankCache.count >= cacheLimit { rankCache.removeAll(keepingCapacity: true) }
        let result = tables.ranks.rank(of: label, key: key)
        rankCache[cacheKey] = result
        return result
    }

    /// A value whose label is outranked by another label of the same key in this record: kept as an attribute,
    /// with one note (per file and column in a feed) saying which label won.
    private func keepOutranked(_ field: RawField, rank: LabelRanks.Rank, key: String, product: inout Product, state: RecordState, location: SourceLocation) {
        let label = field.label ?? key
        let value = TextCleaning.cleanLine(field.value)
        guard !value.isEmpty else { return }
        let attribute = rank.keepAs ?? slug(label)
        product.attributes.append(Attribute(
            key: attribute, isMapped: true, label: label, value: value, originalValue: field.value,
            language: nil, origin: field.origin, line: field.line
        ))
        note(Diagnostic(.fieldOutranked(label, key: key, role: rank.role, attribute: attribute), at: location), aboutColumn: true, product: &product, state: state)
    }

    /// A diagnostic about a column: in a feed (every record repeats the same labels) a column note, reported once
    /// per file and column; on a page, the record's own diagnostic.
    func note(_ diagnostic: Diagnostic, aboutColumn: Bool, product: inout Product, state: RecordState) {
        if aboutColumn && state.record.kind.repeatsLabels { product.columnNotes.append(diagnostic) } else { product.diagnostics.append(diagnostic) }
    }

    // Inlined, so each call site's constant key path becomes a direct field access (a key path read at run time
    // cost a generic projection per field).
    @inline(__always)
    private func setText(_ path: WritableKeyPath<Product, String?>, key: String, field: RawField, value: String, product: inout Product, state: inout RecordState) {
        guard !value.isEmpty else { return }
        if let existing = product[keyPath: path] {
            if existing != value {
                let location = state.record.location.with(field: field.label ?? key, line: field.line)
                product.diagnostics.append(Diagnostic(.fieldConflict(key, kept: existing, ignored: value), at: location))
            }
            return
        }
        product[keyPath: path] = value
        product.provenance[key] = FieldProvenance(field)
    }

    private func setPackage(_ key: String, _ quantity: Quantity, field: RawField, product: inout Product, location: SourceLocation) {
        let measure = PackageInfo.Measure(key: key)
        if let existing = product.package[measure] {
            if existing != quantity {
                product.diagnostics.append(Diagnostic(.fieldConflict(key, kept: "\(existing.valueText) \(existing.unit)", ignored: field.value), at: location))
            }
            return
        }
        product.package[measure] = quantity
        product.provenance[key] = FieldProvenance(field)
    }

    /// A vocabulary key's canonical value: the availability or condition field, else an attribute.
    private func applyVocabularyValue(_ canonical: String, found: ValueVocabulary.Match?, key: KeyTable.Key, match: LabelDictionary.Match, field: RawField, product: inout Product, state: inout RecordState) {
        switch (key.target, match.key) {
        case (.field, "availability"): setText(\.availability, key: "availability", field: field, value: canonical, product: &product, state: &state)
        case (.field, "condition"): setText(\.condition, key: "condition", field: field, value: canonical, product: &product, state: &state)
        default:
            let language = found.flatMap { $0.languages.count == 1 ? $0.languages[0] : nil } ?? attributeLanguage(match, state: state)
            appendAttribute(match: match, field: field, value: canonical, language: language, product: &product)
        }
    }

    /// `value`, not of `key`'s type, read as the key that `key` names as its `otherwise` (keys.json) when it is a
    /// word of that key's vocabulary; nil otherwise.
    private func readAsOtherwiseKey(_ value: String, key: KeyTable.Key, match: LabelDictionary.Match) -> (key: KeyTable.Key, match: LabelDictionary.Match, found: ValueVocabulary.Match)? {
        guard let otherName = key.otherwise, let other = tables.keys[otherName], other.type == .vocabulary,
              let found = lookupVocabulary(value, in: other.vocabulary ?? otherName)
        else { return nil }
        var otherMatch = match
        otherMatch.key = otherName
        return (other, otherMatch, found)
    }

    /// An attribute of `match`'s key, or of `key` when given (a value read as another key: `otherwise`).
    private func appendAttribute(match: LabelDictionary.Match, as key: String? = nil, field: RawField, value: String, language: String?, product: inout Product) {
        product.attributes.append(Attribute(
            key: key ?? match.key, isMapped: true, label: field.label ?? match.key, value: value, originalValue: field.value,
            language: language, origin: field.origin, line: field.line
        ))
    }

    /// The label's language when the dictionary lists it in one language, or the record's language among several.
    private func attributeLanguage(_ match: LabelDictionary.Match, state: RecordState) -> String? {
        if match.languages.count == 1 { return match.languages[0] }
        if let hinted = state.record.hints.language, match.languages.contains(hinted) { return hinted }
        return nil
    }

    /// Findings that, in a feed, hold for the whole column: the same source default or currency assumption on every
    /// row. Each record's provenance still names its own evidence.
    static let columnWideCodes: Set<FindingCode> = [.priceCurrencyAssumed, .unitFromConfiguration, .unitStoreSetting]

    /// The URLs of an image field: separated by commas, semicolons, spaces or line breaks (`a.jpg,b.jpg`,
    /// idealo's `a.jpg;b.jpg`), empty pieces left out.
    /// Split on the UTF-8 bytes: the separators are ASCII, and a feed's image links are long.
    static func imageURLs(in value: String) -> [String] {
        // On the contiguous bytes: walking a `String.UTF8View` by index cost about 80 instructions a byte. The cuts
        // fall on ASCII bytes, so every piece is whole UTF-8.
        var value = value
        return value.withUTF8 { bytes in
            var urls: [String] = []
            var start = 0
            for index in 0...bytes.count {
                guard index == bytes.count || bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: ";") || bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D else { continue }
                if start < index { urls.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            return urls
        }
    }

    /// `slug(label)`, remembered (bounded by `cacheLimit`, as the other caches).
    private func slug(_ label: String) -> String {
        if let cached = slugCache[label] { return cached }
        if slugCache.count >= cacheLimit { slugCache.removeAll(keepingCapacity: true) }
        let made = Self.slug(label)
        slugCache[label] = made
        return made
    }

    /// `Minimalna liczba towaru` → `minimalna_liczba_towaru`: a stable key for an unmapped label.
    static func slug(_ label: String) -> String {
        let folded = TextFolding.fold(label)
        var slug = ""
        for char in folded {
            if char.isLetter || char.isNumber { slug.append(char) } else if !slug.hasSuffix("_") { slug.append("_") }
        }
        let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return trimmed.isEmpty ? "unlabelled" : trimmed
    }
}

extension Finding {
    static func labelUnmapped(_ label: String) -> Finding {
        Finding(.info, .labelUnmapped, "Label \"\(label)\" is not in the label dictionary; kept as an unmapped attribute. Add it to a dictionary file to map it.")
    }
    static func valueEmpty(_ label: String) -> Finding {
        Finding(.info, .valueEmpty, "\"\(label)\" has an empty value; nothing kept.")
    }
    static func valueNotInVocabulary(_ value: String, vocabulary: String) -> Finding {
        Finding(.info, .valueNotInVocabulary, "\"\(value)\" is not a known \(vocabulary) value; kept as written.")
    }
    static func fieldConflict(_ key: String, kept: String, ignored: String) -> Finding {
        Finding(.warning, .fieldConflict, "The record gives \(key) twice with different values: kept \"\(kept)\", ignored \"\(ignored)\".")
    }
    static func unlabelledValueIgnored(_ value: String) -> Finding {
        Finding(.info, .fieldUnlabelledIgnored, "A value without a label, \"\(value)\", was not understood and was not kept.")
    }
    static func currencyFieldUnknown(_ value: String) -> Finding {
        Finding(.error, .priceCurrencyUnknown, "Currency \"\(value)\" is not an ISO 4217 code Katalog knows; prices of this record take no currency from it.")
    }
    static func columnNote(_ finding: Finding, column: String) -> Finding {
        Finding(finding.severity, finding.code, "Column \"\(column)\", said once for the file (first at this record): \(finding.message)")
    }
    static func fieldOutranked(_ label: String, key: String, role: String, attribute: String) -> Finding {
        Finding(.info, .fieldOutranked, "\"\(label)\" (the \(role)) also gives \(key), but a better-ranked column of the record gives it; \"\(label)\" is kept as the attribute \(attribute).")
    }
    static func integerUnreadable(_ value: String, field: String) -> Finding {
        Finding(.warning, .valueNotANumber, "\(field): \"\(value)\" is not a whole number; kept as written.")
    }
}
