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
    /// The items read by the last `read` (records handed to the sink).
    private(set) var itemCount = 0
    init(dialect: Dialect) { self.dialect = dialect }

    mutating func read(_ document: SourceDocument, into sink: RecordSink) throws {
        guard FileManager.default.isReadableFile(atPath: document.fileURL) else {
            throw InputUnreadable(path: document.displayPath, reason: "file missing or not readable")
        }
        var state = XMLFeedEngineState(document: document, sink: sink, dialect: dialect)
        let outcome = XMLStreamReader.read(file: document.fileURL, into: &state)
        self.dialect = state.dialect
        guard let outcome else {
            throw InputUnreadable(path: document.displayPath, reason: "libxml2 could not open the file")
        }
        state.finish(outcome: outcome)
        itemCount = state.itemCount
        if itemCount == 0, let item = dialect.requiredItemName {
            sink.report(FeedDiagnostics.noItems(file: document.displayPath, itemName: item))
        }
    }
}

/// The mutable state of one streamed feed: the path of open elements and the item being built.
///
/// It receives the parser's nodes directly (`XMLStreamConsumer`): the text of a plain leaf child is gathered
/// as bytes and becomes one `String`, the field's value, when the child ends.
struct XMLFeedEngineState<Dialect: XMLFeedDialect>: XMLStreamConsumer {
    /// What the engine is building for the current direct child of an item.
    private enum ChildMode {
        /// Not inside a child of an item.
        case none
        /// A child that has so far been text only (`leafName`, `leafLine`, `leafBytes`): it may become a
        /// field without any tree.
        case leaf
        /// A child with structure or attributes, built in `slots`.
        case subtree
    }

    let document: SourceDocument
    let sink: RecordSink
    let progress: ProgressSink?
    private var path: [String] = []
    /// Arena of the child subtree (or feed context subtree) being built; slot 0 is its root.
    private var slots: [XMLItemSlot] = []
    /// Slot indexes of the open elements in `slots`.
    private var open: [Int32] = []
    /// Depth inside the current item (1 = the item element), 0 outside items.
    private var itemDepth = 0
    private var itemLine = 0
    private var itemFields: [RawField] = []
    private var child = ChildMode.none
    private var leafName = ""
    private var leafLine = 0
    /// The UTF-8 text of the current leaf child so far.
    private let leafBytes = XMLTextBuffer()
    /// Depth inside a context subtree, 0 outside one.
    private var contextDepth = 0
    private var recordIndex = 0
    /// The items handed to the sink so far.
    var itemCount: Int { recordIndex }
    private var blockedEntities = 0
    private(set) var dialect: Dialect

    init(document: SourceDocument, sink: RecordSink, dialect: Dialect) {
        self.document = document
        self.sink = sink
        self.progress = sink as? ProgressSink
        self.dialect = dialect
        slots.reserveCapacity(64)
        open.reserveCapacity(16)
    }

    mutating func startElement(name: consuming String, attributes: [XMLStreamAttribute], isEmpty: Bool, line: Int) {
        if contextDepth > 0 {
            appendSlot(name: name, attributes: attributes, line: line, isEmpty: isEmpty)
            if !isEmpty { contextDepth += 1 }
            return
        }
        if itemDepth > 0 {
            startInsideItem(name: name, attributes: attributes, isEmpty: isEmpty, line: line)
            return
        }
        if dialect.isItem(name: name, path: path) {
            itemLine = line
            itemFields.removeAll(keepingCapacity: true)
            dialect.appendItemAttributes(attributes, line: line, to: &itemFields)
            itemDepth = 1
            if isEmpty { finishItem() }
        } else if dialect.isContext(name: name, parent: path.last) {
            slots.removeAll(keepingCapacity: true)
            open.removeAll(keepingCapacity: true)
            slots.append(XMLItemSlot(name: name, attributes: attributes, line: line))
            if isEmpty {
                observeContext()
            } else {
                open.append(0)
                contextDepth = 1
            }
        } else if !isEmpty {
            path.append(name)
        }
    }

