import CLibXML2
import Foundation

/// An HTML page parsed by libxml2's forgiving HTML parser straight into an immutable `MarkupTree`.
///
/// The parser's SAX events build the tree directly (`MarkupTreeAssembler`); no libxml2 document is built or
/// freed, and no libxml2 pointer outlives the parse. Input is UTF-8 (callers decode other encodings first, e.g.
/// with `TextDecoding`); the page's own charset declarations are ignored so they cannot re-decode it. Parsing never
/// touches the network or the file system, recovers from any malformed markup, and never writes to stderr: every
/// libxml2 message is captured in `messages` with its line.
public struct HTMLDocument: Sendable {
    /// libxml2 options: recover from broken markup, no network, no stderr reporting, and ignore in-document
    /// charset hints (the bytes are already UTF-8).
    static let parseOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
    )

    /// Attributes copied into `tree` by default; everything the HTML extractors look at.
    public static let readerAttributes: Set<String> = [
        "itemscope", "itemtype", "itemprop", "itemid", "content", "href", "src", "datetime", "value",
        "vocab", "typeof", "property", "resource", "prefix", "lang", "class", "id", "name", "charset",
        "http-equiv", "type", "rel", "role",
    ]

    /// Every reader attribute, no chrome rules, the default depth limit.
    public static let defaultTreeOptions = HTMLTreeOptions(attributes: readerAttributes, boilerplate: nil)

    /// The page's elements and text, copied under the options given to `init`.
    public let tree: MarkupTree
    /// How many elements were nested deeper than the options' `maxDepth` and flattened.
    public let flattenedCount: Int
    /// libxml2's messages about the markup (unclosed tags, invalid entities, …), in order, at most
    /// `ParserMessageCapture.keepLimit` of them.
    public let messages: [ParserMessage]
    /// Messages raised beyond the ones kept in `messages`.
    public let droppedMessageCount: Int

    /// Parses UTF-8 `bytes`. Empty input gives an empty tree; nothing here throws.
    public init(utf8 bytes: UnsafeRawBufferPointer, options: HTMLTreeOptions = HTMLDocument.defaultTreeOptions) {
        let capture = ParserMessageCapture()
        let parsed = capture.run { HTMLSAXParse.run(bytes, options: options) }
        tree = parsed.tree
        flattenedCount = parsed.flattenedCount
        var messages = capture.messages
        if let cutAtLine = parsed.stoppedAtLine {
            messages.append(ParserMessage(
                level: .fatal, code: Int(XML_ERR_INTERNAL_ERROR.rawValue), line: cutAtLine > 0 ? Int(cutAtLine) : nil,
                text: "Excessive depth in document: elements nested deeper than \(HTMLSAXParse.documentDepthLimit) levels; the rest of the page was not read"))
        }
        self.messages = messages
        droppedMessageCount = capture.droppedCount
    }

    /// Parses UTF-8 `data`. Empty input gives an empty tree; nothing here throws.
    public init(utf8 data: Data, options: HTMLTreeOptions = HTMLDocument.defaultTreeOptions) {
        self = data.withUnsafeBytes { HTMLDocument(utf8: $0, options: options) }
    }

    /// The same page parsed into a libxml2 document first and then copied: what `init` did before it
    /// assembled the tree from SAX events. Kept as the reference the SAX tree is tested against.
    static func treeCopiedFromDocument(utf8 data: Data, options: HTMLTreeOptions) -> (tree: MarkupTree, flattened: Int) {
        LibXML2Runtime.ensureInitialized()
        var assembler = MarkupTreeAssembler(html: options, maxDepth: options.maxDepth)
        data.withUnsafeBytes { bytes in
            let capture = ParserMessageCapture()
            guard let base = bytes.baseAddress, !bytes.isEmpty,
                  let document = capture.run({ htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count), nil, "UTF-8", parseOptions) })
            else { return }
            defer { xmlFreeDoc(document) }
            LibXML2TreeWalk.copy(xmlDocGetRootElement(document), into: &assembler)
        }
        return (assembler.finish(), assembler.flattenedCount)
    }
}

/// One synchronous SAX parse of a UTF-8 HTML page into a `MarkupTree` (by a `MarkupTreeAssembler`), with the options and encoding
/// set-up `htmlReadMemory` would use.
private final class HTMLSAXParse {
    private var assembler: MarkupTreeAssembler
    private let context: htmlParserCtxtPtr
    /// The pending text came from a CDATA block (script content), not from character data.
    private var pendingIsCDATA = false
    /// Attribute pairs with libxml2's boolean attributes given their own name as value (as its tree does).
    private var booleanScratch: [UnsafePointer<xmlChar>?] = []
    /// Elements open in the document (whatever the assembler keeps of them).
    private var openElements = 0
    /// The line where the parse was stopped for nesting too deep.
    private var stoppedAtLine: Int32?

