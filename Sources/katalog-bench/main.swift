// Benchmarks live apart from tests: `swift run -c release katalog-bench <name> [options]`.
// Each benchmark registers itself in `benchmarks` below, with its options' synopsis.
import Foundation

/// A benchmark's bad option or failed step, printed with its usage and exit status 1.
struct BenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

struct Benchmark {
    var run: ([String]) throws -> Void
    var synopsis: String
}

let benchmarks: [String: Benchmark] = [
    "html": Benchmark(run: HTMLBenchmark.run, synopsis: "[--pages N] [--threads T] [--kb SIZE] [--rounds R] [--only bare|reader|import|whole] [--save DIR] [--no-peers] [--peers DIR]"),
    "feeds": Benchmark(run: FeedBenchmark.run, synopsis: "[--data DIR] [--xml-mb N] [--csv-rows N] [--regenerate] [--repeat N] [--no-pipeline] [--jobs N[,N…]] [--no-peers] [--peers DIR]"),
    "sync": Benchmark(run: SyncBenchmark.run, synopsis: "[--data DIR] [--rows N] [--jobs N]"),
    "events": Benchmark(run: EventCodingBenchmark.run, synopsis: "[--rows N] [--repeat N] [--data DIR]"),
]

@MainActor func usage(_ name: String? = nil) -> String {
    if let name, let benchmark = benchmarks[name] { return "usage: katalog-bench \(name) \(benchmark.synopsis)\n" }
    return "usage: katalog-bench <\(benchmarks.keys.sorted().joined(separator: ", "))> [options]\n"
        + benchmarks.sorted { $0.key < $1.key }.map { "  katalog-bench \($0.key) \($0.value.synopsis)\n" }.joined()
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.isEmpty || ["-h", "--help", "help"].contains(arguments[0]) {
    FileHandle.standardOutput.write(Data(usage().utf8))
    exit(arguments.isEmpty ? 2 : 0)
}
guard let benchmark = benchmarks[arguments[0]] else {
    FileHandle.standardError.write(Data("katalog-bench: no benchmark named \(arguments[0])\n\(usage())".utf8))
    exit(2)
}
let options = Array(arguments.dropFirst())
if options.contains("--help") || options.contains("-h") {
    FileHandle.standardOutput.write(Data(usage(arguments[0]).utf8))
    exit(0)
}
do {
    try benchmark.run(options)
} catch {
    // A bad option or a failed step: say which, with the synopsis, instead of a crash at top level.
    FileHandle.standardError.write(Data("katalog-bench \(arguments[0]): \(error)\n\(usage(arguments[0]))".utf8))
    exit(1)
}

/// Ratios taken round by round, each against a baseline run beside it (this host's speed drifts within a minute):
/// their median, and every one in round order.
struct RoundRatios {
    private(set) var values: [Double] = []

    mutating func append(_ ratio: Double) { values.append(ratio) }

    var isEmpty: Bool { values.isEmpty }

    /// The median (the upper one of an even count), `n/a` when there is none, and each ratio, with `decimals` digits.
    func formatted(decimals: Int) -> (median: String, each: String) {
        let format = "%.\(decimals)fx"
        let sorted = values.sorted()
        let median = sorted.isEmpty ? "n/a" : String(format: format, sorted[sorted.count / 2])
        return (median, values.map { String(format: format, $0) }.joined(separator: ", "))
    }
}
