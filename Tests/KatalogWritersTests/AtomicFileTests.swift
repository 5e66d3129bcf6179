import Foundation
import Testing
import KatalogCore
@testable import KatalogWriters
#if canImport(Glibc)
import Glibc
#endif

/// `AtomicFile`: readers see the old file or the whole new one, never a part; a discarded or abandoned write
/// leaves the old file as it was.
struct AtomicFileTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The type of the file system `path` is on, from the longest mount point over it in /proc/self/mounts.
    static func fileSystemType(of path: String) -> String? {
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return nil }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best: (point: Substring, type: Substring)?
        for line in mounts.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count > 2 else { continue }
            let point = parts[1]
            let covers = point == "/" || resolved == point || resolved.hasPrefix(point + "/")
            if covers, point.count > best?.point.count ?? -1 { best = (point, parts[2]) }
        }
        return best.map { String($0.type) }
    }

    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func theOldFileStaysUntilCommitThenTheNewOneIsWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("catalog.jsonl")
        try Data("old\n".utf8).write(to: destination)
        let file = try AtomicFile(destination: destination)
        // More than the write buffer, so part of it reaches the temporary file before the commit.
        let line = String(repeating: "x", count: 1023) + "\n"
        for _ in 0..<1500 { try file.write(line) }
        #expect(try String(contentsOf: destination, encoding: .utf8) == "old\n", "nothing reaches the destination before commit")
        #expect(try Self.entries(folder).count == 2, "the new content is in a temporary file beside it")
        try file.commit()
        #expect(try Data(contentsOf: destination).count == 1500 * 1024)
        #expect(try Self.entries(folder) == ["catalog.jsonl"], "no temporary file is left")
    }

    /// Full buffers are written behind, on the file's own queue, while the next is filled in the storage of the one
    /// written before: every byte must land once, in order. Distinct lines over several buffers, through every
    /// `write` overload, catch a buffer reused while still in flight (same-content lines would not).
    @Test func buffersWrittenBehindLandInOrder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("catalog.jsonl")
        let file = try AtomicFile(destination: destination)
        var expected: [UInt8] = []
        expected.reserveCapacity(6 << 20)
        for index in 0..<60_000 {
            let line = "line \(index) " + String(repeating: "abcdefghij", count: index % 17) + "\n"
            let bytes = Array(line.utf8)
            switch index % 4 {
            case 0: try file.write(line)
            case 1: try file.write(bytes: bytes)
            case 2: try file.write(bytes: bytes[...])
            default: try file.write(Data(bytes))
            }
            expected += bytes
        }
        #expect(expected.count > 5 << 20, "several 1 MiB buffers")
        try file.commit()
        #expect(Array(try Data(contentsOf: destination)) == expected)
        #expect(try Self.entries(folder) == ["catalog.jsonl"])
    }

    /// Full blocks go to the device directly (`O_DIRECT` needs aligned lengths); the last, shorter block goes through
    /// the page cache. Every byte must land once, in order, at every length around the block size and whatever the
    /// sizes of the writes, with direct writes on or off.
    @Test(arguments: [true, false])
    func everyLengthAroundTheBlockSizeLandsWhole(directWrites: Bool) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let block = 1 << 20
        for length in [0, 1, 4095, 4096, 4097, block - 1, block, block + 1, 2 * block, 3 * block + 5000] {
            let destination = folder.appendingPathComponent("catalog-\(length).jsonl")
            let file = try AtomicFile(destination: destination, directWrites: directWrites)
            let expected = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) }
            var offset = 0
            var piece = 1
            while offset < length {
                // Writes of 1 byte to 700 KB, so blocks fill across writes and within one.
                let end = min(length, offset + piece)
                try file.write(bytes: expected[offset..<end])
                offset = end
                piece = piece * 7 % 700_001 + 1
            }
            try file.commit()
            #expect(Array(try Data(contentsOf: destination)) == expected, "\(length) bytes, direct writes \(directWrites)")
        }
    }

    /// On the file systems a nightly job writes to (ext4, XFS, btrfs), full blocks skip the page cache.
    @Test func fullBlocksAreWrittenDirectlyOnALocalFileSystem() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let type = Self.fileSystemType(of: folder.path), ["ext4", "xfs", "btrfs"].contains(type) else {
            print("skipped: \(folder.path) is not on ext4, XFS or btrfs")
            return
        }
        let file = try AtomicFile(destination: folder.appendingPathComponent("catalog.jsonl"))
        try file.write(bytes: [UInt8](repeating: 0x61, count: 3 << 20))
        #expect(file.writesDirectly, "full blocks go to the device directly")
        let spool = try AtomicFile(destination: folder.appendingPathComponent("spool"), directWrites: false)
        try spool.write(bytes: [UInt8](repeating: 0x61, count: 3 << 20))
        #expect(!spool.writesDirectly)
        try file.commit()
        try spool.commit()
        #expect(try Data(contentsOf: folder.appendingPathComponent("catalog.jsonl")).count == 3 << 20)
    }

    /// Many threads make, commit and discard atomic files at once, as workers and parallel tests do: each file ends
    /// whole or absent, and nothing temporary is left. Under ThreadSanitizer (`.ci/sanitizers`) this also checks the
    /// registry's lock is one TSan sees: with `Synchronization.Mutex` (futex calls TSan cannot follow) it reported the
    /// guarded accesses as races, and CI failed now and then.
    @Test func filesMadeOnManyThreadsAtOnceEndWholeOrAbsent() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            do {
                let file = try AtomicFile(destination: folder.appendingPathComponent("part-\(index).json"))
                try file.write("{\"part\":\(index)}")
                if index.isMultiple(of: 2) { try file.commit() } else { file.discard() }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        #expect(try Self.entries(folder) == (0..<64).filter { $0.isMultiple(of: 2) }.map { "part-\($0).json" }.sorted())
        #expect(try String(contentsOf: folder.appendingPathComponent("part-62.json"), encoding: .utf8) == "{\"part\":62}")
    }

    @Test func aDiscardedWriteLeavesTheOldFileAndNoTrace() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("report.json")
        try Data("{}".utf8).write(to: destination)
        do {
            let file = try AtomicFile(destination: destination)
            try file.write("{\"half\":")
            file.discard()
        }
        do {
            // Dropped without commit or discard, as when an error unwinds the run.
            let file = try AtomicFile(destination: destination)
            try file.write(bytes: Array("{\"other\":".utf8))
        }
        #expect(try String(contentsOf: destination, encoding: .utf8) == "{}")
        #expect(try Self.entries(folder) == ["report.json"])
    }

    @Test func aFolderInTheWayFailsAtSealingBeforeAnythingIsRenamed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocked = folder.appendingPathComponent("catalog.csv")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        let file = try AtomicFile(destination: blocked)
        try file.write("sku\n")
        #expect(throws: OutputError.self) { try file.seal() }
        file.discard()
        #expect(try Self.entries(folder) == ["catalog.csv"])
    }

    @Test func aFolderThatCannotBeWrittenIsAnOutputError() throws {
        #expect(throws: OutputError.self) { _ = try AtomicFile(destination: URL(fileURLWithPath: "/proc/katalog-cannot-write/catalog.json")) }
    }

    /// Regression: a device or pipe destination (`--findings /dev/null`, `--output /dev/stdout`) was replaced by the
    /// renamed temporary file; run as root, the test suite turned `/dev/null` into a regular file. A pipe stands in
    /// for the device here, so a failure cannot break the machine.
    @Test func aPipeDestinationIsWrittenInPlaceAndStaysAPipe() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("findings").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let received = ReceivedBytes()
        let reader = Thread {
            guard let handle = FileHandle(forReadingAtPath: pipe) else { return }
            received.store(handle.readDataToEndOfFile())
        }
        reader.start()

        let text = String(repeating: "{\"code\":\"gtin.checksum\"}\n", count: 60_000)
        let file = try AtomicFile(destination: URL(fileURLWithPath: pipe))
        try file.write(text)
        try file.commit()
        var info = stat()
        // Checked before waiting for the reader, which would wait forever for a writer of a replaced pipe.
        try #require(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a pipe")
        #expect(received.wait() == Data(text.utf8))
        #expect(try Self.entries(folder) == ["findings"], "no temporary file beside it")
    }

    /// What a reader thread got from a pipe, once it reached the end.
    final class ReceivedBytes: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var bytes = Data()
        func store(_ data: Data) { bytes = data; done.signal() }
        func wait() -> Data { done.wait(); return bytes }
    }

    /// A run killed outright (SIGKILL, out of memory) cannot clean up; the next run writing the same destination
    /// removes the temporary files of processes that no longer exist, and only those.
    @Test func temporaryFilesOfDeadProcessesAreRemovedByTheNextWrite() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let kept = [".catalog.json.tmp-1", ".catalog.json.tmp-draft", ".catalog.jsonl.tmp-\(dead)", "notes.txt"]
        for name in kept + [".catalog.json.tmp-\(dead)"] {
            try Data("left".utf8).write(to: folder.appendingPathComponent(name))
        }
        let file = try AtomicFile(destination: folder.appendingPathComponent("catalog.json"))
        try file.write("[]\n")
        try file.commit()
        // Process 1 is running; `draft` is no process number; catalog.jsonl is another destination.
        #expect(try Self.entries(folder) == (kept + ["catalog.json"]).sorted())
    }

    /// Two runs writing one folder at once (a nightly job that starts before the last one ended) renamed their files
    /// between each other's; the second now stops at once, and the folder is free again when the first is done.
    @Test func aSecondRunCannotWriteAFolderWhileTheFirstDoes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var first: CatalogOutput? = try CatalogOutput(directory: folder)
        #expect {
            _ = try CatalogOutput(directory: folder)
        } throws: { error in
            "\(error)".contains("another katalog run is writing this folder")
        }
        try first?.finish(summary: ImportReport())
        first = nil
        let second = try CatalogOutput(directory: folder)
        try second.finish(summary: ImportReport())
        // No lock file, no spool: the five outputs only.
        #expect(try Self.entries(folder) == CatalogOutput.fileNames.sorted())
    }
}
