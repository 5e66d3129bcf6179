import Foundation

/// A page whose embedded structured data (JSON-LD, microdata, RDFa, OpenGraph) says something different from what
/// the page shows a shopper: a stale price in the markup, another variant's GTIN.
public struct StructuredDataRule: RecordRule {
    public let code: FindingCode = .structuredDisagreesWithPage
    public let title = "Structured data disagrees with the page"
    public let defaultSeverity = Severity.warning
    public let explanation = "HTML pages often carry the product twice: in structured data for search engines (JSON-LD, microdata, RDFa, OpenGraph) and in the visible page. When the two disagree on price, sale price, GTIN or SKU, one of them is stale — typically a cached JSON-LD price after a promotion ended — and marketplaces that crawl the page reject the offer. Katalog keeps the value it read first and flags the disagreement with both values."
    public let example = "JSON-LD `\"price\": \"64.99\"` on a page that shows `58.99€`."

    public init() {}

    static let comparedKeys = ["price", "sale_price", "gtin", "sku"]

    /// Whether `origin` is markup made for machines (JSON-LD, microdata, RDFa, Open Graph). A switch, so a new origin
    /// must be placed here or in `isVisible`.
    static func isStructured(_ origin: FieldOrigin) -> Bool {
        switch origin {
        case .jsonLD, .microdata, .rdfa, .openGraph: return true
        case .specTable, .visibleText, .csvColumn, .xmlElement, .xmlAttribute, .jsonKey, .textLine: return false
        }
    }

    /// Whether `origin` is what a shopper sees on the page (its text, a specification table, a text line).
    static func isVisible(_ origin: FieldOrigin) -> Bool {
        switch origin {
        case .visibleText, .specTable, .textLine: return true
        case .jsonLD, .microdata, .rdfa, .openGraph, .csvColumn, .xmlElement, .xmlAttribute, .jsonKey: return false
        }
    }

    public func check(_ product: Product) -> [Finding] { [] }

    public func check(_ product: Product, context: RuleContext) -> [Finding] {
        // Only pages carry structured data; feeds and text exports have nothing to compare.
        guard let record = context.record, record.fields.indices.contains(where: { Self.isStructured(record.fields[$0].origin) }) else { return [] }
        var structured: [String: String] = [:]
        var visible: [String: String] = [:]
        let currency = product.price?.money.currency ?? record.hints.currency
        for field in record.fields {
            let key: String?
            switch field.role {
            case .labelled: key = field.label.flatMap { context.tables.labels.match($0, units: context.tables.units, currencies: context.tables.currencies)?.key }
            case .unlabelled: key = "price"
            case .title, .description: key = nil
            }
            guard let key, Self.comparedKeys.contains(key), let value = Self.comparable(field.value, key: key, currency: currency, tables: context.tables) else { continue }
            if Self.isStructured(field.origin) {
                if structured[key] == nil { structured[key] = value }
            } else if Self.isVisible(field.origin) {
                if visible[key] == nil { visible[key] = value }
            }
        }
        // Keys the normalizer already reported, naming both origins (`origin.mismatch`), are not reported twice.
        let reported = Set(product.diagnostics.filter { $0.code == .originMismatch }.compactMap(\.location.field))
        return Self.comparedKeys.compactMap { key in
            guard !reported.contains(key), let markup = structured[key], let shown = visible[key], markup != shown else { return nil }
            return finding("The page's structured data gives \(key) \(markup) but the page shows \(shown).")
        }
    }

    /// A canonical form of a value for comparison: an amount, GTIN digits, or folded text; nil when unreadable.
    static func comparable(_ value: String, key: String, currency: String?, tables: NormalizationTables) -> String? {
        switch key {
        case "price", "sale_price":
            var context = tables.moneyContext
            context.currency = currency ?? "EUR"
            guard let price = MoneyParsing.parse(value, context: context).price else { return nil }
            return price.money.amountText
        case "gtin":
            let gtin = GTINParsing.parse(value).gtin
            guard let digits = gtin.digits else { return nil }
            return String(digits.drop { $0 == "0" })
        default:
            let cleaned = TextCleaning.cleanLine(value)
            return cleaned.isEmpty ? nil : cleaned
        }
    }
}
