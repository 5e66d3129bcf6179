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
