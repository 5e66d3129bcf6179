import Foundation
import Testing

/// What `scripts/report_browser_test.py` needs: python3 with playwright, and a chromium binary (Debian's package;
/// `playwright install` is never used). `.ci/setup` installs both.
enum BrowserEnvironment {
    /// A sentence naming what is missing, or nil when the browser test can run.
    static let missing: String? = {
        var absent: [String] = []
        let python = try? ReportTestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import playwright.sync_api"])
        if python?.status != 0 { absent.append("python3 with playwright (pip install playwright)") }
        if chromium == nil { absent.append("chromium (apt-get install chromium)") }
        return absent.isEmpty ? nil : "report browser test skipped: missing " + absent.joined(separator: " and ")
    }()

    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"]].compactMap { $0 }
            + path.split(separator: ":").flatMap { ["\($0)/chromium", "\($0)/chromium-browser"] }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

@Suite struct ReportBrowserTests {
    /// Opens the Samples report in chromium: counts, a finding-code filter, the seed's provenance and the link to
    /// its covered gimbal, keyboard close, phone width, no console errors and no network requests.
    @Test(.enabled(if: BrowserEnvironment.missing == nil, Comment(rawValue: BrowserEnvironment.missing ?? "")),
          .timeLimit(.minutes(5)))
    func samplesReportInChromium() throws {
        let script = ReportTestSupport.packageRoot.appendingPathComponent("scripts/report_browser_test.py")
        var arguments = ["python3", script.path, "--katalog", ReportTestSupport.katalogBinary.path]
        if let chromium = BrowserEnvironment.chromium { arguments += ["--chromium", chromium] }
        let run = try ReportTestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), arguments)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
    }
}
