import Foundation
import KatalogCore

/// Turns the parser's nodes into the items of one streamed feed (`XMLFeedEngine` drives it): it keeps the path of
/// open elements and the item being built, and hands each finished item to the sink as a `RawRecord`.
///
/// It receives the parser's nodes directly (`XMLStreamConsumer`): the text of a plain leaf child is gathered
/// as bytes and becomes one `String`, the field's value, when the child ends.
struct XMLFeedItemAssembler<Dialect: XMLFeedDialect>: XMLStreamConsumer {
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
    /// Where the current parse resumed after a fault (nil for the first parse); its lines map to the file's.
    private var resumption: XMLResumePoint?
    /// The element name of the items read so far (the first item's), which a restart looks for.
    private var itemName: String?
    /// Item start tags seen by the current parse.
    private var itemsStarted = 0
    private var encodingNoted = false
    private var reportedLoads: Set<String> = []

    init(document: SourceDocument, sink: RecordSink, dialect: Dialect) {
        self.document = document
        self.sink = sink
        self.progress = sink as? ProgressSink
        self.dialect = dialect
        slots.reserveCapacity(64)
        open.reserveCapacity(16)
    }

    mutating func startElement(name: consuming String, attributes: [XMLStreamAttribute], isEmpty: Bool, line parsedLine: Int) {
        let line = resumption?.fileLine(parsedLine) ?? parsedLine
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
            itemsStarted += 1
            if itemName == nil { itemName = copy name }
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

    mutating func entityReference(name: String, line parsedLine: Int) {
        let line = resumption?.fileLine(parsedLine) ?? parsedLine
        // A restart parses the prolog again: what is in it was reported by the first parse.
        if let resumption, line < resumption.line { return }
        blockedEntities += 1
        if blockedEntities <= 20 {
            sink.report(XMLStreamDiagnostics.entityBlocked(name: name, line: line, file: document.displayPath))
        }
    }

    mutating func documentType(name: String, line parsedLine: Int) {
        let line = resumption?.fileLine(parsedLine) ?? parsedLine
        if let resumption, line < resumption.line { return }
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

    /// Where to read on after `outcome` stopped the current parse: the item after the items it started, past the
    /// fault; nil when it completed, stopped on an entity bomb, no item was read yet, or there is no later item.
    func resumePoint(after outcome: XMLStreamOutcome, restarts: Int) -> XMLResumePoint? {
        guard !outcome.completed, restarts < XMLFeedResync.maximumRestarts, let itemName else { return nil }
        let fatal = outcome.problems.first { $0.level == .fatal }
        if let fatal, fatal.isEntityBomb { return nil }
        let start = resumption?.offset ?? 0
        let faultLine = fatal?.line ?? outcome.stoppedAtLine ?? 1
        let faultLineStart = XMLFeedResync.offset(ofLine: resumption?.fileLine(faultLine) ?? faultLine, in: document.fileURL)
        guard let point = XMLFeedResync.resumePoint(in: document.fileURL, itemName: itemName, from: start, skippingItems: itemsStarted, after: max(start, faultLineStart - 1)),
              point.prolog.count * (restarts + 1) <= XMLFeedResync.maximumPrologBytesRead
        else { return nil }
        return point
    }

    /// Ends the current parse at its fault (reported as `xml.resynchronized`, the item it cut off handed over) and
    /// prepares for the parse that resumes at `point`.
    mutating func restart(at point: XMLResumePoint, after outcome: XMLStreamOutcome) {
        finish(outcome: outcome, resumingAt: point)
        path.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        itemDepth = 0
        contextDepth = 0
        child = .none
        leafBytes.removeAll()
        itemFields.removeAll(keepingCapacity: true)
        itemsStarted = 0
        resumption = point
    }

    /// `outcome` with the file's lines (a resumed parse counts the prolog's lines first), without what the
    /// prolog's second reading repeats.
    private func inFileLines(_ outcome: XMLStreamOutcome) -> XMLStreamOutcome {
        guard let resumption else { return outcome }
        var mapped = outcome
        mapped.stoppedAtLine = outcome.stoppedAtLine.map(resumption.fileLine)
        mapped.problems = outcome.problems.compactMap { problem in
            var problem = problem
            problem.line = problem.line.map(resumption.fileLine)
            return (problem.line ?? resumption.line) < resumption.line ? nil : problem
        }
        return mapped
    }

    mutating func finish(outcome parsed: XMLStreamOutcome, resumingAt point: XMLResumePoint? = nil) {
        var outcome = inFileLines(parsed)
        outcome.refusedExternalLoads.removeAll { !reportedLoads.insert($0).inserted }
        if !encodingNoted {
            encodingNoted = true
            if let declared = outcome.declaredEncoding {
                sink.noteEncoding(TextEncodingInfo(name: TextDecoding.canonicalName(declared) ?? declared, source: "declared"))
            } else {
                sink.noteEncoding(TextEncodingInfo(name: "utf-8", source: "default"))
            }
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
        if let point {
            // The fault is reported as the restart it caused, not as the end of reading; libxml2 raises some
            // stops (a huge text node) as errors, not fatal errors.
            let fatal = outcome.problems.first { $0.level == .fatal } ?? outcome.problems.last { $0.level == .error }
            var reported = outcome
            reported.completed = true
            for diagnostic in XMLStreamDiagnostics.diagnostics(for: reported, file: document.displayPath) { sink.report(diagnostic) }
            sink.report(XMLStreamDiagnostics.resynchronized(
                fatal, line: fatal?.line ?? outcome.stoppedAtLine, resumedAt: point.line, item: itemName ?? "item", file: document.displayPath))
            return
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
