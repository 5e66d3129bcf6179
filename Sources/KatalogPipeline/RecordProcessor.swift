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
/// With one normalizer it works record by record. With several (a large file read alone on a machine with
/// several cores) it collects `batchSize` records, normalizes and validates them on one thread per normalizer,
/// and hands the batch on in document order; the file's decimal-mark evidence is still gathered record by record
/// in order (`ProductNormalizer.observeDecimalMark`), so the results are the same bytes as with one normalizer.
final class RecordProcessor: RecordSink {
    private let normalizers: SharedNormalizers
    private let validator: RecordValidator
    private let conversion: PriceConversion?
    private let preparation: RecordPreparation?
    private let emit: (ProcessingEvent) throws -> Void
    private(set) var encoding: TextEncodingInfo?
    /// The first error `emit` threw; reading stops being useful after it, so later events are dropped.
    private(set) var emitError: Error?

    private enum Pending {
        case record(RawRecord, decimalMark: Character?)
        case diagnostic(Diagnostic)
    }
    private var pending: [Pending] = []
    private var pendingRecords = 0
    static let batchSize = 512

    /// `preparation`, when given, runs on each imported record right after it is validated (on the worker thread
    /// that normalized it), and its result travels with the record.
    init(normalizers: [ProductNormalizer], validator: RecordValidator, conversion: PriceConversion? = nil, preparation: RecordPreparation? = nil, emit: @escaping (ProcessingEvent) throws -> Void) {
        precondition(!normalizers.isEmpty, "a record processor needs a normalizer")
        self.normalizers = SharedNormalizers(normalizers)
        self.validator = validator
        self.conversion = conversion
        self.preparation = preparation
        self.emit = emit
    }

    convenience init(normalizer: ProductNormalizer, validator: RecordValidator, conversion: PriceConversion? = nil, emit: @escaping (ProcessingEvent) throws -> Void) {
        self.init(normalizers: [normalizer], validator: validator, conversion: conversion, emit: emit)
    }

    private var isBatching: Bool { normalizers.count > 1 }

    func accept(_ record: RawRecord) {
        guard isBatching else {
            send(Self.event(for: record, normalizer: normalizers[0], decimalMark: nil, validator: validator, conversion: conversion, preparation: preparation))
            return
        }
        pending.append(.record(record, decimalMark: normalizers[0].observeDecimalMark(record)))
        pendingRecords += 1
        if pendingRecords >= Self.batchSize { flush() }
    }

    /// Hands on whatever is still batched; call once the reader is done (or has failed).
    func finish() { flush() }

    private static func event(for record: RawRecord, normalizer: ProductNormalizer, decimalMark: Character??, validator: RecordValidator, conversion: PriceConversion?, preparation: RecordPreparation?) -> ProcessingEvent {
        var product = normalizer.normalize(record, observedDecimalMark: decimalMark)
        conversion?.apply(to: &product)
        let reasons = validator.validate(&product, record: record)
        guard reasons.isEmpty else {
            return .record(.rejected(RejectedRecord(record: record, product: product, reasons: reasons)), prepared: nil)
        }
        return .record(.imported(product), prepared: preparation?.prepare(product))
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        pendingRecords = 0
        let jobs = batch.compactMap { entry -> (RawRecord, Character?)? in
            if case .record(let record, let mark) = entry { return (record, mark) }
            return nil
        }
        let outcomes = ResultSlots<ProcessingEvent>(count: jobs.count)
        let next = AtomicCounter()
        let normalizers = self.normalizers, validator = self.validator, conversion = self.conversion, preparation = self.preparation
        DispatchQueue.concurrentPerform(iterations: min(normalizers.count, jobs.count)) { worker in
            while true {
                let index = next.increment()
                guard index < jobs.count else { return }
                outcomes[index] = Self.event(for: jobs[index].0, normalizer: normalizers[worker], decimalMark: .some(jobs[index].1), validator: validator, conversion: conversion, preparation: preparation)
            }
        }
        let results = outcomes.values
        var recordIndex = 0
        for entry in batch {
            switch entry {
            case .diagnostic(let diagnostic):
                send(.fileDiagnostic(diagnostic))
            case .record:
                send(results[recordIndex])
                recordIndex += 1
            }
        }
    }

    func report(_ diagnostic: Diagnostic) {
        guard let diagnostic = validator.policy.apply(diagnostic) else { return }
        if isBatching {
            pending.append(.diagnostic(diagnostic))
        } else {
            send(.fileDiagnostic(diagnostic))
        }
    }

    func noteEncoding(_ encoding: TextEncodingInfo) {
        if self.encoding == nil { self.encoding = encoding }
    }

    private func send(_ event: ProcessingEvent) {
        guard emitError == nil else { return }
        do { try emit(event) } catch { emitError = error }
    }
}

/// Normalizers handed to worker threads; each worker uses only its own, and the first one is used between
/// batches on the reading thread, so no normalizer is ever used by two threads at once.
final class SharedNormalizers: @unchecked Sendable {
    private let normalizers: [ProductNormalizer]

    init(_ normalizers: [ProductNormalizer]) { self.normalizers = normalizers }

    var count: Int { normalizers.count }

    subscript(index: Int) -> ProductNormalizer { normalizers[index] }
}
