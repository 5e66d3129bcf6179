/// What a rule is, for people and tools: its stable code, default severity, a one-paragraph explanation and an
/// example. `docs/rules.md` and SARIF rule metadata are generated from these.
public struct RuleInfo: Sendable, Hashable {
    /// Where in the pipeline a rule's findings are made.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// Made while discovering or reading a file (unreadable input, parser recovery).
        case read
        /// Made while reading a value (GTIN, price, unit parsing); the normalizer emits it.
        case normalize
        /// A check over one normalized record (`RecordRule`).
        case record
        /// A check across the records of a run (duplicates), made in input order.
        case run
    }

    /// Stable dotted code (`gtin.checksum`). Never renamed once released.
    public var code: FindingCode
    /// A few words (`GTIN check digit`), used as a heading and as SARIF's short description.
    public var title: String
    public var defaultSeverity: Severity
    /// One paragraph: what is checked, why it matters, what Katalog keeps.
    public var explanation: String
    /// A realistic input that triggers the rule (`EAN: 5901234123458`).
    public var example: String
    public var stage: Stage

    public init(_ code: FindingCode, title: String, severity: Severity, stage: Stage, explanation: String, example: String) {
        self.code = code
        self.title = title
        self.defaultSeverity = severity
        self.stage = stage
        self.explanation = explanation
        self.example = example
    }

    /// The group a code belongs to (`gtin` for `gtin.checksum`).
    public var group: String { code.group }
}
