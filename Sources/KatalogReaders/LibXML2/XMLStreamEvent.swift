/// One node of a streamed XML document, as Swift values (no libxml2 pointer survives the callback).
enum XMLStreamEvent: Sendable {
    /// An element start tag. `name` is the qualified name as written (`g:price`, `SHOPITEM`).
    /// `isEmpty` is true for `<tag/>`, which gets no matching `.endElement`.
    case startElement(name: String, attributes: [XMLStreamAttribute], isEmpty: Bool, line: Int)
    /// An element end tag (of the innermost open element).
    case endElement
    /// Character data (text or CDATA), entities already replaced except declared ones (see `.entityReference`).
    case text(String)
    /// A reference to an entity declared in the document's DTD. It is never expanded or resolved.
    case entityReference(name: String, line: Int)
    /// A `<!DOCTYPE …>`; its DTD is never loaded.
    case documentType(name: String, line: Int)
    /// Sent every few thousand nodes: how many bytes of the input the parser has consumed.
    case progress(bytesConsumed: Int)
}

/// One attribute of a start tag, as written.
struct XMLStreamAttribute: Sendable, Hashable {
    var name: String
    var value: String
}

/// Receives a streamed document's nodes directly, without an `XMLStreamEvent` per node: character data comes
/// as the parser's UTF-8 bytes (valid only during the call), so a consumer makes a `String` only for the text
/// it keeps. The calls and their order are exactly those of the events.
protocol XMLStreamConsumer {
    /// See `XMLStreamEvent.startElement`. `name` is handed over (a consumer that keeps it takes no extra reference).
    mutating func startElement(name: consuming String, attributes: [XMLStreamAttribute], isEmpty: Bool, line: Int)
    /// See `XMLStreamEvent.endElement`.
    mutating func endElement()
    /// Character data (see `XMLStreamEvent.text`) as UTF-8; the buffer is only valid during the call.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>)
    /// See `XMLStreamEvent.entityReference`.
    mutating func entityReference(name: String, line: Int)
    /// See `XMLStreamEvent.documentType`.
    mutating func documentType(name: String, line: Int)
    /// See `XMLStreamEvent.progress`.
    mutating func progress(bytesConsumed: Int)
}

extension XMLStreamConsumer {
    /// Hands one event over (used when events were produced elsewhere, as a list).
    mutating func deliver(_ event: XMLStreamEvent) {
        switch event {
        case let .startElement(name, attributes, isEmpty, line): startElement(name: name, attributes: attributes, isEmpty: isEmpty, line: line)
        case .endElement: endElement()
        case let .text(string):
            var string = string
            string.withUTF8 { text($0) }
        case let .entityReference(name, line): entityReference(name: name, line: line)
        case let .documentType(name, line): documentType(name: name, line: line)
        case let .progress(bytes): progress(bytesConsumed: bytes)
        }
    }
}

/// Turns consumer calls back into events for a closure.
struct XMLStreamEventForwarder: XMLStreamConsumer {
    let handle: (XMLStreamEvent) -> Void

    func startElement(name: consuming String, attributes: [XMLStreamAttribute], isEmpty: Bool, line: Int) {
        handle(.startElement(name: name, attributes: attributes, isEmpty: isEmpty, line: line))
    }
    func endElement() { handle(.endElement) }
    func text(_ utf8: UnsafeBufferPointer<UInt8>) { handle(.text(String(decoding: utf8, as: UTF8.self))) }
    func entityReference(name: String, line: Int) { handle(.entityReference(name: name, line: line)) }
    func documentType(name: String, line: Int) { handle(.documentType(name: name, line: line)) }
    func progress(bytesConsumed: Int) { handle(.progress(bytesConsumed: bytesConsumed)) }
}
