import CLibXML2
import Foundation

/// Streams an XML document node by node through libxml2's `xmlTextReader`, with flat memory.
///
/// Safety: options are `NONET | NOCDATA | COMPACT | BIG_LINES | NOBLANKS` (indentation between elements is
/// dropped by the parser, which halves the nodes of a pretty-printed feed) — never `NOENT` (entities are not substituted), `DTDLOAD`
/// (no external DTD is read) or `HUGE` (libxml2's size limits stay on). External entity loads requested while
/// one of these parses runs are refused (`XMLStreamEntityGuard`). Parser messages are collected through a
/// structured error handler and never printed. On a fatal error (malformed or truncated input, an entity
/// bomb) reading stops; every event before it has been delivered and the outcome says where it stopped.
///
/// The libxml2 reader is created and freed inside `read`; no pointer leaves it.
struct XMLStreamReader {
    /// At most this many parser messages are kept per document (a broken huge feed must not grow memory).
    static let maximumProblems = 100

    private static let options: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOBLANKS.rawValue)

    /// Reads the file at `path`, handing each event to `handle` on the calling thread, in document order.
    /// Returns nil when the file cannot be opened.
    static func read(file path: String, _ handle: (XMLStreamEvent) -> Void) -> XMLStreamOutcome? {
        readSynchronously(file: path, handle)
    }

    /// Reads the file at `path`, calling `consumer` on the calling thread, in document order.
    /// Returns nil when the file cannot be opened.
    static func read<Consumer: XMLStreamConsumer>(file path: String, into consumer: inout Consumer) -> XMLStreamOutcome? {
        readSynchronously(file: path, into: &consumer)
    }

    /// Reads the file at `path` from `resumption` on (after its prolog), calling `consumer` on the calling thread.
    /// Lines in events and problems are the resumed parse's (see `XMLResumePoint.fileLine`).
    static func read<Consumer: XMLStreamConsumer>(file path: String, resumingAt resumption: XMLResumePoint?, into consumer: inout Consumer) -> XMLStreamOutcome? {
        readSynchronously(file: path, resumingAt: resumption, into: &consumer)
    }

    /// Reads the file at `path` on the calling thread.
    static func readSynchronously(file path: String, _ handle: (XMLStreamEvent) -> Void) -> XMLStreamOutcome? {
        withoutActuallyEscaping(handle) { handle in
            var forwarder = XMLStreamEventForwarder(handle: handle)
            return readSynchronously(file: path, into: &forwarder)
        }
    }

    /// Reads the file at `path` on the calling thread into `consumer`.
    /// The file's bytes go through `CappedXMLInput`, so a giant text node is cut instead of stopping the parse.
    static func readSynchronously<Consumer: XMLStreamConsumer>(file path: String, resumingAt resumption: XMLResumePoint? = nil, into consumer: inout Consumer) -> XMLStreamOutcome? {
        LibXML2Runtime.ensureInitialized()
        guard let input = resumption.map({ CappedXMLInput(path: path, resumingAt: $0) }) ?? CappedXMLInput(path: path) else { return nil }
        let context = Unmanaged.passUnretained(input).toOpaque()
        let readBytes: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let input = Unmanaged<CappedXMLInput>.fromOpaque(context).takeUnretainedValue()
            return Int32(input.read(into: UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self), capacity: Int(length)))
        }
        let close: xmlInputCloseCallback = { _ in 0 }
        guard let reader = xmlReaderForIO(readBytes, close, context, path, nil, options) else { return nil }
        // A document taken over from the reader after a fault is freed after the reader (which points into it).
        var orphanedDocument: xmlDocPtr?
        defer {
            xmlFreeTextReader(reader)
            if let orphanedDocument { xmlFreeDoc(orphanedDocument) }
        }
        var outcome = withExtendedLifetime(input) { run(reader, &orphanedDocument, &consumer) }
        outcome.cutTexts = CappedXMLInput.withLines(input.cuts, path: path)
        return outcome
    }

    /// Reads an in-memory document (`baseURL` names it in messages).
    static func read(memory data: Data, baseURL: String = "memory.xml", _ handle: (XMLStreamEvent) -> Void) -> XMLStreamOutcome {
        LibXML2Runtime.ensureInitialized()
        return data.withUnsafeBytes { raw -> XMLStreamOutcome in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count > 0,
                  let reader = xmlReaderForMemory(base, Int32(clamping: raw.count), baseURL, nil, options)
            else {
                let problem = XMLStreamProblem(level: .fatal, code: 4, message: "Document is empty", line: 1, column: nil)
                return XMLStreamOutcome(completed: false, stoppedAtLine: 1, problems: [problem], droppedProblems: 0, refusedExternalLoads: [])
            }
            var orphanedDocument: xmlDocPtr?
            defer {
                xmlFreeTextReader(reader)
                if let orphanedDocument { xmlFreeDoc(orphanedDocument) }
            }
            return withoutActuallyEscaping(handle) { handle in
                var forwarder = XMLStreamEventForwarder(handle: handle)
                return run(reader, &orphanedDocument, &forwarder)
            }
        }
    }

    private static func run<Consumer: XMLStreamConsumer>(_ reader: xmlTextReaderPtr, _ orphanedDocument: inout xmlDocPtr?, _ consumer: inout Consumer) -> XMLStreamOutcome {
        let collector = XMLStreamProblemCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let userData, let error else { return }
            Unmanaged<XMLStreamProblemCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
        }, context)
        // Messages raised outside the reader's own context (entity sub-parsers) go to the thread's handler.
        xmlSetStructuredErrorFunc(context) { userData, error in
            guard let userData, let error else { return }
            Unmanaged<XMLStreamProblemCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        var names = XMLStreamNameCache()
        XMLStreamEntityGuard.shared.protect()
        var refusedLoads: [String] = []

        var status: Int32 = 1
        /// True when the last delivered event was the start tag of a non-empty element.
        var lastOpenedElement = false
        var nodes = 0
        var openElements: [xmlNodePtr] = []
        openElements.reserveCapacity(32)
        withExtendedLifetime(collector) {
            while true {
                status = xmlTextReaderRead(reader)
                guard status == 1 else { break }
                nodes &+= 1
                if nodes & 0xFFFF == 0 { consumer.progress(bytesConsumed: Int(xmlTextReaderByteConsumed(reader))) }
                lastOpenedElement = false
                // The node itself tells what it is; `xmlTextReaderNodeType` would scan every text node for blanks.
                // An element is visited twice, at its start and at its end: the open-element stack tells which.
                guard let node = xmlTextReaderCurrentNode(reader) else { continue }
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    if openElements.last == node {
                        openElements.removeLast()
                        consumer.endElement()
                        continue
                    }
                    // What `xmlTextReaderConstName` returns, without interning `prefix:local` in the dictionary.
                    let name = names.qualifiedName(local: node.pointee.name, prefix: node.pointee.ns?.pointee.prefix)
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    // The node's own line (the parser's position runs ahead of it by a buffer).
                    // (`xmlGetLineNo` returns the node's own field unless it holds 65535, "too big to store".)
                    let storedLine = node.pointee.line
                    let line = storedLine != 65535 ? Int(storedLine) : Int(xmlGetLineNo(node))
                    var attributes: [XMLStreamAttribute] = []
                    if node.pointee.properties != nil {
                        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                            let attributeName = names.name(xmlTextReaderConstName(reader))
                            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                            attributes.append(XMLStreamAttribute(name: attributeName, value: value))
                        }
                        xmlTextReaderMoveToElement(reader)
                    }
                    if !isEmpty { openElements.append(node) }
                    consumer.startElement(name: name, attributes: attributes, isEmpty: isEmpty, line: line)
                    lastOpenedElement = !isEmpty
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { consumer.text(CString.utf8(content)) }
                case XML_ENTITY_REF_NODE: // a declared entity, deliberately not expanded
                    consumer.entityReference(name: names.name(node.pointee.name), line: Int(xmlGetLineNo(node)))
                case XML_DTD_NODE, XML_DOCUMENT_TYPE_NODE:
                    consumer.documentType(name: names.name(node.pointee.name), line: Int(xmlTextReaderGetParserLineNumber(reader)))
                default: // whitespace, comments, processing instructions, end of entity
                    break
                }
            }
        }
        if status != 0 {
            // Hand out what was parsed before the fault but not yet returned by the reader.
            let position: XMLStreamTreeTail.Position?
            if let node = xmlTextReaderCurrentNode(reader) {
                position = lastOpenedElement ? .insideElement(node) : .after(node)
            } else if let document = xmlTextReaderCurrentDoc(reader) {
                orphanedDocument = document
                position = .documentStart(document)
            } else {
                position = nil
            }
            if let position { XMLStreamTreeTail.deliver(from: position, names: &names, into: &consumer) }
        }
        refusedLoads = XMLStreamEntityGuard.shared.release()
        let completed = status == 0 && !collector.sawFatal
        let stopLine = completed ? nil : Int(xmlTextReaderGetParserLineNumber(reader))
        let declaredEncoding = xmlTextReaderConstEncoding(reader).map { String(cString: $0).lowercased() }
        return XMLStreamOutcome(
            completed: completed,
            stoppedAtLine: stopLine,
            problems: collector.problems,
            droppedProblems: collector.dropped,
            refusedExternalLoads: refusedLoads,
            declaredEncoding: declaredEncoding
        )
    }
}

