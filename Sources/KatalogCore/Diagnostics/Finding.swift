/// A problem a pure normalizer found in one value, before the caller knows where the value came from.
/// The caller turns it into a `Diagnostic` with `Diagnostic(finding, at:)`.
public struct Finding: Sendable, Hashable, Codable {
    public var severity: Severity
    public var code: FindingCode
    public var message: String

    public init(_ severity: Severity, _ code: FindingCode, _ message: String) {
        self.severity = severity
        self.code = code
        self.message = message
    }
}

extension Diagnostic {
    public init(_ finding: Finding, at location: SourceLocation) {
        self.init(finding.severity, finding.code, finding.message, at: location)
    }
}
