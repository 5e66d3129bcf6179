// Benchmarks live apart from tests: `swift run -c release katalog-bench <name> [options]`.
// Each benchmark registers itself in `benchmarks` below.
import Foundation

let benchmarks: [String: ([String]) throws -> Void] = [
    "html": HTMLBenchmark.run,
    "feeds": FeedBenchmark.run,
    "sync": SyncBenchmark.run,
    "events": EventCodingBenchmark.run,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let run = benchmarks[name] else {
    let names = benchmarks.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: katalog-bench <\(names)> [options]\n".utf8))
    exit(2)
}
try run(Array(arguments.dropFirst()))
