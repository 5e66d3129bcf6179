import Foundation
import KatalogCore

/// Streams an XML feed through `XMLStreamReader` and turns each item element into one `RawRecord`, as the
/// dialect describes. Shared by every XML feed reader.
///
/// Bad input: malformed or truncated XML stops the parse; every item completed before it has already been
/// handed to the sink, an item cut off by the fault is handed over too (with `xml.item-incomplete`), and a
/// file-level `xml.malformed` / `xml.truncated` / `xml.entity-bomb` diagnostic says where reading stopped.
/// Declared entities are never expanded (`xml.entity-blocked`); DTDs are never loaded.
struct XMLFeedEngine<Dialect: XMLFeedDialect> {
    var dialect: Dialect
    /// Called every `progressInterval` items, when the sink asks for progress.
    static var progressInterval: Int { 4096 }

    init(dialect: Dialect) { self.dialect = dialect }

    mutating func read(_ document: SourceDocument, into sink: RecordSink) throws {
        guard FileManager.default.isReadableFile(atPath: document.fileURL) else {
            throw InputUnreadable(path: document.displayPath, reason: "file missing or not readable")
        }
        var state = XMLFeedEngineState(document: document, sink: sink)
        var dialect = self.dialect
        let outcome = XMLStreamReader.read(file: document.fileURL) { event in
            state.handle(event, dialect: &dialect)
        }
        self.dialect = dialect
        guard let outcome else {
            throw InputUnreadable(path: document.displayPath, reason: "libxml2 could not open the file")
        }
        state.finish(outcome: outcome, dialect: dialect)
    }
}

/// The mutable state of one streamed feed: the path of open elements and the item being built.
struct XMLFeedEngineState {
    let document: SourceDocument
    let sink: RecordSink
    let progress: ProgressSink?
    private var path: [String] = []
    /// Open elements of the item (or context subtree) being built; empty outside items.
    private var open: [XMLItemNode] = []
    private var buildingContext = false
    private var recordIndex = 0
    private var blockedEntities = 0

    init(document: SourceDocument, sink: RecordSink) {
        self.document = document
        self.sink = sink
        self.progress = sink as? ProgressSink
    }

    mutating func handle<Dialect: XMLFeedDialect>(_ event: XMLStreamEvent, dialect: inout Dialect) {
        switch event {
        case let .startElement(name, attributes, isEmpty, line):
            if let parent = open.last {
                let node = XMLItemNode(name: name, attributes: attributes, line: line)
                parent.append(child: node)
                if !isEmpty { open.append(node) }
                return
            }
            let parentName = path.last
            if dialect.isItem(name: name, path: path) {
                let node = XMLItemNode(name: name, attributes: attributes, line: line)
                buildingContext = false
                open.append(node)
                if isEmpty { finishSubtree(node, dialect: &dialect) }
            } else if dialect.isContext(name: name, parent: parentName) {
                let node = XMLItemNode(name: name, attributes: attributes, line: line)
                buildingContext = true
                open.append(node)
                if isEmpty { finishSubtree(node, dialect: &dialect) }
            } else if !isEmpty {
                path.append(name)
            }
        case .endElement:
            if let node = open.popLast() {
                if open.isEmpty { finishSubtree(node, dialect: &dialect) }
            } else if !path.isEmpty {
                path.removeLast()
            }
        case let .text(text):
            open.last?.append(text: text)
        case let .entityReference(name, line):
            blockedEntities += 1
            if blockedEntities <= 20 {
                sink.report(XMLStreamDiagnostics.entityBlocked(name: name, line: line, file: document.displayPath))
            }
        case let .documentType(name, line):
            sink.report(XMLStreamDiagnostics.dtdIgnored(name: name, line: line, file: document.displayPath))
        }
    }

    private mutating func finishSubtree<Dialect: XMLFeedDialect>(_ node: XMLItemNode, dialect: inout Dialect) {
        open.removeAll(keepingCapacity: true)
        if buildingContext {
            dialect.observe(context: node)
        } else {
            emit(node, dialect: dialect)
        }
    }

    private mutating func emit<Dialect: XMLFeedDialect>(_ item: XMLItemNode, dialect: Dialect) {
        recordIndex += 1
        let location = SourceLocation(file: document.displayPath, line: item.line, record: recordIndex)
        let hints = document.hints.filling(from: dialect.marketHints(for: item))
        sink.accept(RawRecord(location: location, kind: document.kind, fields: dialect.fields(of: item), hints: hints))
        if let progress, recordIndex % XMLFeedEngine<Dialect>.progressInterval == 0 {
            progress.progress(items: recordIndex, bytesRead: nil)
        }
    }

    mutating func finish<Dialect: XMLFeedDialect>(outcome: XMLStreamOutcome, dialect: Dialect) {
        if !outcome.completed, let root = open.first, !buildingContext {
            // The fault cut this item off: hand over what was read, marked as incomplete.
            open.removeAll()
            emit(root, dialect: dialect)
            sink.report(FeedDiagnostics.itemIncomplete(
                at: SourceLocation(file: document.displayPath, line: root.line, record: recordIndex)))
        }
        if blockedEntities > 20 {
            sink.report(FeedDiagnostics.moreBlockedEntities(blockedEntities - 20, file: document.displayPath))
        }
        for diagnostic in XMLStreamDiagnostics.diagnostics(for: outcome, file: document.displayPath) {
            sink.report(diagnostic)
        }
        if let progress { progress.progress(items: recordIndex, bytesRead: nil) }
    }
}
