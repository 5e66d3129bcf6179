import Foundation

/// A value made on first use, once, and then shared: a table can defer costly parts (compiled regular
/// expressions) that most runs never reach, and still be handed to every worker thread.
///
/// The first reader makes the value under a lock; every later reader, on any thread, gets that same value. Copies
/// of a struct holding a `SharedLazy` share the one box. `Value` must be safe to share once made (immutable values,
/// `NSRegularExpression`).
final class SharedLazy<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (() -> Value)?

    init(_ make: @escaping () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        make = nil
        return value
    }
}
