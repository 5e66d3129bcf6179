import Dispatch
import Foundation
import KatalogReaders

/// Reads a catalog's lines in batches and maps each batch on every core, handing the results on in file order:
/// parsing a line is most of what `diff` and `merge` do per record, and it depends on nothing but the line. Memory
/// holds one batch.
enum ParallelLines {
    static let batchSize = 2048

    /// Calls `body` for each line of `reader`, in order, with its line number and what `map` made of it (on any
    /// thread).
    static func forEach<Output: Sendable>(
        _ reader: LineFileReader, map: @escaping @Sendable ([UInt8]) throws -> Output,
        _ body: (_ line: [UInt8], _ lineNumber: Int, _ mapped: Result<Output, any Error>) throws -> Void
    ) throws {
        var lines: [[UInt8]] = [], numbers: [Int] = []
        lines.reserveCapacity(batchSize)
        func flush() throws {
            let mapped = mapAll(lines, map: map)
            for index in lines.indices { try body(lines[index], numbers[index], mapped[index]) }
            lines.removeAll(keepingCapacity: true)
            numbers.removeAll(keepingCapacity: true)
        }
        while let line = try reader.next() {
            lines.append(line)
            numbers.append(reader.lineNumber)
            if lines.count == batchSize { try flush() }
        }
        try flush()
    }

    /// `map` of every line, computed on as many threads as there are cores, in the lines' order.
    static func mapAll<Output: Sendable>(_ lines: [[UInt8]], map: @escaping @Sendable ([UInt8]) throws -> Output) -> [Result<Output, any Error>] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, lines.count)
        guard workers > 1 else { return lines.map { line in Result { try map(line) } } }
        let results = UnsafeMutableBufferPointer<Result<Output, any Error>>.allocate(capacity: lines.count)
        defer { results.deallocate() }
        // Each worker initializes its own contiguous share of the buffer; no element is touched by two threads.
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let share = (lines.count + workers - 1) / workers
            for index in (worker * share) ..< min(lines.count, (worker + 1) * share) {
                (shared.baseAddress! + index).initialize(to: Result { try map(lines[index]) })
            }
        }
        return (0..<lines.count).map { (results.baseAddress! + $0).move() }
    }
}
