import Foundation
import KatalogTestSupport
import Testing
import KatalogCore
import KatalogPipeline

/// A unit named in a spreadsheet header is reported once per file and column, not on every row; on a text page
/// the same label still gives the record its own diagnostic.
struct ColumnNoteTests {
    private func write(_ text: String, name: String) throws -> String {
        let folder = try TestScratch.folder()
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private let csv = """
    Prekės kodas;Pavadinimas;Kaina;Svoris (kg);Ilgis (cm)
    A-1;Kavos aparatas;199,00 EUR;1,1;30
    A-2;Virdulys;29,99 EUR;0,9 kg;25
    A-3;Skrudintuvas;39,99 EUR;1,4;28

    """

    @Test(arguments: [1, 3])
    func spreadsheetUnitsAreReportedOncePerColumn(jobs: Int) throws {
        let path = try write(csv, name: "prekes.csv")
        let collector = SeedRecordTests.Collector()
        let report = try ImportPipeline(jobs: jobs, streamingThreshold: 0).run([path], into: collector)
        let notes = collector.diagnostics.filter { $0.code == .unitFromLabel }
        #expect(notes.map(\.location.field) == ["Svoris (kg)", "Ilgis (cm)"])
        #expect(notes.allSatisfy { $0.location.record == 1 && $0.message.hasPrefix("Column \"") })
        #expect(collector.products.allSatisfy { product in !product.diagnostics.contains { $0.code == .unitFromLabel } })
        #expect(collector.products.map { $0.package.weight?.value } == [1100, 900, 1400].map { Decimal($0) })
        #expect(report.totalDiagnostics.info == collector.diagnostics.filter { $0.severity == .info }.count, "the counts add up")
    }

    @Test(arguments: [1, 3])
    func unmappedLabelsOfAFeedAreReportedOncePerLabel(jobs: Int) throws {
        let text = "sku;title;price;Garantijos sąlygos;Sandėlis\nA-1;Lempa;9,99 EUR;2 m.;Vilnius\nA-2;Stalas;99,00 EUR;;Kaunas\nA-3;Kėdė;49,00 EUR;1 m.;Vilnius\n"
        let path = try write(text, name: "prekes.csv")
        let collector = SeedRecordTests.Collector()
        let report = try ImportPipeline(jobs: jobs, streamingThreshold: 0).run([path], into: collector)
        let unmapped = collector.diagnostics.filter { $0.code == .labelUnmapped }
        #expect(unmapped.map(\.location.field) == ["Garantijos sąlygos", "Sandėlis"])
        #expect(unmapped.allSatisfy { $0.location.record == 1 })
        // Every record still keeps the values as unmapped attributes, and the report still counts every one.
        #expect(collector.products.map { $0.attributes.filter { !$0.isMapped }.count } == [2, 1, 2])
        #expect(report.unmappedLabels == ["Garantijos sąlygos": 2, "Sandėlis": 3])
        #expect(report.totalDiagnostics.info == collector.diagnostics.filter { $0.severity == .info }.count, "the counts add up")
    }

    @Test func aTextPageKeepsItsOwnDiagnostic() throws {
        let path = try write("Kavos aparatas\n\nKaina: 199,00 €\nSvoris (kg): 1,1\n", name: "puslapis.txt")
        let collector = SeedRecordTests.Collector()
        _ = try ImportPipeline(jobs: 1).run([path], into: collector)
        let product = try #require(collector.products.first)
        #expect(product.diagnostics.map(\.code).contains(.unitFromLabel))
    }

    @Test func thePolicyAppliesToColumnNotes() throws {
        let path = try write(csv, name: "prekes.csv")
        var policy = FindingPolicy()
        policy.disabled = [.unitFromLabel]
        let collector = SeedRecordTests.Collector()
        _ = try ImportPipeline(validator: RecordValidator(policy: policy), jobs: 1).run([path], into: collector)
        #expect(!collector.diagnostics.contains { $0.code == .unitFromLabel })
    }
}
