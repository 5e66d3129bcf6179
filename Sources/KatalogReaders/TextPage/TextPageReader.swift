import Foundation
import KatalogCore

/// Reads plain-text exports of shop product pages: one page, one record.
///
/// Layout it understands: a title line, a header of `Label: value` lines and short bare values (the price),
/// description paragraphs, comma-joined attribute lines (`Plan: Roczny, Box length: 14,00, …`), and blocks
/// repeated at every page break (disclaimers, contact lines) or `Page 2 of 3` markers, which it leaves out and
/// reports. It does not interpret values: a bare `58.99€` is handed on as an unlabelled value.
public struct TextPageReader: RecordReader {
    let conventions: TextPageConventions

    public init(conventions: TextPageConventions = .builtIn) {
        self.conventions = conventions
    }

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        let text = try DocumentLoading.text(of: document, into: sink)
        let page = TextPageLayout(text: text, conventions: conventions)
        guard !page.paragraphs.isEmpty else {
            sink.report(Diagnostic(.warning, .textEmpty, "The file holds no text; no record was read.", at: SourceLocation(file: document.displayPath)))
            return
        }
        let location = SourceLocation(file: document.displayPath, line: page.paragraphs[0].line, record: 1)
        for removed in page.removedBlocks {
            sink.report(.boilerplateRemoved(removed, file: document.displayPath))
        }
        // The shop's domain suggests a market, it does not state one: currency evidence, not the source's country.
        var hints = document.hints
        if let country = page.countryFromDomains {
            hints.currencyEvidence.append(CurrencyEvidence(.document, country: country == "UK" ? "GB" : country, detail: "shop domain .\(country.lowercased())"))
        }
        sink.accept(RawRecord(location: location, kind: .textPage, fields: page.fields(), hints: hints))
    }
}

extension Diagnostic {
    static func boilerplateRemoved(_ block: TextPageLayout.RemovedBlock, file: String) -> Diagnostic {
        let preview = block.text.count > 60 ? String(block.text.prefix(57)) + "…" : block.text
        let lines = (block.lines.count == 1 ? "line " : "lines ") + block.lines.map(String.init).joined(separator: ", ")
        let what = block.isPageMarker ? "page marker" : "block repeated at page breaks"
        return Diagnostic(.info, .textBoilerplateRemoved, "Left out a \(what) (\(lines)) from the description: \"\(preview)\".", at: SourceLocation(file: file, line: block.lines.first, record: 1))
    }
}
