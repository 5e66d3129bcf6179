import Foundation

/// One of the Python peer pipelines of issue 12 (`scripts/peers/python_peer.py`), run as its own process next to the
/// Katalog import it is compared with.
///
/// The scripts are found in the source tree this benchmark was built from, or at `--peers DIR`. They need
/// `python3` with the packages their docstring names; when those are missing, `unavailable` says what to install
/// and the benchmark prints it instead of a figure.
struct PythonPeer {
    /// The script's path.
    var script: String
    /// A run of the peer: its wall time, peak RSS and CPU time, and the records its report counts.
    typealias Outcome = (run: FeedBenchmarkProcess.Measurement, records: Int)

    /// The packages it needs: the name Python imports, and the name pip installs.
    var packages: [(module: String, pip: String)]

    /// The first `python3` on `PATH` (pip installs into that one), else `/usr/bin/python3`.
    static let python: String = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/python3"
    }()

    private static let feedPackages = [(module: "lxml", pip: "lxml"), ("price_parser", "price-parser"), ("stdnum", "python-stdnum")]

    /// The feed peer: `csv FILE OUT` and `google FILE OUT`.
    static func feeds(in directory: String?) -> PythonPeer {
        PythonPeer(script: (directory ?? defaultDirectory) + "/python_peer.py", packages: feedPackages)
    }

    /// The product-page peer, `html DIR OUT`: the feed peer's packages and extruct.
    static func html(in directory: String?) -> PythonPeer {
        PythonPeer(script: (directory ?? defaultDirectory) + "/python_peer.py", packages: feedPackages + [("extruct", "extruct")])
    }

    /// `scripts/peers` of the source tree this file was compiled from.
    static var defaultDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/peers").path
    }

    /// Why the peer cannot run here, or nil when it can.
    var unavailable: String? {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else { return "\(Self.python) not found" }
        guard FileManager.default.fileExists(atPath: script) else { return "\(script) not found (pass --peers DIR)" }
        let probe = FeedBenchmarkProcess.output(Self.python, ["-c", "import " + packages.map(\.module).joined(separator: ", ") + "; print('ok')"])
        guard probe?.hasSuffix("ok\n") == true else { return "Python packages missing: pip install " + packages.map(\.pip).joined(separator: " ") }
        return nil
    }

    /// Runs the peer on `input`, writing under `output`; nil when it could not be started.
    func run(_ arguments: [String], input: String, output: String) -> Outcome? {
        try? FileManager.default.removeItem(atPath: output)
        guard let run = FeedBenchmarkProcess.time(Self.python, [script] + arguments + [input, output]) else { return nil }
        return (run, ImportSummary(reportPath: output + "/report.json").records)
    }
}
