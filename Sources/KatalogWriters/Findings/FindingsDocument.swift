import KatalogCore

/// Everything a validation run found, in input order, ready for a findings format (text, JSON, JUnit, GitHub,
/// SARIF). Built by the pipeline's validation consumer; formats only render it.
public struct FindingsDocument: Sendable {
    /// One input record and what was found about it.
    public struct RecordEntry: Sendable, Hashable {
        public var id: String
        public var location: SourceLocation
        public var title: String?
        /// Codes that kept the record out of the catalog (empty: it would be imported).
        public var rejectionReasons: [FindingCode]
        public var diagnostics: [Diagnostic]

        public init(id: String, location: SourceLocation, title: String?, rejectionReasons: [FindingCode], diagnostics: [Diagnostic]) {
            self.id = id
            self.location = location
            self.title = title
            self.rejectionReasons = rejectionReasons
            self.diagnostics = diagnostics
        }

        public var isRejected: Bool { !rejectionReasons.isEmpty }
    }

    /// One input file: its findings about the file itself, and its records.
    public struct FileEntry: Sendable, Hashable {
        public var file: String
        public var diagnostics: [Diagnostic] = []
        public var records: [RecordEntry] = []

        public init(file: String) { self.file = file }
    }

    public var files: [FileEntry] = []
    /// Counts per file and in total (never truncated by `maxErrors`).
    public var report = ImportReport()
    /// Findings at or above this severity make a JUnit test case fail and the run exit 1.
    public var threshold: Severity? = .error
    /// At most this many error findings are listed (counts stay complete); nil lists all.
    public var maxErrors: Int?

    public init() {}

    /// Every finding in input order, each file's own findings before its records'.
    public var allDiagnostics: [Diagnostic] {
        files.flatMap { file in file.diagnostics + file.records.flatMap(\.diagnostics) }
    }

    /// The findings to list: all of them, except error findings beyond `maxErrors`.
    public var listedDiagnostics: [Diagnostic] {
        guard let maxErrors else { return allDiagnostics }
        var errors = 0
        return allDiagnostics.filter { diagnostic in
            guard diagnostic.severity == .error else { return true }
            errors += 1
            return errors <= maxErrors
        }
    }

    /// Error findings left out of the listing by `maxErrors`.
    public var omittedErrors: Int {
        guard let maxErrors else { return 0 }
        return max(0, report.totalDiagnostics.error - maxErrors)
    }

    /// True when some finding is at or above the threshold (the run should exit 1).
    public var hasFindingsAtThreshold: Bool {
        guard let threshold else { return false }
        let totals = report.totalDiagnostics
        switch threshold {
        case .error: return totals.error > 0
        case .warning: return totals.error + totals.warning > 0
        case .info: return totals.error + totals.warning + totals.info > 0
        }
    }

    /// The findings to list that belong to `record`, honouring `maxErrors`.
    func listed(_ diagnostics: [Diagnostic], errorsBefore: inout Int) -> [Diagnostic] {
        guard let maxErrors else { return diagnostics }
        return diagnostics.filter { diagnostic in
            guard diagnostic.severity == .error else { return true }
            errorsBefore += 1
            return errorsBefore <= maxErrors
        }
    }
}

/// The formats `katalog validate --format` writes.
public enum FindingsFormat: String, Sendable, CaseIterable {
    case text, json, junit, github, sarif

    /// Renders `document` in this format (UTF-8 text ending in a newline).
    public func render(_ document: FindingsDocument) -> String {
        switch self {
        case .text: TextFindings.render(document)
        case .json: JSONFindings.render(document)
        case .junit: JUnitFindings.render(document)
        case .github: GitHubFindings.render(document)
        case .sarif: SARIFFindings.render(document)
        }
    }
}
