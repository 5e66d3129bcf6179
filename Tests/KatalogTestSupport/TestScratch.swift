import Foundation

/// One temporary folder per test process, removed when the process exits: tests write their files into fresh
/// subfolders of it instead of leaving folders behind in the system's temporary directory. Shared by the test
/// targets (`KatalogTestSupport`).
public enum TestScratch {
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestScratch.root) }
        return url
    }()

    /// A new, empty folder inside `root`.
    public static func folder() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
