import Foundation
import Testing

/// `katalog validate`: exit codes as documented in docs/validate.md, and golden reports in every format for
/// `Samples/invalid` (RECORD_GOLDEN=1 rewrites them and still fails, so a new baseline is reviewed).
struct ValidateCommandTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Validate/Golden")

    static let formats: [(format: String, file: String)] = [
        ("text", "invalid.txt"), ("json", "invalid.json"), ("junit", "invalid.junit.xml"),
        ("github", "invalid.github.txt"), ("sarif", "invalid.sarif.json"),
    ]

    @Test(arguments: formats.map(\.format))
    func goldenReport(_ format: String) throws {
        let run = try TestSupport.katalog(["validate", "Samples/invalid", "--format", format, "--jobs", "2"])
        #expect(run.status == 1, "Samples/invalid has errors: \(run.stderr)")
        let name = try #require(Self.formats.first { $0.format == format }?.file)
        try Self.expectGolden(run.stdout, name: name)
    }

    @Test func goldenReportWithConfiguration() throws {
        let run = try TestSupport.katalog(["validate", "Samples/invalid/text", "--config", "Samples/invalid/katalog.yml"])
        #expect(run.status == 1)
        try Self.expectGolden(run.stdout, name: "invalid-with-config.txt")
    }

    @Test func outputIsTheSameForAnyNumberOfJobs() throws {
        let one = try TestSupport.katalog(["validate", "Samples/invalid", "--format", "json", "--jobs", "1"])
        let two = try TestSupport.katalog(["validate", "Samples/invalid", "--format", "json", "--jobs", "2"])
        #expect(one.stdout == two.stdout)
    }

    @Test func cleanSampleExitsZero() throws {
        let run = try TestSupport.katalog(["validate", "Samples/text/030_de_technik-shop_kaffee.txt"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("1 file, 1 record: 1 would be imported, 0 rejected; 0 errors, 0 warnings, 3 info\n"))
    }

    @Test func brokenSampleExitsOne() throws {
        let run = try TestSupport.katalog(["validate", "Samples/invalid/text/gtin-checksum.txt"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("Samples/invalid/text/gtin-checksum.txt:5:1: error: [gtin.checksum] GTIN \"3165140371684\" fails its check digit"))
    }

    @Test(arguments: [
        (["Samples/invalid/text/sale-above-price.txt"], Int32(0)),                         // warnings only
        (["Samples/invalid/text/sale-above-price.txt", "--fail-on", "warning"], 1),
        (["Samples/invalid/text/gtin-checksum.txt", "--fail-on", "never"], 0),
        (["Samples/invalid/text/gtin-checksum.txt", "--fail-on", "sometimes"], 2),        // usage
        (["Samples/invalid/text/gtin-checksum.txt", "--format", "xml"], 2),
        (["Samples/invalid/text/gtin-checksum.txt", "--max-errors", "-1"], 2),
        (["Samples/invalid/text/gtin-checksum.txt", "--config", "no/such.yml"], 2),
        (["Samples/invalid/text/gtin-checksum.txt", "no/such/file.txt"], 3),               // unreadable beats findings
        (["no/such/file.txt", "--fail-on", "never"], 3),
    ] as [([String], Int32)])
    func exitCodes(_ arguments: [String], _ status: Int32) throws {
        let run = try TestSupport.katalog(["validate"] + arguments)
        #expect(run.status == status, "\(arguments): \(run.stdout)\(run.stderr)")
    }

    @Test func maxErrorsShortensTheListingButNotTheCounts() throws {
        let run = try TestSupport.katalog(["validate", "Samples/invalid/text", "--max-errors", "2"])
        #expect(run.status == 1)
        let errorLines = run.stdout.split(separator: "\n").filter { $0.contains(": error: [") }
        #expect(errorLines.count == 2)
        #expect(run.stdout.contains("note: 6 more errors not shown (--max-errors 2)"))
        #expect(run.stdout.contains("; 8 errors,"))
    }

    @Test func invalidConfigurationIsAUsageErrorWithItsPosition() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("katalog.yml")
        try "katalog: 1\nrules:\n  gtin.checksum:\n    severty: warning\n".write(to: config, atomically: true, encoding: .utf8)
        let run = try TestSupport.katalog(["validate", "Samples/invalid/text/gtin-checksum.txt", "--config", config.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("katalog.yml:4:5: error: unknown key \"severty\" in rules.gtin.checksum; did you mean \"severity\"?"))
    }

    @Test func importUsesTheSameRulesAndPolicy() throws {
        let output = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try TestSupport.katalog(["import", "Samples/invalid/text", "--config", "Samples/invalid/katalog.yml", "--out", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rejects = try String(contentsOf: output.appendingPathComponent("rejects.jsonl"), encoding: .utf8)
        #expect(rejects.contains("price-negative.txt"), "price.negative rejects under the sample configuration")
        let catalog = try #require(try TestSupport.json(output.appendingPathComponent("catalog.json")) as? [[String: Any]])
        let checksum = try #require(catalog.first { ($0["source"] as? [String: Any])?["file"] as? String == "Samples/invalid/text/gtin-checksum.txt" })
        let diagnostics = try #require(checksum["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["code"] as? String == "gtin.checksum" }, "an invalid GTIN is imported with its finding attached")
    }

    static func expectGolden(_ text: String, name: String) throws {
        let actualDirectory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: actualDirectory) }
        try Data(text.utf8).write(to: actualDirectory.appendingPathComponent(name))
        try TestSupport.expectSameFiles([name], expected: goldenDirectory, actual: actualDirectory, regenerate: "RECORD_GOLDEN=1 swift test --filter ValidateCommandTests")
    }
}
