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
    public var rejectingCodes: Set<FindingCode> {
        get { policy.rejecting }
        set { policy.rejecting = newValue }
    }

    public static var defaultRules: [any RecordRule] { RuleCatalog.recordRules }
    public static var defaultRejectingCodes: Set<FindingCode> { FindingPolicy.defaultRejecting }

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

    public init(rules: [any RecordRule] = RecordValidator.defaultRules, rejectingCodes: Set<FindingCode>) {
        self.init(rules: rules)
        self.policy.rejecting = rejectingCodes
    }

    /// Applies the policy to the normalizer's diagnostics, adds the rules' diagnostics to `product`, and returns
    /// the codes that reject it (empty: import it). `record` lets rules compare what different parts of a page say.
    public func validate(_ product: inout Product, record: RawRecord? = nil) -> [FindingCode] {
        let location = product.source
        // Most runs change no severity and disable nothing: then the policy leaves every diagnostic as it is, and
        // the arrays are not rebuilt.
        let policyChanges = policy.changesFindings
        if policyChanges {
            product.diagnostics = product.diagnostics.compactMap(policy.apply)
            product.columnNotes = product.columnNotes.compactMap(policy.apply)
        }
        let context = RuleContext(record: record, settings: settings, reference: reference)
        let disabled = policy.disabled
        // Every rule sees the product as it came in (with the policy applied); their findings are added after.
        var added: [Diagnostic] = []
        // Rules by index: each is asked in place, not copied out of the array first.
        for index in rules.indices {
            if !disabled.isEmpty, disabled.contains(rules[index].code) { continue }
            let findings = rules[index].check(product, context: context)
            for finding in findings {
                let diagnostic = Diagnostic(finding, at: location)
                if let kept = policyChanges ? policy.apply(diagnostic) : diagnostic { added.append(kept) }
            }
        }
        if !added.isEmpty { product.diagnostics += added }
        // A column note applies to this record too, so a policy that rejects on its code rejects the record.
        return rejectionReasons(product.diagnostics, product.columnNotes)
    }

    /// The distinct rejecting codes among `diagnostics`, in order of first appearance.
    public func rejectionReasons(_ diagnostics: [Diagnostic]) -> [FindingCode] {
        rejectionReasons(diagnostics, [])
    }

    /// `rejectionReasons(first + second)`, without joining the arrays.
    private func rejectionReasons(_ first: [Diagnostic], _ second: [Diagnostic]) -> [FindingCode] {
        let rejecting = policy.rejecting
        guard !rejecting.isEmpty, !(first.isEmpty && second.isEmpty) else { return [] }
        // A few rejecting codes (two by default) are compared in turn: cheaper than hashing every diagnostic's code.
        let few = rejecting.count <= 8
        func rejects(_ code: FindingCode) -> Bool {
            guard few else { return rejecting.contains(code) }
            // Lengths first: most codes differ from both in length, which a native string stores.
            let length = code.rawValue.utf8.count
            for rejected in rejecting where rejected.rawValue.utf8.count == length && rejected == code { return true }
            return false
        }
        var reasons: [FindingCode] = []
        func collect(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics where rejects(diagnostic.code) && !reasons.contains(diagnostic.code) {
                reasons.append(diagnostic.code)
            }
        }
        collect(first)
        collect(second)
        return reasons
    }
}
