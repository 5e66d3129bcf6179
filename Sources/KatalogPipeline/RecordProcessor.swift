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
    case record(RecordOutcome)
}

/// The sink a reader writes into: normalizes and validates each record as it arrives and passes the outcome on.
final class RecordProcessor: RecordSink {
    private let normalizer: ProductNormalizer
    private let validator: RecordValidator
    private let conversion: PriceConversion?
    private let emit: (ProcessingEvent) throws -> Void
    private(set) var encoding: TextEncodingInfo?
    /// The first error `emit` threw; reading stops being useful after it, so later events are dropped.
    private(set) var emitError: Error?

    init(normalizer: ProductNormalizer, validator: RecordValidator, conversion: PriceConversion? = nil, emit: @escaping (ProcessingEvent) throws -> Void) {
        self.normalizer = normalizer
        self.validator = validator
        self.conversion = conversion
        self.emit = emit
    }

    func accept(_ record: RawRecord) {
        var product = normalizer.normalize(record)
        conversion?.apply(to: &product)
        let reasons = validator.validate(&product, record: record)
        let outcome: RecordOutcome = reasons.isEmpty
            ? .imported(product)
            : .rejected(RejectedRecord(record: record, product: product, reasons: reasons))
        send(.record(outcome))
    }

    func report(_ diagnostic: Diagnostic) {
        guard let diagnostic = validator.policy.apply(diagnostic) else { return }
        send(.fileDiagnostic(diagnostic))
    }

    func noteEncoding(_ encoding: TextEncodingInfo) {
        if self.encoding == nil { self.encoding = encoding }
    }

    private func send(_ event: ProcessingEvent) {
        guard emitError == nil else { return }
        do { try emit(event) } catch { emitError = error }
    }
}
