import Foundation

/// Runs a program to its end and collects what it printed. Both pipes are drained at once: a child that fills one
/// pipe (a sanitizer's report on stderr runs to megabytes) while the test reads the other to its end would block,
/// and the test with it, forever. Shared by the test targets (`KatalogTestSupport`).
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        /// Whether the child was ended by a signal (a crash) rather than exiting.
        public var killed: Bool
        public var stdout: String
        public var stderr: String
    }

    /// Runs `executable` with `arguments` in `directory`; `environment` is added to this process's environment.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderr = PipeDrain(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr.data(), as: UTF8.self))
    }

    /// Reads a pipe to its end on a thread of its own.
    public final class PipeDrain: @unchecked Sendable {
        private var read = Data()
        private let done = DispatchSemaphore(value: 0)

        public init(_ handle: FileHandle) {
            Thread { [self] in
                read = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        /// Everything the pipe held, once its writer closed it.
        public func data() -> Data {
            done.wait()
            return read
        }
    }
}
