import Foundation
import Testing
@testable import KatalogSync

/// The state survives a run killed at any point, and a state that cannot be used stops the run with exit 5
/// before anything is written.
@Suite struct SyncStateTests {
    static let night1 = "Samples/sync/night-1"
    static let night2 = "Samples/sync/night-2"

    /// The state's run count and its record keys, read with a connection of our own.
    static func contents(of state: String) throws -> (integrity: String, runs: Int64, keys: [String]) {
        let database = try SQLiteDatabase(path: state)
        let integrity = try database.text("PRAGMA integrity_check") ?? ""
        let runs = try database.integer("SELECT count(*) FROM runs") ?? -1
        let statement = try database.prepare("SELECT key FROM records ORDER BY key")
        try statement.bind([])
        var keys: [String] = []
        while try statement.step() { keys.append(statement.text(0) ?? "") }
        return (integrity, runs, keys)
    }

    @Test(arguments: CatalogSync.FaultPoint.allCases)
    func aRunKilledAtAnyPointLeavesAConsistentStateAndTheRerunCatchesUp(_ point: CatalogSync.FaultPoint) throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("katalog.db").path, out = folder.appendingPathComponent("out").path
        #expect(try SyncTestSupport.katalog(["sync", Self.night1, "--state", state, "--out", out]).status == 0)
        let night1 = try Self.contents(of: state)
        let night1Catalog = try Data(contentsOf: URL(fileURLWithPath: out + "/catalog.jsonl"))

        let killed = try SyncTestSupport.katalog(["sync", Self.night2, "--state", state, "--out", out], environment: ["KATALOG_SYNC_FAULT": point.rawValue])
        #expect(killed.killed, "the fault point \(point.rawValue) was not reached: \(killed.stderr)")
        let after = try Self.contents(of: state)
        #expect(after.integrity == "ok")
        let catalogAfter = try Data(contentsOf: URL(fileURLWithPath: out + "/catalog.jsonl"))
        switch point {
        case .staged, .changesWritten:
            #expect(after.runs == 1 && after.keys == night1.keys, "the previous state is intact")
            #expect(catalogAfter == night1Catalog, "the previous outputs are intact")
        case .outputsRenamed:
            #expect(after.runs == 1 && after.keys == night1.keys, "the previous state is intact")
            #expect(catalogAfter != night1Catalog, "tonight's outputs are in place")
        case .committed:
            #expect(after.runs == 2 && after.keys.contains("sku:distributor.csv:DST-1007") && !after.keys.contains("sku:distributor.csv:DST-1003"))
        }

        // The next run: tonight's changes again (at least once), or none once tonight was committed.
        let rerun = try SyncTestSupport.katalog(["sync", Self.night2, "--state", state, "--out", out])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let summary = try #require(try SyncTestSupport.lines(URL(fileURLWithPath: out + "/changes.jsonl")).last)
        if point == .committed {
            #expect(summary.contains(#""changed":0"#) && summary.contains(#""unchanged":8"#))
        } else {
            #expect(summary == #"{"added":2,"change":"summary","changed":3,"first_run":false,"kept":0,"previous_records":8,"records":8,"rejected":1,"removed":1,"renamed":1,"unchanged":2}"#)
        }
        #expect(try Self.contents(of: state).runs == (point == .committed ? 3 : 2))
    }

    @Test func aFileThatIsNotAStateStopsTheRunWithExit5() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notADatabase = folder.appendingPathComponent("notes.txt")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: notADatabase)
        let run = try SyncTestSupport.katalog(["sync", Self.night1, "--state", notADatabase.path, "--out", folder.appendingPathComponent("out").path])
        #expect(run.status == 5)
        #expect(run.stderr.contains("is not an SQLite database"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing is written")
        #expect(try Data(contentsOf: notADatabase) == Data(String(repeating: "not a database\n", count: 100).utf8), "the file is left as it was")
    }

    @Test func anotherProgramsDatabaseAndANewerSchemaAreRefused() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appendingPathComponent("foreign.db").path
        try SQLiteDatabase(path: foreign).execute("CREATE TABLE orders (id INTEGER)")
        let refused = try SyncTestSupport.katalog(["sync", Self.night1, "--state", foreign, "--out", folder.appendingPathComponent("a").path])
        #expect(refused.status == 5)
        #expect(refused.stderr.contains("another program"))

        let newer = folder.appendingPathComponent("newer.db").path
        #expect(try SyncTestSupport.katalog(["sync", Self.night1, "--state", newer, "--out", folder.appendingPathComponent("b").path]).status == 0)
        try SQLiteDatabase(path: newer).execute("PRAGMA user_version = 99")
        let tooNew = try SyncTestSupport.katalog(["sync", Self.night1, "--state", newer, "--out", folder.appendingPathComponent("b").path])
        #expect(tooNew.status == 5)
        #expect(tooNew.stderr.contains("newer Katalog (schema 99"))
    }

    @Test func aStateHeldByAnotherRunIsReportedAsBusy() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("katalog.db").path
        #expect(try SyncTestSupport.katalog(["sync", Self.night1, "--state", state, "--out", folder.appendingPathComponent("a").path]).status == 0)
        let holder = try SQLiteDatabase(path: state)
        try holder.execute("BEGIN IMMEDIATE")
        let blocked = try SyncTestSupport.katalog(["sync", Self.night2, "--state", state, "--out", folder.appendingPathComponent("b").path])
        try holder.execute("ROLLBACK")
        #expect(blocked.status == 5)
        #expect(blocked.stderr.contains("another katalog sync is using it"))
        #expect(try Self.contents(of: state).runs == 1)
    }
}

