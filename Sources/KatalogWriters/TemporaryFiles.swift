#if canImport(Glibc)
import Glibc
#endif

/// The temporary files this process has made and would remove on its own (an `AtomicFile` before its rename, a
/// copy of a piped input), so that an interrupted run can remove them before it exits.
public enum TemporaryFiles {
    private struct State {
        var paths: Set<String> = []
        /// Set by `removeAll`: the run is ending, and no temporary file may be made any more.
        var stopping = false
    }

    private static let state = Locked(State())

    /// Makes a temporary file with `make` (which returns what it made and the file's path, or nil with `errno`
    /// set) and registers it, both under the registry's lock, so that `removeAll` cannot come between the two and
    /// miss the file. Nil, with `errno` set to `ECANCELED`, once `removeAll` has run.
    public static func make<Made>(_ make: () -> (Made, path: String)?) -> Made? {
        state.withLock { state in
            guard !state.stopping else {
                errno = ECANCELED
                return nil
            }
            guard let (made, path) = make() else { return nil }
            state.paths.insert(path)
            return made
        }
    }

    /// The folder for temporary files: `$TMPDIR`, else `/tmp`.
    public static var folder: String {
        guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp" }
        return String(cString: value)
    }

    /// Makes a private folder `<folder>/<prefix>XXXXXX` (`mkdtemp`) and registers it; its path, or nil with
    /// `errno` set. Whatever is made in it should be registered too, so that `removeAll` empties it first.
    public static func makeFolder(prefix: String) -> String? {
        make { () -> (String, path: String)? in
            var template = Array((folder + "/" + prefix + "XXXXXX").utf8CString)
            guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { return nil }
            let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (path, path)
        }
    }

    /// Forgets `path` (renamed into place, or removed by its owner).
    public static func unregister(_ path: String) {
        state.withLock { _ = $0.paths.remove(path) }
    }

    /// Removes every registered file (and folder, once empty), and refuses to make more from now on; returns how
    /// many existed. For an interrupted run: call it, then exit.
    @discardableResult
    public static func removeAll() -> Int {
        state.withLock { state in
            state.stopping = true
            // Longest paths first: what is in a registered folder goes before the folder.
            let removed = state.paths.sorted { $0.utf8.count > $1.utf8.count }.filter { unlink($0) == 0 || rmdir($0) == 0 }.count
            state.paths.removeAll()
            return removed
        }
    }
}
