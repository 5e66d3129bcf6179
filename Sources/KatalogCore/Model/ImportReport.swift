/// Counts for one input file or for a whole run. `read == imported + rejected` always holds.
public struct RecordCounts: Sendable, Hashable, Codable {
    public var read = 0
    public var imported = 0
    public var rejected = 0

    public init() {}

    public static func += (lhs: inout RecordCounts, rhs: RecordCounts) {
        lhs.read += rhs.read
        lhs.imported += rhs.imported
        lhs.rejected += rhs.rejected
    }
}

/// Diagnostics counted by severity.
public struct SeverityCounts: Sendable, Hashable, Codable {
    public var error = 0
    public var warning = 0
    public var info = 0

    public init() {}

    public mutating func add(_ severity: Severity) {
        switch severity {
        case .error: error += 1
        case .warning: warning += 1
        case .info: info += 1
        }
    }

    public static func += (lhs: inout SeverityCounts, rhs: SeverityCounts) {
        lhs.error += rhs.error
        lhs.warning += rhs.warning
        lhs.info += rhs.info
    }
}

/// What happened to one input file.
public struct FileReport: Sendable, Hashable, Codable {
    public var file: String
    public var kind: InputKind
    public var encoding: TextEncodingInfo?
    public var records = RecordCounts()
    public var diagnostics = SeverityCounts()
    /// Diagnostics counted by code.
    public var codes: [FindingCode: Int] = [:]
    /// True when the file could not be read at all.
    public var unreadable = false

    public init(file: String, kind: InputKind) {
        self.file = file
        self.kind = kind
    }

    public mutating func count(_ diagnostic: Diagnostic) {
        diagnostics.add(diagnostic.severity)
        codes[diagnostic.code, default: 0] += 1
    }
}

/// The summary of a run: per file, in input order, and totals.
public struct ImportReport: Sendable, Hashable {
    /// Files that gave records and imported none of them (`file.nothing-imported`), in input order.
    public var filesWithNothingImported: [String] {
        files.filter { $0.codes[.fileNothingImported, default: 0] > 0 }.map(\.file)
    }

    public var files: [FileReport] = []
    /// Unmapped labels and how many times each was seen, so users know what to add to the dictionary.
    public var unmappedLabels: [String: Int] = [:]
    /// Covered products of the run's service plans, linked to the run's catalog records (see `docs/service-plans.md`).
    public var servicePlanLinks: [ServicePlanLink] = []
    /// False when the run had more records than the link index holds, so some links may be missing.
    public var servicePlanLinksComplete = true

    public init() {}

    public var totalRecords: RecordCounts {
        var total = RecordCounts()
        for file in files { total += file.records }
        return total
    }

    public var totalDiagnostics: SeverityCounts {
        var total = SeverityCounts()
        for file in files { total += file.diagnostics }
        return total
    }

    public var totalCodes: [FindingCode: Int] {
        var total: [FindingCode: Int] = [:]
        for file in files { total.merge(file.codes, uniquingKeysWith: +) }
        return total
    }

    public var unreadableFiles: [FileReport] { files.filter(\.unreadable) }
}
