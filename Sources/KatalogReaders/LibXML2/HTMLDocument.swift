import CLibXML2
import Foundation

/// An HTML document parsed by libxml2's forgiving HTML parser. Owns the libxml2 document and frees it in `deinit`.
///
/// Input is UTF-8 (callers decode other encodings first, e.g. with `TextDecoding`); the page's own charset
/// declarations are ignored so they cannot re-decode it. Parsing never touches the network or the file system,
/// recovers from any malformed markup, and never writes to stderr: every libxml2 message is captured in
/// `messages` with its line.
public final class HTMLDocument {
    /// libxml2 options: recover from broken markup, no network, no stderr reporting, compact text nodes, and
    /// ignore in-document charset hints (the bytes are already UTF-8).
    static let parseOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
    )

    /// Attributes copied into `tree()`; everything the HTML extractors look at.
    public static let readerAttributes: Set<String> = [
        "itemscope", "itemtype", "itemprop", "itemid", "content", "href", "src", "datetime", "value",
        "vocab", "typeof", "property", "resource", "prefix", "lang", "class", "id", "name", "charset",
        "http-equiv", "type", "rel", "role",
    ]

    private let document: htmlDocPtr?
    /// libxml2's messages about the markup (unclosed tags, invalid entities, …), in order, at most
    /// `ParserMessageCapture.keepLimit` of them.
    public let messages: [ParserMessage]
    /// Messages raised beyond the ones kept in `messages`.
    public let droppedMessageCount: Int

    /// Parses UTF-8 `bytes`. Empty input gives an empty document; nothing here throws.
    public init(utf8 bytes: UnsafeRawBufferPointer) {
        (document, messages, droppedMessageCount) = Self.parse(bytes)
    }

    /// Parses UTF-8 `data`. Empty input gives an empty document; nothing here throws.
    public init(utf8 data: Data) {
        (document, messages, droppedMessageCount) = data.withUnsafeBytes { Self.parse($0) }
    }

    deinit {
        if let document { xmlFreeDoc(document) }
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer) -> (htmlDocPtr?, [ParserMessage], Int) {
        let capture = ParserMessageCapture()
        let length = Int32(clamping: bytes.count)
        let parsed: htmlDocPtr? = capture.run {
            guard let base = bytes.baseAddress, length > 0 else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), length, nil, "UTF-8", parseOptions)
        }
        return (parsed, capture.messages, capture.droppedCount)
    }

    /// Copies the document into an immutable Swift tree.
    ///
    /// - Returns: the tree and how many elements were nested deeper than `options.maxDepth` and flattened.
    public func tree(options: HTMLTreeOptions = HTMLTreeOptions(attributes: HTMLDocument.readerAttributes, boilerplate: nil)) -> (tree: MarkupTree, flattened: Int) {
        guard let document else { return (MarkupTree(), 0) }
        var builder = MarkupTreeBuilder(html: options, maxDepth: options.maxDepth)
        let tree = builder.build(from: xmlDocGetRootElement(document))
        return (tree, builder.flattenedCount)
    }

    /// Copies the document with every attribute and no chrome rules, elements nested deeper than `maxDepth`
    /// flattened.
    public func tree(maxDepth: Int) -> (tree: MarkupTree, flattened: Int) {
        tree(options: HTMLTreeOptions(attributes: Self.readerAttributes, boilerplate: nil, maxDepth: maxDepth))
    }
}
