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
        try OutputInvariants.verify(output)
    }

    @Test func thereAreGoldenCases() {
        #expect(Self.cases.count >= 3)
    }
}
