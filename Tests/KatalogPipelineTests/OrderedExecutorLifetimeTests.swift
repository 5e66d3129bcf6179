import Testing
@testable import KatalogPipeline

/// An executor with worker threads is freed once it has finished (issue 14: AddressSanitizer's leak check found
/// every multi-worker executor, with its normalizers, kept alive by its threads' blocks).
struct OrderedExecutorLifetimeTests {
    final class Probe: Sendable {}

    @Test(arguments: [1, 2, 3])
    func aFinishedExecutorAndItsStatesAreFreed(workers: Int) {
        weak var executor: OrderedExecutor<Probe, Int>?
        weak var state: Probe?
        var delivered: [Int] = []
        do {
            let states = (0..<workers).map { _ in Probe() }
            state = states[0]
            let running = OrderedExecutor<Probe, Int>(states: states, maximumInFlight: 4) { delivered.append($0) }
            executor = running
            for index in 0..<10 { running.submit { _ in index } }
            running.finish()
        }
        #expect(delivered == Array(0..<10))
        #expect(executor == nil, "the executor outlived its run")
        #expect(state == nil, "a worker's state outlived the run")
    }
}
