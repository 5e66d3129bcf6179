/// Where a service-plan fact was read: a mapped attribute, the title, or one sentence of the description.
public struct PlanFactOrigin: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// A labelled attribute (`Plan: Roczny`); `label` names it.
        case attribute
        /// The record's title.
        case title
        /// One sentence of the cleaned description; `sentence` and `paragraph` say which.
        case description
        /// A canonical field of the record (`brand`).
        case field
    }

    public var source: Source
    /// The attribute's or field's label as written in the source.
    public var label: String?
    /// 1-based paragraph of the cleaned description.
    public var paragraph: Int?
    /// 1-based sentence of the cleaned description, counted over the whole description.
    public var sentence: Int?
    /// The words the fact was read from, as written (`two replacements`, `PLN 199`).
    public var match: String?
    /// Line in the input file, when known (attributes and title).
    public var line: Int?

    public init(source: Source, label: String? = nil, paragraph: Int? = nil, sentence: Int? = nil, match: String? = nil, line: Int? = nil) {
        self.source = source
        self.label = label
        self.paragraph = paragraph
        self.sentence = sentence
        self.match = match
        self.line = line
    }
}

/// One fact about a service plan: a value, where it was read, and the language of the words that said it.
public struct PlanFact<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var origin: PlanFactOrigin
    /// ISO 639-1 language of the words the fact was read from; nil when the words carry none (a number, a name).
    public var language: String?

    public init(_ value: Value, origin: PlanFactOrigin, language: String?) {
        self.value = value
        self.origin = origin
        self.language = language
    }

    /// The same origin and language with another value.
    public func map<Other>(_ transform: (Value) -> Other) -> PlanFact<Other> {
        PlanFact<Other>(transform(value), origin: origin, language: language)
    }
}

extension PlanFact: Codable where Value: Codable {}
