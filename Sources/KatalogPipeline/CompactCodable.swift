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
    func encodeFields(to encoder: CompactEncoder) throws
    /// Reads the fields written by `encodeFields`.
    init(compactFields decoder: CompactDecoder) throws
}

extension CompactCodable {
    /// `encodeFields` of `value`, which is of this type (a generic value, without an existential box).
    static func encodeFields<T>(of value: T, to encoder: CompactEncoder) throws {
        precondition(T.self == Self.self)
        try unsafeBitCast(value, to: Self.self).encodeFields(to: encoder)
    }

    /// `init(compactFields:)` as a value of type `T`, which is this type.
    static func decode<T>(_ type: T.Type, from decoder: CompactDecoder) throws -> T {
        precondition(T.self == Self.self)
        return unsafeBitCast(try Self(compactFields: decoder), to: T.self)
    }
}

extension CompactEncoder {
    func field(_ name: String, _ value: String) { writeKey(name); writeString(value) }
    func field(_ name: String, _ value: String?) { writeKey(name); if let value { writeString(value) } else { writeNull() } }
    func field(_ name: String, _ value: Int?) { writeKey(name); if let value { writeInt(Int64(value)) } else { writeNull() } }
    func field(_ name: String, _ value: Bool) { writeKey(name); writeBool(value) }
    func field(_ name: String, _ value: Decimal) { writeKey(name); writeDecimal(value) }
    func field<Value: RawRepresentable>(_ name: String, _ value: Value) where Value.RawValue == String { writeKey(name); writeString(value.rawValue) }
    func field(_ name: String, _ value: some CompactCodable) throws {
        writeKey(name)
        bytes.append(CompactCoding.Tag.keyed.rawValue)
        try value.encodeFields(to: self)
        bytes.append(CompactCoding.keyedEnd)
    }
    func field(_ name: String, _ value: (some CompactCodable)?) throws {
        guard let value else { return field(name, nil as String?) }
        try field(name, value)
    }
    /// Any other `Encodable` value, through `encodeValue` (its own fast path, if any, else `Codable`).
    func value(_ name: String, _ value: some Encodable) throws {
        writeKey(name)
        try encodeValue(value)
    }
    func value(_ name: String, _ value: (some Encodable)?) throws {
        writeKey(name)
        if let value { try encodeValue(value) } else { writeNull() }
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

    func optionalRaw<Value: RawRepresentable>(_ name: String, as type: Value.Type) throws -> Value? where Value.RawValue == String {
        let start = cursor
        try key(name)
        if try null() { return nil }
        let text = try readString()
        guard let value = Value(rawValue: text) else { throw corrupted("\(text) is not a \(Value.self)", at: start) }
        return value
    }

    /// Any other `Decodable` value, through `decodeValue`.
    func value<Value: Decodable>(_ name: String, as type: Value.Type) throws -> Value {
        try key(name)
        return try decodeValue(Value.self)
    }

    func optionalValue<Value: Decodable>(_ name: String, as type: Value.Type) throws -> Value? {
        try key(name)
        return try null() ? nil : try decodeValue(Value.self)
    }

    func nested<Value: CompactCodable>(_ name: String, as type: Value.Type) throws -> Value {
        try key(name)
        return try nestedValue(Value.self)
    }

    func optionalNested<Value: CompactCodable>(_ name: String, as type: Value.Type) throws -> Value? {
        try key(name)
        return try null() ? nil : try nestedValue(Value.self)
    }

    /// A list of fast-coded values (the bytes `Array`'s `Codable` gives), read without asking each element's type
    /// for its conformances: those lookups were a fifth of replaying an unchanged file.
    func array<Element: CompactCodable>(_ name: String, of type: Element.Type) throws -> [Element] {
        try list(name) { try nestedValue(Element.self) }
    }

    /// A list of strings.
    func strings(_ name: String) throws -> [String] {
        try list(name) { try readString() }
    }

    /// A dictionary of fast-coded values by string keys (the bytes `Dictionary`'s `Codable` gives).
    func dictionary<Value: CompactCodable>(_ name: String, of type: Value.Type) throws -> [String: Value] {
        try key(name)
        try expect(.keyed)
        var entries: [String: Value] = [:]
        while let key = try readKey() { entries[key] = try nestedValue(Value.self) }
        return entries
    }

    /// The list `name`, each element read by `element`.
    private func list<Element>(_ name: String, _ element: () throws -> Element) throws -> [Element] {
        try key(name)
        try expect(.unkeyed)
        var elements: [Element] = []
        while try peek() != CompactCoding.unkeyedEnd { elements.append(try element()) }
        cursor += 1
        return elements
    }

    private func nestedValue<Value: CompactCodable>(_ type: Value.Type) throws -> Value {
        try expect(.keyed)
        let value = try Value(compactFields: self)
        guard try readKeyLength() == nil else { throw corrupted("more fields than \(Value.self) has", at: cursor) }
        return value
    }
}

extension SourceLocation: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) throws {
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
    func encodeFields(to encoder: CompactEncoder) throws {
        encoder.field("severity", severity)
        encoder.field("code", code.rawValue)
        encoder.field("message", message)
        try encoder.field("location", location)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(try decoder.raw("severity", as: Severity.self), FindingCode(try decoder.string("code")), try decoder.string("message"),
                  at: try decoder.nested("location", as: SourceLocation.self))
    }
}

