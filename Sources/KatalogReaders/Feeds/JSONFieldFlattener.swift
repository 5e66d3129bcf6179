import KatalogCore

/// Turns one JSON product object into raw fields, syntax only.
///
/// Nested objects are labelled with dotted paths as written (`offers.price`, `brand.name`); arrays of scalars
/// repeat their label; `@context`/`@type`/`@id` bookkeeping keys are left out; name/value pair objects
/// (schema.org `additionalProperty`, `[{"name": "Spalva", "value": "juoda"}]`) become label = name,
/// value = value (plus `unitText`/`unitCode` when given); value/unit objects (`QuantitativeValue`,
/// `{"value": 0.25, "unit": "kg"}`) become one field `0.25 kg` under their own label. Nulls and empty strings
/// give no field.
enum JSONFieldFlattener {
    static func fields(of object: ParsedJSON, line: Int) -> [RawField] {
        var fields: [RawField] = []
        append(object, label: "", line: line, to: &fields)
        return fields
    }

    private static let skippedKeys: Set<String> = ["@context", "@type", "@id"]

    private static func append(_ value: ParsedJSON, label: String, line: Int, to fields: inout [RawField]) {
        switch value {
        case .null:
            return
        case let .string(text) where text.isEmpty:
            return
        case .string, .number, .bool:
            if let text = value.scalarText {
                fields.append(RawField(label: label.isEmpty ? "value" : label, value: text, origin: .jsonKey, line: line))
            }
        case let .array(elements):
            for element in elements { append(element, label: label, line: line, to: &fields) }
        case let .object(members):
            if let pair = namedValue(members) {
                fields.append(RawField(label: pair.name, value: pair.value, origin: .jsonKey, line: line))
                return
            }
            if !label.isEmpty, let quantity = quantity(members) {
                fields.append(RawField(label: label, value: quantity, origin: .jsonKey, line: line))
                return
            }
            for member in members where !skippedKeys.contains(member.key) {
                append(member.value, label: label.isEmpty ? member.key : label + "." + member.key, line: line, to: &fields)
            }
        }
    }

    /// `{"value": 0.254, "unitText": "kg"}` (schema.org `QuantitativeValue`, or `unit`) → `0.254 kg`.
    private static func quantity(_ members: [ParsedJSON.Member]) -> String? {
        let keys = Set(members.map { $0.key.lowercased() }).subtracting(["@type"])
        guard keys.contains("value"), keys.count == 2, let unitKey = keys.first(where: { ["unit", "unittext", "unitcode"].contains($0) }) else { return nil }
        func member(_ key: String) -> String? { members.first { $0.key.lowercased() == key }?.value.scalarText }
        guard let value = member("value"), !value.isEmpty else { return nil }
        guard let unit = member(unitKey), !unit.isEmpty else { return value }
        return value + " " + unit
    }

    /// `{"name": "Svoris", "value": "1,2", "unitText": "kg"}` → ("Svoris", "1,2 kg").
    private static func namedValue(_ members: [ParsedJSON.Member]) -> (name: String, value: String)? {
        let keys = Set(members.map { $0.key.lowercased() }).subtracting(["@type", "unittext", "unitcode", "propertyid"])
        guard keys == ["name", "value"] else { return nil }
        func member(_ key: String) -> String? { members.first { $0.key.lowercased() == key }?.value.scalarText }
        guard let name = member("name"), !name.isEmpty, let value = member("value"), !value.isEmpty else { return nil }
        if let unit = member("unittext") ?? member("unitcode"), !unit.isEmpty { return (name, value + " " + unit) }
        return (name, value)
    }
}
