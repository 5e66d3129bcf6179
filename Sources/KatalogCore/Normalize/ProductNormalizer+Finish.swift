extension ProductNormalizer {
    /// The record-level steps after every field is read: language tags and package plausibility.
    func finish(_ product: inout Product) {
        let detector = tables.languages
        product.titleLanguage = product.title.flatMap(detector.detect)
        product.descriptionLanguage = product.description.flatMap(detector.detect)
        if product.language == nil {
            // The description is the longer text; a title alone is used when there is no description.
            product.language = product.description == nil ? product.titleLanguage : product.descriptionLanguage
        }
        let location = SourceLocation(file: product.source.file, line: product.source.line, record: product.source.record, field: "package")
        product.diagnostics += tables.packageLimits.check(product).map { Diagnostic($0, at: location) }
    }

    /// The axes a dimensions label names: `Size (L x W x H)`, `Maße (B x H x T)`, `dł. x szer. x wys.`.
    func labelAxes(_ label: String) -> [DimensionAxis]? {
        let (base, suffix) = LabelDictionary.splitSuffix(label)
        if let suffix, let axes = tables.axisWords.axes(inPattern: suffix) { return axes }
        return tables.axisWords.axes(inPattern: base)
    }
}
