import KatalogCore

/// Receives a run's results in input order: the catalog writer, or a validator that only reports.
///
/// A consumer may do per-record work that depends on nothing but the record (encoding it) on the pipeline's worker
/// threads: its `preparation` says how, and the prepared values come back, typed, with the records. A consumer
/// that prepares nothing leaves both prepared types `Never`.
public protocol ImportConsumer: AnyObject {
    /// What `preparation` makes of an imported record on a worker thread.
    associatedtype PreparedRecord: Sendable = Never
    /// What `preparation` makes of one diagnostic of an imported record on a worker thread.
    associatedtype PreparedDiagnostic: Sendable = Never

    /// Work on imported records and their diagnostics that the pipeline may run on worker threads, in any order,
    /// before handing them on. nil (the default): none.
    var preparation: RecordPreparation<PreparedRecord, PreparedDiagnostic>? { get }

    /// A file's records, diagnostics and findings follow, up to the next `beginFile`; `replayed` when they come from
    /// a `ReadCache` instead of the file being read. Default: nothing.
    func beginFile(_ path: String, replayed: Bool) throws
    /// An imported record that was not prepared (no preparation, or a run rule changed it since).
    func consume(_ product: Product) throws
    /// An imported record with what `preparation` made of it.
    func consume(_ product: Product, prepared: PreparedRecord) throws
    func consume(_ rejected: RejectedRecord) throws
    func consume(_ diagnostic: Diagnostic) throws
    /// A diagnostic of an imported record with what `preparation` made of it.
    func consume(_ diagnostic: Diagnostic, prepared: PreparedDiagnostic) throws
}

extension ImportConsumer {
    public var preparation: RecordPreparation<PreparedRecord, PreparedDiagnostic>? { nil }
    public func beginFile(_ path: String, replayed: Bool) throws {}
}

extension ImportConsumer where PreparedRecord == Never {
    public func consume(_ product: Product, prepared: Never) throws {}
}

extension ImportConsumer where PreparedDiagnostic == Never {
    public func consume(_ diagnostic: Diagnostic, prepared: Never) throws {}
}

/// A consumer's per-record work for the worker threads (see `ImportConsumer.preparation`).
public struct RecordPreparation<Record: Sendable, Finding: Sendable>: Sendable {
    public let record: @Sendable (Product) -> Record
    /// What to make of a record replayed from a `ReadCache`, when it differs from `record` (a consumer that keeps
    /// per-record facts from the last run need not derive them again).
    public let replayedRecord: (@Sendable (Product) -> Record)?
    public let diagnostic: @Sendable (Diagnostic) -> Finding

    public init(record: @escaping @Sendable (Product) -> Record, replayedRecord: (@Sendable (Product) -> Record)? = nil, diagnostic: @escaping @Sendable (Diagnostic) -> Finding) {
        self.record = record
        self.replayedRecord = replayedRecord
        self.diagnostic = diagnostic
    }

    /// The record's prepared value and one per diagnostic, in the same order.
    func prepare(_ product: Product, replayed: Bool = false) -> PreparedOutcome<Record, Finding> {
        let make = replayed ? replayedRecord ?? record : record
        return PreparedOutcome(record: make(product), diagnostics: product.diagnostics.map(diagnostic))
    }
}

/// What a preparation made of one imported record and its diagnostics.
public struct PreparedOutcome<Record: Sendable, Finding: Sendable>: Sendable {
    public var record: Record
    /// One per diagnostic of the record, in the same order.
    public var diagnostics: [Finding]
}
