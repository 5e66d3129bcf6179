/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Where a finding or a value was found: a file, and as much of line, record and field as is known.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The input path as the user named it (relative paths stay relative), `/`-separated.
    public var file: String
    /// 1-based line in the file, when the format has lines.
    public var line: Int?
    /// 1-based index of the record within the file.
    public var record: Int?
    /// The field (label as found, or canonical key) the finding is about.
    public var field: String?

    public init(file: String, line: Int? = nil, record: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.record = record
        self.field = field
    }

    /// The same location narrowed to one field (and its line, when known).
    public func with(field: String?, line: Int? = nil) -> SourceLocation {
        var copy = self
        copy.field = field
        if let line { copy.line = line }
        return copy
    }
}

/// One problem found in the input: a value, not an exception.
///
/// `code` is a stable dotted identifier (`FindingCode.gtinChecksum`, written `gtin.checksum`) that users may filter on;
/// `message` is written for a merchandiser and says what was wrong and what was kept.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var severity: Severity
    public var code: FindingCode
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ code: FindingCode, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }
}

/// Collects diagnostics while a normalizer or reader works. Reference type so nested helpers can share one.
public final class DiagnosticBag {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public func append(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
