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

    static func record(_ outcome: consuming RecordOutcome, prepared: PreparedOutcome<Record, Finding>?, stored: [UInt8]?) -> Self {
        switch consume outcome {
        case .imported(let product): .record(ProcessedRecord(product: product, rejection: nil, prepared: prepared, stored: stored))
        case .rejected(let rejected): .record(ProcessedRecord(product: rejected.product, rejection: .init(record: rejected.record, reasons: rejected.reasons), prepared: prepared, stored: stored))
        }
    }
}

/// One record's outcome, what the consumer's preparation made of it (when it ran), and the outcome encoded for a
/// `ReadCache` when the run records one (made on the worker).
///
/// A class with constant fields, so the serial reduction reads the record where it is: as an enum payload it was
/// copied out first (every string of the record retained and released, on the pipeline's one serial thread), and
/// events moved between arrays and threads as a kilobyte each instead of one pointer. For the same reason the
/// product is a field of its own, imported or not, and not the payload of a `RecordOutcome`: bound out of the
/// enum, it was copied.
final class ProcessedRecord<Record: Sendable, Finding: Sendable>: Sendable {
    /// Why a record was rejected, and the record as read.
    struct Rejection: Sendable {
        let record: RawRecord
        let reasons: [FindingCode]
    }

    /// The imported product, or what the normalizer made of a rejected record.
    let product: Product
    /// Set when the record was rejected.
    let rejection: Rejection?
    let prepared: PreparedOutcome<Record, Finding>?
    let stored: [UInt8]?

    init(product: consuming Product, rejection: Rejection?, prepared: PreparedOutcome<Record, Finding>?, stored: [UInt8]?) {
        self.product = product
        self.rejection = rejection
        self.prepared = prepared
        self.stored = stored
    }

    /// The outcome as one value (a copy of the product).
    var outcome: RecordOutcome {
        guard let rejection else { return .imported(product) }
        return .rejected(RejectedRecord(record: rejection.record, product: product, reasons: rejection.reasons))
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
    func events(of batch: RecordBatch, normalizer: ProductNormalizer) -> [ProcessingEvent<Record, Finding>] {
        // The records are read in place, by index: bound by a pattern (`for case .record(let record, …)`), each
        // record was copied for every stage (its strings retained and released).
        let records = batch.records
        var products: [Product] = []
        products.reserveCapacity(records.count)
        for index in records.indices { products.append(normalizer.readFields(records[index], observed: batch.observations[index])) }
        for index in products.indices {
            normalizer.enrich(&products[index])
            for enrichment in enrichments { enrichment.enrich(&products[index]) }
        }
        var reasons: [[FindingCode]] = []
        reasons.reserveCapacity(products.count)
        for index in records.indices { reasons.append(validator.validate(&products[index], record: records[index])) }
        // From the last record back, so that each product leaves its array by `removeLast` (moved, not copied);
        // each diagnostic goes before the record it came before.
        var events: [ProcessingEvent<Record, Finding>] = []
        events.reserveCapacity(records.count + batch.diagnostics.count)
        var diagnostic = batch.diagnostics.count - 1
        for index in stride(from: records.count, through: 0, by: -1) {
            if index < records.count {
                events.append(outcome(of: products.removeLast(), record: records[index], reasons: reasons.removeLast()))
            }
            while diagnostic >= 0, batch.diagnostics[diagnostic].recordsBefore == index {
                events.append(.fileDiagnostic(batch.diagnostics[diagnostic].diagnostic))
                diagnostic -= 1
            }
        }
        events.reverse()
        return events
    }

    /// The event of a validated product: rejected for `reasons`, else imported and prepared.
    private func outcome(of product: consuming Product, record: RawRecord, reasons: [FindingCode]) -> ProcessingEvent<Record, Finding> {
        guard reasons.isEmpty else {
            let stored = storesEvents ? StoredEvent.rejected(RejectedRecord(record: record, product: copy product, reasons: reasons)).encoded : nil
            return .record(ProcessedRecord(product: consume product, rejection: .init(record: record, reasons: reasons), prepared: nil, stored: stored))
        }
        let prepared = preparation?.prepare(product)
        let stored = storesEvents ? StoredEvent.imported(product).encoded : nil
        // `consume`: the record moves into its outcome. Without it the optimizer copied the record there and then
        // destroyed the original (some 30 strings retained and released, per record).
        return .record(ProcessedRecord(product: consume product, rejection: nil, prepared: prepared, stored: stored))
    }

    /// A small file read and mapped on this thread (its whole file is one task): `read` gives its records to a
    /// `BatchingSink` whose batches are mapped here with `normalizer`, which also gathers the file's evidence.
    /// Returns what `read` returned and the file's events, in document order.
    func eventsOfWholeFile<Result>(normalizer: ProductNormalizer, policy: FindingPolicy,
                                   reading read: (BatchingSink) throws -> Result) rethrows -> (Result, [ProcessingEvent<Record, Finding>]) {
        var events: [ProcessingEvent<Record, Finding>] = []
        let sink = BatchingSink(observer: normalizer, policy: policy, submit: { events += self.events(of: $0, normalizer: normalizer) })
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
final class BatchingSink: RecordSink {
    static var batchSize: Int { 128 }

    private let observer: ProductNormalizer
    private let policy: FindingPolicy
    private let submit: (RecordBatch) -> Void
    private let stopped: () -> Bool
    private var pending = RecordBatch()
    private(set) var encoding: TextEncodingInfo?

    /// `submit` takes one batch; `stopped` tells when delivery has failed, so later records are not worth mapping.
    init(observer: ProductNormalizer, policy: FindingPolicy, submit: @escaping (RecordBatch) -> Void, stopped: @escaping () -> Bool = { false }) {
        self.observer = observer
        self.policy = policy
        self.submit = submit
        self.stopped = stopped
    }

    func accept(_ record: consuming RawRecord) {
        guard !stopped() else { return }
        let observation = observer.observe(record)
        pending.append(record, observation)
        if pending.records.count >= Self.batchSize { flush() }
    }

    func report(_ diagnostic: Diagnostic) {
        if let diagnostic = policy.apply(diagnostic) { pending.diagnostics.append(.init(recordsBefore: pending.records.count, diagnostic: diagnostic)) }
    }

    func noteEncoding(_ encoding: TextEncodingInfo) {
        if self.encoding == nil { self.encoding = encoding }
    }

    /// Hands on what is still pending; call when the reader is done (or has failed).
    func flush() {
        guard !pending.isEmpty else { return }
        submit(pending)
        pending = RecordBatch()
    }
}

/// Records a reader gave, each with the file evidence gathered up to it, and the file's diagnostics among them:
/// what a worker maps at a time. Records and their evidence are kept in arrays of their own, not as the payloads
/// of one list of cases, so the stages read each record where it is.
struct RecordBatch: Sendable {
    /// A file diagnostic and its place: the number of the batch's records the reader gave before it.
    struct PlacedDiagnostic: Sendable {
        let recordsBefore: Int
        let diagnostic: Diagnostic
    }

    private(set) var records: [RawRecord] = []
    /// `observations[i]` is the evidence `records[i]` is read with.
    private(set) var observations: [FileObservation] = []
    var diagnostics: [PlacedDiagnostic] = []

    var isEmpty: Bool { records.isEmpty && diagnostics.isEmpty }

    init() {
        records.reserveCapacity(BatchingSink.batchSize)
        observations.reserveCapacity(BatchingSink.batchSize)
    }

    mutating func append(_ record: consuming RawRecord, _ observation: FileObservation) {
        records.append(record)
        observations.append(observation)
    }
}
