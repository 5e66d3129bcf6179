import CLibXML2

/// Collects libxml2's structured error reports during one synchronous parse on the current thread.
///
/// libxml2 keeps the structured error handler per thread, so a handler installed around a synchronous parse sees
/// only that parse's messages and nothing reaches stderr. The handler is always removed again in a `defer`.
final class ParserMessageCapture {
    /// At most this many messages are kept; the rest are only counted (hostile pages raise millions).
    static let keepLimit = 64

    private(set) var messages: [ParserMessage] = []
    private(set) var droppedCount = 0

    fileprivate func receive(_ error: UnsafePointer<xmlError>) {
        guard messages.count < Self.keepLimit else {
            droppedCount += 1
            return
        }
        let raw = error.pointee
        let level: ParserMessage.Level
        switch raw.level {
        case XML_ERR_WARNING: level = .warning
        case XML_ERR_FATAL: level = .fatal
        default: level = .error
        }
        let text = raw.message.map { String(cString: $0) } ?? "unknown parser error"
        let line = raw.line > 0 ? Int(raw.line) : nil
        messages.append(ParserMessage(
            level: level,
            code: Int(raw.code),
            line: line,
            text: text.trimmingCharacters(in: [" ", "\n", "\t"])
        ))
    }

    /// Runs `body` with this capture installed as the thread's structured and generic error handlers.
    func run<T>(_ body: () -> T) -> T {
        LibXML2Runtime.ensureInitialized()
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context, parserMessageCaptureCallback)
        xmlSetGenericErrorFunc(nil, katalog_silentGenericError())
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            xmlSetGenericErrorFunc(nil, nil)
        }
        return withExtendedLifetime(self) { body() }
    }
}

private func parserMessageCaptureCallback(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<ParserMessageCapture>.fromOpaque(context).takeUnretainedValue().receive(error)
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
