import Foundation
import Testing

/// `Output/` is exactly what `katalog import Samples --out Output` writes.
struct OutputSyncTests {
    @Test func committedOutputMatchesSamples() throws {
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try TestSupport.katalog(["import", "Samples", "--out", output.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.hasPrefix("katalog: "))
        try TestSupport.expectSameFiles(
            ["catalog.json", "catalog.jsonl", "catalog.csv", "rejects.jsonl", "report.json"],
            expected: TestSupport.packageRoot.appendingPathComponent("Output"), actual: output,
            regenerate: "swift run katalog import Samples --out Output"
        )
        try OutputInvariants.verify(output)
    }

    @Test func outputIsTheSameForAnyNumberOfWorkers() throws {
        let one = try TestSupport.temporaryDirectory(), many = try TestSupport.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: one)
            try? FileManager.default.removeItem(at: many)
        }
        #expect(try TestSupport.katalog(["import", "Samples", "--out", one.path, "--jobs", "1"]).status == 0)
        #expect(try TestSupport.katalog(["import", "Samples", "--out", many.path, "--jobs", "4"]).status == 0)
        for name in ["catalog.json", "catalog.jsonl", "catalog.csv", "rejects.jsonl", "report.json"] {
            let a = try Data(contentsOf: one.appendingPathComponent(name)), b = try Data(contentsOf: many.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between --jobs 1 and --jobs 4")
        }
    }
}
