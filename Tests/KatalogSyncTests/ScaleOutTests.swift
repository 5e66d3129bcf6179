import Foundation
import Testing
import KatalogTestSupport

/// `katalog map` as a streaming mapper, partitions, and a real night on Spark: map → shuffle by Katalog's
/// partition → `katalog merge` gives byte for byte what one machine's import + merge gives.
@Suite struct ScaleOutTests {
    static let inputs = ["Samples/feeds", "Samples/sync/night-2", "Samples/html"]

    /// Runs a shell pipeline from the package root; returns its stdout.
    static func shell(_ command: String) throws -> ChildProcess.Result {
        try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), ["-c", command], in: SyncTestSupport.packageRoot)
    }

    /// What one machine makes of `inputs`: import, then merge, lines sorted by their bytes.
    static func singleMachineMerge(_ folder: URL) throws -> [String] {
        let katalog = SyncTestSupport.katalogBinary.path
        let absolute = inputs.map { SyncTestSupport.packageRoot.appendingPathComponent($0).path }
        let imported = try SyncTestSupport.katalog(["import"] + absolute + ["--out", folder.path, "--outputs", "jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let merged = try shell("'\(katalog)' merge '\(folder.path)/catalog.jsonl' --out -")
        #expect(merged.status == 0, "\(merged.stderr)")
        return merged.stdout.split(separator: "\n").map(String.init).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test func mapStreamsTheRecordsImportWritesAndAccountsForEveryRecord() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let katalog = SyncTestSupport.katalogBinary.path
        let mapped = try Self.shell("printf '%s\\n' Samples/feeds Samples/sync/night-2 | '\(katalog)' map --findings '\(folder.path)/findings.jsonl'")
        #expect(mapped.status == 0, "\(mapped.stderr)")
        let imported = try SyncTestSupport.katalog(["import", "Samples/feeds", "Samples/sync/night-2", "--out", folder.path, "--outputs", "jsonl"])
        #expect(imported.status == 0)
        #expect(mapped.stdout == (try String(contentsOf: folder.appendingPathComponent("catalog.jsonl"), encoding: .utf8)), "the same lines in the same order as import")
        let findings = try SyncTestSupport.lines(folder.appendingPathComponent("findings.jsonl"))
        let summary = try #require(findings.last)
        let rejected = findings.filter { $0.hasPrefix(#"{"rejected":"#) }.count
        let imports = mapped.stdout.split(separator: "\n").count
        #expect(summary == #"{"summary":{"files":\#(45),"imported":\#(imports),"read":\#(imports + rejected),"rejected":\#(rejected),"unreadable_files":0}}"#)
        #expect(findings.dropLast().allSatisfy { $0.hasPrefix(#"{"diagnostic":"#) || $0.hasPrefix(#"{"rejected":"#) })
    }

    @Test func mapWithPartitionsPrefixesThePartitionAndImportWritesTheSameSplit() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let katalog = SyncTestSupport.katalogBinary.path
        let mapped = try Self.shell("'\(katalog)' map Samples/sync/night-2 --partitions 4 --findings /dev/null")
        #expect(mapped.status == 0)
        #expect(try SyncTestSupport.katalog(["import", "Samples/sync/night-2", "--out", folder.path, "--partitions", "4", "--outputs", "jsonl"]).status == 0)
        for partition in 0..<4 {
            let expected = try String(contentsOf: folder.appendingPathComponent("partitions/part-0000\(partition)-of-00004.jsonl"), encoding: .utf8)
            let fromMap = mapped.stdout.split(separator: "\n").filter { $0.hasPrefix("\(partition)\t") }.map { $0.dropFirst(2) + "\n" }.joined()
            #expect(fromMap == expected, "partition \(partition)")
        }
        // The speaker's two records share a GTIN, hence a partition: the upper 32 bits of FNV-1a 64 of
        // "gtin:04548732123452", modulo 4, is 3 (docs/scale.md shows the same in Python).
        #expect(mapped.stdout.split(separator: "\n").filter { $0.contains("4548732123452") }.allSatisfy { $0.hasPrefix("3\t") })
        #expect(try SyncTestSupport.katalog(["map", "x", "--partition-by", "sku"]).status == 2, "--partition-by needs --partitions")
    }

    @Test func hostileAndMissingInputsDoNotKillThePipe() throws {
        let katalog = SyncTestSupport.katalogBinary.path
        let run = try Self.shell("printf '%s\\n' Samples/invalid /no/such/file | '\(katalog)' map --findings - | tail -1")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix(#"{"summary":{"#) && run.stdout.contains(#""unreadable_files":1"#))
        let fromStdin = try Self.shell("cat Samples/sync/night-1/eshop-feed.xml | '\(katalog)' map --stdin-data --stdin-name eshop-feed.xml --findings /dev/null")
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout.split(separator: "\n").count == 2)
        #expect(fromStdin.stdout.contains(#""id":"eshop-feed.xml#1""#))
    }

    @Test func shardsShareTheInputFilesWithoutOverlap() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var union: [Substring] = []
        for shard in 0..<3 {
            let run = try SyncTestSupport.katalog(["import", "Samples/feeds", "--shard", "\(shard)/3", "--out", folder.appendingPathComponent("\(shard)").path, "--outputs", "jsonl"])
            #expect(run.status == 0)
            union += try String(contentsOf: folder.appendingPathComponent("\(shard)/catalog.jsonl"), encoding: .utf8).split(separator: "\n")
        }
        #expect(try SyncTestSupport.katalog(["import", "Samples/feeds", "--out", folder.appendingPathComponent("all").path, "--outputs", "jsonl"]).status == 0)
        let all = try String(contentsOf: folder.appendingPathComponent("all/catalog.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(union.sorted() == all.sorted())
        #expect(try SyncTestSupport.katalog(["import", "Samples/feeds", "--shard", "3/3", "--out", folder.path]).status == 2)
    }

    static var sparkMissing: String? {
        guard let check = try? shell("python3 -c 'import pyspark' && java -version") else { return "python3 cannot be run" }
        return check.status == 0 ? nil : "pyspark or Java is missing (pip install pyspark; apt-get install openjdk-17-jre-headless): \(check.stderr.split(separator: "\n").last ?? "")"
    }

    @Test(.enabled(if: sparkMissing == nil, "needs pyspark and Java 17; .ci/setup installs them"))
    func aNightOnSparkEqualsOneMachine() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let katalog = SyncTestSupport.katalogBinary.path
        let spark = try Self.shell("python3 scripts/spark_night.py --katalog '\(katalog)' --partitions 4 --map-tasks 4 --out '\(folder.path)/spark.jsonl' " + Self.inputs.joined(separator: " "))
        #expect(spark.status == 0, "\(spark.stderr.suffix(3000))")
        #expect(spark.stdout.contains(#""map_tasks": 4"#) && spark.stdout.contains(#""partitions": 4"#))
        let distributed = try SyncTestSupport.lines(folder.appendingPathComponent("spark.jsonl"))
        let single = try Self.singleMachineMerge(folder.appendingPathComponent("single"))
        #expect(distributed.count == single.count && distributed.count > 50)
        #expect(distributed == single, "Spark's merged catalog equals one machine's, line for line")
    }
}
