import Foundation
import Testing
import KatalogCore
import KatalogPipeline
import KatalogWriters

/// A run that replays files from a `ReadCache` writes the same bytes as one that reads them, for small files (one
/// task) and large ones (batches), with any number of workers.
struct ReadCacheTests {
    /// Keeps every recorded file in memory and replays all of them on the next run. Like the sync state, it keeps
    /// only files it was asked for (inputs), not the entries of problems met on the way (a hidden worksheet).
    final class MemoryCache: ReadCache {
        var files: [String: (skeleton: FileReport, events: [[UInt8]])] = [:]
        var replay = false
        private(set) var replays = 0
        private var current: (file: String, events: [[UInt8]])?
        private var askedFor: Set<String> = []

        func storedRead(of input: InputDiscovery.Input) throws -> StoredRead? {
            askedFor.insert(input.displayPath)
            guard replay, let stored = files[input.displayPath] else { return nil }
            replays += 1
            var batches = stride(from: 0, to: stored.events.count, by: 3).map { Array(stored.events[$0..<min($0 + 3, stored.events.count)]) }.makeIterator()
            return StoredRead(skeleton: stored.skeleton, storedPath: input.displayPath) { batches.next() }
        }

        func beginRecording(_ file: String) throws { current = (file, []) }
        func record(_ event: [UInt8]) throws { current?.events.append(event) }
        func endRecording(_ skeleton: FileReport) throws {
            if let current, askedFor.contains(current.file) { files[current.file] = (skeleton, current.events) }
            current = nil
        }
    }

    static func catalog(_ paths: [String], jobs: Int, threshold: Int, cache: MemoryCache, into folder: URL) throws -> [Data] {
        let output = try CatalogOutput(directory: folder)
        let report = try ImportPipeline(jobs: jobs, streamingThreshold: threshold).run(paths, into: output, cache: cache)
        try output.finish(summary: report)
        return try ["catalog.json", "catalog.jsonl", "catalog.csv", "rejects.jsonl", "report.json"].map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    @Test(arguments: [(1, 1 << 20), (2, 1 << 20), (2, 0)])
    func replayedFilesGiveTheBytesOfReadOnes(jobs: Int, threshold: Int) throws {
        let root = TestSupport.packageRoot.path
        let paths = ["Samples/text", "Samples/feeds", "Samples/html", "Samples/service-plans"].map { root + "/" + $0 }
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = MemoryCache()
        let read = try Self.catalog(paths, jobs: jobs, threshold: threshold, cache: cache, into: folder.appendingPathComponent("read"))
        #expect(cache.files.count > 30)
        // Every stored event reads back as what was stored.
        for (_, file) in cache.files {
            for bytes in file.events {
                let event = try StoredEvent(encoded: bytes)
                #expect(try StoredEvent(encoded: event.encoded) == event)
            }
        }
        cache.replay = true
        let replayed = try Self.catalog(paths, jobs: jobs, threshold: threshold, cache: cache, into: folder.appendingPathComponent("replayed"))
        #expect(cache.replays == cache.files.count, "every file was replayed, none read")
        #expect(replayed == read)
    }

    @Test func aMovedFileIsReplayedUnderItsNewName() throws {
        let stored = StoredEvent.imported({
            var product = Product(id: "night-1/shop.csv#4", source: SourceLocation(file: "night-1/shop.csv", line: 5, record: 4), sourceKind: .csv)
            product.diagnostics = [Diagnostic(.warning, .gtinChecksum, "bad", at: SourceLocation(file: "night-1/shop.csv", line: 5, record: 4))]
            return product
        }())
        guard case .imported(let moved) = stored.relocated(from: "night-1/shop.csv", to: "night-2/shop.csv") else { Issue.record("not a product"); return }
        #expect(moved.id == "night-2/shop.csv#4")
        #expect(moved.source.file == "night-2/shop.csv" && moved.source.line == 5)
        #expect(moved.diagnostics.map(\.location.file) == ["night-2/shop.csv"])
    }
}
