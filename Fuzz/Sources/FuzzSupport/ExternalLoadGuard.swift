import Foundation

/// Makes any external entity, DTD or XInclude load that libxml2 attempts outside Katalog's own guard a crash.
///
/// libxml2 routes every such load through one process-wide loader. This installs a loader that records the URL
/// and refuses it, before any reader runs; Katalog's `XMLStreamEntityGuard` chains to the loader it finds, so a
/// load it refuses never gets here, and one that gets here escaped it (or came from the HTML parser).
/// The function is looked up with `dlsym` so the harnesses need no libxml2 headers.
public enum ExternalLoadGuard {
    typealias Loader = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, OpaquePointer?) -> OpaquePointer?
    typealias SetLoader = @convention(c) (Loader?) -> Void

    nonisolated(unsafe) private static var installed = false
    /// Loads attempted since the last `takeAttempts()`.
    nonisolated(unsafe) private static var attempts: [String] = []

    /// Installs the refusing loader (once).
    public static func install() {
        guard !installed else { return }
        installed = true
        #if os(Linux)
        let everywhere: UnsafeMutableRawPointer? = nil // RTLD_DEFAULT
        #else
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2) // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(everywhere, "xmlSetExternalEntityLoader") else {
            invariant(false, "xmlSetExternalEntityLoader not found")
            return
        }
        let set = unsafeBitCast(symbol, to: SetLoader.self)
        set { url, id, _ in
            let name = url.map { String(cString: $0) } ?? id.map { String(cString: $0) } ?? "?"
            ExternalLoadGuard.attempts.append(name)
            return nil
        }
    }

    /// Breaks the run if libxml2 tried to load anything external since the last check.
    public static func check() {
        let seen = attempts
        attempts.removeAll()
        invariant(seen.isEmpty, "libxml2 tried to load external resources: \(seen.prefix(3))")
    }
}
