import Dispatch
import Foundation
import KatalogWriters
#if canImport(Glibc)
import Glibc
#endif

/// Stops a run cleanly when it is interrupted (Ctrl-C, `timeout`, a cancelled CI job, a closed terminal): the
/// temporary files it was writing are removed, the previous outputs stay as they were, and the process ends by
/// the same signal, so the caller sees what stopped it (a shell shows 130 for SIGINT, 143 for SIGTERM).
///
/// Without this, a SIGTERM in the middle of a 300,000-row import left six `.catalog.*.tmp-<pid>` files (500 MB)
/// in the output folder, one more set every night it happened.
enum InterruptCleanup {
    /// The signal sources, kept for the life of the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Handles SIGINT, SIGTERM and SIGHUP from now on; a signal the process was started ignoring (`nohup`) stays
    /// ignored. Call once, before the command runs.
    static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            // The default action would end the process at once; the signal is taken on a queue instead.
            let previous = signal(number, SIG_IGN)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "katalog.interrupt"))
            source.setEventHandler { stop(by: number) }
            source.resume()
            sources.append(source)
        }
    }

    private static func stop(by number: Int32) -> Never {
        let removed = TemporaryFiles.removeAll()
        let name = [SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP"][number] ?? "signal \(number)"
        let files = removed == 1 ? "1 temporary file" : "\(removed) temporary files"
        FileHandle.standardError.write(Data("katalog: stopped by \(name); \(files) removed, earlier outputs left as they were.\n".utf8))
        // The default action back, and the signal raised on this thread with it unblocked (the queue's threads
        // block the signals they deliver): the process ends by the signal.
        signal(number, SIG_DFL)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, number)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(number)
        exit(128 + number)
    }
}
