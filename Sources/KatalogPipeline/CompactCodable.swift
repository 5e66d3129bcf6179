import Foundation
import KatalogCore

/// A value `CompactCoding` writes and reads field by field instead of through `Codable`'s containers, giving the
/// very bytes its `Codable` conformance gives (a keyed container, fields in declaration order, absent optionals as
/// null, enums as their raw values). For the small values a stored outcome holds dozens of — provenance entries,
/// attributes, locations, diagnostics, quantities, prices — `Codable`'s per-container cost is most of their
/// decoding. `CompactCodableTests` checks every conforming type against its `Codable` bytes, all fields set, so
/// a field added to one of them and not here fails a test.
protocol CompactCodable {
    /// Writes the fields (keys and values), between the container's tag and its end.
    func encodeFields(to encoder: CompactEncoder)
    /// Reads the fields written by `encodeFields`.
    init(compactFields decoder: CompactDecoder) throws
}

extension CompactEncoder {
    func field(_ name: String, _ value: String) { writeKey(name); writeString(value) }
    func field(_ name: String, _ value: String?) { writeKey(name); if let value { writeString(value) } else { writeNull() } }
    func field(_ name: String, _ value: Int?) { writeKey(name); if let value { writeInt(Int64(value)) } else { writeNull() } }
    func field(_ name: String, _ value: Bool) { writeKey(name); writeBool(value) }
    func field(_ name: String, _ value: Decimal) { writeKey(name); writeDecimal(value) }
    func field<Value: RawRepresentable>(_ name: String, _ value: Value) where Value.RawValue == String { writeKey(name); writeString(value.rawValue) }
    func field(_ name: String, _ value: some CompactCodable) {
        writeKey(name)
        bytes.append(CompactCoding.Tag.keyed.rawValue)
        value.encodeFields(to: self)
        bytes.append(CompactCoding.keyedEnd)
    }
    func field(_ name: String, _ value: (some CompactCodable)?) {
        guard let value else { return field(name, nil as String?) }
        field(name, value)
    }
}

extension CompactDecoder {
    /// Consumes the key `name`, which must be the next one.
    func key(_ name: String) throws {
        guard try consumeKey(name) else { throw corrupted("expected the field \(name)", at: cursor) }
    }

    /// Consumes a null, if that is what comes next.
    private func null() throws -> Bool {
        guard try isNull() else { return false }
        cursor += 1
        return true
    }

    func string(_ name: String) throws -> String { try key(name); return try readString() }
    func optionalString(_ name: String) throws -> String? { try key(name); return try null() ? nil : try readString() }
    func optionalInt(_ name: String) throws -> Int? { try key(name); return try null() ? nil : try readInteger(Int.self) }
    func bool(_ name: String) throws -> Bool { try key(name); return try readBool() }
    func decimal(_ name: String) throws -> Decimal { try key(name); return try readDecimal() }

    func raw<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> Value where Value.RawValue == String {
        let start = cursor
        try key(name)
        let text = try readString()
        guard let value = Value(rawValue: text) else { throw corrupted("\(text) is not a \(Value.self)", at: start) }
        return value
    }

    func nested<Value: CompactCodable>(_ name: String, as type: Value.Type) throws -> Value {
        try key(name)
        return try nestedValue(Value.self)
    }

    func optionalNested<Value: CompactCodable>(_ name: String, as type: Value.Type) throws -> Value? {
        try key(name)
        return try null() ? nil : try nestedValue(Value.self)
    }

    private func nestedValue<Value: CompactCodable>(_ type: Value.Type) throws -> Value {
        try expect(.keyed)
        let value = try Value(compactFields: self)
        guard try readKeyLength() == nil else { throw corrupted("more fields than \(Value.self) has", at: cursor) }
        return value
    }
}

extension SourceLocation: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) {
        encoder.field("file", file)
        encoder.field("line", line)
        encoder.field("record", record)
        encoder.field("field", field)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(file: try decoder.string("file"), line: try decoder.optionalInt("line"), record: try decoder.optionalInt("record"),
                  field: try decoder.optionalString("field"))
    }
}

extension Diagnostic: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) {
        encoder.field("severity", severity)
        encoder.field("code", code)
        encoder.field("message", message)
        encoder.field("location", location)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(try decoder.raw("severity", as: Severity.self), try decoder.string("code"), try decoder.string("message"),
                  at: try decoder.nested("location", as: SourceLocation.self))
    }
}

extension FieldProvenance: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) {
        encoder.field("label", label)
        encoder.field("value", value)
        encoder.field("origin", origin)
        encoder.field("line", line)
        encoder.field("evidence", evidence)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(label: try decoder.optionalString("label"), value: try decoder.string("value"), origin: try decoder.raw("origin", as: FieldOrigin.self),
                  line: try decoder.optionalInt("line"), evidence: try decoder.optionalString("evidence"))
    }
}

extension Attribute: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) {
        encoder.field("key", key)
        encoder.field("isMapped", isMapped)
        encoder.field("label", label)
        encoder.field("value", value)
        encoder.field("originalValue", originalValue)
        encoder.field("language", language)
        encoder.field("origin", origin)
        encoder.field("line", line)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(key: try decoder.string("key"), isMapped: try decoder.bool("isMapped"), label: try decoder.string("label"),
                  value: try decoder.string("value"), originalValue: try decoder.string("originalValue"), language: try decoder.optionalString("language"),
                  origin: try decoder.raw("origin", as: FieldOrigin.self), line: try decoder.optionalInt("line"))
    }
}

extension Quantity: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) {
        encoder.field("value", value)
        encoder.field("dimension", dimension)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(value: try decoder.decimal("value"), dimension: try decoder.raw("dimension", as: Dimension.self))
    }
}

extension PackageInfo: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) {
        encoder.field("length", length)
        encoder.field("width", width)
        encoder.field("height", height)
        encoder.field("grossWeight", grossWeight)
        encoder.field("netWeight", netWeight)
        encoder.field("weight", weight)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init()
        length = try decoder.optionalNested("length", as: Quantity.self)
        width = try decoder.optionalNested("width", as: Quantity.self)
        height = try decoder.optionalNested("height", as: Quantity.self)
        grossWeight = try decoder.optionalNested("grossWeight", as: Quantity.self)
        netWeight = try decoder.optionalNested("netWeight", as: Quantity.self)
        weight = try decoder.optionalNested("weight", as: Quantity.self)
    }
}

extension Money: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) {
        encoder.field("amount", amount)
        encoder.field("currency", currency)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(amount: try decoder.decimal("amount"), currency: try decoder.string("currency"))
    }
}

extension Price: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) {
        encoder.field("money", money)
        encoder.field("text", text)
        encoder.field("vat", vat)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(money: try decoder.nested("money", as: Money.self), text: try decoder.string("text"), vat: try decoder.optionalString("vat"))
    }
}
