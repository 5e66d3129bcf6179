import Foundation

/// Which origin wins when one record gives the same field from several places (an HTML page's JSON-LD,
/// Microdata, RDFa, OpenGraph tags, specification table and visible text), and the "mismatched value" check.
///
/// Precedence, highest first: `json-ld`, `microdata`, `rdfa`, `opengraph`, `spec-table`, `visible-text`; every
/// other origin (one per input kind) ranks after them in the order found. Structured data wins because the shop
/// states it explicitly and typed; visible text is read heuristically. The description is the exception: the
/// visible paragraphs win over a structured `description` (often a truncated summary), and only one origin's
/// description is kept so the text is never doubled.
///
/// When two origins disagree on a price, a currency or a GTIN the chosen value stays and an `origin.mismatch`
/// warning names both values and both origins — the offline equivalent of a marketplace's "mismatched value"
/// check between structured data and the landing page.
public enum OriginPrecedence {
    public static let ranking: [FieldOrigin] = [.jsonLD, .microdata, .rdfa, .openGraph, .specTable, .visibleText]

    static func rank(_ origin: FieldOrigin) -> Int {
        ranking.firstIndex(of: origin) ?? ranking.count
    }

    /// `record` with its fields stably ordered by origin precedence and one origin's description kept.
    /// Records whose fields all share one origin come back unchanged.
    ///
    /// - Parameter key: the canonical key of a label (nil when unknown).
    public static func arranged(_ record: RawRecord, key: (String) -> String?) -> RawRecord {
        rearranged(record, key: key) ?? record
    }

    /// `arranged(record)`, or nil when that is `record` itself (all fields share one origin, as in every feed):
    /// the caller then reads the record it has, instead of a copy of it.
    public static func rearranged(_ record: RawRecord, key: (String) -> String?) -> RawRecord? {
        guard hasSeveralOrigins(record) else { return nil }
        func isDescription(_ field: RawField) -> Bool {
            field.role == .description || (field.role == .labelled && field.label.flatMap(key) == "description")
        }
        let descriptionOrigins = Set(record.fields.filter(isDescription).map(\.origin))
        let keptDescription: FieldOrigin? = descriptionOrigins.contains(.visibleText)
            ? .visibleText
            : descriptionOrigins.min { rank($0) < rank($1) }
        var copy = record
        copy.fields = record.fields.enumerated()
            .filter { !isDescription($0.element) || $0.element.origin == keptDescription }
            .sorted { lhs, rhs in
                let (left, right) = (rank(lhs.element.origin), rank(rhs.element.origin))
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .map(\.element)
        return copy
    }

    /// The `origin.mismatch` warnings for `record`: for price, currency and GTIN, each origin whose first value
    /// differs from the first value of the winning origin. The location's field is the canonical key (`price`),
    /// its line the line of the disagreeing value.
    public static func mismatches(in record: RawRecord, key: (String) -> String?, money: MoneyContext) -> [Diagnostic] {
        guard hasSeveralOrigins(record) else { return [] }
        var firstByKey: [String: [(origin: FieldOrigin, field: RawField, comparable: String, shown: String)]] = [:]
        var parsed: [String: (String, String)?] = [:]
        for index in record.fields.indices where record.fields[index].role == .labelled {
            let field = record.fields[index]
            guard let label = field.label, let canonical = key(label), ["price", "currency", "gtin"].contains(canonical) else { continue }
            var list = firstByKey[canonical, default: []]
            guard !list.contains(where: { $0.origin == field.origin }) else { continue }
            // The same text in several origins (JSON-LD and OpenGraph `58.99`) is parsed once.
            let cacheKey = canonical + "\u{0}" + field.value
            let value = parsed[cacheKey] ?? comparableValue(field.value, key: canonical, money: money)
            parsed[cacheKey] = value
            guard let (comparable, shown) = value else { continue }
            list.append((field.origin, field, comparable, shown))
            firstByKey[canonical] = list
        }
        var diagnostics: [Diagnostic] = []
        for canonical in ["price", "currency", "gtin"] {
            guard let list = firstByKey[canonical], let chosen = list.min(by: { rank($0.origin) < rank($1.origin) }) else { continue }
            for other in list where other.origin != chosen.origin && other.comparable != chosen.comparable {
                diagnostics.append(.originMismatch(
                    key: canonical, kept: chosen.shown, keptOrigin: chosen.origin, other: other.shown, otherOrigin: other.origin,
                    at: record.location.with(field: canonical, line: other.field.line)
                ))
            }
        }
        return diagnostics
    }

    /// Whether `record`'s fields come from more than one origin (only pages mix origins). By index: a
    /// `contains(where:)` over the fields copied every field (its two strings retained and released), twice per
    /// record of every feed.
    static func hasSeveralOrigins(_ record: RawRecord) -> Bool {
        let fields = record.fields
        guard let first = fields.first?.origin else { return false }
        for index in fields.indices where fields[index].origin != first { return true }
        return false
    }

    /// A form in which equal values compare equal (`58.99 EUR`, `06937224103313`, `EUR`), and the form shown.
    private static func comparableValue(_ value: String, key: String, money: MoneyContext) -> (String, String)? {
        switch key {
        case "price":
            guard let price = MoneyParsing.parse(value, context: money).price else { return nil }
            let text = "\(price.money.amountText) \(price.money.currency)"
            return (text, "\(text) (\"\(value)\")")
        case "gtin":
            let gtin = GTINParsing.parse(value).gtin
            guard let digits = gtin.digits else { return nil }
            return (gtin.gtin14 ?? digits, value)
        default:
            let code = value.trimmingSpaces().uppercased()
            return code.isEmpty ? nil : (code, code)
        }
    }
}

extension Diagnostic {
    /// Two origins of one record disagree on a price, currency or GTIN.
    static func originMismatch(key: String, kept: String, keptOrigin: FieldOrigin, other: String, otherOrigin: FieldOrigin, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .originMismatch, "Mismatched \(key): \(keptOrigin.rawValue) gives \(kept), \(otherOrigin.rawValue) gives \(other); kept the \(keptOrigin.rawValue) value.", at: location)
    }
}
