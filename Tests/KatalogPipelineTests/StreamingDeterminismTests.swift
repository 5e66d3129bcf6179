import Foundation
import Testing

/// A file above the streaming threshold is normalized in batches on several threads; its outputs must be the
/// same bytes as a one-thread run, including the decimal-mark evidence that carries from record to record.
struct StreamingDeterminismTests {
    /// A Lithuanian-style CSV over 1 MiB: unambiguous decimal-comma prices early, ambiguous `3.350`-style prices
    /// later (read by the file's evidence), broken rows, and a few page-long descriptions.
    static func largeFeed() -> String {
        var rows = ["Prekės kodas;Pavadinimas;Gamintojas;Kaina;Barkodas;Svoris (kg);Spalva;Aprašymas"]
        let colours = ["juoda", "balta", "raudona", "melsva"]
        for index in 1...11_500 {
            let price: String
            switch index % 7 {
            case 0: price = "\(index % 9 + 1).\(String(format: "%03d", index % 1000)) €"
            case 1: price = "\(index) \(String(format: "%03d", index % 1000)),00 €"
            case 2: price = ""
            default: price = "\(index % 500),\(String(format: "%02d", index % 100)) €"
            }
            let gtin = index % 11 == 0 ? "6,93722E+12" : "47000000\(String(format: "%05d", index))"
            let description = index % 97 == 0 ? String(repeating: "Ilgas aprašymas apie prekę. ", count: 40) : "Prekė nr. \(index)"
            // Every 500th row reuses the SKU of the row 250 before it with other data: the run rule `sku.duplicate`
            // then changes a record after the workers encoded it, which must be encoded again.
            let sku = index % 500 == 0 ? "SKU-\(index - 250)" : "SKU-\(index)"
            rows.append("\(sku);Prekė \(index);Gamintojas \(index % 13);\(price);\(gtin);\(index % 5),\(index % 10);\(colours[index % 4]);\(description)")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    @Test func batchedParallelRunEqualsSequentialRun() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("feed.csv")
        try Data(Self.largeFeed().utf8).write(to: feed)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: feed.path)[.size] as? Int)
        #expect(size > 1 << 20, "the feed must be above the streaming threshold")
        let one = folder.appendingPathComponent("one"), three = folder.appendingPathComponent("three")
        #expect(try TestSupport.katalog(["import", feed.path, "--out", one.path, "--jobs", "1"]).status == 0)
        #expect(try TestSupport.katalog(["import", feed.path, "--out", three.path, "--jobs", "3"]).status == 0)
        for name in ["catalog.json", "catalog.jsonl", "catalog.csv", "rejects.jsonl", "report.json"] {
            let a = try Data(contentsOf: one.appendingPathComponent(name)), b = try Data(contentsOf: three.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between --jobs 1 and --jobs 3")
        }
        let report = try #require(try TestSupport.json(one.appendingPathComponent("report.json")) as? [String: Any])
        let codes = try #require((report["totals"] as? [String: Any])?["codes"] as? [String: Int])
        #expect(codes["price.decimal-resolved", default: 0] > 0, "ambiguous prices were read by the file's evidence")
        // 23 repeated SKUs; those whose row (or earlier row) was rejected for its empty price are not compared.
        let duplicates = codes["sku.duplicate", default: 0]
        #expect(duplicates >= 10, "every 500th row repeats a SKU")
        let lines = try String(contentsOf: three.appendingPathComponent("catalog.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains("\"sku.duplicate\"") }.count == duplicates, "records flagged by a run rule carry the finding")
        try OutputInvariants.verify(one)
    }
}
