import Foundation
import KatalogCore
import KatalogWriters
import Testing

/// docs/rules.md is generated from the rule catalog, and every code the sources emit is in the catalog.
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
            guard let info = RuleCatalog.info(for: code) else {
                Issue.record("\(code) is emitted but not in RuleCatalog")
                continue
            }
            #expect(severities == [info.defaultSeverity.rawValue], "\(code): emitted as \(severities.sorted()), catalogued as \(info.defaultSeverity.rawValue)")
        }
    }

    /// Codes written as string literals in `Finding(.severity, "code", …)` / `Diagnostic(.severity, "code", …)`:
    /// also the codes no sample triggers (the test above checks the ones a run gives, with their severities).
    @Test func everyEmittedCodeIsInTheCatalog() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"(?:Finding|Diagnostic)\(\.(?:error|warning|info), "([a-z0-9]+\.[a-z0-9.-]+)""#)
        var emitted = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { emitted.insert(String(text[range])) }
            }
        }
        #expect(emitted.count > 30)
        let missing = emitted.filter { !RuleCatalog.contains($0) }.sorted()
        #expect(missing.isEmpty, "Add these codes to RuleCatalog (NormalizerFindingCatalog/ReadFindingCatalog) and regenerate docs/rules.md: \(missing)")
    }
}
