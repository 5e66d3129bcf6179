import Foundation
import Testing
import KatalogCore

/// `FileChunks` gives a file's bytes in order, in chunks of the size asked for (shorter only at the end), then
/// empty chunks; a file that cannot be opened gives nil, one that cannot be read throws.
struct FileChunksTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 1 << 20, (1 << 20) + 3, 3 << 20])
    func chunksGiveTheFileInOrder(length: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-chunks-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        for size in [1 << 20, 4_096, 7] where length / size < 100_000 {
            let file = try #require(FileChunks(path: path))
            var read: [UInt8] = []
            var sizes: [Int] = []
            while case let chunk = try file.next(upTo: size), !chunk.isEmpty {
                read += chunk
                sizes.append(chunk.count)
            }
            #expect(read == bytes, "chunks of \(size)")
            #expect(sizes.dropLast().allSatisfy { $0 == size } && (sizes.last ?? 1) <= size, "chunks of \(size)")
            #expect(try file.next(upTo: size).isEmpty)
        }
    }

    @Test func aFileThatCannotBeOpenedGivesNilAndOneThatCannotBeReadThrows() throws {
        #expect(FileChunks(path: "/nonexistent/katalog/feed.csv") == nil)
        // A folder opens but cannot be read (EISDIR).
        let folder = try #require(FileChunks(path: FileManager.default.temporaryDirectory.path))
        #expect(throws: CocoaError.self) { try folder.next(upTo: 10) }
    }
}
