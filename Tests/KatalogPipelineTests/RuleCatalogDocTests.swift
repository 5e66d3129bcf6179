import Foundation
import KatalogCore
import KatalogWriters
import Testing

/// docs/rules.md is generated from the rule catalog; the catalog documents exactly the declared finding codes, and
/// the sources name codes only through those declarations.
struct RuleCatalogDocTests {
    @Test func rulesDocumentIsCurrent() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("docs/rules.md")
        let generated = RulesMarkdown.render()
        let committed = try? String(contentsOf: url, encoding: .utf8)
        guard committed != generated else { return }
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(generated.utf8).write(to: url)
            Issue.record("Rewrote docs/rules.md; review it and run again without RECORD_GOLDEN.")
        } else {
            Issue.record("docs/rules.md is stale. Regenerate it: swift run katalog rules --markdown > docs/rules.md")
        }
    }

    /// What a run really emits, however the code was built: every finding in `Output/` (the Samples import, kept
    /// byte-identical by `GoldenTests`) has a catalogued code and the catalogue's severity (the Samples run uses no
    /// configuration, so no policy changes severities).
    @Test func everyCodeTheSamplesGiveIsCataloguedAtItsSeverity() throws {
        let output = TestSupport.packageRoot.appendingPathComponent("Output")
        var found: [String: Set<String>] = [:]
        func collect(_ diagnostics: Any?) {
            for case let diagnostic as [String: Any] in diagnostics as? [Any] ?? [] {
                if let code = diagnostic["code"] as? String, let severity = diagnostic["severity"] as? String { found[code, default: []].insert(severity) }
            }
        }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report.json"))) as? [String: Any]
        collect(report?["diagnostics"])
        for name in ["catalog.jsonl", "rejects.jsonl"] {
            for line in try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
                collect((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["diagnostics"])
            }
        }
        #expect(found.count > 40, "the Samples should exercise many codes; found \(found.count)")
        for (code, severities) in found.sorted(by: { $0.key < $1.key }) {
            guard let info = RuleCatalog.info(for: FindingCode(code)) else {
                Issue.record("\(code) is emitted but not in RuleCatalog")
                continue
            }
            #expect(severities == [info.defaultSeverity.rawValue], "\(code): emitted as \(severities.sorted()), catalogued as \(info.defaultSeverity.rawValue)")
        }
    }

    /// Every static member of `FindingCode` is in `allDeclared` (read from the declarations file), and the catalog
    /// documents each declared code exactly once and nothing else.
    @Test func everyDeclaredCodeIsCataloguedOnce() throws {
        let text = try String(contentsOf: Self.declarations, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"static let (\w+) = FindingCode\("([^"]+)"\)"#)
        let members = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 2), in: text).map { FindingCode(String(text[$0])) }
        }
        #expect(members.count > 100)
        #expect(members == FindingCode.allDeclared, "allDeclared must list every member of FindingCodes.swift, in order")
        #expect(Set(members).count == members.count, "a code is declared twice")

        let catalogued = RuleCatalog.all.map(\.code)
        let twice = Dictionary(grouping: catalogued) { $0 }.filter { $0.value.count > 1 }.keys.sorted()
        #expect(twice.isEmpty, "catalogued more than once: \(twice)")
        let declared = Set(FindingCode.allDeclared)
        let undocumented = declared.subtracting(catalogued).sorted()
        #expect(undocumented.isEmpty, "Add these codes to RuleCatalog (a *FindingCatalog or a rule) and regenerate docs/rules.md: \(undocumented)")
        let undeclared = Set(catalogued).subtracting(declared).sorted()
        #expect(undeclared.isEmpty, "Declare these codes in FindingCodes.swift: \(undeclared)")
    }

    /// Outside the declarations no source file spells a code: no `FindingCode("…")` and no string literal equal to a
    /// catalogued code, so every code a source uses is checked by the compiler.
    @Test func sourcesNameCodesOnlyThroughTheirMembers() throws {
        let codes = Set(RuleCatalog.all.map(\.code.rawValue))
        let literal = try NSRegularExpression(pattern: #""([a-z0-9]+\.[a-z0-9.-]+)""#)
        var spelt: [String] = []
        let files = FileManager.default.enumerator(at: TestSupport.packageRoot.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", file.standardizedFileURL != Self.declarations.standardizedFileURL,
                  let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            if text.contains("FindingCode(\"") { spelt.append("\(file.lastPathComponent): FindingCode(\"…\")") }
            for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text), codes.contains(String(text[range])) {
                    spelt.append("\(file.lastPathComponent): \"\(text[range])\"")
                }
            }
        }
        #expect(spelt.isEmpty, "Name these codes by their FindingCode members (FindingCodes.swift): \(spelt)")
    }

    private static var declarations: URL {
        TestSupport.packageRoot.appendingPathComponent("Sources/KatalogCore/Diagnostics/FindingCodes.swift")
    }
}
