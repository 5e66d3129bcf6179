import CLibXML2
import Foundation

/// A small XML document parsed by libxml2 into memory (for big feeds use the streaming reader instead). Owns the
/// libxml2 document and frees it in `deinit`.
///
/// Hostile input is safe: no network (`NONET`), no external entities or DTD loading (never `NOENT`, `DTDLOAD`
/// or `HUGE`, so libxml2's size and depth limits stay on). Malformed XML is recovered as far as libxml2 can;
/// every message is captured in `messages` with its line and nothing reaches stderr.
public final class XMLDocument {
    static let parseOptions: Int32 = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue
    )

    private let document: xmlDocPtr?
    /// libxml2's messages about the document, in order (at most `ParserMessageCapture.keepLimit`).
    public let messages: [ParserMessage]
    /// Messages raised beyond the ones kept in `messages`.
    public let droppedMessageCount: Int

    /// Parses `data`; its encoding comes from its BOM or XML declaration. Unparseable input gives an empty
    /// document plus messages.
    public init(data: Data) {
        let capture = ParserMessageCapture()
        let parsed: xmlDocPtr? = data.withUnsafeBytes { bytes in
            capture.run {
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
                return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count), nil, nil, Self.parseOptions)
            }
        }
        document = parsed
        messages = capture.messages
        droppedMessageCount = capture.droppedCount
    }

    deinit {
        if let document { xmlFreeDoc(document) }
    }

    /// Copies the document into an immutable Swift tree (all attributes, names as written).
    public func tree(maxDepth: Int = 256) -> (tree: MarkupTree, flattened: Int) {
        guard let document else { return (MarkupTree(), 0) }
        var assembler = MarkupTreeAssembler(html: nil, maxDepth: maxDepth)
        LibXML2TreeWalk.copy(xmlDocGetRootElement(document), into: &assembler)
        return (assembler.finish(), assembler.flattenedCount)
    }
}
