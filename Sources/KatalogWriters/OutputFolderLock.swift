import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on an output folder for the life of a run, so two runs never write one folder at once: a
/// nightly job that starts while the previous night's is still running would otherwise rename its files between
/// the other's, leaving a `catalog.json` of one run beside a `report.json` of the other.
///
/// The lock is `flock(2)` on the folder itself: no lock file is left behind, and the kernel releases it however the
/// process ends.
final class OutputFolderLock {
    private let descriptor: Int32

    /// Takes the lock on `folder`, or throws `OutputError` at once when another run holds it.
    init(_ folder: URL) throws {
        descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: folder.path, reason: "cannot open the folder: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = busy
                ? "another katalog run is writing this folder; run again when it has finished, or write to another folder"
                : "cannot lock the folder: \(String(cString: strerror(errno)))"
            close(descriptor)
            throw OutputError(path: folder.path, reason: reason)
        }
    }

    deinit { close(descriptor) }
}
