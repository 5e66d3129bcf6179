import Foundation
import Testing
import KatalogCore
import KatalogPipeline
import KatalogWriters
#if canImport(Glibc)
import Glibc
#endif

/// Symbolic links, link loops and paths given twice: every file is read once, under its first path, and a link
/// counts as the size of what it leads to.
struct InputDiscoveryTests {
    private let manager = FileManager.default

    /// A folder holding `feed.csv` (three rows) and whatever `links` adds, as (link name, target).
    private func folder(links: [(String, String)]) throws -> URL {
        let root = try TestSupport.temporaryDirectory().appendingPathComponent("in")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        let rows = "sku;title;price;currency\nA-1;Kavos aparatas;11,01;EUR\nA-2;Dviračio šalmas;12,02;EUR\nA-3;Termosas;13,03;EUR\n"
        try Data(rows.utf8).write(to: root.appendingPathComponent("feed.csv"))
        for (name, target) in links {
            try manager.createSymbolicLink(atPath: root.appendingPathComponent(name).path, withDestinationPath: target)
        }
        return root
    }

    /// Regression: the pipeline chose between streaming and reading whole by the size of the link itself (its
    /// target's name, a few dozen bytes), so a linked 9 MB feed was read whole into memory (528 MB peak).
    @Test func aLinkCountsAsTheSizeOfItsTarget() throws {
        let root = try folder(links: [])
        let target = root.appendingPathComponent("big.csv").path
        let rows = (1...200).map { "B-\($0);Kavos aparatas De'Longhi Magnifica S;\($0),99;EUR" }
        try Data((["sku;title;price;currency"] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: target))
        let outside = try TestSupport.temporaryDirectory()
        let link = outside.appendingPathComponent("latest.csv").path
        try manager.createSymbolicLink(atPath: link, withDestinationPath: target)

        let (inputs, problems) = InputDiscovery().discover([link])
        let size = try #require(manager.attributesOfItem(atPath: target)[.size] as? Int)
        #expect(problems.isEmpty)
        #expect(inputs.map(\.displayPath) == [link])
        #expect(inputs.map(\.byteCount) == [size])
        #expect(size > 1 << 12, "the link's own size (\(target.utf8.count) bytes) must be far from the target's")
    }

