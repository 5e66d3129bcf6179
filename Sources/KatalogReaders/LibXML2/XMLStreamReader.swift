import CLibXML2
import Foundation

/// Streams an XML document node by node through libxml2's `xmlTextReader`, with flat memory.
///
/// Safety: options are `NONET | NOCDATA | COMPACT | BIG_LINES` — never `NOENT` (entities are not substituted), `DTDLOAD`
/// (no external DTD is read) or `HUGE` (libxml2's size limits stay on). External entity loads requested while
/// one of these parses runs are refused (`XMLStreamEntityGuard`). Parser messages are collected through a
/// structured error handler and never printed. On a fatal error (malformed or truncated input, an entity
/// bomb) reading stops; every event before it has been delivered and the outcome says where it stopped.
///
/// The libxml2 reader is created and freed inside `read`; no pointer leaves it.
struct XMLStreamReader {
    /// At most this many parser messages are kept per document (a broken huge feed must not grow memory).
    static let maximumProblems = 100

    private static let options: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Reads the file at `path`, handing each event to `handle`. Returns nil when the file cannot be opened.
    static func read(file path: String, _ handle: (XMLStreamEvent) -> Void) -> XMLStreamOutcome? {
        LibXML2Runtime.ensureInitialized()
        guard let reader = xmlReaderForFile(path, nil, options) else { return nil }
        // A document taken over from the reader after a fault is freed after the reader (which points into it).
        var orphanedDocument: xmlDocPtr?
        defer {
            xmlFreeTextReader(reader)
            if let orphanedDocument { xmlFreeDoc(orphanedDocument) }
        }
        return run(reader, &orphanedDocument, handle)
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
            return run(reader, &orphanedDocument, handle)
        }
    }

    private static func run(_ reader: xmlTextReaderPtr, _ orphanedDocument: inout xmlDocPtr?, _ handle: (XMLStreamEvent) -> Void) -> XMLStreamOutcome {
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
        withExtendedLifetime(collector) {
            while true {
                status = xmlTextReaderRead(reader)
                guard status == 1 else { break }
                lastOpenedElement = false
                switch xmlTextReaderNodeType(reader) {
                case 1: // element
                    let name = names.name(xmlTextReaderConstName(reader))
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    // The node's own line (the parser's position runs ahead of it by a buffer).
                    let node = xmlTextReaderCurrentNode(reader)
                    let line = node.map { Int(xmlGetLineNo($0)) } ?? Int(xmlTextReaderGetParserLineNumber(reader))
                    var attributes: [XMLStreamAttribute] = []
                    if xmlTextReaderHasAttributes(reader) == 1 {
                        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                            let attributeName = names.name(xmlTextReaderConstName(reader))
                            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                            attributes.append(XMLStreamAttribute(name: attributeName, value: value))
                        }
                        xmlTextReaderMoveToElement(reader)
                    }
                    handle(.startElement(name: name, attributes: attributes, isEmpty: isEmpty, line: line))
                    lastOpenedElement = !isEmpty
                case 15: // end element
                    handle(.endElement)
                case 3, 4: // text, CDATA
                    if let value = xmlTextReaderConstValue(reader) { handle(.text(String(cString: value))) }
                case 5: // entity reference (declared entity, deliberately not expanded)
                    handle(.entityReference(name: names.name(xmlTextReaderConstName(reader)),
                                            line: Int(xmlTextReaderGetParserLineNumber(reader))))
                case 10: // document type
                    handle(.documentType(name: names.name(xmlTextReaderConstName(reader)),
                                         line: Int(xmlTextReaderGetParserLineNumber(reader))))
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
            if let position { XMLStreamTreeTail.deliver(from: position, names: &names, handle) }
        }
        refusedLoads = XMLStreamEntityGuard.shared.release()
        let completed = status == 0 && !collector.sawFatal
        let stopLine = completed ? nil : Int(xmlTextReaderGetParserLineNumber(reader))
        return XMLStreamOutcome(
            completed: completed,
            stoppedAtLine: stopLine,
            problems: collector.problems,
            droppedProblems: collector.dropped,
            refusedExternalLoads: refusedLoads
        )
    }
}

/// Turns libxml2's dictionary-interned names into Swift strings once per distinct pointer.
///
/// Element and attribute names returned by `xmlTextReaderConstName` live in the parser's dictionary for the
/// whole parse, so their address identifies the name. The cache lives no longer than one parse.
struct XMLStreamNameCache {
    private var cache: [UnsafeRawPointer: String] = [:]

    mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let known = cache[key] { return known }
        let name = String(cString: pointer)
        if cache.count < 4096 { cache[key] = name }
        return name
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
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown XML error"
        problems.append(XMLStreamProblem(
            level: level, code: Int(error.code), message: message,
            line: error.line > 0 ? Int(error.line) : nil,
            column: error.int2 > 0 ? Int(error.int2) : nil
        ))
    }
}
