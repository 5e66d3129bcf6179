import Foundation
import KatalogCore

/// Reads markup sniffed as XML with an XML reader, and reads it again as an HTML page when the XML parse failed
/// (`xml.malformed`) before any record: HTML that does not look like HTML at its start (a fragment, a page
/// behind a long comment) is still read, never dropped. The XML reader's findings are then replaced by one
/// `html.read-as-html` info; when the XML reader found records, everything it said is kept as it was.
///
/// Records stream through as the XML reader finds them; only its file-level findings wait for the end.
public struct MarkupFallbackReader: RecordReader {
    public var xml: any RecordReader
    public var html: HTMLPageReader

    public init(xml: any RecordReader, html: HTMLPageReader = HTMLPageReader()) {
        self.xml = xml
        self.html = html
    }

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        let buffer = FallbackSink(forwardingTo: sink)
        try xml.read(document, into: buffer)
        let xmlFailed = buffer.diagnostics.contains { $0.code == .xmlMalformed }
        guard buffer.recordCount == 0, xmlFailed else {
            buffer.flush()
            return
        }
        let reason = buffer.diagnostics.first { $0.code == .xmlMalformed }.map(\.message) ?? ""
        sink.report(.readAsHTML(reason: reason, at: SourceLocation(file: document.displayPath)))
        try html.read(document, into: sink)
    }
}

/// Passes records on at once and keeps the findings and the encoding until the reader is done.
private final class FallbackSink: RecordSink {
    private let target: RecordSink
    private(set) var recordCount = 0
    private(set) var diagnostics: [Diagnostic] = []
    private var encoding: TextEncodingInfo?

    init(forwardingTo target: RecordSink) {
        self.target = target
    }

    func accept(_ record: consuming RawRecord) {
        recordCount += 1
        target.accept(record)
    }

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    func noteEncoding(_ encoding: TextEncodingInfo) { self.encoding = encoding }

    func flush() {
        if let encoding { target.noteEncoding(encoding) }
        for diagnostic in diagnostics { target.report(diagnostic) }
    }
}

extension Diagnostic {
    /// Markup sniffed as an XML feed was not well-formed XML and gave no item; it was read as an HTML page.
    static func readAsHTML(reason: String, at location: SourceLocation) -> Diagnostic {
        let said = reason.isEmpty ? "" : " (\(PageTextQuote.quote(reason)))"
        return Diagnostic(.info, .htmlReadAsHTML, "The file is not well-formed XML\(said); it was read as an HTML page.", at: location)
    }
}