    /// Regression: with two links back up the tree (`.` and `..`) the walk never ended, every level doubling the
    /// paths until the system's limit of forty links.
    @Test func aLinkLoopIsWalkedOnce() throws {
        let root = try folder(links: [("again", "."), ("parent", "..")])
        let (inputs, problems) = InputDiscovery().discover([root.path])
        // `parent` leads out of the folder and back into it: the folder is met again there, not walked again.
        #expect(inputs.map(\.displayPath) == [root.path + "/feed.csv"])
        #expect(problems == [
            .alreadyRead(root.path + "/again", firstPath: root.path),
            .alreadyRead(root.path + "/parent/in", firstPath: root.path),
        ])
    }

    @Test func aLinkToAFileInTheTreeIsReadOnceUnderTheFirstPath() throws {
        let root = try folder(links: [("latest.csv", "feed.csv")])
        let (inputs, problems) = InputDiscovery().discover([root.path, root.path + "/feed.csv"])
        #expect(inputs.map(\.displayPath) == [root.path + "/feed.csv"])
        #expect(problems == [
            .alreadyRead(root.path + "/latest.csv", firstPath: root.path + "/feed.csv"),
            .alreadyRead(root.path + "/feed.csv", firstPath: root.path + "/feed.csv"),
        ])
    }

    @Test func aDanglingLinkIsABrokenLinkNotAMissingPath() throws {
        let root = try folder(links: [("gone.csv", "nowhere.csv"), ("loop-a", "loop-b"), ("loop-b", "loop-a")])
        let (inputs, problems) = InputDiscovery().discover([root.path, root.path + "/absent.csv"])
        #expect(inputs.map(\.displayPath) == [root.path + "/feed.csv"])
        #expect(problems == [
            .brokenLink(root.path + "/gone.csv"), .brokenLink(root.path + "/loop-a"), .brokenLink(root.path + "/loop-b"),
            .missing(root.path + "/absent.csv"),
        ])
    }

    /// The whole import: a folder that links to itself gives its three records once (it gave 123, one copy for
    /// each level of links the system follows), a warning for the link, and counts that add up.
    @Test func anImportOfALoopingFolderHasEachRecordOnce() throws {
        let root = try folder(links: [("again", ".")])
        let out = try TestSupport.temporaryDirectory()
        let output = try CatalogOutput(directory: out)
        let report = try ImportPipeline(jobs: 2).run([root.path], into: output)
        try output.finish(summary: report)

        let lines = try String(decoding: Data(contentsOf: out.appendingPathComponent("catalog.jsonl")), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(report.files.map(\.file) == [root.path + "/again", root.path + "/feed.csv"])
        let link = try #require(report.files.first)
        #expect(link.codes == [.inputAlreadyRead: 1])
        #expect(link.diagnostics.warning == 1)
        #expect(!link.unreadable)
        #expect(report.files.reduce(0) { $0 + $1.records.imported } == 3)
    }

    @Test func whatTheRunWritesIsSkippedInAFolderButReadWhenNamed() throws {
        let root = try folder(links: [])
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("sku;title;price;currency\nA-9;Termosas;9,99;EUR\n".utf8).write(to: out.appendingPathComponent("catalog.csv"))

        let walked = InputDiscovery(writtenByThisRun: [out.path]).discover([root.path])
        #expect(walked.inputs.map(\.displayPath) == [root.path + "/feed.csv"])
        #expect(walked.problems == [.writtenByThisRun(root.path + "/out")])
        let named = InputDiscovery(writtenByThisRun: [out.path]).discover([out.path + "/catalog.csv"])
        #expect(named.inputs.map(\.displayPath) == [out.path + "/catalog.csv"])
        #expect(named.problems.isEmpty)
    }

    /// Regression: an output folder inside the input folder was read back as input on the next run, so the catalog
    /// grew with every run (16 records, then 240 by the fourth).
    @Test func anOutputFolderInsideTheInputsIsNotReadBack() throws {
        let root = try folder(links: [])
        let out = root.appendingPathComponent("catalog")
        for _ in 1...3 {
            let report = try CatalogImport.run([root.path], outputDirectory: out, pipeline: ImportPipeline(jobs: 2))
            #expect(report.files.reduce(0) { $0 + $1.records.read } == 3)
        }
        let lines = try String(decoding: Data(contentsOf: out.appendingPathComponent("catalog.jsonl")), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        let report = try #require(TestSupport.json(out.appendingPathComponent("report.json")) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == [root.path + "/catalog", root.path + "/feed.csv"])
        #expect((files.first?["codes"] as? [String: Int]) == ["input.written-by-this-run": 1])
    }

    /// Writes `text` to a file whose name is the raw bytes `name` (FileManager takes only String names).
    private func write(_ text: String, toRawName name: [UInt8], in folder: URL) {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
        close(descriptor)
    }

    /// Regression: a file whose name is not UTF-8 (`prekės.csv` from a ZIP made on Windows, in code page 1257) was
    /// listed by FileManager with U+FFFD in its name, could not be opened by that name, and was reported as
    /// missing; its records were lost.
    @Test func aFileWhoseNameIsNotUTF8IsReadAndShownEscaped() throws {
        let root = try folder(links: [])
        let rows = "sku;title;price;currency\nB-1;Dviračio šalmas;29,99;EUR\n"
        write(rows, toRawName: Array("prek".utf8) + [0xEB] + Array("s.csv".utf8), in: root)

        var linkFolder: String?
        do {
            let discovery = InputDiscovery()
            let (inputs, problems) = discovery.discover([root.path])
            #expect(problems.isEmpty)
            #expect(inputs.map(\.displayPath) == [root.path + "/feed.csv", root.path + "/prek\\xEBs.csv"])
            let escaped = try #require(inputs.last)
            #expect(try String(contentsOfFile: escaped.path, encoding: .utf8) == rows)
            linkFolder = URL(fileURLWithPath: escaped.path).deletingLastPathComponent().path
            withExtendedLifetime(discovery) {}
        }
        #expect(!FileManager.default.fileExists(atPath: try #require(linkFolder)), "the links go with the discovery")

        let out = try TestSupport.temporaryDirectory()
        let report = try CatalogImport.run([root.path], outputDirectory: out, pipeline: ImportPipeline(jobs: 2))
        #expect(report.files.map(\.file) == [root.path + "/feed.csv", root.path + "/prek\\xEBs.csv"])
        #expect(report.files.map(\.records.imported) == [3, 1])
    }
}
