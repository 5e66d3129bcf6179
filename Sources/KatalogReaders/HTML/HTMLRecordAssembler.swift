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
struct HTMLRecordAssembler {
    struct PageFields {
        var jsonLD: [ExtractedProduct] = []
        var microdata: [ExtractedProduct] = []
        var rdfa: [ExtractedProduct] = []
        var openGraph: [RawField] = []
        var specifications: [RawField] = []
        var title: RawField?
        var price: RawField?
        var description: [RawField] = []
    }

    func records(from page: PageFields, location: SourceLocation, hints: SourceHints, diagnostics: DiagnosticBag) -> [RawRecord] {
        var products: [ExtractedProduct] = []
        for syntax in [page.jsonLD, page.microdata, page.rdfa] where !syntax.isEmpty {
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
            guard !pageFields.isEmpty else {
                diagnostics.append(.noProduct(at: location))
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

    private static func isPriceOrTitle(_ label: String?) -> Bool {
        guard let label = label?.lowercased() else { return false }
        return label.contains("price") || label == "og:title" || label == "og:url"
    }
}

extension Diagnostic {
    /// A structured-data product that matches none of the page's main products was left out.
    static func extraProduct(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.info, "html.extra-product", "A second product described on the page (e.g. a related item) was not imported.", at: location)
    }

    /// The page had no product data at all: no structured data, no title, no specification, no price.
    static func noProduct(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "html.no-product", "No product found on the page: no structured data, title, specification table or price.", at: location)
    }
}
