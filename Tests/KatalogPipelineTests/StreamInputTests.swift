import Foundation
import Testing
import KatalogCore
import KatalogWriters
@testable import KatalogPipeline
#if canImport(Glibc)
import Glibc
#endif

/// Inputs that can be read only once (a pipe, `<(zcat feed.csv.gz)`, `/dev/stdin`) import as the same bytes in a
/// file do.
struct StreamInputTests {
    private static let rows = (1...300).map { "SKU-\($0);Kavos aparatas De'Longhi Magnifica S #\($0);De'Longhi;\($0),99;EUR;juoda" }
    private static let csv = (["Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Spalva"] + rows).joined(separator: "\n") + "\n"

    private func catalog(of path: String, display: String) throws -> (lines: [String], report: ImportReport) {
        let out = try TestSupport.temporaryDirectory()
        let output = try CatalogOutput(directory: out)
        let report = try ImportPipeline(jobs: 2).run([path], into: output)
        try output.finish(summary: report)
        let jsonl = try String(decoding: Data(contentsOf: out.appendingPathComponent("catalog.jsonl")), as: UTF8.self)
        return (jsonl.replacingOccurrences(of: path, with: display).split(separator: "\n").map(String.init), report)
    }

    /// Regression: the sniffer read the start of the pipe and the reader the rest, so the CSV's header was gone and
    /// every row was rejected (392 rejects for 999 rows).
    @Test func aPipeImportsAsTheSameFileWould() throws {
        let folder = try TestSupport.temporaryDirectory()
        let file = folder.appendingPathComponent("feed.csv").path
        try Data(Self.csv.utf8).write(to: URL(fileURLWithPath: file))
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A writer that blocks until the import opens the pipe, then writes the rows in small pieces.
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            let bytes = Data(Self.csv.utf8)
            for start in stride(from: 0, to: bytes.count, by: 1000) { handle.write(bytes[start..<min(start + 1000, bytes.count)]) }
            try? handle.close()
        }
        writer.start()

        let piped = try catalog(of: fifo, display: "X")
        let stored = try catalog(of: file, display: "X")
        #expect(piped.lines.count == 300)
        #expect(piped.lines == stored.lines)
        #expect(piped.report.files.map(\.records) == stored.report.files.map(\.records))
        // A copy of a pipe is a file; the folders are decompressed copies of other tests running at the same time.
        let temporary = NSTemporaryDirectory()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary).filter { name in
            var folder: ObjCBool = false
            return name.hasPrefix("katalog-spool-")
                && FileManager.default.fileExists(atPath: (temporary as NSString).appendingPathComponent(name), isDirectory: &folder) && !folder.boolValue
        }
        #expect(leftovers.isEmpty, "the copy of the pipe is removed after the import")
    }

    @Test func discoveryTellsAPipeFromAFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let file = folder.appendingPathComponent("feed.csv").path
        try Data(Self.csv.utf8).write(to: URL(fileURLWithPath: file))
        let (inputs, problems) = InputDiscovery().discover([fifo, file])
        #expect(problems.isEmpty)
        #expect(inputs.map(\.isStream) == [true, false])
        #expect(inputs.map(\.byteCount) == [0, Self.csv.utf8.count])
    }

    @Test func aStreamThatCannotBeOpenedSaysWhy() throws {
        #expect {
            _ = try InputSpool(copying: "/nonexistent/feed.csv")
        } throws: { error in
            "\(error)".hasPrefix("cannot open it (No such file or directory)")
        }
    }

    /// Regression: `katalog map --findings /dev/null` created the file with `FileManager.createFile`, which renames a
    /// new empty file over the path: as root it replaced `/dev/null` with a regular file. A pipe stands in for it.
    @Test func aFindingsPipeIsOpenedAsItIsAndARegularFileIsEmptied() throws {
        let folder = try TestSupport.temporaryDirectory()
        let pipe = folder.appendingPathComponent("findings").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let received = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var got = Data()
        Thread {
            got = FileHandle(forReadingAtPath: pipe)?.readDataToEndOfFile() ?? Data()
            received.signal()
        }.start()
        do {
            let stream = try FileDescriptorStream(path: pipe)
            try stream.write(Array("{\"code\":\"gtin.checksum\"}\n".utf8))
            try stream.flush()
        }
        var info = stat()
        // Checked before waiting for the reader, which would wait forever for a writer of a replaced pipe.
        try #require(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a pipe")
        received.wait()
        #expect(got == Data("{\"code\":\"gtin.checksum\"}\n".utf8))

        let file = folder.appendingPathComponent("findings.jsonl").path
        try Data("old findings, longer than the new ones\n".utf8).write(to: URL(fileURLWithPath: file))
        do {
            let stream = try FileDescriptorStream(path: file)
            try stream.write(Array("new\n".utf8))
            try stream.flush()
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new\n")
    }
}
