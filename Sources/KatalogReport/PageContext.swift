import Foundation

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
    var data: String

    /// Chart layout: bar `top` codes, 24 units apart, at most 420 units wide after a 260-unit label column.
    static let top = 12, barPitch = 24, labelWidth = 260, barWidth = 420

    init(_ outputs: RunOutputs) {
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
        for record in outputs.records {
            for finding in record.findings where severityOf[finding.code] == nil { severityOf[finding.code] = finding.severity }
        }
        let codeCounts = (totalsNode?["codes"]?.members ?? [:]).map { ($0.key, $0.value.int ?? 0) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let largest = max(codeCounts.first?.1 ?? 1, 1)
        chart = Chart(height: min(codeCounts.count, Self.top) * Self.barPitch, bars: codeCounts.prefix(Self.top).enumerated().map { position, entry in
            let width = max(2, entry.1 * Self.barWidth / largest)
            return Bar(code: entry.0, count: String(entry.1), severity: severityOf[entry.0] ?? "info",
                       y: position * Self.barPitch + 3, textY: position * Self.barPitch + 16,
                       width: width, countX: Self.labelWidth + width + 6)
        })
        codes = codeCounts.sorted { $0.0 < $1.0 }.map { CodeOption(code: $0.0, count: String($0.1)) }

        var banners: [String: String] = [:]
        for diagnostic in report["diagnostics"]?.array ?? [] where diagnostic["code"]?.text == "file.nothing-imported" {
            if let file = diagnostic["file"]?.text { banners[file] = diagnostic["message"]?.text ?? "" }
        }
        let fileNodes = report["files"]?.array ?? []
        files = fileNodes.enumerated().map { position, file in
            let name = file["file"]?.text ?? "?"
            let records = file["records"], diagnostics = file["diagnostics"]
            let encoding = file["encoding"].map { [$0["name"]?.text, $0["source"]?.text.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") }
            let nothing = file["codes"]?["file.nothing-imported"] != nil || banners[name] != nil
            return FileRow(
                index: position, name: name, kind: file["kind"]?.text ?? "?", encoding: encoding ?? "—",
                read: records?["read"]?.text ?? "0", imported: records?["imported"]?.text ?? "0",
                rejected: records?["rejected"]?.text ?? "0", errors: diagnostics?["error"]?.text ?? "0",
                warnings: diagnostics?["warning"]?.text ?? "0", infos: diagnostics?["info"]?.text ?? "0",
                nothingImported: nothing,
                banner: banners[name] ?? "Nothing was imported from this file.")
        }

        let records = outputs.records
        plans = records.enumerated().filter { !$0.element.planFacts.isEmpty }.map { position, record in
            let covered = (outputs.covers[position] ?? []).map {
                PlanLink(index: $0, title: records[$0].title ?? records[$0].id, sku: records[$0].sku ?? "")
            }
            return Plan(
                index: position, title: record.title ?? record.id, id: record.id, price: record.price ?? "no price",
                summary: record.planSummary ?? "", rejected: record.rejected, facts: record.planFacts,
                covered: covered, hasCovered: !covered.isEmpty,
                unlinked: "No product of this run matches what the plan covers.")
        }
        hasPlans = !plans.isEmpty
        data = DataIsland.json(files: fileNodes.map { $0["file"]?.text ?? "?" }, records: records,
                               covers: outputs.covers, coveredBy: outputs.coveredBy)
    }
}
