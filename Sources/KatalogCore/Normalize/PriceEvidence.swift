/// Remembers which decimal mark the prices of the current file use, so an ambiguous `3.350` in one record is read
/// the way the file's unambiguous prices (`1 299,00`) are written.
///
/// A file is read by one normalizer in record order, so the evidence is deterministic: a record sees the marks of
/// its own price fields first, then the last mark seen in earlier records of the same file.
struct PriceEvidence {
    private var file: String?
    private var mark: Character?

    /// The decimal mark to assume for `record`'s ambiguous prices; updates the file's evidence.
    mutating func decimalMark(for record: RawRecord, isPriceField: (RawField) -> Bool) -> Character? {
        if record.location.file != file {
            file = record.location.file
            mark = nil
        }
        for field in record.fields where isPriceField(field) {
            if let found = MoneyParsing.decimalEvidence(in: field.value) {
                mark = found
                break
            }
        }
        return mark
    }
}

extension ProductNormalizer {
    /// Applies a price reading to the product: a was/now pair fills both `price` and `sale_price`; otherwise the
    /// reading fills the field `key` names. A second, different value for a filled field is reported, not kept.
    func applyPrice(_ reading: MoneyReading, key: String, field: RawField, product: inout Product, location: SourceLocation) {
        var assignments: [(String, Price)] = []
        if let regular = reading.price, let sale = reading.salePrice {
            assignments = [("price", regular), ("sale_price", sale)]
        } else if let price = reading.price {
            assignments = [(key, price)]
        }
        for (name, price) in assignments {
            let path: WritableKeyPath<Product, Price?> = name == "sale_price" ? \.salePrice : \.price
            if let existing = product[keyPath: path] {
                // Disagreements between origins are reported once, by OriginPrecedence (`origin.mismatch`).
                if existing.money != price.money, product.provenance[name]?.origin == field.origin {
                    product.diagnostics.append(Diagnostic(.fieldConflict(name, kept: existing.text, ignored: field.value), at: location))
                }
                continue
            }
            product[keyPath: path] = price
            product.provenance[name] = FieldProvenance(field)
        }
    }
}
