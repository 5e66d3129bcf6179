import KatalogCore

/// What one syntax's schema.org data on a page says: its products, and besides them what the page is about when
/// that is not a product (an `Event`, a `NewsArticle`) and every `priceCurrency` it names, offers of related
/// items included (evidence of the shop's currency for a price read from visible text).
struct SchemaOrgFinding: Sendable {
    var products: [ExtractedProduct] = []
    /// Types of the page's subjects that are not products, in page order, each once.
    var otherSubjects: [String] = []
    /// `priceCurrency` values, upper-cased, in page order, each once.
    var priceCurrencies: [String] = []

    static let maxDepth = 24

    init(products: [ExtractedProduct] = [], roots: [SchemaOrgProductFinder.Root] = []) {
        self.products = products
        for root in roots { scan(root.value, depth: 0) }
    }

    private mutating func scan(_ value: ParsedJSON, depth: Int) {
        guard depth < Self.maxDepth else { return }
        switch value {
        case .array(let elements):
            for element in elements { scan(element, depth: depth + 1) }
        case .object(let members):
            for type in SchemaOrgName.types(of: value["@type"]) where SchemaOrgName.isNonProductSubject(type) {
                if !otherSubjects.contains(type) { otherSubjects.append(type) }
            }
            for member in members {
                if SchemaOrgName.local(member.key) == "priceCurrency", let code = member.value.scalarText.map(MarkupText.trimmed) {
                    let upper = code.uppercased()
                    if upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }), !priceCurrencies.contains(upper) {
                        priceCurrencies.append(upper)
                    }
                }
                scan(member.value, depth: depth + 1)
            }
        default:
            return
        }
    }
}
