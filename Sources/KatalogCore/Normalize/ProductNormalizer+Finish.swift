extension ProductNormalizer {
    /// The record-level steps after every field is read: language tags and package plausibility.
    func finish(_ product: inout Product) {
        promoteStandIns(&product)
        let detector = LanguageDetection.shared
        product.titleLanguage = product.title.flatMap(detector.detect)
        product.descriptionLanguage = product.description.flatMap(detector.detect)
        if product.language == nil {
            // The description is the longer text; a title alone is used when there is no description.
            product.language = product.description == nil ? product.titleLanguage : product.descriptionLanguage
        }
        let location = SourceLocation(file: product.source.file, line: product.source.line, record: product.source.record, field: "package")
        product.diagnostics += PackagePlausibility.shared.check(product).map { Diagnostic($0, at: location) }
    }

    /// Attributes that stand in for a missing field, lower in rank than the field's own labels:
    /// - `long_title`, a feed's fuller product name (Heureka/Zboží `PRODUCT`), is the title only when no title
    ///   label (`PRODUCTNAME`) gave one; otherwise it stays an attribute.
    /// - `offer_id`, the shop's id of the offer (Ceneo `<o id>`), is the SKU only when no SKU label (`<a name="SKU">`)
    ///   gave one; otherwise it stays an attribute.
    /// The ranking does not depend on the order of the fields. A promoted attribute leaves the attributes; the
    /// field's provenance names its label. (Key paths are immutable; the table is never written.)
    nonisolated(unsafe) static let standIns: [(attribute: String, field: WritableKeyPath<Product, String?>, key: String)] = [
        ("long_title", \.title, "title"),
        ("offer_id", \.sku, "sku"),
    ]

    func promoteStandIns(_ product: inout Product) {
        for standIn in Self.standIns where product[keyPath: standIn.field] == nil {
            guard let index = product.attributes.firstIndex(where: { $0.key == standIn.attribute && !$0.value.isEmpty }) else { continue }
            let attribute = product.attributes.remove(at: index)
            product[keyPath: standIn.field] = attribute.value
            product.provenance[standIn.key] = FieldProvenance(label: attribute.label, value: attribute.originalValue, origin: attribute.origin, line: attribute.line)
        }
    }

    /// The axes a dimensions label names: `Size (L x W x H)`, `Maße (B x H x T)`, `dł. x szer. x wys.`.
    static func labelAxes(_ label: String) -> [DimensionAxis]? {
        let (base, suffix) = LabelDictionary.splitSuffix(label)
        if let suffix, let axes = DimensionAxes.shared.axes(inPattern: suffix) { return axes }
        return DimensionAxes.shared.axes(inPattern: base)
    }
}
