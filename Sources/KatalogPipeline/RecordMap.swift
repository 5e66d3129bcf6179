import Foundation
import KatalogCore
import KatalogReaders

/// What became of one input record.
public enum RecordOutcome: Sendable {
    case imported(Product)
    case rejected(RejectedRecord)
}

/// One event of a file's processing, in document order, with what the consumer's preparation made of an imported
/// record (when it ran).
enum ProcessingEvent<Record: Sendable, Finding: Sendable>: Sendable {
    /// A finding about the file itself (parser recovery, encoding, boilerplate).
    case fileDiagnostic(Diagnostic)
    case record(ProcessedRecord<Record, Finding>)

    static func record(_ outcome: RecordOutcome, prepared: PreparedOutcome<Record, Finding>?, stored: [UInt8]?) -> Self {
        .record(ProcessedRecord(outcome: outcome, prepared: prepared, stored: stored))
    }
}

/// One record's outcome, what the consumer's preparation made of it (when it ran), and the outcome encoded for a
/// `ReadCache` when the run records one (made on the worker).
///
/// A class with constant fields, so the serial reduction reads the record where it is: as an enum payload it was
/// copied out first (every string of the record retained and released, on the pipeline's one serial thread), and
/// events moved between arrays and threads as a kilobyte each instead of one pointer.
final class ProcessedRecord<Record: Sendable, Finding: Sendable>: Sendable {
    let outcome: RecordOutcome
    let prepared: PreparedOutcome<Record, Finding>?
    let stored: [UInt8]?

    init(outcome: consuming RecordOutcome, prepared: PreparedOutcome<Record, Finding>?, stored: [UInt8]?) {
        self.outcome = outcome
        self.prepared = prepared
        self.stored = stored
    }
}

/// A step that completes a normalized record before it is validated (price conversion, say). Stages are values, so
/// a test can run the pipeline with its own.
public protocol RecordEnrichment: Sendable {
    func enrich(_ product: inout Product)
}

extension PriceConversion: RecordEnrichment {
    public func enrich(_ product: inout Product) { apply(to: &product) }
}

/// The pure map every record goes through, on any worker, a batch at a time: normalize → enrich → validate → prepare.
struct RecordMap<Record: Sendable, Finding: Sendable>: Sendable {
    var enrichments: [any RecordEnrichment]
    var validator: RecordValidator
    var preparation: RecordPreparation<Record, Finding>?
    /// Whether outcomes are also encoded for a `ReadCache`.
    var storesEvents = false

    /// The events of `entries` (records with their file evidence, and diagnostics), in order. Each record is
    /// normalized (with its observation: the file evidence gathered in order), enriched, validated and prepared,
    /// but stage by stage over the whole batch: every record's fields are read, then every record is enriched,
    /// then validated, then prepared. Each stage's code stays in the processor's instruction cache from one record
    /// to the next, where record by record the stages evicted each other's. The stages are pure per record, so
    /// the events are those of mapping the records one by one.
    func events(of entries: [BatchingSink<Record, Finding>.Entry], normalizer: ProductNormalizer) -> [ProcessingEvent<Record, Finding>] {
        var products: [Product] = []
        products.reserveCapacity(entries.count)
        for case .record(let record, let observed) in entries { products.append(normalizer.readFields(record, observed: observed)) }
        for index in products.indices {
            normalizer.enrich(&products[index])
            for enrichment in enrichments { enrichment.enrich(&products[index]) }
        }
        var reasons: [[FindingCode]] = []
        reasons.reserveCapacity(products.count)
        for case .record(let record, _) in entries { reasons.append(validator.validate(&products[reasons.count], record: record)) }
        // From the last entry back, so that each product leaves its array by `removeLast` (moved, not copied).
        var events: [ProcessingEvent<Record, Finding>] = []
        events.reserveCapacity(entries.count)
        for entry in entries.reversed() {
            switch entry {
            case .diagnostic(let diagnostic): events.append(.fileDiagnostic(diagnostic))
            case .record(let record, _): events.append(outcome(of: products.removeLast(), record: record, reasons: reasons.removeLast()))
            }
        }
        events.reverse()
        return events
    }

