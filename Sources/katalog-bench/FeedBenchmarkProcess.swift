import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command (xmllint, the katalog binary) and measures its wall time and peak RSS.
///
/// The peak comes from GNU time (`/usr/bin/time -f %M`) when it is installed: Linux records the spawning process's
/// own high-water RSS in a child's `ru_maxrss` at exec, so `wait4` alone would report the benchmark's peak for any
/// child smaller than it. Without GNU time, `wait4`'s figure is used and is an upper bound.
enum FeedBenchmarkProcess {
    struct Measurement {
        var seconds: Double
        var peakKB: Int
        /// User plus system CPU time of the command: steadier than wall time when other work shares the cores.
        var cpuSeconds: Double
    }

    static let gnuTime = "/usr/bin/time"

    static func time(_ executable: String, _ arguments: [String]) -> Measurement? {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        let peakFile = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-bench-peak-\(getpid()).txt").path
        let wrapped = FileManager.default.isExecutableFile(atPath: gnuTime)
        let command = wrapped ? [gnuTime, "-f", "%M %U %S", "-o", peakFile, executable] + arguments : [executable] + arguments
        defer { if wrapped { try? FileManager.default.removeItem(atPath: peakFile) } }
        var pid: pid_t = 0
        let argv = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = ContinuousClock.now
        guard posix_spawn(&pid, command[0], nil, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let elapsed = ContinuousClock.now - start
        // GNU time's last line: peak RSS in kB, user and system seconds.
        let measured = wrapped ? (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { text in
            text.split(separator: "\n").last.map { $0.split(separator: " ").map(String.init) }
        } : nil
        let ownCPU = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let peak = measured.flatMap { $0.first.flatMap { Int($0) } } ?? Int(usage.ru_maxrss)
        let cpu = measured.flatMap { fields in fields.count == 3 ? Double(fields[1]).flatMap { user in Double(fields[2]).map { user + $0 } } : nil } ?? ownCPU
        return Measurement(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                           peakKB: peak, cpuSeconds: cpu)
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
