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
        // The file in the way is untouched and nothing else was written beside it.
        #expect(try Data(contentsOf: blocker) == Data("x".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["not-a-folder"])
    }

    @Test func previousOutputSurvivesAFailedRunAndNoTemporaryFilesRemain() throws {
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try TestSupport.katalog(["import", "Samples/text", "--out", output.path]).status == 0)
        let names = ["catalog.json", "catalog.jsonl", "catalog.csv", "rejects.jsonl"]
        let before = try names.map { try Data(contentsOf: output.appendingPathComponent($0)) }
        // report.json becomes a folder, so the next run cannot put its report in place: it must fail before it
        // replaces any of the other files.
        try FileManager.default.removeItem(at: output.appendingPathComponent("report.json"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("report.json"), withIntermediateDirectories: false)
        let run = try TestSupport.katalog(["import", "Samples/text/000_6e65ef817e1cc529.txt", "--out", output.path])
        #expect(run.status == 4)
        let after = try names.map { try Data(contentsOf: output.appendingPathComponent($0)) }
        #expect(after == before, "a failed run replaced some of the previous outputs")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func prettyIndentsCatalogJSONAndChangesNothingElse() throws {
        let compact = try TestSupport.temporaryDirectory(), pretty = try TestSupport.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: compact)
            try? FileManager.default.removeItem(at: pretty)
        }
        #expect(try TestSupport.katalog(["import", "Samples/text", "--out", compact.path]).status == 0)
        #expect(try TestSupport.katalog(["import", "Samples/text", "--out", pretty.path, "--pretty"]).status == 0)
        let compactJSON = String(decoding: try Data(contentsOf: compact.appendingPathComponent("catalog.json")), as: UTF8.self)
        let prettyJSON = String(decoding: try Data(contentsOf: pretty.appendingPathComponent("catalog.json")), as: UTF8.self)
        #expect(compactJSON.hasPrefix("[\n{\"attributes\":") && prettyJSON.hasPrefix("[\n  {\n    \"attributes\": ["))
        #expect(try TestSupport.json(compact.appendingPathComponent("catalog.json")) as? NSArray == TestSupport.json(pretty.appendingPathComponent("catalog.json")) as? NSArray)
        for name in ["catalog.jsonl", "catalog.csv", "rejects.jsonl", "report.json"] {
            #expect(try Data(contentsOf: compact.appendingPathComponent(name)) == Data(contentsOf: pretty.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func aRunWithNoReadableInputsStillWritesAnEmptyCatalog() throws {
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try TestSupport.katalog(["import", "missing-folder", "--out", output.path])
        #expect(run.status == 3)
        #expect(String(decoding: try Data(contentsOf: output.appendingPathComponent("catalog.json")), as: UTF8.self) == "[]\n")
    }

    @Test func aFileThatImportsNothingIsNamedAndStrictExitsOne() throws {
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let sample = "Samples/feeds/platforms/shopify-products_export.csv"
        let loose = try TestSupport.katalog(["import", sample, "--out", output.path, "--currency", "XXX"])
        #expect(loose.status == 2, "an unknown --currency is a usage error")
        // `kr` is four currencies and nothing in this file says which: no price is usable, so nothing imports.
        let undecided = output.appendingPathComponent("kr.csv")
        try Data("sku,title,price\nA-1,Lamp,kr 149\nB-2,Desk,kr 1 299\n".utf8).write(to: undecided)
        let strict = try TestSupport.katalog(["import", undecided.path, "--out", output.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("nothing imported from 1 file"))
        let report = try #require(try TestSupport.json(output.appendingPathComponent("report.json")) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let verdicts = diagnostics.filter { $0["code"] as? String == "file.nothing-imported" }
        #expect(verdicts.count == 1)
        #expect((verdicts.first?["message"] as? String)?.contains("--currency") == true)
        // Without --strict the same run exits 0: the catalog was written.
        #expect(try TestSupport.katalog(["import", undecided.path, "--out", output.path]).status == 0)
        // Told the currency, the file imports.
        #expect(try TestSupport.katalog(["import", undecided.path, "--out", output.path, "--strict", "--currency", "SEK"]).status == 0)
        // Told the currency, the same file imports every variant.
        let told = try TestSupport.katalog(["import", sample, "--out", output.path, "--strict", "--currency", "USD", "--country", "US"])
        #expect(told.status == 0)
        let catalog = try #require(try TestSupport.json(output.appendingPathComponent("catalog.json")) as? [[String: Any]])
        #expect(catalog.count == 8)
        #expect(catalog.allSatisfy { ($0["price"] as? [String: Any])?["currency"] as? String == "USD" })
    }

    @Test func outputsWritesOnlyTheFilesAskedForAndTheyAreTheSameBytes() throws {
        let full = try TestSupport.temporaryDirectory(), partial = try TestSupport.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: full)
            try? FileManager.default.removeItem(at: partial)
        }
        #expect(try TestSupport.katalog(["import", "Samples/feeds", "--out", full.path]).status == 0)
        // A file a previous run left in the folder is not touched by a run that does not write it.
        try Data("previous".utf8).write(to: partial.appendingPathComponent("catalog.csv"))
        #expect(try TestSupport.katalog(["import", "Samples/feeds", "--out", partial.path, "--outputs", "jsonl,report"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: partial.path).sorted() == ["catalog.csv", "catalog.jsonl", "report.json"])
        #expect(try Data(contentsOf: partial.appendingPathComponent("catalog.csv")) == Data("previous".utf8))
        for name in ["catalog.jsonl", "report.json"] {
            #expect(try Data(contentsOf: partial.appendingPathComponent(name)) == Data(contentsOf: full.appendingPathComponent(name)), "\(name)")
        }
        #expect(try TestSupport.katalog(["import", "Samples/feeds", "--out", partial.path, "--outputs", "xml"]).status == 2)
        #expect(try TestSupport.katalog(["import", "Samples/feeds", "--out", partial.path, "--outputs", ""]).status == 2)
    }
}
