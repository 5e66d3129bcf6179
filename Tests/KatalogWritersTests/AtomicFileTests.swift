import Foundation
import Testing
import KatalogWriters

/// `AtomicFile`: readers see the old file or the whole new one, never a part; a discarded or abandoned write
/// leaves the old file as it was.
struct AtomicFileTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
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
}
