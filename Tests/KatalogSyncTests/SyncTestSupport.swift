import Foundation
import Testing

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

    struct Run {
        var status: Int32
        /// True when the process was ended by a signal (the kill tests).
        var killed: Bool
        var stdout: String
        var stderr: String
    }

    static func katalog(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = katalogBinary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                   stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-sync-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
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
