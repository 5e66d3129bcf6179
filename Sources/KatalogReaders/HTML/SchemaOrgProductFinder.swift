import KatalogCore

/// Finds the products in schema.org data (the roots of JSON-LD blocks, or microdata/RDFa items) and flattens
/// each into an `ExtractedProduct`.
///
/// - `@graph` and nested containers (`mainEntity`, `itemListElement`, …) are searched.
/// - A `ProductGroup` with `hasVariant` gives one product per variant: the variant's own fields first, then the
///   group's fields the variant does not set (a variant is never also emitted on its own).
/// - A `Product` with `isVariantOf` shares its group's fields the same way.
/// - `{"@id": …}` references are resolved against every node on the page.
/// - A `Book` or another `CreativeWork` (a film, an album, a game, software) that has `offers` is sold: it is
///   read as a product. Without offers it is not, nor is an `Event` or an `Article`.
struct SchemaOrgProductFinder {
    struct Root {
        var value: ParsedJSON
        /// Added to member lines (the block's first line - 1); 0 when lines are absolute.
        var lineOffset: Int
        var line: Int
    }

    var origin: FieldOrigin

    static let maxSearchDepth = 24

    func products(in roots: [Root]) -> [ExtractedProduct] {
        var index: [String: ParsedJSON] = [:]
        for root in roots { indexNodes(root.value, into: &index, depth: 0) }
        let resolve: (ParsedJSON) -> ParsedJSON = { value in
            guard case .object(let members) = value, members.count == 1, members[0].key == "@id",
                  let id = members[0].value.scalarText, let full = index[id] else { return value }
            return full
        }

        var found: [(value: ParsedJSON, root: Root)] = []
        for root in roots { collect(root.value, root: root, depth: 0, into: &found) }

        // Variants listed by a group are emitted through their group only.
        var variantIDs = Set<String>()
        for (value, _) in found where isGroup(value) {
            for variant in value["hasVariant"]?.elements ?? [] {
                if let id = resolve(variant)["@id"]?.scalarText { variantIDs.insert(id) }
            }
        }

        var products: [ExtractedProduct] = []
        for (value, root) in found {
            let flattener = SchemaOrgFlattener(origin: origin, lineOffset: root.lineOffset, resolve: resolve)
            if isGroup(value), let variants = value["hasVariant"]?.elements, !variants.isEmpty {
                let shared = flattener.fields(of: value, line: root.line)
                for variant in variants {
                    let own = flattener.fields(of: resolve(variant), line: root.line)
                    products.append(ExtractedProduct(fields: merge(own, shared), line: root.line))
                }
                continue
            }
            if let id = value["@id"]?.scalarText, variantIDs.contains(id) { continue }
            var fields = flattener.fields(of: value, line: root.line)
            if let group = value["isVariantOf"].map(resolve), group.isObject {
                fields = merge(fields, flattener.fields(of: group, line: root.line))
            }
            products.append(ExtractedProduct(fields: fields, line: root.line))
        }
        return products
    }

    private func isGroup(_ value: ParsedJSON) -> Bool {
        !Set(SchemaOrgName.types(of: value["@type"])).isDisjoint(with: SchemaOrgName.groupTypes)
    }

    private func isProduct(_ value: ParsedJSON) -> Bool {
        let types = Set(SchemaOrgName.types(of: value["@type"]))
        if !types.isDisjoint(with: SchemaOrgName.productTypes) || !types.isDisjoint(with: SchemaOrgName.groupTypes) { return true }
        return value["offers"] != nil && !types.isDisjoint(with: SchemaOrgName.creativeWorkTypes)
    }

    /// Own fields, then the shared fields whose label the own fields do not have.
    private func merge(_ own: [RawField], _ shared: [RawField]) -> [RawField] {
        let ownLabels = Set(own.compactMap(\.label))
        return own + shared.filter { field in field.label.map { !ownLabels.contains($0) } ?? true }
    }

    private func collect(_ value: ParsedJSON, root: Root, depth: Int, into found: inout [(value: ParsedJSON, root: Root)]) {
        guard depth < Self.maxSearchDepth else { return }
        switch value {
        case .array(let elements):
            for element in elements { collect(element, root: root, depth: depth + 1, into: &found) }
        case .object(let members):
            if isProduct(value) {
                found.append((value, root))
                return
            }
            for member in members where !SchemaOrgFlattener.skippedProperties.contains(SchemaOrgName.local(member.key)) {
                collect(member.value, root: root, depth: depth + 1, into: &found)
            }
        default:
            return
        }
    }

    private func indexNodes(_ value: ParsedJSON, into index: inout [String: ParsedJSON], depth: Int) {
        guard depth < Self.maxSearchDepth else { return }
        switch value {
        case .array(let elements):
            for element in elements { indexNodes(element, into: &index, depth: depth + 1) }
        case .object(let members):
            if members.count > 1, let id = value["@id"]?.scalarText, index[id] == nil { index[id] = value }
            for member in members { indexNodes(member.value, into: &index, depth: depth + 1) }
        default:
            return
        }
    }
}
