import Foundation

/// Stops the run with a message when an invariant does not hold: libFuzzer records the input as a crash.
///
/// Harnesses check what must be true of every input, not only that nothing crashed.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    guard !condition() else { return }
    FileHandle.standardError.write(Data("INVARIANT BROKEN (\(file):\(line)): \(message())\n".utf8))
    abort()
}
