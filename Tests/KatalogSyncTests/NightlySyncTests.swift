import Foundation
import Testing
import KatalogTestSupport
@testable import KatalogSync

/// The nightly scenario of Samples/sync end to end: night 1 fills the state, night 2 has two price changes, a
/// product gone, one now rejected, a new one, a renamed SKU and a second source for an existing GTIN.
@Suite struct NightlySyncTests {
    static let night1 = "Samples/sync/night-1"
    static let night2 = "Samples/sync/night-2"

    @Test func twoNightsGiveThePinnedChangesAndMergedCatalog() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("katalog.db").path
        let first = try SyncTestSupport.katalog(["sync", Self.night1, "--state", state, "--out", folder.appendingPathComponent("night-1").path, "--merge"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("first run: 8 records added"))
        let second = try SyncTestSupport.katalog(["sync", Self.night2, "--state", state, "--out", folder.appendingPathComponent("night-2").path, "--merge"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("2 added, 3 changed, 1 renamed, 1 removed, 1 now rejected, 2 unchanged"))

        for night in ["night-1", "night-2"] {
            for file in ["changes.jsonl", "merged.jsonl", "merge-report.json"] {
                try SyncTestSupport.expectGolden(folder.appendingPathComponent("\(night)/\(file)"), "nightly/\(night)/\(file)")
            }
        }
        // The facts the scenario was written for, read from the pinned change set.
        let changes = try SyncTestSupport.lines(folder.appendingPathComponent("night-2/changes.jsonl"))
        let byKey = Dictionary(changes.compactMap { line -> (String, String)? in
            guard let key = line.range(of: #""key":"[^"]*""#, options: .regularExpression) else { return nil }
            return (String(line[key]), line)
        }, uniquingKeysWith: { first, _ in first })
        let dishwasher = try #require(byKey[#""key":"sku:distributor.csv:DST-1001""#])
        #expect(dishwasher.contains(#""change":"changed""#) && dishwasher.contains(#""change_percent":-9.11"#) && dishwasher.contains(#""old":"549.00""#))
        let renamed = try #require(byKey[#""key":"sku:distributor.csv:DST-1005-B""#])
        #expect(renamed.contains(#""change":"renamed""#) && renamed.contains(#""previous_key":"sku:distributor.csv:DST-1005""#))
        #expect(byKey[#""key":"sku:distributor.csv:DST-1005""#] == nil, "a rename is not also a removal")
        #expect(try #require(byKey[#""key":"sku:distributor.csv:DST-1003""#]).contains(#""change":"removed""#))
        #expect(try #require(byKey[#""key":"sku:distributor.csv:DST-1002""#]).contains(#""reasons":["record.no-usable-price"]"#))
        #expect(try #require(byKey[#""key":"sku:distributor.csv:DST-1007""#]).contains(#""change":"added""#))
        #expect(changes.last?.contains(#""change":"summary""#) == true)

        let report = try String(contentsOf: folder.appendingPathComponent("night-2/report.json"), encoding: .utf8)
        #expect(report.contains(#""changes": {"#) && report.contains(#""renamed": 1"#))

        // The second source of the speaker's GTIN joins the distributor's record; the prices disagree.
        let merged = try SyncTestSupport.lines(folder.appendingPathComponent("night-2/merged.jsonl"))
        let speaker = try #require(merged.first { $0.contains(#""id":"gtin:04548732123452""#) })
        #expect(speaker.contains("merge.price-disagrees"))
        #expect(speaker.contains(#""sources":["Samples/sync/night-2/distributor.csv#4","Samples/sync/night-2/eshop-feed.xml#3"]"#))
        #expect(speaker.contains(#""price":"Samples/sync/night-2/distributor.csv#4""#), "a structured feed's CSV column outranks… itself: the tie goes to the first file")
    }

    @Test func anUnchangedFileIsTakenFromTheStateWithTheSameOutputsAsReadingIt() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("katalog.db").path
        // The night's folder is copied, as a job that downloads each night into a new folder would have it.
        let tonight = folder.appendingPathComponent("tonight")
        try FileManager.default.copyItem(at: SyncTestSupport.packageRoot.appendingPathComponent(Self.night2), to: tonight)
        func sync(_ out: String, _ extra: [String] = []) throws -> SyncTestSupport.Run {
            let run = try SyncTestSupport.katalog(["sync", tonight.path, "--state", state, "--out", folder.appendingPathComponent(out).path] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return run
        }
        /// Every column of the state's records (the run id aside), in key order.
        func stagedRecords() throws -> [String] {
            let statement = try SQLiteDatabase(path: state).prepare("SELECT key, source, record_id, position, gtin14, fingerprint, fields FROM records ORDER BY key")
            try statement.bind([])
            var rows: [String] = []
            while try statement.step() { rows.append((0..<7).map { statement.text(Int32($0)) ?? "null" }.joined(separator: " | ")) }
            return rows
        }
        _ = try sync("first")
        let read = try stagedRecords()
        let second = try sync("second")
        #expect(second.stderr.contains("2 unchanged files taken from the state"))
        #expect(try stagedRecords() == read, "the records of unchanged files are carried over exactly as reading them staged them")
        let report = try String(contentsOf: folder.appendingPathComponent("second/report.json"), encoding: .utf8)
        #expect(report.contains("\"skipped_files\": [\n      \"\(tonight.path)/distributor.csv\",\n      \"\(tonight.path)/eshop-feed.xml\"\n    ]"))
        let changes = try SyncTestSupport.lines(folder.appendingPathComponent("second/changes.jsonl"))
        #expect(changes == [#"{"added":0,"change":"summary","changed":0,"first_run":false,"kept":0,"previous_records":8,"records":8,"rejected":0,"removed":0,"renamed":0,"unchanged":8}"#])

        let full = try sync("full", ["--full"])
        #expect(!full.stderr.contains("taken from the state"))
        for name in ["catalog.json", "catalog.jsonl", "catalog.csv", "rejects.jsonl"] {
            let replayed = try Data(contentsOf: folder.appendingPathComponent("second/\(name)"))
            #expect(replayed == (try Data(contentsOf: folder.appendingPathComponent("full/\(name)"))), "\(name) is the same whether the files were read or replayed")
        }
        func withoutSkipped(_ out: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent("\(out)/report.json"), encoding: .utf8)
                .replacingOccurrences(of: #""skipped_files": \[[^\]]*\]"#, with: "", options: .regularExpression)
        }
        #expect(try withoutSkipped("second") == (try withoutSkipped("full")))

        // Another identity chain: the replayed files' records are staged again under their new keys, as a full read
        // stages them.
        _ = try sync("by-gtin", ["--identity", "gtin,sku"])
        let replayedByGTIN = try stagedRecords()
        _ = try sync("by-gtin-full", ["--identity", "gtin,sku", "--full"])
        #expect(try stagedRecords() == replayedByGTIN)
        #expect(replayedByGTIN != read && replayedByGTIN.contains { $0.hasPrefix("gtin:") })
        _ = try sync("back", ["--full"])

        // One file changes: only it is read; a new dictionary makes every file be read again.
        let feed = tonight.appendingPathComponent("eshop-feed.xml")
        try (try String(contentsOf: feed, encoding: .utf8)).replacingOccurrences(of: "54.99 EUR", with: "52.99 EUR").write(to: feed, atomically: true, encoding: .utf8)
        let oneChanged = try sync("changed")
        #expect(oneChanged.stderr.contains("1 changed") && oneChanged.stderr.contains("1 unchanged file taken from the state"))
        let labels = folder.appendingPathComponent("labels.json")
        try Data(#"{"labels": {"sku": {"en": ["Item code"]}}}"#.utf8).write(to: labels)
        #expect(!(try sync("labels", ["--labels", labels.path]).stderr.contains("taken from the state")))
    }

    /// A feed that cannot be read one night (here its download left a dangling link) keeps last night's records in
    /// the state: they are reported as kept, not removed, so a job applying `changes.jsonl` does not delete a shop's
    /// products for a night; the next night that reads the file finds them unchanged. Before, all of them were
    /// `removed`, and `added` again the night after.
    @Test func aFeedThatCannotBeReadKeepsItsRecordsInsteadOfRemovingThem() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tonight = folder.appendingPathComponent("tonight")
        try FileManager.default.copyItem(at: SyncTestSupport.packageRoot.appendingPathComponent(Self.night1), to: tonight)
        let state = folder.appendingPathComponent("katalog.db").path
        func sync(_ out: String) throws -> (run: SyncTestSupport.Run, summary: String) {
            let run = try SyncTestSupport.katalog(["sync", tonight.path, "--state", state, "--out", folder.appendingPathComponent(out).path])
            return (run, try SyncTestSupport.lines(folder.appendingPathComponent("\(out)/changes.jsonl")).last ?? "")
        }
        let first = try sync("first")
        #expect(first.run.status == 0, "\(first.run.stderr)")
        let distributor = tonight.appendingPathComponent("distributor.csv")
        let saved = try Data(contentsOf: distributor)
        let distributorRecords = try SyncTestSupport.lines(folder.appendingPathComponent("first/catalog.jsonl")).filter { $0.contains("distributor.csv#") }.count
        #expect(distributorRecords > 0)
        try FileManager.default.removeItem(at: distributor)
        try FileManager.default.createSymbolicLink(atPath: distributor.path, withDestinationPath: "download-in-progress.part")

        let broken = try sync("broken")
        #expect(broken.run.status == 3)
        #expect(broken.summary.contains(#""kept":\#(distributorRecords),"#) && broken.summary.contains(#""removed":0,"#), "\(broken.summary)")
        #expect(broken.run.stderr.contains("\(distributorRecords) kept (their file or folder could not be read)"))
        #expect(!(try SyncTestSupport.lines(folder.appendingPathComponent("broken/changes.jsonl")).contains { $0.contains(#""change":"removed""#) }))

        try FileManager.default.removeItem(at: distributor)
        try saved.write(to: distributor)
        let mended = try sync("mended")
        #expect(mended.run.status == 0)
        #expect(mended.summary.contains(#""added":0,"#) && mended.summary.contains(#""kept":0,"#) && mended.summary.contains(#""removed":0,"#), "\(mended.summary)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("mended/catalog.jsonl")) == Data(contentsOf: folder.appendingPathComponent("first/catalog.jsonl")))
    }

    /// An input folder that is missing one night (an unmounted share) held sources the run cannot name: every source
    /// not read that night keeps its records, while a file that was read still loses the records it no longer has.
    /// Before, all of the missing folder's records were `removed`, and `added` again the night after.
    @Test func aMissingInputFolderKeepsTheRecordsOfEverySourceNotRead() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let packageRoot = SyncTestSupport.packageRoot
        let shop = folder.appendingPathComponent("shop"), feeds = folder.appendingPathComponent("feeds")
        for made in [shop, feeds] { try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("\(Self.night1)/eshop-feed.xml"), to: shop.appendingPathComponent("eshop-feed.xml"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("\(Self.night1)/distributor.csv"), to: feeds.appendingPathComponent("distributor.csv"))
        let discontinued = feeds.appendingPathComponent("discontinued.csv")
        try Data("SKU,Name,Brand,Price,Currency\nOLD-1,Desk lamp LED 7 W,Ikea,12.99,EUR\n".utf8).write(to: discontinued)
        let state = folder.appendingPathComponent("katalog.db").path
        func sync(_ out: String) throws -> (run: SyncTestSupport.Run, changes: [String]) {
            let run = try SyncTestSupport.katalog(["sync", shop.path, feeds.path, "--state", state, "--out", folder.appendingPathComponent(out).path])
            return (run, try SyncTestSupport.lines(folder.appendingPathComponent("\(out)/changes.jsonl")))
        }
        let first = try sync("first")
        #expect(first.run.status == 0, "\(first.run.stderr)")
        let shopRecords = try SyncTestSupport.lines(folder.appendingPathComponent("first/catalog.jsonl")).filter { $0.contains("eshop-feed.xml#") }.count
        #expect(shopRecords > 0)

        // Night 2: the share is not mounted, the distributor's file lost DST-1003, and discontinued.csv is gone.
        let unmounted = folder.appendingPathComponent("shop-unmounted")
        try FileManager.default.moveItem(at: shop, to: unmounted)
        try FileManager.default.removeItem(at: feeds.appendingPathComponent("distributor.csv"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("\(Self.night2)/distributor.csv"), to: feeds.appendingPathComponent("distributor.csv"))
        try FileManager.default.removeItem(at: discontinued)
        let missing = try sync("missing")
        #expect(missing.run.status == 3)
        let removed = missing.changes.filter { $0.contains(#""change":"removed""#) }
        #expect(removed.count == 1 && removed.allSatisfy { $0.contains(#""key":"sku:distributor.csv:DST-1003""#) }, "\(removed)")
        let summary = missing.changes.last ?? ""
        #expect(summary.contains(#""kept":\#(shopRecords + 1),"#) && summary.contains(#""removed":1,"#), "\(summary)")
        #expect(missing.run.stderr.contains("\(shopRecords + 1) kept (their file or folder could not be read)"), "\(missing.run.stderr)")

        // Night 3: the share is back. Its records are unchanged; discontinued.csv, still gone, is now a removal.
        try FileManager.default.moveItem(at: unmounted, to: shop)
        let back = try sync("back")
        #expect(back.run.status == 0, "\(back.run.stderr)")
        let backSummary = back.changes.last ?? ""
        #expect(backSummary.contains(#""added":0,"#) && backSummary.contains(#""kept":0,"#) && backSummary.contains(#""removed":1,"#), "\(backSummary)")
        #expect(back.changes.contains { $0.contains(#""change":"removed""#) && $0.contains(#""key":"sku:discontinued.csv:OLD-1""#) })
    }

    /// `--max-removed` refuses a night that takes too many records out of the catalog: night 2 of the samples removes
    /// one record and rejects another (2 of 8). Over the limit, the exit code is 6 and neither the outputs nor the
    /// state change, so the same night run again with a higher limit reports the same changes; an empty download
    /// folder is refused by a share.
    @Test func maxRemovedRefusesANightThatTakesTooManyRecordsOut() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("katalog.db").path
        let out = folder.appendingPathComponent("out")
        func sync(_ night: String, _ extra: [String]) throws -> SyncTestSupport.Run {
            try SyncTestSupport.katalog(["sync", night, "--state", state, "--out", out.path] + extra)
        }
        let first = try sync(Self.night1, ["--max-removed", "0"])
        #expect(first.status == 0, "\(first.stderr)")
        let firstOutputs = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted().map { name in
            (name, try Data(contentsOf: out.appendingPathComponent(name)))
        }
        let stateBytes = try Data(contentsOf: URL(fileURLWithPath: state))

        let refused = try sync(Self.night2, ["--max-removed", "1"])
        #expect(refused.status == 6)
        #expect(refused.stderr.contains("tonight would take 2 of last night's 8 records out of the catalog (1 removed, 1 now rejected, 25.0%), more than --max-removed 1."), "\(refused.stderr)")
        let afterRefusal = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted().map { name in
            (name, try Data(contentsOf: out.appendingPathComponent(name)))
        }
        #expect(afterRefusal.map(\.0) == firstOutputs.map(\.0))
        #expect(zip(afterRefusal, firstOutputs).allSatisfy { $0.1 == $1.1 }, "the refused night changed an output")
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == stateBytes)

        let empty = folder.appendingPathComponent("empty-download")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let emptyNight = try sync(empty.path, ["--max-removed", "20%"])
        #expect(emptyNight.status == 6)
        #expect(emptyNight.stderr.contains("8 removed, 0 now rejected, 100.0%"), "\(emptyNight.stderr)")

        let accepted = try sync(Self.night2, ["--max-removed", "25%"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stderr.contains("1 removed, 1 now rejected"), "\(accepted.stderr)")

        let usage = try sync(Self.night2, ["--max-removed", "120%"])
        #expect(usage.status == 2 && usage.stderr.contains("--max-removed takes a number of records"))
    }

    /// A zip archive cut short keeps the records of all its members, as a cut file keeps its own.
    @Test func aZipArchiveThatCannotBeReadKeepsTheRecordsOfItsMembers() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let night1 = SyncTestSupport.packageRoot.appendingPathComponent(Self.night1)
        let members = try ["distributor.csv", "eshop-feed.xml"].map { name in
            ZipBuilder.Entry(name: Array("night/\(name)".utf8), data: Array(try Data(contentsOf: night1.appendingPathComponent(name))))
        }
        let archive = ZipBuilder(members).bytes
        let feed = folder.appendingPathComponent("export.zip")
        try Data(archive).write(to: feed)
        let state = folder.appendingPathComponent("katalog.db").path
        func sync(_ out: String) throws -> (status: Int32, summary: String) {
            let run = try SyncTestSupport.katalog(["sync", feed.path, "--state", state, "--out", folder.appendingPathComponent(out).path])
            return (run.status, try SyncTestSupport.lines(folder.appendingPathComponent("\(out)/changes.jsonl")).last ?? "")
        }
        let first = try sync("first")
        #expect(first.status == 0)
        let records = try SyncTestSupport.lines(folder.appendingPathComponent("first/catalog.jsonl")).count
        #expect(records > 3)
        try Data(archive.prefix(archive.count / 2)).write(to: feed)
        let cut = try sync("cut")
        #expect(cut.status == 3)
        #expect(cut.summary.contains(#""kept":\#(records),"#) && cut.summary.contains(#""removed":0,"#), "\(cut.summary)")
        try Data(archive).write(to: feed)
        let whole = try sync("whole")
        #expect(whole.summary.contains(#""added":0,"#) && whole.summary.contains(#""kept":0,"#) && whole.summary.contains(#""unchanged":\#(records)}"#), "\(whole.summary)")
    }

    /// An unchanged gzip feed is found by its compressed bytes and not decompressed at all: the second night runs
    /// with no temporary folder to decompress into, which the first night's decompression needed.
    @Test func anUnchangedCompressedFeedIsNotDecompressedAgain() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("nightly.xml.gz")
        try FileManager.default.copyItem(at: SyncTestSupport.packageRoot.appendingPathComponent("Samples/feeds/compressed/google-merchant-nightly-lv.xml.gz"), to: feed)
        let state = folder.appendingPathComponent("katalog.db").path
        func sync(_ out: String, environment: [String: String] = [:]) throws -> SyncTestSupport.Run {
            try SyncTestSupport.katalog(["sync", feed.path, "--state", state, "--out", folder.appendingPathComponent(out).path], environment: environment)
        }
        let first = try sync("first")
        #expect(first.status == 0, "\(first.stderr)")
        let noTemporaryFolder = ["TMPDIR": folder.appendingPathComponent("missing").path]
        let second = try sync("second", environment: noTemporaryFolder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("1 unchanged file taken from the state"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("second/catalog.jsonl")) == Data(contentsOf: folder.appendingPathComponent("first/catalog.jsonl")))
        // A changed compressed feed (here two gzip members) is decompressed, and so needs the folder.
        let bytes = try Data(contentsOf: feed)
        try (bytes + bytes).write(to: feed)
        #expect(try sync("third", environment: noTemporaryFolder).status == 3)
    }

    /// A stored record that cannot be read back (a state edited by hand, say) is an error naming the file; the file
    /// is read again on the next run, whose catalog is whole again.
    @Test func aStoredRecordThatCannotBeReadBackIsReportedAndTheFileReadNextTime() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("katalog.db").path
        func sync(_ out: String) throws -> SyncTestSupport.Run {
            try SyncTestSupport.katalog(["sync", Self.night1, "--state", state, "--out", folder.appendingPathComponent(out).path])
        }
        #expect(try sync("first").status == 0)
        try SQLiteDatabase(path: state).execute("UPDATE events SET event = X'01C9FF' WHERE ordinal = 1 AND source LIKE '%distributor.csv'")
        let damaged = try sync("damaged")
        #expect(damaged.stderr.contains("2 unchanged files taken from the state"))
        let report = try String(contentsOf: folder.appendingPathComponent("damaged/report.json"), encoding: .utf8)
        #expect(report.contains("input.replay-failed") && report.contains("Run again with --full"))
        let healed = try sync("healed")
        #expect(healed.status == 0)
        #expect(healed.stderr.contains("1 unchanged file taken from the state"), "the damaged file is read again")
        #expect(try Data(contentsOf: folder.appendingPathComponent("healed/catalog.jsonl")) == Data(contentsOf: folder.appendingPathComponent("first/catalog.jsonl")))
        #expect(healed.stderr.contains("0 added, 0 changed, 0 renamed, 0 removed, 0 now rejected"))
    }

    @Test func diffOfTheTwoCatalogsAgreesWithSync() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for night in [Self.night1, Self.night2] {
            let name = URL(fileURLWithPath: night).lastPathComponent
            let run = try SyncTestSupport.katalog(["import", night, "--out", folder.appendingPathComponent(name).path, "--outputs", "jsonl"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let old = folder.appendingPathComponent("night-1/catalog.jsonl").path, new = folder.appendingPathComponent("night-2/catalog.jsonl").path
        let diff = try SyncTestSupport.katalog(["diff", old, new])
        #expect(diff.status == 1, "changes found exit 1, like diff(1)")
        let lines = diff.stdout.split(separator: "\n")
        // Without the rejects, a record now rejected is simply gone.
        #expect(lines.last == #"{"added":2,"change":"summary","changed":3,"first_run":false,"kept":0,"previous_records":8,"records":8,"rejected":0,"removed":2,"renamed":1,"unchanged":2}"#)
        #expect(lines.contains { $0.contains(#""change":"renamed""#) && $0.contains("DST-1005-B") })

        let same = try SyncTestSupport.katalog(["diff", new, new, "--out", folder.appendingPathComponent("same.jsonl").path])
        #expect(same.status == 0)
        #expect(try SyncTestSupport.lines(folder.appendingPathComponent("same.jsonl")).count == 1)

        let notACatalog = try SyncTestSupport.katalog(["diff", "Samples/sync/night-1/distributor.csv", new])
        #expect(notACatalog.status == 3)
        #expect(notACatalog.stderr.contains("line 1 is not a catalog record"))

        // Lines are parsed in batches on every core; a damaged line past the first batch is still named by its number.
        let lineCount = ParallelLines.batchSize + 500
        let records = try SyncTestSupport.lines(URL(fileURLWithPath: new))
        var long = (0..<lineCount).map { records[$0 % records.count] }
        long[lineCount - 10] = String(long[lineCount - 10].dropLast(3))
        let damaged = folder.appendingPathComponent("damaged.jsonl")
        try Data((long.joined(separator: "\n") + "\n").utf8).write(to: damaged)
        for command in [["diff", old, damaged.path], ["merge", damaged.path, "--out", folder.appendingPathComponent("merged").path]] {
            let run = try SyncTestSupport.katalog(command)
            #expect(run.status == 3)
            #expect(run.stderr.contains("line \(lineCount - 9) is not a catalog record"), "\(command[0]): \(run.stderr)")
        }
    }

    @Test func mergeDoesNotDependOnTheOrderOfItsInputs() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["distributor.csv", "eshop-feed.xml"] {
            let run = try SyncTestSupport.katalog(["import", "\(Self.night2)/\(file)", "--out", folder.appendingPathComponent(file).path, "--outputs", "jsonl"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let (a, b) = (folder.appendingPathComponent("distributor.csv/catalog.jsonl").path, folder.appendingPathComponent("eshop-feed.xml/catalog.jsonl").path)
        #expect(try SyncTestSupport.katalog(["merge", a, b, "--out", folder.appendingPathComponent("ab").path]).status == 0)
        #expect(try SyncTestSupport.katalog(["merge", b, a, "--out", folder.appendingPathComponent("ba").path]).status == 0)
        let ab = try Data(contentsOf: folder.appendingPathComponent("ab/merged.jsonl"))
        #expect(ab == (try Data(contentsOf: folder.appendingPathComponent("ba/merged.jsonl"))))
        #expect(try SyncTestSupport.katalog(["merge", a, "--out", folder.path, "--precedence", "nonsense"]).status == 2)
    }

    /// A page's JSON-LD and another page's text carry the same GTIN (Samples' Sony WH-1000XM5): by default the
    /// structured data gives the title; with page text first, the text line does.
    @Test func precedenceDecidesWhichSourceGivesAField() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func title(_ precedence: [String]) throws -> String {
            let out = folder.appendingPathComponent(precedence.joined())
            #expect(try SyncTestSupport.katalog(["merge", "Output/catalog.jsonl", "--out", out.path] + precedence).status == 0)
            let merged = try SyncTestSupport.lines(out.appendingPathComponent("merged.jsonl"))
            let headphones = try #require(merged.first { $0.contains(#""id":"gtin:04548736132610""#) })
            #expect(headphones.contains(#""sources":["Samples/html/09_price-mismatch_pl.html#1","Samples/text/060_ua_tehnika_navushnyky.txt#1"]"#))
            return headphones
        }
        let standard = try title([])
        #expect(standard.contains(#""title":"Samples/html/09_price-mismatch_pl.html#1""#) && standard.contains(#""origin":"json-ld""#))
        let textFirst = try title(["--precedence", "text"])
        #expect(textFirst.contains(#""title":"Samples/text/060_ua_tehnika_navushnyky.txt#1""#))
        #expect(textFirst.contains("Бездротові навушники Sony WH-1000XM5"))
        #expect(try String(contentsOf: folder.appendingPathComponent("--precedencetext/merge-report.json"), encoding: .utf8).contains(#""precedence": "text,feed,structured""#))
    }
}
