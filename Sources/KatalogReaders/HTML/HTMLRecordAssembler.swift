import KatalogCore

/// Puts the fields every extractor found on one page into records.
///
/// Products come from JSON-LD first, else Microdata, else RDFa; products found in another syntax are merged
/// into the record with the same identifier (sku, GTIN, MPN or name), or into the only record when each syntax
/// describes one product. Page-level fields (OpenGraph, specification tables, the visible title, price and
/// description) go to the record when the page has one product; with several (variants) every record gets the
/// specification tables and the description, but not the page's single price or title. Fields are kept in
/// origin order — json-ld, microdata, rdfa, opengraph, spec-table, visible-text — which is also their
/// precedence (see docs/html.md).
///
/// A page without structured-data products gives a record only when it shows it sells something: OpenGraph
/// `og:type` `product` or product tags (a price, a GTIN, a shop id), or a visible price or specification table
/// on a page whose structured data does not say it is about something else (an `Event`, an `Article`;
/// `og:type` `article`). A heading alone is not a product.
/// Otherwise it gives one `html.no-product` info and no record — an article's `<title>` is not a product name.
struct HTMLRecordAssembler {
    struct PageFields {
        var jsonLD = SchemaOrgFinding()
        var microdata = SchemaOrgFinding()
        var rdfa = SchemaOrgFinding()
        var openGraphType: String?
        var openGraph: [RawField] = []
        var specifications: [RawField] = []
        var title: RawField?
        var price: RawField?
        var description: [RawField] = []
    }

    func records(from page: PageFields, location: SourceLocation, hints: SourceHints, diagnostics: DiagnosticBag) -> [RawRecord] {
        var products: [ExtractedProduct] = []
        for syntax in [page.jsonLD.products, page.microdata.products, page.rdfa.products] where !syntax.isEmpty {
            if products.isEmpty {
                products = syntax
                continue
            }
            for product in syntax {
                let identity = product.identity
                if let match = products.firstIndex(where: { !$0.identity.isDisjoint(with: identity) }) {
                    products[match].fields += product.fields
                } else if products.count == 1, syntax.count == 1 {
                    products[0].fields += product.fields
                } else {
                    diagnostics.append(.extraProduct(at: location.with(field: nil, line: product.line)))
                }
            }
        }

        let single = products.count <= 1
        var pageFields = page.openGraph.filter { single || !Self.isPriceOrTitle($0.label) }
        pageFields += page.specifications
        if single {
            pageFields += [page.title, page.price].compactMap { $0 }
        }
        pageFields += page.description

        if products.isEmpty {
            if let reason = Self.reasonForNoProduct(page) {
                diagnostics.append(.noProduct(reason, at: location))
                return []
            }
            products = [ExtractedProduct(fields: [], line: nil)]
        }
        return products.enumerated().map { offset, product in
            let fields = product.fields + pageFields
            let firstLine = product.line ?? fields.compactMap(\.line).min()
            return RawRecord(
                location: SourceLocation(file: location.file, line: firstLine, record: offset + 1),
                kind: .html,
                fields: fields,
                hints: hints
            )
        }
    }

    /// OpenGraph product tags that say the page sells something.
    static let productTagPrefixes = ["product:price", "product:sale_price", "og:price", "product:retailer_item_id", "og:retailer_item_id",
                                     "product:upc", "product:ean", "product:gtin", "og:upc", "og:ean"]

    /// `og:type` values (and their `video.movie`-style subtypes) of pages about something other than a product.
    static let nonProductPageTypes = ["article", "profile", "video", "music"]

    /// Why a page without structured-data products gives no record; nil when its page-level fields are a product.
    static func reasonForNoProduct(_ page: PageFields) -> String? {
        let type = page.openGraphType
        if type == "product" || type == "og:product" || type == "product.item" { return nil }
        if page.openGraph.contains(where: { field in
            let label = MarkupText.asciiLowercased(field.label ?? "")
            return productTagPrefixes.contains { label.hasPrefix($0) }
        }) { return nil }
        let subjects = page.jsonLD.otherSubjects + page.microdata.otherSubjects + page.rdfa.otherSubjects
        if let subject = subjects.first.map(PageTextQuote.quote) { return "the page describes \(Self.article(subject)) \(subject)" }
        if let type, nonProductPageTypes.contains(where: { type == $0 || type.hasPrefix("\($0).") }) {
            return "the page's og:type is \(PageTextQuote.quote(type))"
        }
        if page.price != nil || !page.specifications.isEmpty { return nil }
        return "no product in structured data, no OpenGraph product tags, no visible price or specification table"
    }

    private static func article(_ word: String) -> String {
        "AEIOU".contains(word.first ?? "x") ? "an" : "a"
    }

    private static func isPriceOrTitle(_ label: String?) -> Bool {
        guard let label = label?.lowercased() else { return false }
        return label.contains("price") || label == "og:title" || label == "og:url"
    }
}

extension Diagnostic {
    /// A structured-data product that matches none of the page's main products was left out.
    static func extraProduct(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.info, .htmlExtraProduct, "A second product described on the page (e.g. a related item) was not imported.", at: location)
    }

    /// The page sells nothing Katalog can see (an article, an event, an empty page): no record is read from it.
    static func noProduct(_ reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.info, .htmlNoProduct, "No product on the page (\(reason)); no record was read.", at: location)
    }
}
