import Foundation

/// The pipeline's one concurrency primitive: tasks run on `workers` threads, each thread with its own state (a
/// normalizer), and their results are handed on strictly in submission order on one delivery queue, while later
/// tasks still run. At most `maximumInFlight` tasks exist at once: `submit` waits when they are all taken, so memory
/// is bounded whatever the input.
///
/// Delivered results are freed by the workers, not by the delivery queue: the delivery queue is the pipeline's one
/// serial part, and freeing a batch of records (every string of every field) cost it a sixth of its time. A worker
/// frees every waiting result when it takes its next task (or `finish` does), so at most `maximumInFlight` results
/// wait to be freed beside the tasks in flight: memory stays bounded.
///
/// With one worker there are no threads at all: `submit` runs the task and delivers its result on the caller's
/// thread. Same code, same order, same bytes.
final class OrderedExecutor<State, Result>: @unchecked Sendable {
    /// Carries a value across threads that the executor hands over without sharing (a worker's own state, a result
    /// parked until its turn).
    private struct Handover<Value>: @unchecked Sendable { let value: Value }

    private let states: [State]
    private let deliver: (Result) -> Void
    private let inline: Bool

    // Task queue, shared by the worker threads.
    private let condition = NSCondition()
    private var tasks: [(sequence: Int, task: (State) -> Result)] = []
    private var closed = false
    /// Results already delivered, waiting for a worker to free them.
    private var delivered: [Handover<Result>] = []
    private var threads: [Thread] = []
    private let finishedThreads = DispatchGroup()

    // Submission side (the caller's thread).
    private var submitted = 0
    private let slots: DispatchSemaphore

    // Delivery side (the delivery queue).
    private let deliveryQueue = DispatchQueue(label: "katalog.deliver")
    private var ready: [Int: Result] = [:]
    private var nextToDeliver = 0
    private let undelivered = DispatchGroup()

    /// One worker thread per element of `states`; `deliver` is called in submission order, never concurrently.
    init(states: [State], maximumInFlight: Int, deliver: @escaping (Result) -> Void) {
        precondition(!states.isEmpty, "an executor needs at least one worker")
        self.states = states
        self.deliver = deliver
        inline = states.count == 1
        slots = DispatchSemaphore(value: max(1, maximumInFlight))
        guard !inline else { return }
        for index in states.indices {
            finishedThreads.enter()
            // The block holds neither the executor nor the state once the work is done: a finished thread may be
            // released after `finish()` returns, and must not keep them alive until then.
            let finished = finishedThreads
            let thread = Thread { [weak self] in
                self?.work(with: index)
                finished.leave()
            }
            thread.name = "katalog.worker.\(index)"
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
    }

    /// Queues `task`; returns at once unless `maximumInFlight` tasks are already queued or running.
    func submit(_ task: @escaping (State) -> Result) {
        if inline {
            deliver(task(states[0]))
            return
        }
        slots.wait()
        undelivered.enter()
        condition.lock()
        tasks.append((submitted, task))
        submitted += 1
        condition.signal()
        condition.unlock()
    }

    /// Waits until every submitted task's result has been delivered, then stops the worker threads.
    func finish() {
        guard !inline else { return }
        undelivered.wait()
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        finishedThreads.wait()
        condition.withLock { delivered.removeAll() }
        // The delivery blocks hold the executor while they run; a barrier on their queue waits until the last one
        // is done with it. The threads' blocks hold it only while working. So the executor and its states (the
        // normalizers) are freed when the caller lets go (AddressSanitizer's leak check found them kept).
        deliveryQueue.sync {}
        threads.removeAll()
    }

    private func work(with index: Int) {
        let state = states[index]
        while true {
            condition.lock()
            while tasks.isEmpty && !closed { condition.wait() }
            if tasks.isEmpty {
                condition.unlock()
                return
            }
            let (sequence, task) = tasks.removeFirst()
            var freed = delivered
            delivered.removeAll()
            condition.unlock()
            freed.removeAll()
            let result = Handover(value: task(state))
            // No worker waits for delivery: results are parked and handed on in sequence by the delivery queue.
            deliveryQueue.async { [self] in
                ready[sequence] = result.value
                while let next = ready.removeValue(forKey: nextToDeliver) {
                    deliver(next)
                    condition.lock()
                    delivered.append(Handover(value: next))
                    condition.unlock()
                    nextToDeliver += 1
                    slots.signal()
                    undelivered.leave()
                }
            }
        }
    }
}
