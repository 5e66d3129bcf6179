import CLibXML2
import Foundation

/// Refuses every external entity or DTD load asked for by a parse that `XMLStreamReader` runs.
///
/// libxml2's loader hook is process-wide, so the guard chains to the loader that was installed before it and
/// refuses only on threads that are inside a guarded parse (`protect` … `release`, always on one thread, as
/// libxml2 parses synchronously); other code in the process (the HTML reader, `htmlReadFile`) keeps its
/// normal behaviour.
final class XMLStreamEntityGuard: @unchecked Sendable {
    static let shared = XMLStreamEntityGuard()

    private let lock = NSLock()
    private var protected: [pthread_t: [String]] = [:]
    fileprivate let previousLoader: xmlExternalEntityLoader?

    private init() {
        LibXML2Runtime.ensureInitialized()
        previousLoader = xmlGetExternalEntityLoader()
        xmlSetExternalEntityLoader { url, id, context in
            // Never pass a guarded request on, not even to a loader that would honour NONET.
            let guardian = XMLStreamEntityGuard.shared
            if guardian.refuse(url: url.map { String(cString: $0) } ?? id.map { String(cString: $0) } ?? "?") {
                return nil
            }
            return guardian.previousLoader?(url, id, context)
        }
    }

    /// Starts guarding the calling thread.
    func protect() {
        lock.lock(); defer { lock.unlock() }
        protected[pthread_self()] = []
    }

    /// Stops guarding the calling thread; returns the loads it refused.
    func release() -> [String] {
        lock.lock(); defer { lock.unlock() }
        return protected.removeValue(forKey: pthread_self()) ?? []
    }

    /// True (and the URL recorded) when the calling thread is inside a guarded parse.
    private func refuse(url: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let thread = pthread_self()
        guard var refused = protected[thread] else { return false }
        if refused.count < 20 { refused.append(url) }
        protected[thread] = refused
        return true
    }
}
