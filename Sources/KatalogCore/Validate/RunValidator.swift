/// Runs the cross-record rules over a run's records in input order, applying the policy to their findings.
///
/// Not thread-safe: the pipeline calls it from the one place that sees records in order. Findings of run rules
/// never reject a record (the record's fate was decided when it was validated alone).
public final class RunValidator {
    public let policy: FindingPolicy
    private let rules: [any RunRule]
    private var currentFile: String?
    private var fileIndex = -1

    public init(policy: FindingPolicy = FindingPolicy(), rules: [any RunRule] = RuleCatalog.makeRunRules()) {
        self.policy = policy
        self.rules = rules.filter { !policy.disabled.contains($0.info.code) }
    }

    /// Adds the run rules' diagnostics to `product`; returns the diagnostics added.
    @discardableResult
    public func check(_ product: inout Product) -> [Diagnostic] {
        let added = findings(for: product)
        product.diagnostics += added
        return added
    }

    /// The run rules' diagnostics for `product`, the next record of the run, without changing it: most records
    /// get none, and the pipeline then hands the record on as its worker encoded it, uncopied.
    public func findings(for product: Product) -> [Diagnostic] {
        if product.source.file != currentFile {
            currentFile = product.source.file
            fileIndex += 1
            for rule in rules { rule.beginFile(product.source.file, index: fileIndex) }
        }
        var added: [Diagnostic] = []
        for rule in rules {
            for finding in rule.check(product, fileIndex: fileIndex) {
                if let diagnostic = policy.apply(Diagnostic(finding, at: product.source)) { added.append(diagnostic) }
            }
        }
        return added
    }
}
