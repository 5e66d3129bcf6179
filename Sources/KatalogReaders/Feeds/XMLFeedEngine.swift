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
    /// Arena of the item (or context subtree) being built; slot 0 is its root. Empty outside items.
    private var slots: [XMLItemSlot] = []
    /// Slot indexes of the open elements of the item being built.
    private var open: [Int32] = []
    private var buildingContext = false
    private var recordIndex = 0
    private var blockedEntities = 0

    init(document: SourceDocument, sink: RecordSink) {
        self.document = document
        self.sink = sink
        self.progress = sink as? ProgressSink
        slots.reserveCapacity(64)
        open.reserveCapacity(16)
    }

    mutating func handle<Dialect: XMLFeedDialect>(_ event: XMLStreamEvent, dialect: inout Dialect) {
        switch event {
        case let .startElement(name, attributes, isEmpty, line):
            if let parent = open.last {
                let index = Int32(slots.count)
                slots.append(XMLItemSlot(name: name, attributes: attributes, line: line))
                let previous = slots[Int(parent)].lastChild
                if previous >= 0 { slots[Int(previous)].nextSibling = index } else { slots[Int(parent)].firstChild = index }
                slots[Int(parent)].lastChild = index
                if !isEmpty { open.append(index) }
                return
            }
            let parentName = path.last
            if dialect.isItem(name: name, path: path) {
                buildingContext = false
            } else if dialect.isContext(name: name, parent: parentName) {
                buildingContext = true
            } else {
                if !isEmpty { path.append(name) }
                return
            }
            slots.removeAll(keepingCapacity: true)
            slots.append(XMLItemSlot(name: name, attributes: attributes, line: line))
            open.append(0)
            if isEmpty { finishSubtree(dialect: &dialect) }
        case .endElement:
            if open.popLast() != nil {
                if open.isEmpty { finishSubtree(dialect: &dialect) }
            } else if !path.isEmpty {
                path.removeLast()
            }
        case let .text(text):
            if let current = open.last {
                if slots[Int(current)].rawText.isEmpty {
                    slots[Int(current)].rawText = text
                } else {
                    slots[Int(current)].rawText += text
                }
            }
        case let .entityReference(name, line):
            blockedEntities += 1
            if blockedEntities <= 20 {
                sink.report(XMLStreamDiagnostics.entityBlocked(name: name, line: line, file: document.displayPath))
            }
        case let .documentType(name, line):
            sink.report(XMLStreamDiagnostics.dtdIgnored(name: name, line: line, file: document.displayPath))
        }
    }

    private mutating func finishSubtree<Dialect: XMLFeedDialect>(dialect: inout Dialect) {
        open.removeAll(keepingCapacity: true)
        if buildingContext {
            slots.withUnsafeBufferPointer { dialect.observe(context: XMLItemNode(slots: $0, index: 0)) }
        } else {
            emitItem(dialect: dialect)
        }
        slots.removeAll(keepingCapacity: true)
    }

    private mutating func emitItem<Dialect: XMLFeedDialect>(dialect: Dialect) {
        recordIndex += 1
        let record = slots.withUnsafeBufferPointer { buffer -> RawRecord in
            let item = XMLItemNode(slots: buffer, index: 0)
            let location = SourceLocation(file: document.displayPath, line: item.line, record: recordIndex)
            let hints = document.hints.filling(from: dialect.marketHints(for: item))
            return RawRecord(location: location, kind: document.kind, fields: dialect.fields(of: item), hints: hints)
        }
        sink.accept(record)
        if let progress, recordIndex % 4096 == 0 {
            progress.progress(items: recordIndex, bytesRead: nil)
        }
    }

    mutating func finish<Dialect: XMLFeedDialect>(outcome: XMLStreamOutcome, dialect: Dialect) {
        if !outcome.completed, !slots.isEmpty, !buildingContext {
            // The fault cut this item off: hand over what was read, marked as incomplete.
            open.removeAll()
            let line = Int(slots[0].line)
            emitItem(dialect: dialect)
            slots.removeAll()
            sink.report(FeedDiagnostics.itemIncomplete(
                at: SourceLocation(file: document.displayPath, line: line, record: recordIndex)))
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
