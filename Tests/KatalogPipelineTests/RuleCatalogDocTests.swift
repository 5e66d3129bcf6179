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

    /// Codes written as string literals in `Finding(.severity, "code", …)` / `Diagnostic(.severity, "code", …)`.
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
