/// What the user decided about findings: severities changed, codes disabled, and which codes keep a record out
/// of the catalog.
///
/// By default only a record that cannot be identified (`record.unidentified`) or has no usable price
/// (`record.no-usable-price`) is rejected; everything else is imported with its findings attached.
public struct FindingPolicy: Sendable, Hashable {
    public var severityOverrides: [FindingCode: Severity] = [:]
    /// Codes whose findings are dropped (and whose rules do not run).
    public var disabled: Set<FindingCode> = []
    /// Codes whose findings reject a record.
    public var rejecting: Set<FindingCode> = FindingPolicy.defaultRejecting

    public static let defaultRejecting: Set<FindingCode> = [.recordUnidentified, .recordNoUsablePrice]

    public init() {}

    /// `diagnostic` with the user's severity, or nil when its code is disabled.
    /// Whether `apply` may change or drop a finding: false when nothing is disabled and no severity overridden
    /// (most runs), so callers can leave their findings as they are without asking for each.
    public var changesFindings: Bool { !disabled.isEmpty || !severityOverrides.isEmpty }

    public func apply(_ diagnostic: Diagnostic) -> Diagnostic? {
        // Most runs change nothing: the empty tables are not asked (a look-up hashes the code first).
        if !disabled.isEmpty, disabled.contains(diagnostic.code) { return nil }
        guard !severityOverrides.isEmpty, let severity = severityOverrides[diagnostic.code] else { return diagnostic }
        var copy = diagnostic
        copy.severity = severity
        return copy
    }

    /// The severity findings with `code` get under this policy.
    public func severity(of code: FindingCode, default severity: Severity) -> Severity {
        severityOverrides[code] ?? severity
    }
}
