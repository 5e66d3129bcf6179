import Foundation
import KatalogCore
import KatalogReaders

/// What became of one input record.
public enum RecordOutcome: Sendable {
    case imported(Product)
    case rejected(RejectedRecord)
}

/// One event of a file's processing, in document order.
public enum ProcessingEvent: Sendable {
    /// A finding about the file itself (parser recovery, encoding, boilerplate).
    case fileDiagnostic(Diagnostic)
    /// A record's outcome, with what the consumer's `RecordPreparation` made of an imported record (if it ran).
    case record(RecordOutcome, prepared: RecordPreparation.Prepared?)
}

/// The sink a reader writes into: normalizes and validates each record and passes the outcome on, in document
/// order.
///
/// With one normalizer it works record by record on the reading thread. With several (a large file read alone
/// on a machine with several cores) it collects `batchSize` records and hands each batch to a
/// `RecordBatchPipeline`, which normalizes on one queue per normalizer while the next batch is read and the
/// previous one handed on. The file's decimal-mark evidence is still gathered record by record in order, on the
/// reading thread with a normalizer of its own (`ProductNormalizer.observeDecimalMark`), so the results are the
/// same bytes as with one normalizer.
final class RecordProcessor: RecordSink {
    private let validator: RecordValidator
    private let conversion: PriceConversion?
    private let preparation: RecordPreparation?
    private let emit: (ProcessingEvent) throws -> Void
    private(set) var encoding: TextEncodingInfo?
    private let errorLock = NSLock()
    private var firstEmitError: Error?
    /// The first error `emit` threw; reading stops being useful after it, so later events are dropped.
    var emitError: Error? { errorLock.withLock { firstEmitError } }

    /// Record by record: the only normalizer. Batched: the reading thread's normalizer, which only observes.
    private let readingNormalizer: ProductNormalizer
    private var batches: RecordBatchPipeline?
    private var pending: [RecordBatchPipeline.Entry] = []
    private var pendingRecords = 0
    static let batchSize = 128

    /// With more than one normalizer, records are normalized in batches on one queue per normalizer (and the
    /// first normalizer only observes decimal marks on the reading thread). `preparation`, when given, runs on
    /// each imported record right after it is validated, and its result travels with the record.
    init(normalizers: [ProductNormalizer], validator: RecordValidator, conversion: PriceConversion? = nil, preparation: RecordPreparation? = nil, emit: @escaping (ProcessingEvent) throws -> Void) {
        precondition(!normalizers.isEmpty, "a record processor needs a normalizer")
        self.validator = validator
        self.conversion = conversion
        self.preparation = preparation
        self.emit = emit
        readingNormalizer = normalizers[0]
        if normalizers.count > 1 {
            let work: RecordBatchPipeline.Work = { [validator, conversion, preparation] record, mark, normalizer in
                Self.event(for: record, normalizer: normalizer, observed: mark, validator: validator, conversion: conversion, preparation: preparation)
            }
            batches = RecordBatchPipeline(normalizers: Array(normalizers.dropFirst()), work: work) { [unowned self] event in self.send(event) }
        }
    }

    convenience init(normalizer: ProductNormalizer, validator: RecordValidator, conversion: PriceConversion? = nil, emit: @escaping (ProcessingEvent) throws -> Void) {
        self.init(normalizers: [normalizer], validator: validator, conversion: conversion, emit: emit)
    }

    func accept(_ record: RawRecord) {
        guard batches != nil else {
            send(Self.event(for: record, normalizer: readingNormalizer, observed: nil, validator: validator, conversion: conversion, preparation: preparation))
            return
        }
        pending.append(.record(record, observed: readingNormalizer.observe(record)))
        pendingRecords += 1
        if pendingRecords >= Self.batchSize { flush() }
    }

    /// Hands on whatever is still batched and waits until it is delivered; call once the reader is done (or has
    /// failed).
    func finish() {
        flush()
        batches?.drain()
    }

    private static func event(for record: RawRecord, normalizer: ProductNormalizer, observed: FileObservation?, validator: RecordValidator, conversion: PriceConversion?, preparation: RecordPreparation?) -> ProcessingEvent {
        var product = normalizer.normalize(record, observed: observed)
        conversion?.apply(to: &product)
        let reasons = validator.validate(&product, record: record)
        guard reasons.isEmpty else {
            return .record(.rejected(RejectedRecord(record: record, product: product, reasons: reasons)), prepared: nil)
        }
        return .record(.imported(product), prepared: preparation?.prepare(product))
    }

    private func flush() {
        guard let batches, !pending.isEmpty else { return }
        batches.submit(pending)
        pending.removeAll(keepingCapacity: true)
        pendingRecords = 0
    }

    func report(_ diagnostic: Diagnostic) {
        guard let diagnostic = validator.policy.apply(diagnostic) else { return }
        if batches != nil {
            pending.append(.diagnostic(diagnostic))
        } else {
            send(.fileDiagnostic(diagnostic))
        }
    }

    func noteEncoding(_ encoding: TextEncodingInfo) {
        if self.encoding == nil { self.encoding = encoding }
    }

    /// Called on the reading thread (record by record) or on the hand-on queue (batched), never on both.
    private func send(_ event: ProcessingEvent) {
        guard emitError == nil else { return }
        do {
            try emit(event)
        } catch {
            errorLock.withLock { firstEmitError = error }
        }
    }
}

