import Foundation
import Testing
import KatalogTestSupport

/// Runs the built `katalog` binary for the sync tests, from the package root so paths in outputs are stable.
enum SyncTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var katalogBinary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("katalog")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/katalog")
    }

    typealias Run = ChildProcess.Result

    static func katalog(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try ChildProcess.run(katalogBinary, arguments, in: packageRoot, environment: environment)
    }

    static func temporaryDirectory() throws -> URL {
        try TestScratch.folder()
    }

    /// Compares `actual` with the golden file `name` of `golden`; RECORD_GOLDEN=1 rewrites it and still fails.
    static func expectGolden(_ actual: URL, _ golden: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = goldenRoot.appendingPathComponent(golden)
        let actualData = try Data(contentsOf: actual)
        guard actualData != (try? Data(contentsOf: expected)) else { return }
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actualData.write(to: expected)
            Issue.record("Re-recorded \(golden); review it and run again without RECORD_GOLDEN.", sourceLocation: sourceLocation)
        } else {
            Issue.record("\(actual.path) differs from Golden/\(golden) (RECORD_GOLDEN=1 rewrites it)", sourceLocation: sourceLocation)
        }
    }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