/// A state written by an earlier schema is upgraded in place, keeping last night's records.
@Suite struct SyncStateMigrationTests {
    /// What takes this build's state back to each earlier schema.
    static let downgrades: [Int64: String] = [
        1: """
            DROP INDEX records_by_source; DROP TABLE events; DROP TABLE files;
            CREATE TABLE files (source TEXT PRIMARY KEY, path TEXT NOT NULL, records INTEGER NOT NULL, run_id INTEGER NOT NULL) WITHOUT ROWID;
            PRAGMA user_version = 1;
            """,
        2: "DROP INDEX records_by_source; ALTER TABLE files DROP COLUMN records; \(schema3Events) PRAGMA user_version = 2;",
        3: "\(schema3Events) PRAGMA user_version = 3;",
    ]

    /// The events table as schemas 2 and 3 had it, with its rows.
    static let schema3Events = """
        CREATE TABLE old_events (source TEXT NOT NULL, generation INTEGER NOT NULL, ordinal INTEGER NOT NULL, event BLOB NOT NULL,
                                 PRIMARY KEY (source, generation, ordinal)) WITHOUT ROWID;
        INSERT INTO old_events SELECT * FROM events; DROP TABLE events; ALTER TABLE old_events RENAME TO events;
        """

    @Test(arguments: [Int64(1), 2, 3])
    func anEarlierStateIsMigratedAndItsRecordsCompared(schema: Int64) throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("katalog.db").path
        // Night 1 with this build, then the file is taken back to the earlier schema.
        #expect(try SyncTestSupport.katalog(["sync", SyncStateTests.night1, "--state", state, "--out", folder.appendingPathComponent("a").path]).status == 0)
        let database = try SQLiteDatabase(path: state)
        try database.execute(try #require(Self.downgrades[schema]))
        let night2 = try SyncTestSupport.katalog(["sync", SyncStateTests.night2, "--state", state, "--out", folder.appendingPathComponent("b").path])
        #expect(night2.status == 0, "\(night2.stderr)")
        #expect(night2.stderr.contains("2 added, 3 changed, 1 renamed, 1 removed, 1 now rejected, 2 unchanged"))
        #expect(try database.integer("PRAGMA user_version") == SyncState.schemaVersion)
        #expect(try database.integer("SELECT count(*) FROM events") == 9, "tonight's outcomes are stored for the next run")
        #expect(try database.integer("SELECT count(*) FROM files WHERE records < 0") == 0, "every file notes how many records it gave")
    }

    /// Schema 3 → 4 moves the stored events to another table: an unchanged file is still replayed from them.
    @Test func storedEventsSurviveTheMoveToSchema4() throws {
        let folder = try SyncTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("katalog.db").path
        #expect(try SyncTestSupport.katalog(["sync", SyncStateTests.night1, "--state", state, "--out", folder.appendingPathComponent("a").path]).status == 0)
        try SQLiteDatabase(path: state).execute(try #require(Self.downgrades[3]))
        let rerun = try SyncTestSupport.katalog(["sync", SyncStateTests.night1, "--state", state, "--out", folder.appendingPathComponent("b").path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("2 unchanged files taken from the state"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("b/catalog.jsonl")) == Data(contentsOf: folder.appendingPathComponent("a/catalog.jsonl")))
        #expect(try SQLiteDatabase(path: state).integer("SELECT count(*) FROM sqlite_schema WHERE name = 'events_by_file'") == 1)
    }
}

@Suite struct RemovalLimitTests {
    @Test func parsesCountsAndShares() {
        #expect(RemovalLimit("500") == .records(500))
        #expect(RemovalLimit(" 0 ") == .records(0))
        #expect(RemovalLimit("20%") == .percent(20))
        #expect(RemovalLimit("2.5%") == .percent(Decimal(string: "2.5")!))
        #expect(RemovalLimit("100%") == .percent(100))
        for bad in ["", "%", "-1", "1e3", "20 %x", "100.5%", "1.2.3%", "١٢%", "twenty"] {
            #expect(RemovalLimit(bad) == nil, "\(bad)")
        }
    }

    @Test func aLimitIsExceededOnlyAboveIt() {
        #expect(!RemovalLimit.records(8).isExceeded(leaving: 8, of: 8))
        #expect(RemovalLimit.records(8).isExceeded(leaving: 9, of: 100))
        #expect(!RemovalLimit.percent(25).isExceeded(leaving: 2, of: 8))
        #expect(RemovalLimit.percent(Decimal(string: "24.9")!).isExceeded(leaving: 2, of: 8))
        #expect(!RemovalLimit.percent(0).isExceeded(leaving: 0, of: 0))
        #expect(RemovalLimit.percent(100).isExceeded(leaving: 1, of: 0) == true)
    }
}
