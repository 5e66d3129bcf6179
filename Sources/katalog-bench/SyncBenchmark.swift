import Foundation

/// `katalog-bench sync [--data DIR] [--rows N] [--jobs N]`
///
/// The nightly sync at scale, each step as its own `katalog` process (the binary next to this one), with wall time,
/// records/s, peak RSS and CPU time: night 1 (`sync` of a generated CSV of `--rows` rows into an empty state), an unchanged
/// rerun (the file is taken from the state), night 2 (the same file with 1% of prices changed: read again), then
/// `katalog diff` of the two nights' catalog.jsonl and `katalog merge` of night 2's. Outputs are
/// `--outputs jsonl,rejects,report`, as a nightly job writes them. Data goes under `--data` (default
/// `/work/bench-data`, outside the repository).
enum SyncBenchmark {
    static func run(_ arguments: [String]) throws {
        var data = "/work/bench-data", rows = 1_000_000, jobs = ProcessInfo.processInfo.activeProcessorCount
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--data": data = value
            case "--rows": rows = Int(value) ?? rows
            case "--jobs": jobs = Int(value) ?? jobs
            default: throw BenchmarkError(message: "unknown option \(arguments[index])")
            }
            index += 2
        }
        let folder = data + "/sync-\(rows)"
        try? FileManager.default.removeItem(atPath: folder)
        for night in ["night-1", "night-2"] {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(night)", withIntermediateDirectories: true)
        }
        let night1 = "\(folder)/night-1/feed.csv", night2 = "\(folder)/night-2/feed.csv"
        try FeedBenchmarkData.writeCSV(to: night1, rows: rows)
        try changePrices(from: night1, to: night2, everyNth: 100)
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("katalog").path
        let state = folder + "/katalog.db"
        FeedBenchmark.emit("katalog-bench sync — \(rows) rows, \(jobs) jobs, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(FeedBenchmark.loadAverage())")
        func step(_ name: String, _ arguments: [String]) {
            guard let run = FeedBenchmarkProcess.time(binary, arguments) else {
                FeedBenchmark.emit("\(name): the katalog binary is missing next to katalog-bench")
                return
            }
            // CPU time (user + system) says what the step costs when other work shares the cores.
            FeedBenchmark.emit(FeedBenchmark.pad(name) + String(format: "%9.0f records/s  peak RSS %6.1f MB  (%.1f s wall, %.1f s CPU: %.0f records per CPU-second)",
                                                                Double(rows) / run.seconds, Double(run.peakKB) / 1024, run.seconds, run.cpuSeconds, Double(rows) / max(run.cpuSeconds, 0.001)))
        }
        let common = ["--state", state, "--outputs", "jsonl,rejects,report", "--jobs", String(jobs)]
        step("sync night 1 (empty state)", ["sync", "\(folder)/night-1", "--out", "\(folder)/out-1"] + common)
        step("sync night 1 again (unchanged)", ["sync", "\(folder)/night-1", "--out", "\(folder)/out-1b"] + common)
        step("sync night 2 (1% prices changed)", ["sync", "\(folder)/night-2", "--out", "\(folder)/out-2"] + common)
        step("diff night 1 → night 2", ["diff", "\(folder)/out-1/catalog.jsonl", "\(folder)/out-2/catalog.jsonl", "--out", "\(folder)/diff.jsonl"])
        step("merge night 2", ["merge", "\(folder)/out-2/catalog.jsonl", "--out", "\(folder)/merged"])
        let stateMB = Double(FeedBenchmark.fileSize(state)) / 1_000_000
        let changes = (try? String(contentsOfFile: "\(folder)/out-2/changes.jsonl", encoding: .utf8))?.split(separator: "\n").last ?? ""
        FeedBenchmark.emit(String(format: "state %.0f MB (%.0f bytes per record); night 2: %@", stateMB, stateMB * 1_000_000 / Double(rows), String(changes)))
    }

    /// Copies `source` with the price of every `everyNth` row raised by one unit.
    static func changePrices(from source: String, to destination: String, everyNth: Int) throws {
        let text = try String(contentsOfFile: source, encoding: .utf8)
        let writer = try BufferedWriter(path: destination)
        var row = 0
        text.enumerateLines { line, _ in
            var fields = line.components(separatedBy: ";")
            if row > 0, row % everyNth == 0, fields.count > 3, fields[0].hasPrefix("SKU-"),
               let comma = fields[3].firstIndex(of: ","), let units = Int(fields[3][..<comma]) {
                fields[3] = "\(units + 1)" + fields[3][comma...]
            }
            writer.write(fields.joined(separator: ";") + "\r\n")
            row += 1
        }
        try writer.close()
    }
}
