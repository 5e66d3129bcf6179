import Foundation

/// The files one `katalog import` run wrote into its output folder, read back: `report.json`, then every record of
/// `catalog.jsonl` and `rejects.jsonl` as a `RecordView`, and the service-plan links between them.
///
/// The report is built from these files only, never from the pipeline's internals, so it can be made again for
/// any output folder (`katalog report <dir>`).
public struct RunOutputs: Sendable {
    /// The parsed `report.json`.
    let report: JSONNode
    /// Imported records in catalog order, then rejected records in rejects order.
    let records: [RecordView]
    /// For each record (by index in `records`), the records it is linked to by `service_plan_links`: the covered
    /// products of a plan, the plans covering a product.
    let covers: [Int: [Int]]
    let coveredBy: [Int: [Int]]

    /// What is missing or broken in an output folder.
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `report.json`, `catalog.jsonl` and `rejects.jsonl` from `directory`. `catalog.jsonl` and
    /// `report.json` are required (a run with `--outputs` that skipped them cannot be reported on); a missing
    /// `rejects.jsonl` means no rejects are shown. Throws `ReadError` naming the file and the line that is not JSON.
    public init(directory: URL) throws {
        let reportURL = directory.appendingPathComponent("report.json")
        let catalogURL = directory.appendingPathComponent("catalog.jsonl")
        let rejectsURL = directory.appendingPathComponent("rejects.jsonl")
        for url in [reportURL, catalogURL] where !FileManager.default.fileExists(atPath: url.path) {
            throw ReadError(description: "\(url.path) is missing: run `katalog import … --out \(directory.path)` with the default outputs first")
        }
        let report: JSONNode
        do {
            report = try JSONNode.parse(try Data(contentsOf: reportURL))
        } catch {
            throw ReadError(description: "\(reportURL.path) is not a Katalog report: \(error)")
        }
        var records: [RecordView] = []
        try Self.readLines(catalogURL) { records.append(RecordView(catalogRecord: $0)) }
        if FileManager.default.fileExists(atPath: rejectsURL.path) {
            try Self.readLines(rejectsURL) { records.append(RecordView(rejectLine: $0)) }
        }
        self.init(report: report, records: records)
    }

    /// Outputs already in memory (tests).
    init(report: JSONNode, records: [RecordView]) {
        self.report = report
        self.records = records
        var index: [String: Int] = [:]
        for (position, record) in records.enumerated() where index[record.id] == nil { index[record.id] = position }
        var covers: [Int: [Int]] = [:]
        var coveredBy: [Int: [Int]] = [:]
        for link in report["service_plan_links"]?["links"]?.array ?? [] {
            guard let planID = link["plan"]?.text, let plan = index[planID] else { continue }
            for product in link["products"]?.array ?? [] {
                guard let id = product["id"]?.text, let covered = index[id] else { continue }
                if covers[plan]?.contains(covered) != true { covers[plan, default: []].append(covered) }
                if coveredBy[covered]?.contains(plan) != true { coveredBy[covered, default: []].append(plan) }
            }
        }
        self.covers = covers
        self.coveredBy = coveredBy
    }

    private static func readLines(_ url: URL, _ body: (JSONNode) -> Void) throws {
        var number = 0
        try LineReader.forEachLine(of: url) { line in
            number += 1
            do {
                body(try JSONNode.parse(line))
            } catch {
                throw ReadError(description: "\(url.path):\(number) is not a JSON record: \(error)")
            }
        }
    }
}
