import Foundation
import Testing

/// The `report` and `explain` commands and `import --html`, run through the built binary on the committed Output/.
@Suite struct ReportCommandTests {
    @Test func explainPrintsTheSeedsProvenance() throws {
        let run = try ReportTestSupport.katalog(["explain", "Samples/text/000_6e65ef817e1cc529.txt#1", "Output"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "DJI Care Refresh RS 4 Mini (plan roczny)")
        #expect(lines.contains("  price    58.99 EUR"))
        let length = try #require(lines.first { $0.hasPrefix("  package_length") })
        for part in ["text-line", "85", "Box length", "14,00", "140 mm", "unit.assumed"] { #expect(length.contains(part)) }
        // Columns are aligned: the origin column starts at the same place on every provenance row.
        let rows = lines.drop { $0 != "Provenance" }.dropFirst().prefix { !$0.isEmpty }
        #expect(Set(rows.dropFirst().map { $0.range(of: "text-line")?.lowerBound.utf16Offset(in: $0) ?? -1 }) == [18])
        #expect(run.stdout.contains("claim fee                              199.00 PLN"))
        // The covered gimbal's row: id, SKU and title in aligned columns (Samples/sync adds more covered records).
        let covered = try #require(lines.first { $0.hasPrefix("  Samples/service-plans/090_lt_dji-rs-4-mini-stabilizatorius.txt#1 ") })
        #expect(covered.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == ["Samples/service-plans/090_lt_dji-rs-4-mini-stabilizatorius.txt#1", "351990", "DJI", "RS", "4", "Mini", "stabilizatorius"])
    }

    @Test func explainFindsBySKUAndListsCloseMatchesWhenNotFound() throws {
        let bySKU = try ReportTestSupport.katalog(["explain", "351990", "Output"])
        #expect(bySKU.status == 0)
        #expect(bySKU.stdout.hasPrefix("DJI RS 4 Mini stabilizatorius\n"))
        #expect(bySKU.stdout.contains("Covered by"))
        let missing = try ReportTestSupport.katalog(["explain", "35228", "Output"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(#"no record with id or SKU "35228""#))
        #expect(missing.stderr.contains("close matches:\n  352289\n"))
    }

    /// The issue's "done": the seed's plan card shows its price, its plan facts and the link to the covered gimbal's row.
    @Test func theSeedsPlanInTheSamplesReport() throws {
        let folder = try ReportTestSupport.temporaryDirectory()
        for name in ["catalog.jsonl", "rejects.jsonl", "report.json"] {
            try FileManager.default.copyItem(at: ReportTestSupport.packageRoot.appendingPathComponent("Output/\(name)"),
                                             to: folder.appendingPathComponent(name))
        }
        let run = try ReportTestSupport.katalog(["report", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        let card = try #require(html.range(of: #"<p class="plan-id">Samples/text/000_6e65ef817e1cc529.txt#1</p>"#))
        let next = html[card.upperBound...].prefix(400)
        #expect(next.contains("<span class=\"price\">58.99 EUR</span> · care plan · 12 months · 2 claims/term · fee 199.00 PLN"))
        #expect(next.contains(#">DJI RS 4 Mini stabilizatorius</a> (SKU 351990)"#))
        // The data island row of the seed carries its assumed units.
        #expect(html.contains(#"["w","unit.assumed","package_length: \"14,00\" has no unit and the label names none; assumed cm, the documented default for package_length.","Box length"]"#))
    }

    @Test func reportNeedsARunsOutputs() throws {
        let empty = try ReportTestSupport.temporaryDirectory()
        let run = try ReportTestSupport.katalog(["report", empty.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("catalog.jsonl is missing") || run.stderr.contains("report.json is missing"))
    }

    @Test func importHTMLNeedsTheFilesItReads() throws {
        let out = try ReportTestSupport.temporaryDirectory()
        let run = try ReportTestSupport.katalog(["import", "Samples/text", "--out", out.path, "--html", "--outputs", "json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("add jsonl,report to --outputs"))
    }

    @Test func importHTMLAndReportGiveTheSameBytes() throws {
        let out = try ReportTestSupport.temporaryDirectory()
        let imported = try ReportTestSupport.katalog(["import", "Samples/text", "--out", out.path, "--html"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let first = try Data(contentsOf: out.appendingPathComponent("report.html"))
        let again = try ReportTestSupport.katalog(["report", out.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("report.html")) == first)
        let jsonl = try Data(contentsOf: out.appendingPathComponent("catalog.jsonl"))
        #expect(first.count < 2 * jsonl.count)
    }
}