    mutating func endElement() {
        if contextDepth > 0 {
            contextDepth -= 1
            open.removeLast()
            if contextDepth == 0 { observeContext() }
        } else if itemDepth > 0 {
            endInsideItem()
        } else if !path.isEmpty {
            path.removeLast()
        }
    }

    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        if case .leaf = child {
            leafBytes.append(utf8)
        } else if let current = open.last, contextDepth > 0 || itemDepth > 1 {
            let text = String(decoding: utf8, as: UTF8.self)
            if slots[Int(current)].rawText.isEmpty {
                slots[Int(current)].rawText = text
            } else {
                slots[Int(current)].rawText += text
            }
        }
    }

    mutating func entityReference(name: String, line: Int) {
        blockedEntities += 1
        if blockedEntities <= 20 {
            sink.report(XMLStreamDiagnostics.entityBlocked(name: name, line: line, file: document.displayPath))
        }
    }

    mutating func documentType(name: String, line: Int) {
        sink.report(XMLStreamDiagnostics.dtdIgnored(name: name, line: line, file: document.displayPath))
    }

    mutating func progress(bytesConsumed: Int) {
        progress?.progress(items: recordIndex, bytesRead: bytesConsumed)
    }

    private mutating func startInsideItem(name: consuming String, attributes: [XMLStreamAttribute], isEmpty: Bool, line: Int) {
        if itemDepth == 1 {
            // A direct child of the item.
            if attributes.isEmpty && !isEmpty && !dialect.needsSubtree(name) {
                child = .leaf
                leafName = name
                leafLine = line
                leafBytes.removeAll()
                itemDepth += 1
                return
            }
            slots.removeAll(keepingCapacity: true)
            open.removeAll(keepingCapacity: true)
            slots.append(XMLItemSlot(name: name, attributes: attributes, line: line))
            child = .subtree
            if isEmpty {
                finishChild()
            } else {
                open.append(0)
                itemDepth += 1
            }
            return
        }
        if case .leaf = child {
            // The "leaf" has structure after all: move it into the arena with the text seen so far.
            slots.removeAll(keepingCapacity: true)
            open.removeAll(keepingCapacity: true)
            var root = XMLItemSlot(name: leafName, attributes: [], line: leafLine)
            root.rawText = leafBytes.string()
            leafBytes.removeAll()
            slots.append(root)
            open.append(0)
            child = .subtree
        }
        appendSlot(name: name, attributes: attributes, line: line, isEmpty: isEmpty)
        if !isEmpty { itemDepth += 1 }
    }

    private mutating func endInsideItem() {
        itemDepth -= 1
        if itemDepth == 0 {
            finishItem()
        } else if itemDepth == 1 {
            finishChild()
        } else {
            open.removeLast()
        }
    }

    /// Appends a slot under the innermost open slot.
    private mutating func appendSlot(name: String, attributes: [XMLStreamAttribute], line: Int, isEmpty: Bool) {
        guard let parent = open.last else { return }
        let index = Int32(slots.count)
        slots.append(XMLItemSlot(name: name, attributes: attributes, line: line))
        let previous = slots[Int(parent)].lastChild
        if previous >= 0 { slots[Int(previous)].nextSibling = index } else { slots[Int(parent)].firstChild = index }
        slots[Int(parent)].lastChild = index
        if !isEmpty { open.append(index) }
    }

    /// Turns the complete direct child into fields.
    private mutating func finishChild() {
        switch child {
        case .none:
            break
        case .leaf:
            if let value = leafBytes.withBytes({ String.trimmedXMLWhitespace(utf8: $0) }) {
                itemFields.append(RawField(label: leafName, value: value, origin: .xmlElement, line: leafLine))
            }
            leafBytes.removeAll()
        case .subtree:
            var fields = itemFields
            itemFields = []
            slots.withUnsafeBufferPointer { dialect.appendFields(of: XMLItemNode(slots: $0, index: 0), to: &fields) }
            itemFields = fields
            slots.removeAll(keepingCapacity: true)
            open.removeAll(keepingCapacity: true)
        }
        child = .none
    }

    private mutating func finishItem() {
        itemDepth = 0
        recordIndex += 1
        let location = SourceLocation(file: document.displayPath, line: itemLine, record: recordIndex)
        var market = dialect.marketHints(for: itemFields)
        // What the format's specification fixes is stated evidence, named in the price's provenance.
        if let currency = market.currency { market.currencyEvidence.append(CurrencyEvidence(.formatSpec, currency: currency, detail: "the \(document.kind.rawValue) feed format")) }
        let hints = document.hints.filling(from: market)
        sink.accept(RawRecord(location: location, kind: document.kind, fields: itemFields, hints: hints))
        itemFields.removeAll(keepingCapacity: true)
    }

    private mutating func observeContext() {
        contextDepth = 0
        slots.withUnsafeBufferPointer { dialect.observe(context: XMLItemNode(slots: $0, index: 0)) }
        slots.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
    }

    mutating func finish(outcome: XMLStreamOutcome) {
        if let declared = outcome.declaredEncoding {
            sink.noteEncoding(TextEncodingInfo(name: TextDecoding.canonicalName(declared) ?? declared, source: "declared"))
        } else {
            sink.noteEncoding(TextEncodingInfo(name: "utf-8", source: "default"))
        }
        for cut in outcome.cutTexts { sink.report(XMLStreamDiagnostics.textCut(cut, file: document.displayPath)) }
        if !outcome.completed, itemDepth > 0 {
            // The fault cut this item off: hand over what was read, marked as incomplete.
            if itemDepth > 1 { finishChild() }
            let line = itemLine
            finishItem()
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

/// A growable byte buffer for the text of one element, reused for the whole feed (no allocation per element).
final class XMLTextBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count > capacity {
            let grown = max(capacity * 2, count + bytes.count)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity = grown
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    func removeAll() { count = 0 }

    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: storage, count: count))
    }

    /// The bytes as a `String` (UTF-8).
    func string() -> String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
