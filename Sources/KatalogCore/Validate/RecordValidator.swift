/// Runs the record rules and decides, by policy, which findings keep a record out of the catalog.
public struct RecordValidator: Sendable {
    public var rules: [any RecordRule]
    public var policy: FindingPolicy
    public var settings: RuleSettings
    /// The tables the normalizer uses, for rules that look at raw labels or read raw prices.
    public var tables: NormalizationTables {
        get { reference.tables }
        set { reference = TablesReference(newValue) }
    }
    private var reference: TablesReference

    /// Codes whose findings reject a record (the policy's `rejecting`).
    public var rejectingCodes: Set<String> {
        get { policy.rejecting }
        set { policy.rejecting = newValue }
    }

    public static var defaultRules: [any RecordRule] { RuleCatalog.recordRules }
    public static var defaultRejectingCodes: Set<String> { FindingPolicy.defaultRejecting }

    public init(
        rules: [any RecordRule] = RecordValidator.defaultRules,
        policy: FindingPolicy = FindingPolicy(),
        settings: RuleSettings = RuleSettings(),
        tables: NormalizationTables = .builtIn
    ) {
        self.rules = rules
        self.policy = policy
        self.settings = settings
        reference = TablesReference(tables)
    }

    public init(rules: [any RecordRule] = RecordValidator.defaultRules, rejectingCodes: Set<String>) {
        self.init(rules: rules)
        self.policy.rejecting = rejectingCodes
    }

    /// Applies the policy to the normalizer's diagnostics, adds the rules' diagnostics to `product`, and returns
    /// the codes that reject it (empty: import it). `record` lets rules compare what different parts of a page say.
    public func validate(_ product: inout Product, record: RawRecord? = nil) -> [String] {
        let location = product.source
        var diagnostics = product.diagnostics.compactMap(policy.apply)
        product.diagnostics = diagnostics
        product.columnNotes = product.columnNotes.compactMap(policy.apply)
        let context = RuleContext(record: record, settings: settings, reference: reference)
        let disabled = policy.disabled
        for rule in rules where disabled.isEmpty || !disabled.contains(rule.code) {
            for finding in rule.check(product, context: context) {
                if let diagnostic = policy.apply(Diagnostic(finding, at: location)) { diagnostics.append(diagnostic) }
            }
        }
        product.diagnostics = diagnostics
        // A column note applies to this record too, so a policy that rejects on its code rejects the record.
        return rejectionReasons(product.diagnostics + product.columnNotes)
    }

    /// The distinct rejecting codes among `diagnostics`, in order of first appearance.
    public func rejectionReasons(_ diagnostics: [Diagnostic]) -> [String] {
        var reasons: [String] = []
        for diagnostic in diagnostics where policy.rejecting.contains(diagnostic.code) && !reasons.contains(diagnostic.code) {
            reasons.append(diagnostic.code)
        }
        return reasons
    }
}