extension FieldProvenance: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) throws {
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
    func encodeFields(to encoder: CompactEncoder) throws {
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
    func encodeFields(to encoder: CompactEncoder) throws {
        encoder.field("value", value)
        encoder.field("dimension", dimension)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(value: try decoder.decimal("value"), dimension: try decoder.raw("dimension", as: Dimension.self))
    }
}

extension PackageInfo: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) throws {
        try encoder.field("length", length)
        try encoder.field("width", width)
        try encoder.field("height", height)
        try encoder.field("grossWeight", grossWeight)
        try encoder.field("netWeight", netWeight)
        try encoder.field("weight", weight)
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
    func encodeFields(to encoder: CompactEncoder) throws {
        encoder.field("amount", amount)
        encoder.field("currency", currency)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(amount: try decoder.decimal("amount"), currency: try decoder.string("currency"))
    }
}

extension Price: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) throws {
        try encoder.field("money", money)
        encoder.field("text", text)
        encoder.field("vat", vat)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(money: try decoder.nested("money", as: Money.self), text: try decoder.string("text"), vat: try decoder.optionalString("vat"))
    }
}

extension GTINFacets: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) throws {
        encoder.field("checksum", checksum)
        encoder.field("lengthValid", lengthValid)
        encoder.field("prefix", prefix)
        encoder.field("prefixClass", prefixClass?.rawValue)
        encoder.field("country", country)
        encoder.field("organisation", organisation)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(checksum: try decoder.raw("checksum", as: Check.self), lengthValid: try decoder.bool("lengthValid"),
                  prefix: try decoder.optionalString("prefix"), prefixClass: try decoder.optionalRaw("prefixClass", as: PrefixClass.self),
                  country: try decoder.optionalString("country"), organisation: try decoder.optionalString("organisation"))
    }
}

extension GTIN: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) throws {
        encoder.field("raw", raw)
        encoder.field("digits", digits)
        encoder.field("format", format?.rawValue)
        encoder.field("isValid", isValid)
        encoder.field("expandedFrom", expandedFrom)
        try encoder.field("facets", facets)
    }

    init(compactFields decoder: CompactDecoder) throws {
        self.init(raw: try decoder.string("raw"), digits: try decoder.optionalString("digits"), format: try decoder.optionalRaw("format", as: Format.self),
                  isValid: try decoder.bool("isValid"), expandedFrom: try decoder.optionalString("expandedFrom"),
                  facets: try decoder.nested("facets", as: GTINFacets.self))
    }
}

