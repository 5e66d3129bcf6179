import Foundation

/// The pipeline's one concurrency primitive: tasks run on `workers` threads, each thread with its own state (a
/// normalizer), and their results are handed on strictly in submission order on one delivery queue, while later
/// tasks still run. At most `maximumInFlight` tasks exist at once: `submit` waits when they are all taken, so memory
/// is bounded whatever the input.
///
/// Memory is freed by the thread that allocated it. The delivery queue is the pipeline's one serial part, and
/// freeing a batch of records (every string of every field) cost it a sixth of its time; and glibc's malloc locks
/// the allocating thread's arena on every free from another thread: with two workers freeing each other's results
/// and the reader's batches, a third of all context switches of a 2-job import were threads waiting for an arena
/// lock (`__lll_lock_wait_private` in `_int_free`). So a delivered result goes back to the worker that made it,
/// which frees it when it takes its next task; and a task that has run (with the input it captured, e.g. a batch of
/// raw records) goes back to the submitting thread, which frees it on its next `submit`. At most `maximumInFlight`
/// results and tasks wait to be freed beside the tasks in flight, so memory stays bounded.
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
    /// Results already delivered, by the worker that made them, waiting for it to free them.
    private var delivered: [[Handover<Result>]]
    /// Tasks that have run, waiting for the submitting thread to free them (and what they captured).
    private var spent: [Handover<(State) -> Result>] = []
    private var threads: [Thread] = []
    private let finishedThreads = DispatchGroup()

    // Submission side (the caller's thread).
    private var submitted = 0
    private let slots: DispatchSemaphore

    // Delivery side (the delivery queue); `ready` is shared with the workers, under `condition`.
    private let deliveryQueue = DispatchQueue(label: "katalog.deliver")
    private var ready: [Int: (result: Result, maker: Int)] = [:]
    private var nextToDeliver = 0
    private let undelivered = DispatchGroup()

    /// One worker thread per element of `states`; `deliver` is called in submission order, never concurrently.
    init(states: [State], maximumInFlight: Int, deliver: @escaping (Result) -> Void) {
        precondition(!states.isEmpty, "an executor needs at least one worker")
        self.states = states
        self.deliver = deliver
        inline = states.count == 1
        delivered = Array(repeating: [], count: states.count)
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
        var freed: [Handover<(State) -> Result>] = []
        swap(&freed, &spent)
        condition.signal()
        condition.unlock()
        freed.removeAll()
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
        condition.withLock {
            delivered.removeAll()
            spent.removeAll()
        }
        // The delivery blocks hold the executor while they run; a barrier on their queue waits until the last one
        // is done with it. The threads' blocks hold it only while working. So the executor and its states (the
        // normalizers) are freed when the caller lets go (AddressSanitizer's leak check found them kept).
        deliveryQueue.sync {}
        threads.removeAll()
    }

    private func work(with index: Int) {
        let state = states[index]
        // Swapped with this worker's list of delivered results, so that its buffer is reused, not reallocated.
        var freed: [Handover<Result>] = []
        while true {
            condition.lock()
            while tasks.isEmpty && !closed { condition.wait() }
            if tasks.isEmpty {
                condition.unlock()
                return
            }
            let (sequence, task) = tasks.removeFirst()
            swap(&freed, &delivered[index])
            condition.unlock()
            freed.removeAll(keepingCapacity: true)
            let result = task(state)
            // Moved, not copied, into the shared lists: a copy left here would be released after the lock is let
            // go, maybe last, and so on this thread.
            condition.lock()
            spent.append(Handover(value: consume task))
            ready[sequence] = (consume result, index)
            condition.unlock()
            // No worker waits for delivery: results are parked and handed on in sequence by the delivery queue.
            deliveryQueue.async { [self] in deliverReady() }
        }
    }

    /// On the delivery queue: hands on every parked result that is next in sequence, then parks it for its maker.
    private func deliverReady() {
        while true {
            condition.lock()
            guard let (result, maker) = ready.removeValue(forKey: nextToDeliver) else {
                condition.unlock()
                return
            }
            condition.unlock()
            deliver(result)
            condition.lock()
            delivered[maker].append(Handover(value: consume result))
            condition.unlock()
            nextToDeliver += 1
            slots.signal()
            undelivered.leave()
        }
    }
}
