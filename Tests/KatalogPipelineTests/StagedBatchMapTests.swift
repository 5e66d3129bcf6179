import Foundation
import Testing
import KatalogCore
import KatalogReaders
@testable import KatalogPipeline

/// Records are mapped a batch at a time and stage by stage (every record's fields read, then every record enriched,
/// validated, prepared), with the file evidence gathered in order before. That must give, event for event, what
/// one normalizer gives reading the file's records one by one in order: the reference below.
struct StagedBatchMapTests {
    /// The sample feeds, the platform exports and the broken CSVs: records that are imported, rejected, carry
    /// diagnostics and column notes, and files that report diagnostics between records.
    static let samples = ["Samples/feeds", "Samples/feeds/platforms", "Samples/invalid/csv", "Samples/service-plans"]

    typealias Event = ProcessingEvent<Product, Diagnostic>

    /// A record or a file diagnostic, in the order the reader gave them.
    enum Item {
        case record(RawRecord)
        case diagnostic(Diagnostic)
    }

    /// Keeps what a reader gives, in order.
    final class OrderedSink: RecordSink {
        var items: [Item] = []
        func accept(_ record: consuming RawRecord) { items.append(.record(record)) }
        func report(_ diagnostic: Diagnostic) { items.append(.diagnostic(diagnostic)) }
    }

    static let map = RecordMap<Product, Diagnostic>(
        enrichments: [], validator: RecordValidator(), preparation: RecordPreparation(record: { $0 }, diagnostic: { $0 })
    )

