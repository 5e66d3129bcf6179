import Foundation

/// A fixed number of result slots that worker threads fill by index. Each slot is written once.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// All values, in index order; every slot must have been filled.
    var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}

/// A counter that hands out 0, 1, 2, … to concurrent callers.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
