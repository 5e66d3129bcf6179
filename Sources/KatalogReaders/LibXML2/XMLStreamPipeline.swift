import Foundation

/// Runs libxml2 on a worker thread and hands its events to the calling thread in batches, so parsing and
/// record building overlap on two cores. The queue holds at most `maximumBatches` batches of `batchSize`
/// events: when the consumer is slower, the parser waits, so memory stays flat whatever the feed size.
///
/// Every libxml2 call (and its per-thread error handler and entity guard) happens on the worker thread;
/// every `handle` call happens on the calling thread, in document order.
enum XMLStreamPipeline {
    static let batchSize = 2048
    static let maximumBatches = 4

    static func read(file path: String, _ handle: (XMLStreamEvent) -> Void) -> XMLStreamOutcome? {
        let channel = XMLStreamBatchChannel(capacity: maximumBatches)
        let worker = Thread {
            var batch: [XMLStreamEvent] = []
            batch.reserveCapacity(batchSize)
            let outcome = XMLStreamReader.readSynchronously(file: path) { event in
                batch.append(event)
                if batch.count >= batchSize {
                    channel.put(batch)
                    batch = []
                    batch.reserveCapacity(batchSize)
                }
            }
            if !batch.isEmpty { channel.put(batch) }
            channel.close(outcome: outcome)
        }
        worker.stackSize = 8 << 20
        worker.start()
        while let batch = channel.take() {
            for event in batch { handle(event) }
        }
        return channel.outcome
    }
}

/// A bounded, blocking queue of event batches between the parsing thread and the consumer.
final class XMLStreamBatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[XMLStreamEvent]] = []
    private var closed = false
    private let capacity: Int
    private var finalOutcome: XMLStreamOutcome?

    init(capacity: Int) { self.capacity = capacity }

    /// Blocks while the queue is full.
    func put(_ batch: [XMLStreamEvent]) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Marks the end of the stream; `outcome` is nil when the file could not be opened.
    func close(outcome: XMLStreamOutcome?) {
        condition.lock()
        finalOutcome = outcome
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, blocking until one is ready; nil once the stream is closed and drained.
    func take() -> [XMLStreamEvent]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// How the parse ended; read after `take()` returned nil.
    var outcome: XMLStreamOutcome? {
        condition.lock()
        defer { condition.unlock() }
        return finalOutcome
    }
}
