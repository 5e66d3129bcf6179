import Foundation
import KatalogCore
import KatalogPipeline

/// `katalog-bench events [--rows N] [--repeat N] [--data DIR]`
///
/// What `sync` pays to store and replay a file's outcome: imports `--rows` rows of the benchmark CSV (and the pages
/// and feeds under `Samples/`, when run from the repository) in memory, then encodes and decodes every imported
/// record as a `StoredEvent`, with the compact form `sync` stores and with Foundation's JSON coder for comparison.
/// Prints, per coder, bytes per event and events/s for encoding and decoding (best of `--repeat`, one thread).
enum EventCodingBenchmark {
    /// Keeps every imported product.
    final class Collector: ImportConsumer {
        var products: [Product] = []
        func consume(_ product: Product) throws { products.append(product) }
        func consume(_ rejected: RejectedRecord) throws {}
        func consume(_ diagnostic: Diagnostic) throws {}
    }

    static func run(_ arguments: [String]) throws {
        var rows = 20_000, repetitions = 3, data = "/work/bench-data"
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--rows": rows = Int(value) ?? rows
            case "--repeat": repetitions = max(1, Int(value) ?? repetitions)
            case "--data": data = value
            default: throw BenchmarkError(message: "unknown option \(arguments[index])")
            }
            index += 2
        }
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let csv = data + "/events-bench-\(rows).csv"
        if !FileManager.default.fileExists(atPath: csv) { try FeedBenchmarkData.writeCSV(to: csv, rows: rows) }
        let collector = Collector()
        let inputs = [csv] + ["Samples/html", "Samples/feeds", "Samples/text"].filter { FileManager.default.fileExists(atPath: $0) }
        _ = try ImportPipeline(jobs: 1).run(inputs, into: collector)
        let events = collector.products.map(StoredEvent.imported)
        FeedBenchmark.emit("katalog-bench events — \(events.count) imported records (\(rows) CSV rows + Samples), best of \(repetitions), 1 thread, load average \(FeedBenchmark.loadAverage())")

        let jsonEncoder = JSONEncoder()
        jsonEncoder.outputFormatting = .sortedKeys
        let coders: [(name: String, encode: (StoredEvent) throws -> [UInt8], decode: ([UInt8]) throws -> StoredEvent)] = [
            ("compact (sync's)", { $0.encoded }, { try StoredEvent(encoded: $0) }),
            ("JSON (Foundation)", { Array(try jsonEncoder.encode($0)) }, { try JSONDecoder().decode(StoredEvent.self, from: Data($0)) }),
        ]
        for coder in coders {
            var encoded: [[UInt8]] = []
            let encoding = try best(of: repetitions) { encoded = try events.map(coder.encode) }
            var decodedCount = 0
            let decoding = try best(of: repetitions) { decodedCount = try encoded.map(coder.decode).count }
            guard decodedCount == events.count, try coder.decode(encoded[0]) == events[0] else {
                throw BenchmarkError(message: "\(coder.name) did not give the events back")
            }
            let bytes = encoded.reduce(0) { $0 + $1.count }
            FeedBenchmark.emit(FeedBenchmark.pad(coder.name) + String(format: "%6.0f bytes/event  encode %8.0f events/s  decode %8.0f events/s",
                                                                          Double(bytes) / Double(events.count), Double(events.count) / encoding, Double(events.count) / decoding))
        }
    }

    /// The shortest of `repetitions` runs of `body`, in seconds.
    static func best(of repetitions: Int, _ body: () throws -> Void) throws -> Double {
        var shortest = Double.infinity
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            shortest = min(shortest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return shortest
    }
}
