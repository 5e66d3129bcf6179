import Foundation
import Testing

/// Whole-pipeline cases: `Golden/<case>/input/` is imported with the CLI and every output must equal
/// `Golden/<case>/expected/`. `RECORD_GOLDEN=1 swift test --filter GoldenTests` rewrites the expected files.
struct GoldenTests {
    static let outputs = ["catalog.json", "catalog.csv", "rejects.jsonl", "report.json"]

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.goldenRoot.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: cases)
    func importMatchesExpected(_ name: String) throws {
        let caseDirectory = TestSupport.goldenRoot.appendingPathComponent(name)
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try TestSupport.katalog(["import", "input", "--out", output.path], in: caseDirectory)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        try TestSupport.expectSameFiles(
            Self.outputs, expected: caseDirectory.appendingPathComponent("expected"), actual: output,
            regenerate: "RECORD_GOLDEN=1 swift test --filter GoldenTests"
        )
        try AccountingCheck.verify(output)
    }

    @Test func thereAreGoldenCases() {
        #expect(Self.cases.count >= 3)
    }
}

/// Every record read is in the catalog or in the rejects, and the report's counts add up.
enum AccountingCheck {
    static func verify(_ output: URL) throws {
        let report = try #require(try TestSupport.json(output.appendingPathComponent("report.json")) as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Any])
        let records = try #require(totals["records"] as? [String: Int])
        let read = try #require(records["read"]), imported = try #require(records["imported"]), rejected = try #require(records["rejected"])
        #expect(read == imported + rejected)
        let catalog = try #require(try TestSupport.json(output.appendingPathComponent("catalog.json")) as? [Any])
        #expect(catalog.count == imported)
        let rejectLines = try String(contentsOf: output.appendingPathComponent("rejects.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(rejectLines.count == rejected)
        let csv = try Data(contentsOf: output.appendingPathComponent("catalog.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF] + Array("id,".utf8)), "UTF-8 BOM, then the header")
        var fileSum = 0
        for file in try #require(report["files"] as? [[String: Any]]) {
            let counts = try #require(file["records"] as? [String: Int])
            #expect(counts["read"] == (counts["imported"] ?? 0) + (counts["rejected"] ?? 0))
            fileSum += counts["read"] ?? 0
        }
        #expect(fileSum == read)
        let diagnostics = try #require(report["diagnostics"] as? [Any])
        let severities = try #require(totals["diagnostics"] as? [String: Int])
        #expect(diagnostics.count == severities.values.reduce(0, +))
    }
}