extension Product: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) throws {
        encoder.field("id", id)
        encoder.field("title", title)
        encoder.field("description", description)
        encoder.field("language", language)
        encoder.field("titleLanguage", titleLanguage)
        encoder.field("descriptionLanguage", descriptionLanguage)
        encoder.field("sku", sku)
        encoder.field("mpn", mpn)
        encoder.field("brand", brand)
        try encoder.field("gtin", gtin)
        try encoder.field("price", price)
        try encoder.field("salePrice", salePrice)
        try encoder.value("priceWithoutCurrency", priceWithoutCurrency)
        try encoder.value("convertedPrice", convertedPrice)
        encoder.field("availability", availability)
        encoder.field("condition", condition)
        encoder.field("url", url)
        try encoder.value("images", images)
        encoder.field("category", category)
        encoder.field("itemGroupID", itemGroupID)
        try encoder.field("package", package)
        try encoder.value("attributes", attributes)
        try encoder.value("servicePlan", servicePlan)
        try encoder.value("provenance", provenance)
        try encoder.field("source", source)
        encoder.field("sourceKind", sourceKind)
        try encoder.value("diagnostics", diagnostics)
        try encoder.value("columnNotes", columnNotes)
    }

    init(compactFields decoder: CompactDecoder) throws {
        let id = try decoder.string("id")
        let title = try decoder.optionalString("title")
        let description = try decoder.optionalString("description")
        let language = try decoder.optionalString("language")
        let titleLanguage = try decoder.optionalString("titleLanguage")
        let descriptionLanguage = try decoder.optionalString("descriptionLanguage")
        let sku = try decoder.optionalString("sku")
        let mpn = try decoder.optionalString("mpn")
        let brand = try decoder.optionalString("brand")
        let gtin = try decoder.optionalNested("gtin", as: GTIN.self)
        let price = try decoder.optionalNested("price", as: Price.self)
        let salePrice = try decoder.optionalNested("salePrice", as: Price.self)
        let priceWithoutCurrency = try decoder.optionalValue("priceWithoutCurrency", as: AmountWithoutCurrency.self)
        let convertedPrice = try decoder.optionalValue("convertedPrice", as: ConvertedPrice.self)
        let availability = try decoder.optionalString("availability")
        let condition = try decoder.optionalString("condition")
        let url = try decoder.optionalString("url")
        let images = try decoder.strings("images")
        let category = try decoder.optionalString("category")
        let itemGroupID = try decoder.optionalString("itemGroupID")
        let package = try decoder.nested("package", as: PackageInfo.self)
        let attributes = try decoder.array("attributes", of: Attribute.self)
        let servicePlan = try decoder.optionalValue("servicePlan", as: ServicePlan.self)
        let provenance = try decoder.dictionary("provenance", of: FieldProvenance.self)
        let source = try decoder.nested("source", as: SourceLocation.self)
        let sourceKind = try decoder.raw("sourceKind", as: InputKind.self)
        self.init(id: id, source: source, sourceKind: sourceKind)
        self.title = title
        self.description = description
        self.language = language
        self.titleLanguage = titleLanguage
        self.descriptionLanguage = descriptionLanguage
        self.sku = sku
        self.mpn = mpn
        self.brand = brand
        self.gtin = gtin
        self.price = price
        self.salePrice = salePrice
        self.priceWithoutCurrency = priceWithoutCurrency
        self.convertedPrice = convertedPrice
        self.availability = availability
        self.condition = condition
        self.url = url
        self.images = images
        self.category = category
        self.itemGroupID = itemGroupID
        self.package = package
        self.attributes = attributes
        self.servicePlan = servicePlan
        self.provenance = provenance
        diagnostics = try decoder.array("diagnostics", of: Diagnostic.self)
        columnNotes = try decoder.array("columnNotes", of: Diagnostic.self)
    }
}

/// A stored event as its synthesized `Codable` conformance writes it: a keyed container holding the case's name,
/// and in it the case's value under `_0`.
extension StoredEvent: CompactCodable {
    func encodeFields(to encoder: CompactEncoder) throws {
        switch self {
        case .fileDiagnostic(let diagnostic): try Self.encodeCase("fileDiagnostic", to: encoder) { try encoder.field("_0", diagnostic) }
        case .imported(let product): try Self.encodeCase("imported", to: encoder) { try encoder.field("_0", product) }
        case .rejected(let rejected): try Self.encodeCase("rejected", to: encoder) { try encoder.value("_0", rejected) }
        }
    }

    private static func encodeCase(_ name: String, to encoder: CompactEncoder, _ value: () throws -> Void) throws {
        encoder.writeKey(name)
        encoder.bytes.append(CompactCoding.Tag.keyed.rawValue)
        try value()
        encoder.bytes.append(CompactCoding.keyedEnd)
    }

    init(compactFields decoder: CompactDecoder) throws {
        let start = decoder.cursor
        guard let name = try decoder.readKey() else { throw decoder.corrupted("a stored event without a case", at: start) }
        try decoder.expect(.keyed)
        switch name {
        case "imported": self = .imported(try decoder.nested("_0", as: Product.self))
        case "fileDiagnostic": self = .fileDiagnostic(try decoder.nested("_0", as: Diagnostic.self))
        case "rejected": self = .rejected(try decoder.value("_0", as: RejectedRecord.self))
        default: throw decoder.corrupted("\(name) is not a stored event", at: start)
        }
        guard try decoder.readKeyLength() == nil else { throw decoder.corrupted("more than one value in a stored event", at: decoder.cursor) }
    }
}
