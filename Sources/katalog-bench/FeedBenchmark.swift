import Foundation
import KatalogCore
import KatalogReaders

/// `katalog-bench feeds [--data DIR] [--xml-mb N] [--csv-rows N] [--regenerate]`
///
/// Generates (once) a Google Merchant RSS feed of at least `--xml-mb` MB and a semicolon CSV of `--csv-rows`
/// rows under `--data` (default `/work/bench-data`, outside the repository), reads each with its feed reader,
/// and reports MB/s, items/s and peak RSS per phase, next to `xmllint --stream --noout` on the same XML file.
/// Peak RSS is the process's VmHWM, reset between phases through `/proc/self/clear_refs`.
enum FeedBenchmark {
    static func run(_ arguments: [String]) throws {
        var options = Options()
        try options.parse(arguments)
        try FileManager.default.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
        let xmlPath = options.dataDirectory + "/google-merchant-bench.xml"
        let csvPath = options.dataDirectory + "/prekes-bench.csv"
        if options.regenerate || !FileManager.default.fileExists(atPath: xmlPath) {
            try FeedBenchmarkData.writeGoogleMerchant(to: xmlPath, megabytes: options.xmlMegabytes)
        }
        if options.regenerate || !FileManager.default.fileExists(atPath: csvPath) {
            try FeedBenchmarkData.writeCSV(to: csvPath, rows: options.csvRows)
        }
        print("katalog-bench feeds — libxml2 \(libxmlVersion()), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let xmllint = FeedBenchmarkProcess.time("/usr/bin/xmllint", ["--stream", "--noout", xmlPath])
        let xml = try measure("Google Merchant RSS (GoogleMerchantXMLReader)", path: xmlPath, kind: .googleMerchant, reader: GoogleMerchantXMLReader())
        let csv = try measure("CSV ; windows-free UTF-8 (CSVReader)", path: csvPath, kind: .csv, reader: CSVReader())
        if let xmllint {
            let size = Double(fileSize(xmlPath)) / 1_000_000
            print(String(format: "%-48@ %8.1f MB/s  %10@  peak RSS %6.1f MB  (%.1f s)", "xmllint --stream --noout" as NSString,
                         size / xmllint.seconds, "-" as NSString, Double(xmllint.peakKB) / 1024, xmllint.seconds))
            print(String(format: "XML reader / xmllint --stream throughput: %.2fx", xml.mbPerSecond / (size / xmllint.seconds)))
        } else {
            print("xmllint not found (apt-get install libxml2-utils) — no baseline")
        }
        _ = csv
    }

    struct Result {
        var mbPerSecond: Double
        var itemsPerSecond: Double
    }

    static func measure(_ name: String, path: String, kind: InputKind, reader: some RecordReader) throws -> Result {
        resetPeakRSS()
        let sink = FeedBenchmarkSink(totalBytes: fileSize(path))
        let document = SourceDocument(fileURL: path, displayPath: (path as NSString).lastPathComponent, kind: kind)
        let start = ContinuousClock.now
        try reader.read(document, into: sink)
        let elapsed = ContinuousClock.now - start
        sink.finishProgressLine()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(fileSize(path)) / 1_000_000
        let result = Result(mbPerSecond: megabytes / seconds, itemsPerSecond: Double(sink.records) / seconds)
        print(String(format: "%-48@ %8.1f MB/s  %10.0f items/s  peak RSS %6.1f MB  (%.0f MB, %d items, %d fields, %d diagnostics, %.1f s)",
                     name as NSString, result.mbPerSecond, result.itemsPerSecond, Double(peakRSSKB()) / 1024, megabytes,
                     sink.records, sink.fields, sink.diagnostics, seconds))
        return result
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// VmHWM of this process in kB.
    static func peakRSSKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    /// Resets VmHWM to the current RSS (Linux ≥ 4.0), so each phase reports its own peak.
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func libxmlVersion() -> String {
        FeedBenchmarkProcess.output("/usr/bin/xmllint", ["--version"])?.split(separator: "\n").first.map(String.init) ?? "?"
    }

    struct Options {
        var dataDirectory = "/work/bench-data"
        var xmlMegabytes = 1100
        var csvRows = 1_000_000
        var regenerate = false

        mutating func parse(_ arguments: [String]) throws {
            var iterator = arguments.makeIterator()
            while let argument = iterator.next() {
                switch argument {
                case "--data": dataDirectory = iterator.next() ?? dataDirectory
                case "--xml-mb": xmlMegabytes = Int(iterator.next() ?? "") ?? xmlMegabytes
                case "--csv-rows": csvRows = Int(iterator.next() ?? "") ?? csvRows
                case "--regenerate": regenerate = true
                default: throw FeedBenchmarkError(message: "unknown option \(argument)")
                }
            }
        }
    }

    struct FeedBenchmarkError: Error, CustomStringConvertible { var message: String; var description: String { message } }
}

/// Counts what the reader hands over, and draws a progress line (items, MB/s, ETA) when stderr is a terminal.
final class FeedBenchmarkSink: ProgressSink {
    private(set) var records = 0
    private(set) var fields = 0
    private(set) var diagnostics = 0
    private var checksum = 0
    private let totalBytes: Int
    private let start = ContinuousClock.now
    private let isTerminal = isatty(2) == 1
    private var lastDraw = ContinuousClock.now

    init(totalBytes: Int) { self.totalBytes = totalBytes }

    func accept(_ record: RawRecord) {
        records += 1
        fields += record.fields.count
        for field in record.fields { checksum &+= field.value.utf8.count }
    }

    func report(_ diagnostic: Diagnostic) { diagnostics += 1 }

    func progress(items: Int, bytesRead: Int?) {
        guard isTerminal, ContinuousClock.now - lastDraw > .milliseconds(250) else { return }
        lastDraw = ContinuousClock.now
        let elapsed = ContinuousClock.now - start
        let seconds = max(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 0.001)
        var line = String(format: "\r%10d items  %8.0f items/s", items, Double(items) / seconds)
        if let bytesRead, bytesRead > 0 {
            let rate = Double(bytesRead) / seconds
            let eta = Double(totalBytes - bytesRead) / max(rate, 1)
            line += String(format: "  %7.1f MB/s  ETA %4.0f s", rate / 1_000_000, eta)
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finishProgressLine() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
