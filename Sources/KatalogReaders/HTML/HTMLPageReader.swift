import Foundation
import KatalogCore

/// Reads an HTML product page: schema.org JSON-LD, Microdata and RDFa Lite, OpenGraph product tags,
/// specification tables and lists, and the visible title, price and description. See docs/html.md.
///
/// One page gives one record per product (one per variant of a `ProductGroup`). Nothing is normalized: labels
/// and values are as found, with their origin and line. Bad input never stops reading: undecodable bytes become
/// U+FFFD (`encoding.invalid-bytes`), broken markup is recovered by libxml2 (`html.recovered`, with lines),
/// broken JSON-LD is repaired or skipped block by block (`jsonld.repaired`, `jsonld.invalid`), pages larger than
/// `maxBytes` are cut (`html.truncated`) and markup nested deeper than `maxDepth` is flattened (`html.too-deep`).
/// Parsing never uses the network or the file system beyond the page itself.
public struct HTMLPageReader: RecordReader {
    /// Pages are cut at this size (far above any real product page).
    public var maxBytes: Int
    /// Elements nested deeper are flattened into their ancestor.
    public var maxDepth: Int

    /// Attributes the page reader needs besides the wrapper's: Microdata `itemref`.
    static let pageAttributes: Set<String> = ["itemref"]

    /// libxml2's XML_HTML_UNKNOWN_TAG.
    static let unknownTagCode = 801

    /// Tables for copying pages (compiled once per reader).
    private let treeOptions: HTMLTreeOptions
    /// The title, price and description finders over the reader's conventions.
    private let finders: HTMLPageFinders

    /// `conventions`: the names and weights that mark a page's own title, price and description.
    public init(maxBytes: Int = 32 << 20, maxDepth: Int = 256, conventions: HTMLPageConventions = .builtIn) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        finders = HTMLPageFinders(conventions)
        treeOptions = HTMLTreeOptions(attributes: HTMLDocument.readerAttributes.union(Self.pageAttributes), boilerplate: PageChrome.rules, maxDepth: maxDepth)
    }

    /// Reads the page at `document.fileURL`. Throws `InputUnreadable` only when the file cannot be read.
    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: document.fileURL), options: .mappedIfSafe)
        } catch {
            throw InputUnreadable(path: document.displayPath, reason: error.localizedDescription)
        }
        read(data, of: document, into: sink)
    }

    /// Reads a page already in memory (`data` as served, any supported encoding). Never throws.
    public func read(_ data: Data, of document: SourceDocument, into sink: RecordSink) {
        let location = SourceLocation(file: document.displayPath)
        let diagnostics = DiagnosticBag()
        var bytes = data
        if bytes.count > maxBytes {
            diagnostics.append(.htmlTruncated(size: bytes.count, limit: maxBytes, at: location))
            bytes = bytes.prefix(maxBytes)
        }

        let source = HTMLEncoding.utf8Text(from: bytes)
        if source.invalidSequences > 0 {
            diagnostics.append(.invalidBytes(count: source.invalidSequences, encoding: source.encoding.name, at: location.with(field: nil, line: source.firstInvalidLine)))
        }
        if let unsupported = source.unsupportedDeclaration {
            diagnostics.append(.unsupportedCharset(unsupported, used: source.encoding.name, at: location))
        }
        sink.noteEncoding(source.encoding)

        let html = HTMLDocument(utf8: source.utf8, options: treeOptions)
        // HTML5 elements unknown to libxml2 (`Tag nav invalid`) are not damage: they are parsed fine.
        for message in html.messages where message.code != Self.unknownTagCode {
            diagnostics.append(.htmlRecovered(message, at: location.with(field: nil, line: message.line)))
        }
        if html.droppedMessageCount > 0 {
            diagnostics.append(.htmlMoreMessages(html.droppedMessageCount, at: location))
        }
        if html.flattenedCount > 0 {
            diagnostics.append(.htmlTooDeep(flattened: html.flattenedCount, limit: maxDepth, at: location))
        }

        let records = extractRecords(from: html.tree, document: document, location: location, diagnostics: diagnostics)
        for diagnostic in diagnostics.diagnostics { sink.report(diagnostic) }
        for record in records { sink.accept(record) }
    }

    private func extractRecords(from tree: MarkupTree, document: SourceDocument, location: SourceLocation, diagnostics: DiagnosticBag) -> [RawRecord] {
        guard !tree.isEmpty else {
            diagnostics.append(.noProduct("the page is empty", at: location))
            return []
        }
        let chrome = PageChrome.mask(tree)
        var page = HTMLRecordAssembler.PageFields()
        page.jsonLD = JSONLDExtractor().products(in: tree, location: location, diagnostics: diagnostics)
        page.microdata = MarkupItemExtractor(syntax: .microdata, origin: .microdata).products(in: tree)
        page.rdfa = MarkupItemExtractor(syntax: .rdfaLite, origin: .rdfa).products(in: tree)
        page.openGraphType = OpenGraphExtractor().type(in: tree)
        page.openGraph = OpenGraphExtractor().fields(in: tree)
        page.specifications = SpecTableExtractor().fields(in: tree, chrome: chrome)
        if let title = finders.title.title(in: tree, chrome: chrome) {
            page.title = RawField(role: .title, label: nil, value: title.text, origin: .visibleText, line: title.line > 0 ? title.line : nil)
        }
        if let price = finders.price.price(in: tree, chrome: chrome) {
            page.price = RawField(role: .labelled, label: "price", value: price.text, origin: .visibleText, line: price.line > 0 ? price.line : nil)
        }
        page.description = finders.description.paragraphs(in: tree, chrome: chrome).map { paragraph in
            RawField(role: .description, label: nil, value: paragraph.text, origin: .visibleText, line: paragraph.line > 0 ? paragraph.line : nil)
        }
        var hints = PageHints.hints(in: tree)
        hints.currencyEvidence += Self.priceCurrencyEvidence(page)
        hints = hints.filling(from: document.hints)
        return HTMLRecordAssembler().records(from: page, location: location, hints: hints, diagnostics: diagnostics)
    }
}

