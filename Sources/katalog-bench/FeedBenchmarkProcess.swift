import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a baseline command and measures its wall time and peak RSS (from `wait4`'s rusage).
enum FeedBenchmarkProcess {
    struct Measurement {
        var seconds: Double
        var peakKB: Int
    }

    static func time(_ executable: String, _ arguments: [String]) -> Measurement? {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        var pid: pid_t = 0
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = ContinuousClock.now
        guard posix_spawn(&pid, executable, nil, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let elapsed = ContinuousClock.now - start
        return Measurement(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                           peakKB: Int(usage.ru_maxrss))
    }

    static func output(_ executable: String, _ arguments: [String]) -> String? {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
