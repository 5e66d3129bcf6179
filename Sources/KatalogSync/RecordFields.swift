import KatalogCore
import KatalogWriters

/// The facts of one catalog record that a change is about, flattened to named fields: what `sync` and `diff`
/// compare between two nights.
///
/// Built from the record's line in `catalog.jsonl`, so a stored state, an old catalog and tonight's run are
/// compared the same way. Nested objects become dotted names (`price.amount`, `package.weight_g`,
/// `service_plan.term_months`); lists stay whole values (`images`); each attribute is a field of its own
/// (`attributes.color`), so a new attribute does not shift the others. Left out, because they describe where a
/// fact was found or what was derived from it rather than the product: `id` (it holds the line number),
/// `source`, `provenance`, `diagnostics`, `converted_price` (it moves with the day's rates), the detected
/// languages, GTIN facets and the raw price text (`price.text`). A null field is the same as an absent one.
public struct RecordFields: Sendable, Hashable {
    /// Field name → value, never null.
    public private(set) var values: [String: KatalogWriters.JSONValue]

    static let skippedTopLevel: Set<String> = [
        "id", "source", "provenance", "diagnostics", "converted_price", "language", "title_language", "description_language",
    ]
    static let skippedPaths: Set<String> = ["price.text", "sale_price.text"]

    /// The fields of a parsed catalog record.
    init(record: ParsedJSON) {
        var values: [String: OutputJSON] = [:]
        for member in record.members where !Self.skippedTopLevel.contains(member.key) {
            switch member.key {
            case "gtin":
                // The normalized digits say which product it is; the facets are derived from them.
                if let digits = member.value["digits"]?.scalarText ?? member.value["raw"]?.scalarText { values["gtin"] = .string(digits) }
            case "attributes":
                Self.addAttributes(member.value, to: &values)
            default:
                Self.flatten(member.value, name: member.key, into: &values)
            }
        }
        self.values = values
    }

    init(values: [String: OutputJSON]) {
        self.values = values
    }

    /// The fields as one compact JSON object (sorted keys): how the state stores them.
    var encoded: String { OutputJSON.object(values).compact }

    /// A 64-bit fingerprint of `encoded`: equal fields, equal fingerprint.
    var fingerprint: Int64 { Self.fingerprint(of: encoded) }

    /// The fingerprint of fields already `encoded` (encoding sorts every key: do it once).
    static func fingerprint(of encoded: String) -> Int64 {
        Int64(bitPattern: Fingerprint(encoded).value)
    }

    /// Reads fields stored by `encoded`.
    static func decode(_ text: String) throws -> RecordFields {
        guard case .object(let members) = try ParsedJSON.parseStrict(Array(text.utf8)) else { return RecordFields(values: [:]) }
        var values: [String: OutputJSON] = [:]
        for member in members { values[member.key] = member.value.output }
        return RecordFields(values: values)
    }

    private static func flatten(_ value: ParsedJSON, name: String, into values: inout [String: OutputJSON]) {
        guard !skippedPaths.contains(name) else { return }
        switch value {
        case .null:
            return
        case .object(let members):
            for member in members { flatten(member.value, name: name + "." + member.key, into: &values) }
        case .array(let elements):
            if !elements.isEmpty { values[name] = value.output }
        default:
            values[name] = value.output
        }
    }

    /// `attributes.<key>` = value; several values of one key are kept as a list in record order.
    private static func addAttributes(_ attributes: ParsedJSON, to values: inout [String: OutputJSON]) {
        var byKey: [String: [OutputJSON]] = [:]
        var order: [String] = []
        for attribute in attributes.elements {
            guard let key = attribute["key"]?.scalarText ?? attribute["label"]?.scalarText, let value = attribute["value"], value != .null else { continue }
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(value.output)
        }
        for key in order {
            let found = byKey[key] ?? []
            values["attributes." + key] = found.count == 1 ? found[0] : .array(found)
        }
    }
}
