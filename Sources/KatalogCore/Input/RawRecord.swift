/// Where a raw field came from inside its document. Raw values appear in outputs.
public enum FieldOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    case jsonLD = "json-ld"
    case microdata
    case rdfa
    case openGraph = "opengraph"
    case specTable = "spec-table"
    case visibleText = "visible-text"
    case csvColumn = "csv-column"
    case xmlElement = "xml-element"
    case xmlAttribute = "xml-attribute"
    case jsonKey = "json-key"
    case textLine = "text-line"
}

/// What a reader knows about a field's role from the document's syntax alone.
public enum FieldRole: String, Sendable, Hashable, Codable {
    /// A `label: value` pair; the label carries the meaning (mapped by the label dictionary).
    case labelled
    /// The document's title (first heading line, `<h1>`, …).
    case title
    /// Body text of the product description.
    case description
    /// A short value the syntax gives no label for (a bare `58.99€` line in a page header).
    case unlabelled
}

/// One field exactly as a reader found it: nothing is parsed, converted or dropped.
public struct RawField: Sendable, Hashable, Codable {
    public var role: FieldRole
    /// The label as written in the source (`Prekės kodas`, `g:price`, `offers.price`); nil when unlabelled.
    public var label: String?
    public var value: String
    public var origin: FieldOrigin
    /// 1-based line of the value in the file, when known.
    public var line: Int?

    public init(role: FieldRole = .labelled, label: String?, value: String, origin: FieldOrigin, line: Int? = nil) {
        self.role = role
        self.label = label
        self.value = value
        self.origin = origin
        self.line = line
    }
}

/// One input record (a page, a feed item, a row) as found: a location plus raw fields.
public struct RawRecord: Sendable, Hashable, Codable {
    /// File, first line and 1-based record index.
    public var location: SourceLocation
    public var kind: InputKind
    public var fields: [RawField]
    /// Locale hints for this record (the document's, refined by the reader, e.g. `<html lang>`).
    public var hints: SourceHints

    public init(location: SourceLocation, kind: InputKind, fields: [RawField], hints: SourceHints = SourceHints()) {
        self.location = location
        self.kind = kind
        self.fields = fields
        self.hints = hints
    }
}
