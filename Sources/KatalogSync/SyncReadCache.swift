import Foundation
import KatalogCore
import KatalogPipeline

/// A 64-bit FNV-1a hash of a file's bytes, read in 1 MiB chunks: how `sync` tells that a file is unchanged. Not a
/// cryptographic hash: it guards against a changed feed, not against an attacker (who could also edit the state).
enum FileContentHash {
    static func of(path: String) -> (hash: String, bytes: Int)? {
        guard let file = FileChunks(path: path) else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325, bytes = 0
        while true {
            let chunk: Data
            do {
                // nil (or no bytes) at the end of the file.
                guard case let read = try file.next(upTo: 1 << 20), !read.isEmpty else { break }
                chunk = read
            } catch {
                return nil
            }
            bytes += chunk.count
            chunk.withUnsafeBytes { buffer in
                for byte in buffer {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x0000_0100_0000_01B3
                }
            }
        }
        let hex = String(hash, radix: 16)
        return (String(repeating: "0", count: 16 - hex.count) + hex, bytes)
    }
}

/// `sync`'s `ReadCache`: a file whose bytes and settings are those of the last run is replayed from the state;
/// every file read is stored for the next run.
///
/// Two connections, because two threads use the state at once: stored reads come from a read connection on the
/// pipeline's reading thread and see the last committed run (SQLite's WAL gives readers a snapshot); events are
/// stored through the state's own connection on the reduction thread, inside tonight's transaction.
final class SyncReadCache: ReadCache, @unchecked Sendable {
    private let state: SyncState
    private let reader: SQLiteDatabase
    private let sources: SourceNames
    private let settings: String
    private let full: Bool
    private let lock = NSLock()
    /// Per display path: the hash found on the reading thread, for the reduction thread to store.
    private var hashes: [String: (hash: String, bytes: Int)] = [:]
    /// Files replayed, in input order, with their stored row (staged again at the end of the run).
    private var skipped: [(path: String, file: StoredFile)] = []
    /// Sources stored tonight: a second file with the same source name is not stored (it will be read again).
    private var storedSources = Set<String>()
    private var current: (source: String, path: String, events: Int)?

    static let batchSize = 128

    init(state: SyncState, sources: SourceNames, settings: String, full: Bool) throws {
        self.state = state
        self.sources = sources
        self.settings = settings
        self.full = full
        do {
            reader = try SQLiteDatabase(path: state.path)
            try reader.execute("PRAGMA query_only = 1")
        } catch let error as SQLiteError {
            throw StateUnusable(path: state.path, reason: error.description)
        }
    }

    /// The files that were replayed instead of read, in input order.
    var skippedPaths: [String] { lock.withLock { skipped.map(\.path) } }

    func storedRead(of input: InputDiscovery.Input) throws -> StoredRead? {
        guard let found = FileContentHash.of(path: input.path) else { return nil }
        lock.withLock { hashes[input.displayPath] = found }
        guard !full else { return nil }
        let source = sources.name(of: input.displayPath)
        let row = try reader.prepare("SELECT path, content_hash, bytes, settings, generation, skeleton, events, records FROM files WHERE source = ?")
        try row.bind([.text(source)])
        guard try row.step(), row.text(1) == found.hash, Int(row.integer(2)) == found.bytes, row.text(3) == settings,
              let skeleton = try? JSONDecoder().decode(FileReport.self, from: Data(row.blob(5))) else { return nil }
        let generation = row.integer(4)
        var replayed = skeleton
        replayed.file = input.displayPath
        let file = StoredFile(source: source, path: input.displayPath, contentHash: found.hash, bytes: found.bytes, settings: settings,
                              generation: generation, skeleton: row.blob(5), events: Int(row.integer(6)), records: Int(row.integer(7)))
        lock.withLock {
            skipped.append((input.displayPath, file))
            storedSources.insert(source)
        }
        let events = try reader.prepare("SELECT event FROM events WHERE source = ? AND generation = ? ORDER BY ordinal")
        try events.bind([.text(source), .integer(generation)])
        // SQLite restarts a finished statement that is stepped again, so the end is remembered.
        var finished = false
        return StoredRead(skeleton: replayed, storedPath: skeleton.file) {
            var batch: [[UInt8]] = []
            while !finished, batch.count < Self.batchSize {
                if try events.step() { batch.append(events.blob(0)) } else { finished = true }
            }
            return batch.isEmpty ? nil : batch
        }
    }

    func beginRecording(_ file: String) throws {
        let source = sources.name(of: file)
        let isNew = lock.withLock { storedSources.insert(source).inserted }
        current = isNew ? (source, file, 0) : nil
    }

    func record(_ event: [UInt8]) throws {
        guard let file = current else { return }
        try state.storeEvent(source: file.source, ordinal: file.events, event)
        current?.events += 1
    }

    func endRecording(_ skeleton: FileReport) throws {
        defer { current = nil }
        // A file that could not be read is read again next time.
        guard let file = current, !skeleton.unreadable, let found = lock.withLock({ hashes[file.path] }) else { return }
        var bare = FileReport(file: skeleton.file, kind: skeleton.kind)
        bare.encoding = skeleton.encoding
        try state.stageFile(StoredFile(source: file.source, path: file.path, contentHash: found.hash, bytes: found.bytes, settings: settings,
                                       generation: state.generation, skeleton: Array(try JSONEncoder().encode(bare)), events: file.events,
                                       records: state.stagedCount(of: file.source)))
    }

    /// Stages the replayed files' rows for tonight's state (after the run, on the caller's thread).
    /// A file whose stored outcome failed to read back is left out: the next run reads it again.
    func stageSkippedFiles() throws {
        for (_, file) in lock.withLock({ skipped }) where !state.distrustedSources.contains(file.source) { try state.stageFile(file) }
    }
}
