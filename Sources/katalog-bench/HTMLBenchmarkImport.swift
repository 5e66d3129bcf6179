import Foundation

/// The whole `katalog import` of the benchmark's pages, run as its own process (the `katalog` binary next to the
/// benchmark) over the pages written as files, on one job and on `threads` jobs: read, normalize, validate, encode
/// and write every output, as a user runs it. Compared with bare libxml2 parsing measured in the same run.
enum HTMLBenchmarkImport {
    struct Run {
        var jobs: Int
        var seconds: Double
        var peakKB: Int
        var cpuSeconds: Double
    }

    /// One round: katalog's runs, one per jobs count, and the Python peer's run on the same files, when it ran.
    struct Round {
        var runs: [Run] = []
        var peer: PythonPeer.Outcome?

        /// Katalog's run with `jobs` jobs.
        func run(jobs: Int) -> Run? { runs.first { $0.jobs == jobs } }
    }

    /// Writes `pages` under a fresh folder in the temporary directory, imports them `rounds` times with each jobs
    /// count, and removes everything; nil when the katalog binary is not next to the benchmark. The jobs counts take
    /// turns, in reverse order every other round (1, 2, 2, 1, …): on a shared host whose speed drifts over a minute, a
    /// ratio of two runs taken side by side says more than one of runs a minute apart. With a `peer`, each round
    /// starts with its run on the same files.
    static func measure(_ pages: [Data], jobs: [Int], rounds: Int, peer: PythonPeer? = nil) throws -> [Round]? {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("katalog").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { return nil }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-bench-html-\(getpid())")
        let input = root.appendingPathComponent("pages"), output = root.appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: root) }
        try write(pages, to: input)
        var measured: [Round] = []
        for index in 0 ..< max(1, rounds) {
            var round = Round()
            round.peer = peer?.run(["html"], input: input.path, output: root.appendingPathComponent("peer-out").path)
            for count in index % 2 == 0 ? jobs : jobs.reversed() {
                guard let run = FeedBenchmarkProcess.time(binary, ["import", input.path, "--out", output.path, "--jobs", String(count)]) else { continue }
                round.runs.append(Run(jobs: count, seconds: run.seconds, peakKB: run.peakKB, cpuSeconds: run.cpuSeconds))
            }
            measured.append(round)
        }
        return measured
    }

    /// Writes `pages` into `directory` (created if missing) as `page-00000.html`, … in generation order.
    static func write(_ pages: [Data], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (number, page) in pages.enumerated() {
            try page.write(to: directory.appendingPathComponent(String(format: "page-%05d.html", number)))
        }
    }
}