    /// The event of a validated product: rejected for `reasons`, else imported and prepared.
    private func outcome(of product: consuming Product, record: RawRecord, reasons: [FindingCode]) -> ProcessingEvent<Record, Finding> {
        guard reasons.isEmpty else {
            let rejected = RejectedRecord(record: record, product: product, reasons: reasons)
            return .record(.rejected(rejected), prepared: nil, stored: storesEvents ? StoredEvent.rejected(rejected).encoded : nil)
        }
        let prepared = preparation?.prepare(product)
        let stored = storesEvents ? StoredEvent.imported(product).encoded : nil
        // `consume`: the record moves into its outcome. Without it the optimizer copied the record there and then
        // destroyed the original (some 30 strings retained and released, per record).
        return .record(.imported(consume product), prepared: prepared, stored: stored)
    }

    /// A small file read and mapped on this thread (its whole file is one task): `read` gives its records to a
    /// `BatchingSink` whose batches are mapped here with `normalizer`, which also gathers the file's evidence.
    /// Returns what `read` returned and the file's events, in document order.
    func eventsOfWholeFile<Result>(normalizer: ProductNormalizer, policy: FindingPolicy,
                                   reading read: (BatchingSink<Record, Finding>) throws -> Result) rethrows -> (Result, [ProcessingEvent<Record, Finding>]) {
        var events: [ProcessingEvent<Record, Finding>] = []
        let sink = BatchingSink<Record, Finding>(observer: normalizer, policy: policy, submit: { events += self.events(of: $0, normalizer: normalizer) })
        let result = try read(sink)
        sink.flush()
        return (result, events)
    }

    /// The event of a stored outcome replayed from a `ReadCache`, prepared as a read one would be.
    func replayed(_ event: StoredEvent) -> ProcessingEvent<Record, Finding> {
        switch event {
        case .fileDiagnostic(let diagnostic): return .fileDiagnostic(diagnostic)
        case .rejected(let rejected): return .record(.rejected(rejected), prepared: nil, stored: nil)
        case .imported(let product): return .record(.imported(product), prepared: preparation?.prepare(product, replayed: true), stored: nil)
        }
    }
}

/// The sink a reader writes into: it gathers the file's evidence record by record, in order
/// (`ProductNormalizer.observe`), and hands batches of `batchSize` records to `submit`; the file's diagnostics
/// travel in the batches, in document order. A large file is read on the caller's thread and its batches go to the
/// executor's workers; a small one is read on a worker, which maps its batches itself
/// (`RecordMap.eventsOfWholeFile`).
final class BatchingSink<Record: Sendable, Finding: Sendable>: RecordSink {
    enum Entry {
        case record(RawRecord, FileObservation)
        case diagnostic(Diagnostic)
    }

    static var batchSize: Int { 128 }

    private let observer: ProductNormalizer
    private let policy: FindingPolicy
    private let submit: ([Entry]) -> Void
    private let stopped: () -> Bool
    private var pending: [Entry] = []
    private var pendingRecords = 0
    private(set) var encoding: TextEncodingInfo?

    /// `submit` takes one batch; `stopped` tells when delivery has failed, so later records are not worth mapping.
    init(observer: ProductNormalizer, policy: FindingPolicy, submit: @escaping ([Entry]) -> Void, stopped: @escaping () -> Bool = { false }) {
        self.observer = observer
        self.policy = policy
        self.submit = submit
        self.stopped = stopped
    }

    func accept(_ record: consuming RawRecord) {
        guard !stopped() else { return }
        let observation = observer.observe(record)
        pending.append(.record(record, observation))
        pendingRecords += 1
        if pendingRecords >= Self.batchSize { flush() }
    }

    func report(_ diagnostic: Diagnostic) {
        if let diagnostic = policy.apply(diagnostic) { pending.append(.diagnostic(diagnostic)) }
    }

    func noteEncoding(_ encoding: TextEncodingInfo) {
        if self.encoding == nil { self.encoding = encoding }
    }

    /// Hands on what is still pending; call when the reader is done (or has failed).
    func flush() {
        guard !pending.isEmpty else { return }
        submit(pending)
        pending.removeAll(keepingCapacity: true)
        pendingRecords = 0
    }
}
