import Foundation
import KatalogReaders

/// The files one `katalog import` run wrote into its output folder: `report.json` read whole, and the records of
/// `catalog.jsonl` then `rejects.jsonl` streamed one at a time as `RecordView`s, so a 100k-record run is never
/// held in memory.
///
/// The report is built from these files only, never from the pipeline's internals, so it can be made again for
/// any output folder (`katalog report <dir>`).
public struct RunOutputs: Sendable {
    /// The parsed `report.json`.
    let report: JSONNode
    /// `service_plan_links` of `report.json` by record id: the products each plan covers, the plans covering each
    /// product, in the report's order.
    let covers: [String: [String]]
    let coveredBy: [String: [String]]
    private let catalogURL: URL
    private let rejectsURL: URL?

    /// What is missing or broken in an output folder.
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `report.json` from `directory` and checks `catalog.jsonl` is there. Both are required (a run with
    /// `--outputs` that skipped them cannot be reported on); a missing `rejects.jsonl` means no rejects are shown.
    /// Throws `ReadError` naming the missing or broken file.
    public init(directory: URL) throws {
        let reportURL = directory.appendingPathComponent("report.json")
        catalogURL = directory.appendingPathComponent("catalog.jsonl")
        for url in [reportURL, catalogURL] where !FileManager.default.fileExists(atPath: url.path) {
            throw ReadError(description: "\(url.path) is missing: run `katalog import … --out \(directory.path)` with the default outputs first")
        }
        let rejects = directory.appendingPathComponent("rejects.jsonl")
        rejectsURL = FileManager.default.fileExists(atPath: rejects.path) ? rejects : nil
        do {
            report = try JSONNode.parse(try Data(contentsOf: reportURL))
        } catch {
            throw ReadError(description: "\(reportURL.path) is not a Katalog report: \(error)")
        }
        var covers: [String: [String]] = [:]
        var coveredBy: [String: [String]] = [:]
        for link in report["service_plan_links"]?["links"]?.array ?? [] {
            guard let plan = link["plan"]?.text else { continue }
            for product in link["products"]?.array ?? [] {
                guard let id = product["id"]?.text else { continue }
                if covers[plan]?.contains(id) != true { covers[plan, default: []].append(id) }
                if coveredBy[id]?.contains(plan) != true { coveredBy[id, default: []].append(plan) }
            }
        }
        self.covers = covers
        self.coveredBy = coveredBy
    }

    /// Every record id named by a service-plan link.
    var linkedIDs: Set<String> { Set(covers.keys).union(coveredBy.keys) }

    /// Calls `body` with each imported record in catalog order, then each rejected record in rejects order.
    /// Throws `ReadError` naming the file and line that is not JSON.
    func forEachRecord(_ body: (RecordView) throws -> Void) throws {
        try Self.readLines(catalogURL) { try body(RecordView(catalogRecord: $0)) }
        if let rejectsURL {
            try Self.readLines(rejectsURL) { try body(RecordView(rejectLine: $0)) }
        }
    }

    /// All records, in `forEachRecord` order (explain and tests; the page streams).
    func allRecords() throws -> [RecordView] {
        var records: [RecordView] = []
        try forEachRecord { records.append($0) }
        return records
    }

    private static func readLines(_ url: URL, _ body: (JSONNode) throws -> Void) throws {
        let reader = try LineFileReader(path: url.path)
        while let line = try reader.next() {
            let node: JSONNode
            do {
                node = try JSONNode.parse(line)
            } catch {
                throw ReadError(description: "\(url.path):\(reader.lineNumber) is not a JSON record: \(error)")
            }
            try body(node)
        }
    }
}