/// Turns libxml2's dictionary-interned names into Swift strings once per distinct pointer.
///
/// Element and attribute names returned by `xmlTextReaderConstName` live in the parser's dictionary for the
/// whole parse, so their address identifies the name. A small open-addressing table keyed by that address
/// (feeds use a few dozen names) avoids hashing a string per element. The cache lives no longer than one parse.
struct XMLStreamNameCache {
    private struct Entry {
        /// Address of the interned local name; 0 for a free slot.
        var key: UInt = 0
        /// The namespace prefix's bytes, packed (0 for none).
        var prefix: UInt64 = 0
        var value = ""
    }

    private static let capacity = 512
    private var entries = [Entry](repeating: Entry(), count: capacity)
    private var count = 0

    mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return lookup(pointer, prefix: 0) { String(cString: pointer) }
    }

    /// `prefix:local` (or `local` when `prefix` is nil), as `xmlTextReaderConstName` spells an element's name.
    ///
    /// `local` is dictionary-interned (its address identifies it); a namespace's prefix is not (it is owned by
    /// the declaring node, whose memory may be reused), so the prefix's bytes are part of the key: packed into
    /// a `UInt64` (prefixes longer than 8 bytes are not cached).
    mutating func qualifiedName(local: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?) -> String {
        guard let prefix else { return name(local) }
        guard let local else { return String(cString: prefix) + ":" }
        var packed: UInt64 = 0
        var length = 0
        while length < 8, prefix[length] != 0 {
            packed |= UInt64(prefix[length]) << (8 * UInt64(length))
            length += 1
        }
        guard length > 0, prefix[length] == 0 else { return String(cString: prefix) + ":" + name(local) }
        return lookup(local, prefix: packed) { String(cString: prefix) + ":" + String(cString: local) }
    }

    /// The cached value for (`pointer`, `prefix`), made by `make` and kept (while the table is half empty)
    /// the first time.
    @inline(__always)
    private mutating func lookup(_ pointer: UnsafePointer<xmlChar>, prefix: UInt64, _ make: () -> String) -> String {
        let key = UInt(bitPattern: pointer)
        let mask = Self.capacity - 1
        var slot = Int(truncatingIfNeeded: ((key >> 3) ^ UInt(truncatingIfNeeded: prefix &* 0x9E37_79B9)) & UInt(mask))
        let free: Int? = entries.withUnsafeBufferPointer { table in
            for _ in 0..<Self.capacity {
                let found = table[slot].key
                if found == 0 { return slot }
                if found == key, table[slot].prefix == prefix { return nil }
                slot = (slot + 1) & mask
            }
            return -1
        }
        guard let free else { return entries[slot].value }
        let value = make()
        if free >= 0, count < Self.capacity / 2 {
            entries[free] = Entry(key: key, prefix: prefix, value: value)
            count += 1
        }
        return value
    }
}

/// Receives libxml2's structured errors for one parse.
final class XMLStreamProblemCollector {
    private(set) var problems: [XMLStreamProblem] = []
    private(set) var dropped = 0
    private(set) var sawFatal = false

    func record(_ error: xmlError) {
        let level: XMLStreamProblem.Level
        switch error.level {
        case XML_ERR_FATAL: level = .fatal; sawFatal = true
        case XML_ERR_ERROR: level = .error
        default: level = .warning
        }
        guard problems.count < XMLStreamReader.maximumProblems else {
            dropped += 1
            return
        }
        let message = error.message.map { String(cString: $0) }?.trimmingWhitespace() ?? "unknown XML error"
        problems.append(XMLStreamProblem(
            level: level, code: Int(error.code), message: message,
            line: error.line > 0 ? Int(error.line) : nil,
            column: error.int2 > 0 ? Int(error.int2) : nil
        ))
    }
}
