import Foundation

/// Once-per-process set-up every harness calls first: plants the canary and installs the external-load guard.
public enum Harness {
    nonisolated(unsafe) private static var ready = false

    public static func setUp() {
        guard !ready else { return }
        ready = true
        Canary.plant()
        ExternalLoadGuard.install()
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes as text, invalid UTF-8 repaired (as a reader that decoded them would see them).
    public var lossyText: String { String(decoding: self, as: UTF8.self) }
}
