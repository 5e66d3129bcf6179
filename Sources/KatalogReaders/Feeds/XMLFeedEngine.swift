import Foundation
import KatalogCore

/// Streams an XML feed through `XMLStreamReader` and turns each item element into one `RawRecord`, as the
/// dialect describes. Shared by every XML feed reader.
///
/// Bad input: malformed or truncated XML stops the parse; every item completed before it has already been
/// handed to the sink and an item cut off by the fault is handed over too (with `xml.item-incomplete`). Reading
/// then starts again at the next item's start tag (`XMLFeedResync`), after the file's prolog, and the later items
/// are read as usual (`xml.resynchronized` says what was skipped); when there is no later item (a truncated
/// file) or the fault is an entity bomb, a file-level `xml.malformed` / `xml.truncated` / `xml.entity-bomb`
/// diagnostic says where reading stopped. Declared entities are never expanded (`xml.entity-blocked`); DTDs are
/// never loaded.
struct XMLFeedEngine<Dialect: XMLFeedDialect> {
    var dialect: Dialect
    /// The items read by the last `read` (records handed to the sink).
    private(set) var itemCount = 0
    init(dialect: Dialect) { self.dialect = dialect }

    mutating func read(_ document: SourceDocument, into sink: RecordSink) throws {
        guard FileManager.default.isReadableFile(atPath: document.fileURL) else {
            throw InputUnreadable(path: document.displayPath, reason: "file missing or not readable")
        }
        var assembler = XMLFeedItemAssembler(document: document, sink: sink, dialect: dialect)
        guard var outcome = XMLStreamReader.read(file: document.fileURL, into: &assembler) else {
            self.dialect = assembler.dialect
            throw InputUnreadable(path: document.displayPath, reason: "libxml2 could not open the file")
        }
        // After a fault, read on from the next item for as long as there is one (each restart moves forward).
        var restarts = 0
        while let next = assembler.resumePoint(after: outcome, restarts: restarts) {
            assembler.restart(at: next, after: outcome)
            restarts += 1
            guard let resumed = XMLStreamReader.read(file: document.fileURL, resumingAt: next, into: &assembler) else {
                outcome = XMLStreamOutcome(completed: false, stoppedAtLine: next.line, problems: [], droppedProblems: 0, refusedExternalLoads: [])
                break
            }
            outcome = resumed
        }
        self.dialect = assembler.dialect
        assembler.finish(outcome: outcome)
        itemCount = assembler.itemCount
        if itemCount == 0, let item = dialect.requiredItemName {
            sink.report(FeedDiagnostics.noItems(file: document.displayPath, itemName: item))
        }
    }
}
