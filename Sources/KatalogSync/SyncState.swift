import CSQLite
import Foundation

/// Why a state database cannot be used: not SQLite, not Katalog's, written by a newer Katalog, damaged, or held
/// by another run. `katalog sync` exits with its own code (5) for it and leaves the file as it was.
public struct StateUnusable: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "the sync state \(path) cannot be used: \(reason)" }
}

/// The sync state: one SQLite database holding last night's records (key, identifying facts, compared fields)
/// and the runs so far. Schema and guarantees in docs/sync.md.
///
/// A run is one transaction (`begin()` … `commit()`): records are staged into `next_records`, the changes are read
/// by comparing it with `records`, and the commit swaps the tables. A process killed at any point before the
/// commit leaves the previous state exactly as it was (SQLite's write-ahead log rolls the transaction back).
public final class SyncState {
    /// `PRAGMA application_id` of a Katalog state ('KTLG').
    static let applicationID: Int64 = 0x4B54_4C47
    /// The schema this build writes; `migrations[n]` upgrades version n to n + 1.
    static let schemaVersion: Int64 = 4
    static let migrations: [String] = [
        // 0 → 1: the first schema.
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            identity TEXT NOT NULL,
            records INTEGER NOT NULL,
            added INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            renamed INTEGER NOT NULL,
            removed INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            unchanged INTEGER NOT NULL
        );
        CREATE TABLE records (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            record_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            gtin14 TEXT,
            fingerprint INTEGER NOT NULL,
            fields TEXT NOT NULL,
            run_id INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX records_by_gtin ON records (source, gtin14) WHERE gtin14 IS NOT NULL;
        CREATE TABLE files (
            source TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            records INTEGER NOT NULL,
            run_id INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // 1 → 2: files keep their content hash and stored outcome, so an unchanged file is not read again.
        """
        DROP TABLE files;
        CREATE TABLE files (
            source TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            settings TEXT NOT NULL,
            generation INTEGER NOT NULL,
            skeleton BLOB NOT NULL,
            events INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE events (
            source TEXT NOT NULL,
            generation INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            event BLOB NOT NULL,
            PRIMARY KEY (source, generation, ordinal)
        ) WITHOUT ROWID;
        """,
        // 2 → 3: a file keeps how many records it gave, and records are found by source, so the records of an
        // unchanged file are carried over in one statement (-1: unknown, the file's records are staged again).
        """
        ALTER TABLE files ADD COLUMN records INTEGER NOT NULL DEFAULT -1;
        CREATE INDEX IF NOT EXISTS records_by_source ON records (source, position);
        """,
        // 3 → 4: stored events in a rowid table, found through an index. A WITHOUT ROWID table keeps at most about
        // a quarter of a page of a row in the tree and the rest of a 3 KB event in an overflow page of its own.
        """
        CREATE TABLE events_by_rowid (source TEXT NOT NULL, generation INTEGER NOT NULL, ordinal INTEGER NOT NULL, event BLOB NOT NULL);
        INSERT INTO events_by_rowid SELECT source, generation, ordinal, event FROM events ORDER BY source, generation, ordinal;
        DROP TABLE events;
        ALTER TABLE events_by_rowid RENAME TO events;
        CREATE UNIQUE INDEX events_by_file ON events (source, generation, ordinal);
        """,
    ]

    /// The page size of a new state: several stored events (about 3 KB each) share a page instead of leaving most
    /// of a 4 KB page empty.
    static let pageSize = 16_384

    public let path: String
    let database: SQLiteDatabase
    private var inTransaction = false
    private var insertRecord: SQLiteStatement?
    private var insertRejected: SQLiteStatement?
    private var insertEvent: SQLiteStatement?
    /// The run being staged: its id, which is also the generation of the events it records.
    private(set) var generation: Int64 = 0
    /// The identity chain of the last committed run (nil before the first).
    private var previousIdentity: String?
    /// How many records each source has staged tonight.
    private var stagedBySource: [String: Int] = [:]

    /// Opens or creates the state at `path`, upgrading an older schema. Throws `StateUnusable`.
    public init(path: String) throws {
        self.path = path
        do {
            database = try SQLiteDatabase(path: path)
            try prepareSchema()
        } catch let error as StateUnusable {
            throw error
        } catch let error as SQLiteError {
            throw StateUnusable(path: path, reason: Self.explain(error))
        }
    }

    private func prepareSchema() throws {
        // Reading the header first tells a file that is not SQLite (SQLITE_NOTADB) from one that is.
        let application = try database.integer("PRAGMA application_id") ?? 0
        let version = try database.integer("PRAGMA user_version") ?? 0
        let tables = try database.integer("SELECT count(*) FROM sqlite_schema") ?? 0
        if application != Self.applicationID && (application != 0 || tables > 0) {
            throw StateUnusable(path: path, reason: "it is an SQLite database of another program (application id \(application)); give --state a new file")
        }
        if version > Self.schemaVersion {
            throw StateUnusable(path: path, reason: "it was written by a newer Katalog (schema \(version), this build knows up to \(Self.schemaVersion))")
        }
        // The page size is fixed when the first table is created (and cannot change once in WAL mode).
        if tables == 0 { try database.execute("PRAGMA page_size = \(Self.pageSize)") }
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA temp_store = FILE;")
        guard version < Self.schemaVersion else { return }
        try database.execute("BEGIN IMMEDIATE")
        do {
            for migration in Self.migrations[Int(version)...] { try database.execute(migration) }
            try database.execute("PRAGMA application_id = \(Self.applicationID); PRAGMA user_version = \(Self.schemaVersion); COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    /// Whether a previous run was committed.
    public var hasPreviousRun: Bool {
        get throws { try wrap { try database.integer("SELECT count(*) FROM runs") ?? 0 } > 0 }
    }

    /// Starts tonight's run: takes the write lock (another run holding it is `StateUnusable`) and opens the staging
    /// tables.
    func begin() throws {
        try wrap {
            try database.execute("BEGIN IMMEDIATE")
            inTransaction = true
            try database.execute("""
                DROP TABLE IF EXISTS next_records; DROP TABLE IF EXISTS next_rejected; DROP TABLE IF EXISTS next_renames;
                DROP TABLE IF EXISTS next_files; DROP TABLE IF EXISTS next_unread; DROP TABLE IF EXISTS next_carried;
                CREATE TABLE next_files AS SELECT * FROM files WHERE 0;
                CREATE TABLE next_records (
                    key TEXT PRIMARY KEY, source TEXT NOT NULL, record_id TEXT NOT NULL, position INTEGER NOT NULL,
                    gtin14 TEXT, fingerprint INTEGER NOT NULL, fields TEXT NOT NULL, run_id INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE next_rejected (key TEXT PRIMARY KEY, record_id TEXT NOT NULL, reasons TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE next_renames (old_key TEXT PRIMARY KEY, new_key TEXT NOT NULL UNIQUE) WITHOUT ROWID;
                CREATE TABLE next_unread (source TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE TABLE next_carried (source TEXT PRIMARY KEY) WITHOUT ROWID;
                """)
            generation = (try database.integer("SELECT coalesce(max(id), 0) + 1 FROM runs") ?? 1)
            previousIdentity = try database.text("SELECT identity FROM runs ORDER BY id DESC LIMIT 1")
            stagedBySource = [:]
            carriedRecords = 0
            // Rows are staged with tonight's run id: setting it at commit rewrote every row of the table.
            insertRecord = try database.prepare("INSERT OR IGNORE INTO next_records VALUES (?, ?, ?, ?, ?, ?, ?, \(generation))")
            insertRejected = try database.prepare("INSERT OR IGNORE INTO next_rejected VALUES (?, ?, ?)")
        }
    }

    /// Stages one imported record under `key`; a key already staged tonight gets `#2`, `#3` … in input order.
    /// Returns the key used.
    @discardableResult
    func stage(key: String, source: String, recordID: String, position: Int, gtin14: String?, fields: RecordFields) throws -> String {
        try wrap {
            guard let insertRecord else { preconditionFailure("stage(…) before begin()") }
            let encoded = fields.encoded, fingerprint = RecordFields.fingerprint(of: encoded)
            var candidate = key, occurrence = 1
            while true {
                try insertRecord.run([.text(candidate), .text(source), .text(recordID), .integer(Int64(position)), .text(gtin14), .integer(fingerprint), .text(encoded)])
                if database.changes == 1 {
                    stagedBySource[source, default: 0] += 1
                    return candidate
                }
                occurrence += 1
                candidate = key + "#\(occurrence)"
            }
        }
    }

    /// Sources whose stored outcome failed to read back tonight: their file rows are not kept for the next run.
    private(set) var distrustedSources = Set<String>()

    /// Notes that a stored outcome of `source` could not be read back, so the next run reads its file again.
    func distrustStoredFile(source: String) { distrustedSources.insert(source) }

    /// How many records `source` has staged tonight.
    func stagedCount(of source: String) -> Int { stagedBySource[source] ?? 0 }

    /// Stages last night's records of `source` again, renumbered from `position`, when they are exactly what its
    /// file gives tonight: the file is replayed unchanged (the caller's word), the identity chain is last night's, no
    /// other file staged records of this source tonight, and last night's records of the source all came from that
    /// one file. Returns how many records were staged, or nil (nothing staged) when the records must be staged one
    /// by one.
    func carryOver(source: String, from position: Int, identity: IdentityChain) throws -> Int? {
        try wrap {
            guard previousIdentity == identity.description, stagedBySource[source] == nil,
                  let expected = try database.integer("SELECT records FROM files WHERE source = ?", [.text(source)]), expected >= 0,
                  try database.integer("SELECT count(*) FROM records WHERE source = ?", [.text(source)]) == expected else { return nil }
            try database.prepare("""
                INSERT OR IGNORE INTO next_records
                SELECT key, source, record_id, ?1 + position - (SELECT min(position) FROM records WHERE source = ?2), gtin14, fingerprint, fields, ?3
                FROM records WHERE source = ?2 ORDER BY position
                """).run([.integer(Int64(position)), .text(source), .integer(generation)])
            guard database.changes == Int(expected) else {
                // A key another source staged tonight: the records are staged one by one instead, numbered as read.
                try database.prepare("DELETE FROM next_records WHERE source = ?").run([.text(source)])
                return nil
            }
            stagedBySource[source] = Int(expected)
            try database.prepare("INSERT INTO next_carried VALUES (?)").run([.text(source)])
            carriedRecords += Int(expected)
            return Int(expected)
        }
    }

    /// Notes a record rejected tonight, so a record of last night's catalog that is now rejected is reported as such
    /// rather than as removed.
    func stageRejected(key: String, recordID: String, reasons: [String]) throws {
        try wrap {
            guard let insertRejected else { preconditionFailure("stageRejected(…) before begin()") }
            try insertRejected.run([.text(key), .text(recordID), .text(reasons.joined(separator: ","))])
        }
    }

    /// Notes the sources whose file could not be read tonight, or was read only in part (a download cut short): their
    /// records that tonight did not give are kept as they were (`keepUnreadRecords()`), not reported as removed.
    func markUnread(sources: [String]) throws {
        try wrap {
            let insert = try database.prepare("INSERT OR IGNORE INTO next_unread VALUES (?)")
            for source in sources { try insert.run([.text(source)]) }
        }
    }

    /// Last night's sources, each once, in name order.
    func previousSources() throws -> [String] {
        try wrap {
            let statement = try database.prepare("SELECT DISTINCT source FROM records ORDER BY source")
            try statement.bind([])
            var sources: [String] = []
            while try statement.step() { sources.append(statement.text(0) ?? "") }
            return sources
        }
    }

    /// Whether last night's record `o` belongs to the unread source `u`: the source itself, or a member of it when
    /// it is an archive (`feed.zip` could not be read: last night's `feed.zip/products.csv` is kept).
    private static let underUnreadSource = "u.source = o.source OR substr(o.source, 1, length(u.source) + 1) = u.source || '/'"

    /// Stages, after tonight's records, last night's records of the sources `markUnread` named that tonight has no
    /// record for (not renamed, not rejected): they stay in the state until their file can be read. Returns how many.
    func keepUnreadRecords() throws -> Int {
        try wrap {
            try database.execute("""
                INSERT OR IGNORE INTO next_records
                SELECT o.key, o.source, o.record_id, (SELECT coalesce(max(position), -1) + 1 FROM next_records) + o.position,
                       o.gtin14, o.fingerprint, o.fields, \(generation)
                FROM records o
                WHERE EXISTS (SELECT 1 FROM next_unread u WHERE \(Self.underUnreadSource))
                  AND NOT EXISTS (SELECT 1 FROM next_records n WHERE n.key = o.key)
                  AND NOT EXISTS (SELECT 1 FROM next_renames r WHERE r.old_key = o.key)
                  AND NOT EXISTS (SELECT 1 FROM next_rejected j WHERE j.key = o.key)
                ORDER BY o.position
                """)
            return database.changes
        }
    }

    /// Pairs tonight's new keys with last night's vanished keys of the same source and valid GTIN: renames.
    func findRenames() throws {
        try wrap {
            try database.execute("""
                INSERT OR IGNORE INTO next_renames (old_key, new_key)
                SELECT o.key, n.key FROM next_records n JOIN records o ON o.source = n.source AND o.gtin14 = n.gtin14
                WHERE n.gtin14 IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM records x WHERE x.key = n.key)
                  AND NOT EXISTS (SELECT 1 FROM next_records y WHERE y.key = o.key)
                ORDER BY n.position, o.position
                """)
        }
    }

    /// Records staged tonight by `carryOver`: last night's, under the same keys, so unchanged. `eachCurrent` leaves
    /// them out: joining them with last night's records one by one was most of an unchanged night's commit.
    private(set) var carriedRecords = 0

    /// Tonight's records in input order (but those carried over unchanged, see `carriedRecords`), each with the record it continues (same key, or renamed from), if any. The
    /// fields of a record that continues last night's unchanged (same key, same fingerprint) are left empty: they
    /// are not compared, and most records of a night are such.
    func eachCurrent(_ body: (_ current: StoredRecord, _ previous: StoredRecord?, _ renamedFrom: String?) throws -> Void) throws {
        let same = "r.old_key IS NULL AND o.fingerprint = n.fingerprint"
        let statement = try wrap {
            try database.prepare("""
                SELECT n.key, n.record_id, n.fingerprint, CASE WHEN \(same) THEN '' ELSE n.fields END,
                       o.key, o.record_id, o.fingerprint, CASE WHEN \(same) THEN '' ELSE o.fields END, r.old_key
                FROM next_records n
                LEFT JOIN next_renames r ON r.new_key = n.key
                LEFT JOIN records o ON o.key = COALESCE(r.old_key, n.key)
                WHERE NOT EXISTS (SELECT 1 FROM next_carried c WHERE c.source = n.source)
                ORDER BY n.position
                """)
        }
        try wrap { try statement.bind([]) }
        while try wrap({ try statement.step() }) {
            let current = StoredRecord(key: statement.text(0) ?? "", recordID: statement.text(1) ?? "", fingerprint: statement.integer(2), fieldsText: statement.text(3) ?? "{}")
            let previous = statement.isNull(4) ? nil : StoredRecord(key: statement.text(4) ?? "", recordID: statement.text(5) ?? "", fingerprint: statement.integer(6), fieldsText: statement.text(7) ?? "{}")
            try body(current, previous, statement.text(8))
        }
    }

    /// Last night's records that tonight has no record for (not renamed), in last night's order, with tonight's
    /// rejection reasons when the record was read but rejected. Records of a source that could not be read tonight
    /// (`markUnread`) are not vanished unless rejected: they are kept.
    func eachVanished(_ body: (_ previous: StoredRecord, _ rejectedFor: [String]?) throws -> Void) throws {
        let statement = try wrap {
            try database.prepare("""
                SELECT o.key, o.record_id, o.fingerprint, o.fields, j.reasons
                FROM records o LEFT JOIN next_rejected j ON j.key = o.key
                WHERE NOT EXISTS (SELECT 1 FROM next_records n WHERE n.key = o.key)
                  AND NOT EXISTS (SELECT 1 FROM next_renames r WHERE r.old_key = o.key)
                  AND (j.reasons IS NOT NULL OR NOT EXISTS (SELECT 1 FROM next_unread u WHERE \(Self.underUnreadSource)))
                ORDER BY o.position
                """)
        }
        try wrap { try statement.bind([]) }
        while try wrap({ try statement.step() }) {
            let previous = StoredRecord(key: statement.text(0) ?? "", recordID: statement.text(1) ?? "", fingerprint: statement.integer(2), fieldsText: statement.text(3) ?? "{}")
            try body(previous, statement.isNull(4) ? nil : (statement.text(4) ?? "").split(separator: ",").map(String.init))
        }
    }

    /// Records committed by the last run.
    public var recordCount: Int {
        get throws { Int(try wrap { try database.integer("SELECT count(*) FROM records") ?? 0 }) }
    }

    /// Makes tonight's records the state and records the run, in the transaction `begin()` opened. Events of
    /// generations no file refers to any more are deleted.
    func commit(summary: ChangeSummary, identity: IdentityChain) throws {
        try wrap {
            insertRecord = nil
            insertRejected = nil
            insertEvent = nil
            try database.prepare("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
                .integer(generation), .text(identity.description), .integer(Int64(summary.records)), .integer(Int64(summary.added)),
                .integer(Int64(summary.changed)), .integer(Int64(summary.renamed)), .integer(Int64(summary.removed)),
                .integer(Int64(summary.rejected)), .integer(Int64(summary.unchanged)),
            ])
            try database.execute("""
                DROP TABLE records;
                ALTER TABLE next_records RENAME TO records;
                CREATE INDEX records_by_gtin ON records (source, gtin14) WHERE gtin14 IS NOT NULL;
                CREATE INDEX records_by_source ON records (source, position);
                DROP TABLE next_rejected; DROP TABLE next_renames; DROP TABLE next_unread; DROP TABLE next_carried;
                DELETE FROM events WHERE NOT EXISTS (
                    SELECT 1 FROM next_files f WHERE f.source = events.source AND f.generation = events.generation);
                DROP TABLE files;
                ALTER TABLE next_files RENAME TO files;
                """)
            try database.execute("COMMIT")
            inTransaction = false
            // Keeps the write-ahead log small between nights; the data is already safe in the database.
            try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Stores one event of a file read tonight (the reduction thread, in order).
    func storeEvent(source: String, ordinal: Int, _ event: [UInt8]) throws {
        try wrap {
            if insertEvent == nil { insertEvent = try database.prepare("INSERT INTO events VALUES (?, ?, ?, ?)") }
            try insertEvent?.run([.text(source), .integer(generation), .integer(Int64(ordinal)), .blob(event)])
        }
    }

    /// Notes tonight's version of a file: read tonight (its events stored under this run's generation) or skipped
    /// (its events kept under the generation that read it).
    func stageFile(_ file: StoredFile) throws {
        try wrap {
            try database.prepare("INSERT OR REPLACE INTO next_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
                .text(file.source), .text(file.path), .text(file.contentHash), .integer(Int64(file.bytes)), .text(file.settings),
                .integer(file.generation), .blob(file.skeleton), .integer(Int64(file.events)), .integer(Int64(file.records)),
            ])
        }
    }

    /// Abandons tonight's run: the state stays as the last commit left it.
    func rollback() {
        insertRecord = nil
        insertRejected = nil
        insertEvent = nil
        if inTransaction { try? database.execute("ROLLBACK") }
        inTransaction = false
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw StateUnusable(path: path, reason: Self.explain(error))
        }
    }

    private static func explain(_ error: SQLiteError) -> String {
        switch error.code & 0xFF {
        case SQLITE_NOTADB: return "it is not an SQLite database (\(error.message))"
        case SQLITE_CORRUPT: return "the database is damaged (\(error.message)); restore a backup or start a new state with --state <new file>"
        case SQLITE_BUSY, SQLITE_LOCKED: return "another katalog sync is using it (\(error.message))"
        case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM: return "it cannot be opened for writing (\(error.message))"
        case SQLITE_FULL: return "the disk is full (\(error.message))"
        default: return error.description
        }
    }
}

/// One input file as the state holds it: how to tell it is unchanged, and where its stored outcome is.
struct StoredFile: Sendable, Hashable {
    var source: String
    var path: String
    /// FNV-1a 64 of the file's bytes, hexadecimal (`FileContentHash`).
    var contentHash: String
    var bytes: Int
    /// A fingerprint of everything else that decides the outcome (Katalog's build, dictionaries, configuration).
    var settings: String
    var generation: Int64
    /// The file's report skeleton (kind, encoding), JSON.
    var skeleton: [UInt8]
    var events: Int
    /// How many records the file staged (-1: not known).
    var records: Int
}

/// One record as the state holds it.
struct StoredRecord: Sendable {
    var key: String
    var recordID: String
    var fingerprint: Int64
    var fieldsText: String
}
