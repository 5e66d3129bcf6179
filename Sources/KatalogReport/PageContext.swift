import Foundation
import KatalogCore

/// The values `report.mustache` renders: plain structs whose property names the template uses.
struct PageContext {
    struct Totals {
        var files: String, read: String, imported: String, rejected: String
        var errors: String, warnings: String, infos: String
    }

    /// One bar of the top-codes chart, positioned in the SVG's coordinates.
    struct Bar {
        var code: String, count: String, severity: String
        var y: Int, textY: Int, width: Int, countX: Int
    }

    /// Mustache sees stored properties only, so `hasBars` is stored.
    struct Chart {
        var height: Int
        var bars: [Bar]
        var hasBars: Bool
        init(height: Int, bars: [Bar]) {
            self.height = height
            self.bars = bars
            hasBars = !bars.isEmpty
        }
    }

    struct FileRow {
        var index: Int, name: String, kind: String, encoding: String
        var read: String, imported: String, rejected: String
        var errors: String, warnings: String, infos: String
        var nothingImported: Bool
        var banner: String
    }

    struct CodeOption { var code: String, count: String }

    struct PlanLink { var index: Int, title: String, sku: String }

    struct Plan {
        var index: Int, title: String, id: String, price: String, summary: String, rejected: Bool
        var facts: [RecordView.PlanFact]
        var covered: [PlanLink]
        var hasCovered: Bool
        var unlinked: String
    }

    var totals: Totals
    var chart: Chart
    var files: [FileRow]
    var codes: [CodeOption]
    var plans: [Plan]
    var hasPlans: Bool
    /// Where the template puts the data island; `ReportPage` writes the island's bytes in its place, so the
    /// 100k-record island is never copied into a rendered string.
    let data = PageContext.islandMarker
    static let islandMarker = "\u{1}KATALOG-DATA-ISLAND\u{1}"
    /// The records, written where `data` is.
    var island: DataIsland

    /// Chart layout: bar `top` codes, 24 units apart, at most 420 units wide after a 260-unit label column.
    static let top = 12, barPitch = 24, labelWidth = 260, barWidth = 420

    /// Reads `report.json` and streams every record once; throws `RunOutputs.ReadError` for a broken line.
    init(_ outputs: RunOutputs) throws {
        let report = outputs.report
        let totalsNode = report["totals"]
        let counts = totalsNode?["records"]
        let severities = totalsNode?["diagnostics"]
        totals = Totals(
            files: totalsNode?["files"]?.text ?? "0", read: counts?["read"]?.text ?? "0",
            imported: counts?["imported"]?.text ?? "0", rejected: counts?["rejected"]?.text ?? "0",
            errors: severities?["error"]?.text ?? "0", warnings: severities?["warning"]?.text ?? "0",
            infos: severities?["info"]?.text ?? "0")

        var severityOf: [String: String] = [:]
        for diagnostic in report["diagnostics"]?.array ?? [] {
            if let code = diagnostic["code"]?.text, severityOf[code] == nil {
                severityOf[code] = diagnostic["severity"]?.text
            }
        }
        let codeCounts = (totalsNode?["codes"]?.members ?? [:]).map { ($0.key, $0.value.int ?? 0) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        codes = codeCounts.sorted { $0.0 < $1.0 }.map { CodeOption(code: $0.0, count: String($0.1)) }

        var banners: [String: String] = [:]
        for diagnostic in report["diagnostics"]?.array ?? [] where diagnostic["code"]?.text == FindingCode.fileNothingImported.rawValue {
            if let file = diagnostic["file"]?.text { banners[file] = diagnostic["message"]?.text ?? "" }
        }
        let fileNodes = report["files"]?.array ?? []
        files = fileNodes.enumerated().map { position, file in
            let name = file["file"]?.text ?? "?"
            let records = file["records"], diagnostics = file["diagnostics"]
            let encoding = file["encoding"].map { [$0["name"]?.text, $0["source"]?.text.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") }
            let nothing = file["codes"]?[FindingCode.fileNothingImported.rawValue] != nil || banners[name] != nil
            return FileRow(
                index: position, name: name, kind: file["kind"]?.text ?? "?", encoding: encoding ?? "—",
                read: records?["read"]?.text ?? "0", imported: records?["imported"]?.text ?? "0",
                rejected: records?["rejected"]?.text ?? "0", errors: diagnostics?["error"]?.text ?? "0",
                warnings: diagnostics?["warning"]?.text ?? "0", infos: diagnostics?["info"]?.text ?? "0",
                nothingImported: nothing,
                banner: banners[name] ?? "Nothing was imported from this file.")
        }

        var island = DataIsland(files: fileNodes.map { $0["file"]?.text ?? "?" })
        let linked = outputs.linkedIDs
        var positions: [String: Int] = [:]
        var linkedRecords: [String: RecordView] = [:]
        var planRecords: [(position: Int, record: RecordView)] = []
        try outputs.forEachRecord { record in
            let position = island.count
            for finding in record.findings where severityOf[finding.code] == nil { severityOf[finding.code] = finding.severity }
            if linked.contains(record.id), positions[record.id] == nil {
                positions[record.id] = position
                linkedRecords[record.id] = record
            }
            if !record.planFacts.isEmpty { planRecords.append((position, record)) }
            island.append(record, covers: outputs.covers[record.id] ?? [], coveredBy: outputs.coveredBy[record.id] ?? [])
        }
        plans = planRecords.map { position, record in
            let covered = (outputs.covers[record.id] ?? []).compactMap { id in
                positions[id].map { PlanLink(index: $0, title: linkedRecords[id]?.title ?? id, sku: linkedRecords[id]?.sku ?? "") }
            }
            return Plan(
                index: position, title: record.title ?? record.id, id: record.id, price: record.price ?? "no price",
                summary: record.planSummary ?? "", rejected: record.rejected, facts: record.planFacts,
                covered: covered, hasCovered: !covered.isEmpty,
                unlinked: "No product of this run matches what the plan covers.")
        }
        hasPlans = !plans.isEmpty
        self.island = island
        chart = Self.chart(codeCounts, severityOf: severityOf)
    }

    private static func chart(_ codeCounts: [(String, Int)], severityOf: [String: String]) -> Chart {
        let largest = max(codeCounts.first?.1 ?? 1, 1)
        return Chart(height: min(codeCounts.count, top) * barPitch, bars: codeCounts.prefix(top).enumerated().map { position, entry in
            let width = max(2, entry.1 * barWidth / largest)
            return Bar(code: entry.0, count: String(entry.1), severity: severityOf[entry.0] ?? "info",
                       y: position * barPitch + 3, textY: position * barPitch + 16,
                       width: width, countX: labelWidth + width + 6)
        })
    }
}
