import CLibXML2
import Foundation

/// Process-wide libxml2 set-up. libxml2 wants `xmlInitParser()` once, before any thread parses.
enum LibXML2Runtime {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before every parse; cheap after the first call.
    static func ensureInitialized() {
        _ = initialized
    }
}