    /// A page nested deeper is cut there, as libxml2's own tree builder cuts it (`xmlParserMaxDepth`): deeper
    /// markup is hostile, and the HTML parser's end-tag handling scans the open elements.
    static let documentDepthLimit = 256

    private init(options: HTMLTreeOptions, context: htmlParserCtxtPtr) {
        assembler = MarkupTreeAssembler(html: options, maxDepth: options.maxDepth)
        self.context = context
    }

    /// What one parse gives: the tree, how many elements were flattened, and the line where the parse stopped
    /// when the page was nested deeper than `documentDepthLimit`.
    struct Outcome {
        var tree = MarkupTree()
        var flattenedCount = 0
        var stoppedAtLine: Int32?
    }

    /// Parses UTF-8 `bytes` (empty input gives an empty tree).
    static func run(_ bytes: UnsafeRawBufferPointer, options: HTMLTreeOptions) -> Outcome {
        let length = Int32(clamping: bytes.count)
        LibXML2Runtime.ensureInitialized()
        guard let base = bytes.baseAddress, length > 0, let context = htmlNewParserCtxt() else { return Outcome() }
        defer { htmlFreeParserCtxt(context) }
        let parse = HTMLSAXParse(options: options, context: context)
        var handler = htmlSAXHandler()
        handler.initialized = 1
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            HTMLSAXParse.from(context)?.startElement(name, attributes)
        }
        handler.endElement = { context, _ in HTMLSAXParse.from(context)?.endElement() }
        handler.characters = { context, bytes, length in HTMLSAXParse.from(context)?.text(bytes, length, cdata: false) }
        handler.cdataBlock = { context, bytes, length in HTMLSAXParse.from(context)?.text(bytes, length, cdata: true) }
        handler.comment = { context, _ in HTMLSAXParse.from(context)?.boundary() }
        handler.processingInstruction = { context, _, _ in HTMLSAXParse.from(context)?.boundary() }
        context.pointee.sax.pointee = handler
        withExtendedLifetime(parse) {
            context.pointee._private = Unmanaged.passUnretained(parse).toOpaque()
            _ = htmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), length, nil, "UTF-8", HTMLDocument.parseOptions)
            context.pointee._private = nil
        }
        return Outcome(tree: parse.assembler.finish(), flattenedCount: parse.assembler.flattenedCount, stoppedAtLine: parse.stoppedAtLine)
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> HTMLSAXParse? {
        guard let owner = context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<HTMLSAXParse>.fromOpaque(owner).takeUnretainedValue()
    }

    private var line: Int32 { context.pointee.input?.pointee.line ?? 0 }

    private func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard stoppedAtLine == nil else { return }
        let line = line
        guard openElements <= Self.documentDepthLimit else {
            stoppedAtLine = line
            xmlStopParser(context)
            return
        }
        openElements += 1
        guard let attributes, Self.hasBooleanWithoutValue(attributes) else {
            assembler.startElement(name, attributes: MarkupAttributes(pairs: UnsafePointer(attributes)), line: line)
            return
        }
        booleanScratch.removeAll(keepingCapacity: true)
        var index = 0
        while let attributeName = attributes[index] {
            booleanScratch.append(attributeName)
            booleanScratch.append(attributes[index + 1] ?? (htmlIsBooleanAttr(attributeName) != 0 ? attributeName : nil))
            index += 2
        }
        booleanScratch.append(nil)
        booleanScratch.withUnsafeBufferPointer { pairs in
            assembler.startElement(name, attributes: MarkupAttributes(pairs: pairs.baseAddress), line: line)
        }
    }

    private static func hasBooleanWithoutValue(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> Bool {
        var index = 0
        while let name = attributes[index] {
            if attributes[index + 1] == nil, htmlIsBooleanAttr(name) != 0 { return true }
            index += 2
        }
        return false
    }

    private func endElement() {
        guard stoppedAtLine == nil, openElements > 0 else { return }
        openElements -= 1
        assembler.endElement()
    }

    private func text(_ bytes: UnsafePointer<xmlChar>?, _ length: Int32, cdata: Bool) {
        guard stoppedAtLine == nil, let bytes, length > 0 else { return }
        if cdata != pendingIsCDATA {
            assembler.endText()
            pendingIsCDATA = cdata
        }
        // libxml2's tree gives a script's CDATA the line of the script element.
        let line = cdata ? assembler.openElementLine : line
        assembler.appendText(UnsafeBufferPointer(start: bytes, count: Int(length)), line: line)
    }

    private func boundary() {
        assembler.endText()
    }
}