extension HTMLPageReader {
    /// Every currency the page's structured data and OpenGraph tags name, as `document` evidence: when the
    /// price is read from visible text (or from an offer without a currency), the shop's other offers tell
    /// its currency.
    static func priceCurrencyEvidence(_ page: HTMLRecordAssembler.PageFields) -> [CurrencyEvidence] {
        var named: [(code: String, detail: String)] = []
        for (finding, syntax) in [(page.jsonLD, "JSON-LD"), (page.microdata, "Microdata"), (page.rdfa, "RDFa")] {
            for code in finding.priceCurrencies { named.append((code, "priceCurrency \(code) in the page's \(syntax)")) }
        }
        for field in page.openGraph where MarkupText.asciiLowercased(field.label ?? "").hasSuffix("price:currency") {
            let code = MarkupText.trimmed(field.value).uppercased()
            if code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) { named.append((code, "\(field.label ?? "") \(code)")) }
        }
        var seen = Set<String>()
        return named.filter { seen.insert($0.code).inserted }.map { CurrencyEvidence(.document, currency: $0.code, detail: $0.detail) }
    }
}

extension Diagnostic {
    /// libxml2 recovered from broken markup (unclosed or stray tags, bad entities); reading went on.
    static func htmlRecovered(_ message: ParserMessage, at location: SourceLocation) -> Diagnostic {
        let severity: Severity = message.level == .fatal ? .warning : .info
        return Diagnostic(severity, .htmlRecovered, "HTML parser recovered from: \(PageTextQuote.quote(message.text))", at: location)
    }

    static func htmlMoreMessages(_ count: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.info, .htmlRecovered, "\(count) more HTML parser messages were not listed.", at: location)
    }

    static func htmlTruncated(size: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .htmlTruncated, "Page is \(size) bytes; only the first \(limit) bytes were read.", at: location)
    }

    static func htmlTooDeep(flattened: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .htmlTooDeep, "\(flattened) elements nested deeper than \(limit) levels were flattened; their text was kept.", at: location)
    }

    /// Some bytes were not valid in the page's encoding and became U+FFFD.
    static func invalidBytes(count: Int, encoding: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .encodingInvalidBytes, "\(count) byte sequence(s) are not valid \(encoding) and were replaced by U+FFFD.", at: location)
    }

    static func unsupportedCharset(_ declared: String, used: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .encodingUnsupported, "Page declares charset '\(PageTextQuote.quote(declared))', which Katalog cannot decode; it was read as \(used).", at: location)
    }
}
