import Foundation
import Testing

/// Exit codes and atomic output, as documented in README.md.
struct CommandLineTests {
    @Test func usageErrorExitsTwo() throws {
        let noInputs = try TestSupport.katalog(["import", "--out", "/tmp/katalog-never"])
        #expect(noInputs.status == 2)
        #expect(noInputs.stderr.contains("Usage") || noInputs.stderr.contains("Missing"))
        #expect(try TestSupport.katalog(["import", "Samples"]).status == 2, "--out is required")
        #expect(try TestSupport.katalog(["import", "Samples", "--out", "/tmp/x", "--jobs", "0"]).status == 2)
    }

    @Test func missingInputExitsThreeButWritesTheRest() throws {
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try TestSupport.katalog(["import", "Samples/text/000_6e65ef817e1cc529.txt", "no/such/file.txt", "--out", output.path])
        #expect(run.status == 3)
        #expect(run.stderr.contains("1 unreadable input"))
        let report = try #require(try TestSupport.json(output.appendingPathComponent("report.json")) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["code"] as? String == "input.unreadable" && $0["file"] as? String == "no/such/file.txt" })
        let catalog = try #require(try TestSupport.json(output.appendingPathComponent("catalog.json")) as? [Any])
        #expect(catalog.count == 1)
    }

    @Test func unwritableOutputExitsFourAndLeavesNothingHalfWritten() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let run = try TestSupport.katalog(["import", "Samples/text", "--out", blocker.path])
        #expect(run.status == 4)
        #expect(run.stderr.contains("cannot"))
    }

    @Test func previousOutputSurvivesAFailedRunAndNoTemporaryFilesRemain() throws {
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try TestSupport.katalog(["import", "Samples/text", "--out", output.path]).status == 0)
        let before = try Data(contentsOf: output.appendingPathComponent("catalog.json"))
        // A second run whose inputs are all missing still writes a (smaller) catalog atomically.
        let run = try TestSupport.katalog(["import", "missing-folder", "--out", output.path])
        #expect(run.status == 3)
        let after = try Data(contentsOf: output.appendingPathComponent("catalog.json"))
        #expect(after != before)
        #expect(String(decoding: after, as: UTF8.self) == "[]\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }
}
