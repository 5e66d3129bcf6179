import Foundation
import Testing
import KatalogCore
import KatalogReaders
@testable import KatalogPipeline

/// A batch is mapped stage by stage (every record's fields read, then every record enriched, validated, prepared);
/// a small file record by record. Both must give the same events, in the same order, for every kind of record.
struct StagedBatchMapTests {
    /// The sample feeds, the platform exports and the broken CSVs: records that are imported, rejected, carry
    /// diagnostics and column notes, and files that report diagnostics between records.
    static let samples = [
        "Samples/feeds", "Samples/feeds/platforms", "Samples/invalid/csv", "Samples/service-plans",
    ]

    /// Every record and file diagnostic of the readable files of `folders`, as a batch's entries, with each
    /// record's file evidence gathered in order by one normalizer per file, as the reading thread does.
    static func entries(in folders: [String]) throws -> [(file: String, entries: [BatchingSink<Product, Diagnostic>.Entry])] {
        var files: [(String, [BatchingSink<Product, Diagnostic>.Entry])] = []
        for folder in folders {
            let root = TestSupport.packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
                let path = root.appendingPathComponent(name).path
                guard let kind = try? InputSniffer().sniff(path: path), let reader = FeedReaders.reader(for: kind) else { continue }
                let sink = CollectingSink()
                try reader.read(SourceDocument(fileURL: path, displayPath: name, kind: kind, hints: SourceHints()), into: sink)
                let observer = ProductNormalizer()
                var entries: [BatchingSink<Product, Diagnostic>.Entry] = sink.diagnostics.map { .diagnostic($0) }
                for record in sink.records { entries.append(.record(record, observer.observe(record))) }
                files.append((name, entries))
            }
        }
        return files
    }

    @Test func stagedBatchGivesTheEventsOfTheRecordByRecordMap() throws {
        let map = RecordMap<Product, Diagnostic>(
            enrichments: [], validator: RecordValidator(),
            preparation: RecordPreparation(record: { $0 }, diagnostic: { $0 })
        )
        var records = 0, rejected = 0, diagnostics = 0
        for (file, entries) in try Self.entries(in: Self.samples) {
            let staged = map.events(of: entries, normalizer: ProductNormalizer())
            let single = ProductNormalizer()
            let expected: [ProcessingEvent<Product, Diagnostic>] = entries.map { entry in
                switch entry {
                case .record(let record, let observed): map(record, observed: observed, normalizer: single)
                case .diagnostic(let diagnostic): .fileDiagnostic(diagnostic)
                }
            }
            try #require(staged.count == expected.count, "\(file): \(staged.count) events, expected \(expected.count)")
            for (index, (got, want)) in zip(staged, expected).enumerated() {
                switch (got, want) {
                case (.fileDiagnostic(let a), .fileDiagnostic(let b)):
                    #expect(a == b, "\(file), event \(index)")
                case (.record(let a), .record(let b)):
                    switch (a.outcome, b.outcome) {
                    case (.imported(let x), .imported(let y)):
                        #expect(x == y, "\(file), event \(index): imported records differ")
                        #expect(a.prepared?.record == x && b.prepared?.record == y, "\(file), event \(index): the prepared record is the record")
                        #expect(a.prepared?.diagnostics == x.diagnostics, "\(file), event \(index)")
                        records += 1
                        diagnostics += x.diagnostics.count
                    case (.rejected(let x), .rejected(let y)):
                        #expect(x == y, "\(file), event \(index): rejected records differ")
                        #expect(a.prepared == nil)
                        rejected += 1
                    default:
                        Issue.record("\(file), event \(index): one map imported the record, the other rejected it")
                    }
                default:
                    Issue.record("\(file), event \(index): a record in one map, a file diagnostic in the other")
                }
            }
        }
        // The samples hold every kind of event this compares.
        #expect(records > 50 && rejected > 0 && diagnostics > 0, "imported \(records), rejected \(rejected), diagnostics \(diagnostics)")
    }
}
