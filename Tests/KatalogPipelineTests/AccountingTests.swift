import Foundation
import Testing

/// Every input record is accounted for: per file and in total, read = imported + rejected, on every golden case
/// and on Samples/invalid; and the findings counted by severity add up to those counted by code.
struct AccountingTests {
    static var cases: [String] {
        let golden = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.goldenRoot.path)) ?? []
        return golden.filter { !$0.hasPrefix(".") }.sorted().map { "Tests/KatalogPipelineTests/Golden/\($0)/input" } + ["Samples/invalid", "Samples"]
    }

    @Test(arguments: cases)
    func recordsAddUp(_ input: String) throws {
        let run = try TestSupport.katalog(["validate", input, "--format", "json", "--fail-on", "never"])
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(!files.isEmpty)
        var sums = (read: 0, imported: 0, rejected: 0)
        for file in files {
            let records = try #require(file["records"] as? [String: Int])
            let read = records["read"] ?? -1, imported = records["imported"] ?? -1, rejected = records["rejected"] ?? -1
            #expect(read == imported + rejected, "\(file["file"] ?? "?"): \(records)")
            sums = (sums.read + read, sums.imported + imported, sums.rejected + rejected)
            try Self.expectCodesAddUp(file)
        }
        let totals = try #require(report["totals"] as? [String: Any])
        let total = try #require(totals["records"] as? [String: Int])
        #expect(total["read"] == sums.read && total["imported"] == sums.imported && total["rejected"] == sums.rejected)
        #expect(total["read"] == (total["imported"] ?? 0) + (total["rejected"] ?? 0))
        try Self.expectCodesAddUp(totals)
        let listed = try #require(report["records"] as? [[String: Any]])
        #expect(listed.count == sums.read, "one entry per record read")
        #expect(listed.filter { $0["outcome"] as? String == "rejected" }.count == sums.rejected)
    }

    static func expectCodesAddUp(_ counts: [String: Any]) throws {
        let severities = try #require(counts["diagnostics"] as? [String: Int])
        let codes = try #require(counts["codes"] as? [String: Int])
        #expect(severities.values.reduce(0, +) == codes.values.reduce(0, +))
    }
}
