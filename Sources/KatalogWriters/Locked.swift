import Foundation

/// A value that threads share behind a lock.
///
/// `NSLock` (a pthread mutex), not `Synchronization.Mutex`: on Linux `Mutex` locks with futex calls of its own,
/// which ThreadSanitizer does not see, so it reported the accesses the lock guards as races. That failed CI now and
/// then: two `AtomicFile` tests registering temporary files at the same moment.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
