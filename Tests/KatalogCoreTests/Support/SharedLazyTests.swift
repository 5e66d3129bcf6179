import Foundation
import Testing
@testable import KatalogCore

/// `SharedLazy` and the service-plan expressions it defers (CI runs `ServicePlan…` tests under ThreadSanitizer).
struct SharedLazyTests {
    private final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var made = 0
        private(set) var values: Set<ObjectIdentifier> = []
        func make() { lock.lock(); made += 1; lock.unlock() }
        func saw(_ object: AnyObject) { lock.lock(); values.insert(ObjectIdentifier(object)); lock.unlock() }
    }

    /// Threads asking at once get one value, made once.
    @Test func concurrentFirstUseMakesTheValueOnce() {
        let seen = Seen()
        let lazy = SharedLazy { () -> NSRegularExpression? in
            seen.make()
            return try? NSRegularExpression(pattern: "\\bplan\\b", options: [.caseInsensitive])
        }
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let regex = lazy.value { seen.saw(regex) }
        }
        #expect(seen.made == 1)
        #expect(seen.values.count == 1)
    }
}
