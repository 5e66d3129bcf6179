import Dispatch
import Foundation
import KatalogCore

/// Three overlapping stages for a large file on a machine with several cores: the reader thread fills batches,
/// one worker queue per normalizer turns records into events, and one hand-on queue delivers each batch's events
/// in document order.
///
/// While batch *n* is handed on (written), batch *n + 1* is being normalized and batch *n + 2* read. Each worker
/// queue owns its normalizer, so no normalizer is used by two threads. At most `maximumInFlight` batches exist at
/// once, which bounds memory; the reader waits when they are all taken.
final class RecordBatchPipeline: @unchecked Sendable {
    /// One entry of a batch, in document order.
    enum Entry {
        case record(RawRecord, observed: FileObservation)
        case diagnostic(Diagnostic)
    }

    typealias Work = @Sendable (RawRecord, FileObservation, ProductNormalizer) -> ProcessingEvent

    static let maximumInFlight = 4

    /// Worker `i`'s normalizer, used only on `workerQueues[i]`.
    private let normalizers: SharedNormalizers
    private let workerQueues: [DispatchQueue]
    private let handOnQueue = DispatchQueue(label: "katalog.hand-on")
    private let slotsFree = DispatchSemaphore(value: RecordBatchPipeline.maximumInFlight)
    /// Entered when a batch is submitted, left when it has been handed on.
    private let undelivered = DispatchGroup()
    /// Touched only on the reading thread.
    private var submitted = 0
    /// Touched only on the hand-on queue: normalized batches waiting for an earlier one, by sequence number.
    private var ready: [Int: (batch: [Entry], events: ResultSlots<ProcessingEvent>)] = [:]
    private var nextToDeliver = 0
    private let work: Work
    private let deliver: (ProcessingEvent) -> Void

    /// `work` runs on a worker queue with that queue's normalizer; `deliver` runs on the hand-on queue, in order.
    init(normalizers: [ProductNormalizer], work: @escaping Work, deliver: @escaping (ProcessingEvent) -> Void) {
        self.normalizers = SharedNormalizers(normalizers)
        workerQueues = normalizers.indices.map { DispatchQueue(label: "katalog.normalize.\($0)") }
        self.work = work
        self.deliver = deliver
    }

    /// Hands `batch` to the workers and returns as soon as it is queued (waiting only when too many batches are
    /// in flight).
    func submit(_ batch: [Entry]) {
        guard !batch.isEmpty else { return }
        slotsFree.wait()
        let records = batch.compactMap { entry -> (RawRecord, FileObservation)? in
            if case .record(let record, let mark) = entry { return (record, mark) }
            return nil
        }
        let results = ResultSlots<ProcessingEvent>(count: records.count)
        let normalized = DispatchGroup()
        let workers = normalizers.count
        for worker in 0..<min(workers, records.count) {
            normalized.enter()
            workerQueues[worker].async { [work, normalizers] in
                // Strided, so records of similar cost that come in runs are spread over every worker.
                for index in stride(from: worker, to: records.count, by: workers) {
                    results[index] = work(records[index].0, records[index].1, normalizers[worker])
                }
                normalized.leave()
            }
        }
        let sequence = submitted
        submitted += 1
        undelivered.enter()
        // No thread waits for the workers: the batch is handed on when its last worker is done, in sequence.
        normalized.notify(queue: handOnQueue) { [self] in
            ready[sequence] = (batch, results)
            while let (batch, results) = ready.removeValue(forKey: nextToDeliver) {
                handOn(batch, events: results.values)
                nextToDeliver += 1
                slotsFree.signal()
                undelivered.leave()
            }
        }
    }

    private func handOn(_ batch: [Entry], events: [ProcessingEvent]) {
        var next = 0
        for entry in batch {
            switch entry {
            case .diagnostic(let diagnostic):
                deliver(.fileDiagnostic(diagnostic))
            case .record:
                deliver(events[next])
                next += 1
            }
        }
    }

    /// Waits until every submitted batch has been handed on.
    func drain() { undelivered.wait() }
}

/// Normalizers handed to worker queues; each queue uses only its own, so no normalizer is ever used by two threads
/// at once.
final class SharedNormalizers: @unchecked Sendable {
    private let normalizers: [ProductNormalizer]

    init(_ normalizers: [ProductNormalizer]) { self.normalizers = normalizers }

    var count: Int { normalizers.count }

    subscript(index: Int) -> ProductNormalizer { normalizers[index] }
}
