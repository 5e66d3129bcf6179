import Foundation
import KatalogTestSupport
import Testing
import KatalogCore

/// Paths and helpers shared by the end-to-end tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The `katalog` binary built next to the test bundle.
    static var katalogBinary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("katalog")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/katalog")
    }

    typealias Run = ChildProcess.Result

    /// Runs `katalog` with `arguments` in `directory` and waits for it.
    static func katalog(_ arguments: [String], in directory: URL = packageRoot) throws -> Run {
        try ChildProcess.run(katalogBinary, arguments, in: directory)
    }

    static func temporaryDirectory() throws -> URL {
        try TestScratch.folder()
    }

    /// A readable diff of two files (`git diff --no-index`), or a plain note when git is missing.
    static func diff(expected: URL, actual: URL) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "diff", "--no-index", "--no-color", "--", expected.path, actual.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        do {
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            return text.count > 6000 ? String(text.prefix(6000)) + "\n… (diff cut)" : text
        } catch {
            return "\(expected.path) and \(actual.path) differ"
        }
    }

    /// Compares every file of `names` in `actualDirectory` with `expectedDirectory`, byte for byte. With
    /// RECORD_GOLDEN=1 the expected files are rewritten and the test still fails, so a new baseline is reviewed.
    static func expectSameFiles(_ names: [String], expected expectedDirectory: URL, actual actualDirectory: URL, regenerate: String) throws {
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        for name in names {
            let expected = expectedDirectory.appendingPathComponent(name)
            let actual = actualDirectory.appendingPathComponent(name)
            let actualData = try Data(contentsOf: actual)
            let expectedData = try? Data(contentsOf: expected)
            guard actualData != expectedData else { continue }
            if record {
                try FileManager.default.createDirectory(at: expectedDirectory, withIntermediateDirectories: true)
                try actualData.write(to: expected)
                Issue.record("Re-recorded \(expected.path); review the change and run again without RECORD_GOLDEN.")
            } else {
                Issue.record("\(name) differs from \(expected.path). To accept the new output: \(regenerate)\n\(diff(expected: expected, actual: actual))")
            }
        }
    }

    static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }
}

extension SourceHints {
    /// The hints without their currency evidence, to compare the stated ones (evidence is checked on its own).
    var statedOnly: SourceHints {
        var copy = self
        copy.currencyEvidence = []
        return copy
    }
}
