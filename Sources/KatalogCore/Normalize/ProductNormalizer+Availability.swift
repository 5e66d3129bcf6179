import Foundation

extension ProductNormalizer {
    /// A record that states no availability: the one its stock count or dispatch time gives (`availability.json`),
    /// with the count's column as its provenance and a column note saying so.
    func deriveAvailability(_ product: inout Product, state: RecordState) {
        guard let derived = tables.availability.derive(from: product.attributes, platform: state.record.hints.platform) else { return }
        let attribute = product.attributes[derived.attributeIndex]
        product.availability = derived.availability
        let evidence: String
        let code: FindingCode
        switch derived.basis {
        case .stockAboveZero, .stockNone:
            evidence = "stock count"
            code = .availabilityFromStock
        case .stockNoneWithBackorders(let policy):
            evidence = "stock count, orders taken without stock (\(policy))"
            code = .availabilityFromStock
        case .dispatchToday:
            evidence = "dispatch time"
            code = .availabilityFromDispatchTime
        }
        product.provenance["availability"] = FieldProvenance(label: attribute.label, value: attribute.originalValue, origin: attribute.origin, line: attribute.line, evidence: evidence)
        note(Diagnostic(availabilityNote(code, label: attribute.label), at: state.record.location.with(field: attribute.label, line: attribute.line)),
             aboutColumn: true, product: &product, state: state)
    }

    /// The column note `code` about `label`, made once per column.
    private func availabilityNote(_ code: FindingCode, label: String) -> Finding {
        if let last = lastAvailabilityNote, last.code == code, last.label == label { return last.note }
        let key = StringPair(code.rawValue, label)
        let note: Finding
        if let cached = availabilityNotes[key] {
            note = cached
        } else {
            if availabilityNotes.count >= cacheLimit { availabilityNotes.removeAll(keepingCapacity: true) }
            note = code == .availabilityFromStock ? .availabilityFromStock(label) : .availabilityFromDispatchTime(label)
            availabilityNotes[key] = note
        }
        lastAvailabilityNote = (code, label, note)
        return note
    }
}

extension Finding {
    static func availabilityFromStock(_ label: String) -> Finding {
        Finding(.info, .availabilityFromStock, "\"\(label)\" is a stock count and the record states no availability: a count above zero is read as in_stock, zero or less as out_of_stock (backorder where the record says the shop takes orders without stock).")
    }
    static func availabilityFromDispatchTime(_ label: String) -> Finding {
        Finding(.info, .availabilityFromDispatchTime, "\"\(label)\" is a dispatch time in days and the record states no availability: 0 (dispatched today) is read as in_stock; other values are kept as delivery_time only.")
    }
}
