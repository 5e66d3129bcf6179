/// One product attribute: what the source said and what Katalog understood.
public struct Attribute: Sendable, Hashable, Codable {
    /// Canonical key (`plan_term`), or for an unmapped label a key derived from it (`test`).
    public var key: String
    /// False when the label is not in the label dictionary; the attribute is kept as found.
    public var isMapped: Bool
    /// The label as written in the source.
    public var label: String
    /// The normalized value (`annual`, `1`); equals `originalValue` when nothing was normalized.
    public var value: String
    /// The value as written in the source.
    public var originalValue: String
    /// ISO 639-1 language of the label or value, when known.
    public var language: String?
    public var origin: FieldOrigin
    public var line: Int?

    public init(key: String, isMapped: Bool, label: String, value: String, originalValue: String, language: String?, origin: FieldOrigin, line: Int?) {
        self.key = key
        self.isMapped = isMapped
        self.label = label
        self.value = value
        self.originalValue = originalValue
        self.language = language
        self.origin = origin
        self.line = line
    }
}

/// Where a canonical field's value came from: the raw field it was read from.
public struct FieldProvenance: Sendable, Hashable, Codable {
    public var label: String?
    public var value: String
    public var origin: FieldOrigin
    public var line: Int?
    /// For a price whose text did not name its currency alone: the evidence that decided it
    /// (`document: og:locale sv_SE`, `format: heureka.cz feed`).
    public var evidence: String?

    public init(label: String?, value: String, origin: FieldOrigin, line: Int?, evidence: String? = nil) {
        self.label = label
        self.value = value
        self.origin = origin
        self.line = line
        self.evidence = evidence
    }

    public init(_ field: RawField) {
        self.init(label: field.label, value: field.value, origin: field.origin, line: field.line)
    }
}
