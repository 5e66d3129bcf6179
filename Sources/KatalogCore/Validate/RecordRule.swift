/// What a record rule may look at besides the product: the raw record it came from and the run's settings.
public struct RuleContext: Sendable {
    /// The record as read (for rules that compare what different parts of a page say).
    public var record: RawRecord?
    public var settings: RuleSettings
    /// The tables the normalizer used (which raw label means which canonical field, how a price reads).
    public var tables: NormalizationTables {
        get { reference.tables }
        set { reference = TablesReference(newValue) }
    }
    private var reference: TablesReference

    public init(record: RawRecord? = nil, settings: RuleSettings = RuleSettings(), tables: NormalizationTables = .builtIn) {
        self.init(record: record, settings: settings, reference: TablesReference(tables))
    }

    init(record: RawRecord?, settings: RuleSettings, reference: TablesReference) {
        self.record = record
        self.settings = settings
        self.reference = reference
    }
}

/// Normalization tables behind one reference, for a value made once per record (`RuleContext`): copying it copies
/// a pointer, not every table.
final class TablesReference: Sendable {
    let tables: NormalizationTables

    init(_ tables: NormalizationTables) { self.tables = tables }
}

/// A check over a normalized record. Each rule has a stable code and a default severity, and explains itself.
///
/// Rules are pure: they read the product (and context) and return findings at their default severity; the
/// `FindingPolicy` then applies the user's severity overrides and disabled codes.
public protocol RecordRule: Sendable {
    /// Stable dotted code, e.g. `record.unidentified`.
    var code: FindingCode { get }
    var defaultSeverity: Severity { get }
    /// One paragraph for `docs/rules.md`: what the rule checks and why it matters.
    var explanation: String { get }
    /// A few words for headings.
    var title: String { get }
    /// A realistic input that triggers the rule.
    var example: String { get }
    /// The findings for one product (empty when it passes).
    func check(_ product: Product) -> [Finding]
    /// The findings for one product, with its raw record and the run's settings. Defaults to `check(_:)`.
    func check(_ product: Product, context: RuleContext) -> [Finding]
}

extension RecordRule {
    public var title: String { code.rawValue }
    public var example: String { "" }

    public func check(_ product: Product, context: RuleContext) -> [Finding] { check(product) }

    /// The rule's catalog entry.
    public var info: RuleInfo {
        RuleInfo(code, title: title, severity: defaultSeverity, stage: .record, explanation: explanation, example: example)
    }

    /// A finding of this rule at its default severity.
    func finding(_ message: String) -> Finding { Finding(defaultSeverity, code, message) }
}
