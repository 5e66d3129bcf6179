import Foundation
import Synchronization
import Testing
@testable import KatalogPipeline

/// Memory goes back to the thread that allocated it: glibc's malloc takes the owning arena's lock on a free from
/// another thread, and workers freeing each other's results and the reader's batches made a third of a 2-job
/// import's context switches waits for those locks.
struct OrderedExecutorFreeingTests {
    /// The threads each tracked object was made and freed on.
    final class Log: Sendable {
        private let entries = Mutex<[(made: UInt, freed: UInt)]>([])
        func append(made: UInt, freed: UInt) { entries.withLock { $0.append((made, freed)) } }
        var all: [(made: UInt, freed: UInt)] { entries.withLock { $0 } }
    }

    /// Records on which thread it was made and on which it was freed.
    final class Tracked: Sendable {
        let madeOn: UInt
        let log: Log
        init(log: Log) {
            madeOn = OrderedExecutorFreeingTests.currentThread()
            self.log = log
        }
        deinit { log.append(made: madeOn, freed: OrderedExecutorFreeingTests.currentThread()) }
    }

    /// A worker's state: it names the worker.
    final class Worker: Sendable {}

    static func currentThread() -> UInt { UInt(pthread_self()) }

    @Test(arguments: [2, 3])
    func resultsAreFreedByTheirWorkerAndInputsByTheSubmitter(workers: Int) {
        let results = Log(), inputs = Log()
        let submitter = Self.currentThread()
        // The threads that ran a task. Until two have, a task waits (at most 5 s) for another worker to take one:
        // on a busy machine one worker could otherwise run them all, and the test would show nothing.
        let working = Mutex<Set<UInt>>([])
        var delivered = 0
        do {
            let executor = OrderedExecutor<Worker, Tracked>(states: (0..<workers).map { _ in Worker() }, maximumInFlight: 4) { _ in
                delivered += 1
            }
            for _ in 0..<200 {
                let input = Tracked(log: inputs)
                executor.submit { _ in
                    withExtendedLifetime(input) {}
                    working.withLock { _ = $0.insert(Self.currentThread()) }
                    let deadline = Date().addingTimeInterval(5)
                    while working.withLock({ $0.count }) < 2, Date() < deadline { usleep(200) }
                    // A little work, so that several tasks are in flight and both workers take some.
                    var sum = 0
                    for value in 0..<2_000 { sum &+= value }
                    precondition(sum > 0)
                    return Tracked(log: results)
                }
            }
            executor.finish()
        }
        #expect(delivered == 200)
        let freedResults = results.all, freedInputs = inputs.all
        #expect(freedResults.count == 200, "every result is freed once the run is over")
        #expect(freedInputs.count == 200, "every task's input is freed once the run is over")
        #expect(Set(freedResults.map(\.made)).count > 1, "the results came from one worker only: the test shows nothing")
        // Those freed at `finish()` after the workers stopped are freed on the caller's thread; all others on their maker.
        let byAnotherWorker = freedResults.filter { $0.made != $0.freed && $0.freed != submitter }
        #expect(byAnotherWorker.isEmpty, "\(byAnotherWorker.count) results were freed by a thread other than the worker that made them")
        let inputsOffSubmitter = freedInputs.filter { $0.freed != submitter }
        #expect(inputsOffSubmitter.isEmpty, "\(inputsOffSubmitter.count) task inputs were freed on a worker, not on the submitting thread")
    }
}