    /// The readable sample files, each with its reader and document.
    static func files() throws -> [(name: String, reader: any RecordReader, document: SourceDocument)] {
        var files: [(String, any RecordReader, SourceDocument)] = []
        for folder in samples {
            let root = TestSupport.packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
                let path = root.appendingPathComponent(name).path
                guard let kind = try? InputSniffer().sniff(path: path), let reader = FeedReaders.reader(for: kind) else { continue }
                files.append((name, reader, SourceDocument(fileURL: path, displayPath: name, kind: kind, hints: SourceHints())))
            }
        }
        return files
    }

    /// The reference: each record normalized in order by one normalizer that gathers the file's evidence itself,
    /// then validated and prepared, before the next.
    static func recordByRecord(_ items: [Item]) -> [Event] {
        let normalizer = ProductNormalizer()
        return items.map { item in
            switch item {
            case .diagnostic(let diagnostic): return .fileDiagnostic(diagnostic)
            case .record(let record):
                var product = normalizer.normalize(record, observed: nil)
                let reasons = map.validator.validate(&product, record: record)
                guard reasons.isEmpty else {
                    return .record(.rejected(RejectedRecord(record: record, product: product, reasons: reasons)), prepared: nil, stored: nil)
                }
                return .record(.imported(product), prepared: map.preparation?.prepare(product), stored: nil)
            }
        }
    }

    /// Compares two event lists; returns the counts of imported, rejected records and their diagnostics.
    static func compare(_ got: [Event], _ want: [Event], file: String) throws -> (imported: Int, rejected: Int, diagnostics: Int) {
        try #require(got.count == want.count, "\(file): \(got.count) events, expected \(want.count)")
        var counts = (imported: 0, rejected: 0, diagnostics: 0)
        for (index, (a, b)) in zip(got, want).enumerated() {
            switch (a, b) {
            case (.fileDiagnostic(let x), .fileDiagnostic(let y)):
                #expect(x == y, "\(file), event \(index)")
            case (.record(let a), .record(let b)):
                switch (a.outcome, b.outcome) {
                case (.imported(let x), .imported(let y)):
                    #expect(x == y, "\(file), event \(index): imported records differ")
                    #expect(a.prepared?.record == x && b.prepared?.record == y, "\(file), event \(index): the prepared record")
                    #expect(a.prepared?.diagnostics == x.diagnostics, "\(file), event \(index): the prepared diagnostics")
                    counts.imported += 1
                    counts.diagnostics += x.diagnostics.count
                case (.rejected(let x), .rejected(let y)):
                    #expect(x == y, "\(file), event \(index): rejected records differ")
                    #expect(a.prepared == nil, "\(file), event \(index): a rejected record is not prepared")
                    counts.rejected += 1
                default:
                    Issue.record("\(file), event \(index): one map imported the record, the other rejected it")
                }
            default:
                Issue.record("\(file), event \(index): a record in one list, a file diagnostic in the other")
            }
        }
        return counts
    }

    /// The large-file path: evidence gathered on the reading side, batches mapped by another normalizer.
    @Test func batchesMappedElsewhereGiveTheRecordByRecordEvents() throws {
        var total = (imported: 0, rejected: 0, diagnostics: 0)
        for (name, reader, document) in try Self.files() {
            let sink = OrderedSink()
            try reader.read(document, into: sink)
            let observer = ProductNormalizer()
            var batch = RecordBatch()
            for item in sink.items {
                switch item {
                case .record(let record): batch.append(record, observer.observe(record))
                case .diagnostic(let diagnostic): batch.diagnostics.append(.init(recordsBefore: batch.records.count, diagnostic: diagnostic))
                }
            }
            let counts = try Self.compare(Self.map.events(of: batch, normalizer: ProductNormalizer()), Self.recordByRecord(sink.items), file: name)
            total = (total.imported + counts.imported, total.rejected + counts.rejected, total.diagnostics + counts.diagnostics)
        }
        // The samples hold every kind of event compared.
        #expect(total.imported > 50 && total.rejected > 0 && total.diagnostics > 0, "\(total)")
    }

    /// A batch keeps its records and its diagnostics apart; the events put each diagnostic back where the reader
    /// gave it: before the first record, between two, several at one place, after the last.
    @Test func aBatchsDiagnosticsComeBackInTheirPlacesAmongItsRecords() {
        let observer = ProductNormalizer()
        func record(_ line: Int) -> RawRecord {
            RawRecord(location: SourceLocation(file: "order.csv", line: line, record: line - 1), kind: .csv,
                      fields: [RawField(label: "Pavadinimas", value: "Prekė \(line)", origin: .csvColumn, line: line),
                               RawField(label: "Kaina", value: "1\(line),00 EUR", origin: .csvColumn, line: line)])
        }
        func note(_ name: String) -> Diagnostic { Diagnostic(.warning, .csvFieldTooLong, name, at: SourceLocation(file: "order.csv")) }
        var batch = RecordBatch()
        var want: [String] = []
        for step in ["note a", "record 2", "record 3", "note b", "note c", "record 4", "note d"] {
            if step.hasPrefix("note") {
                batch.diagnostics.append(.init(recordsBefore: batch.records.count, diagnostic: note(step)))
            } else {
                let raw = record(Int(step.dropFirst(7))!)
                batch.append(raw, observer.observe(raw))
            }
            want.append(step)
        }
        let got = Self.map.events(of: batch, normalizer: ProductNormalizer()).map { event in
            switch event {
            case .fileDiagnostic(let diagnostic): diagnostic.message
            case .record(let processed): "record \(processed.product.source.line ?? 0)"
            }
        }
        #expect(got == want)
    }

    /// A small file's events, as its worker makes them: one normalizer observes and maps, 128 records at a time.
    static func wholeFile(_ reader: any RecordReader, _ document: SourceDocument) throws -> [Event] {
        try map.eventsOfWholeFile(normalizer: ProductNormalizer(), policy: FindingPolicy()) { try reader.read(document, into: $0) }.1
    }

    /// The small-file path: the worker observes and maps with one normalizer, 128 records at a time.
    @Test func wholeFileGivesTheRecordByRecordEvents() throws {
        for (name, reader, document) in try Self.files() {
            let sink = OrderedSink()
            try reader.read(document, into: sink)
            _ = try Self.compare(Self.wholeFile(reader, document), Self.recordByRecord(sink.items), file: name)
        }
    }

    /// A file of more records than a batch holds, so the evidence crosses batches: prices whose decimal mark only
    /// the file's earlier rows decide (`3.350` after rows with a decimal comma).
    @Test func evidenceCarriesAcrossBatches() throws {
        var rows = ["Prekės kodas;Pavadinimas;Kaina;Valiuta"]
        for index in 1...300 { rows.append("SKU-\(index);Prekė \(index);\(index % 3 == 0 ? "3.350" : "\(index),50");EUR") }
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("prekes.csv")
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: path)
        let kind = try InputSniffer().sniff(path: path.path)
        let reader = try #require(FeedReaders.reader(for: kind))
        let document = SourceDocument(fileURL: path.path, displayPath: "prekes.csv", kind: kind, hints: SourceHints())
        let sink = OrderedSink()
        try reader.read(document, into: sink)
        let events = try Self.wholeFile(reader, document)
        let counts = try Self.compare(events, Self.recordByRecord(sink.items), file: "prekes.csv")
        #expect(counts.imported == 300)
        // The 300th row's `3.350` is read by the decimal comma of the rows two batches before it: three thousand
        // three hundred and fifty, resolved by the file's evidence. Alone, the same row is ambiguous.
        guard case .record(let last) = events.last, case .imported(let product) = last.outcome else {
            Issue.record("the last row was not imported")
            return
        }
        #expect(product.price?.money.amount == 3350)
        let codes = product.diagnostics.map(\.code.rawValue)
        #expect(codes.contains("price.decimal-resolved") && !codes.contains("price.ambiguous-decimal"), "\(codes)")
    }
}
