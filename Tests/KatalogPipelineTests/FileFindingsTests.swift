import KatalogCore
import Testing
@testable import KatalogPipeline
import KatalogTestSupport

/// `FileFindings.isFirst` keeps its first few keys in a list before a set: the answers must be a set's throughout.
struct FileFindingsTests {
    @Test func firstNotesAreThoseASetFindsNew() {
        var generator = SeededGenerator()
        let codes: [FindingCode] = [.unitFromLabel, .labelUnmapped, .priceCurrencyAssumed, .fieldOutranked]
        let columns: [String?] = [nil, "", "Svoris (kg)", "Ilgis (cm)", "Aukštis (cm)", "A rather long column label that is not small"]
            + (0..<30).map { "Column \($0)" }
        for round in 0..<50 {
            // Few distinct keys in some rounds (the list alone), many in others (the move to the set and after).
            let width = round % 2 == 0 ? 5 : columns.count
            var findings = FileFindings()
            var reference = Set<[String]>()
            for _ in 0..<400 {
                let code = codes[Int.random(in: 0..<codes.count, using: &generator)]
                let column = columns[Int.random(in: 0..<width, using: &generator)]
                let note = Diagnostic(.info, code, "m", at: SourceLocation(file: "a.csv", record: 1, field: column))
                #expect(findings.isFirst(note) == reference.insert([code.rawValue, column ?? ""]).inserted)
            }
        }
    }
}
