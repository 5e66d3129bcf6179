import Foundation
import KatalogCore

/// Reads CSV and TSV files as spreadsheets really export them, streaming: one data row → one `RawRecord`.
///
/// The file is read in chunks through an RFC 4180 state machine (`CSVTokenizer`), so memory stays flat.
/// The encoding comes from the BOM, the document's declared encoding, or a sniff (UTF-8, UTF-16,
/// windows-1257/1250, ISO-8859-2, …); the delimiter (`;` `,` TAB `|`) is sniffed from the first rows.
/// An Excel `sep=;` first line names the delimiter; up to five one-cell title lines before a wider header are
/// reported (`csv.preamble`) and passed over. The first other non-blank row is the header: its cells, trimmed, are
/// the labels exactly as written
/// (`Svoris (kg)`, `Prekės kodas`). Values are passed through untouched (decimal commas, `'0123`, `6,93722E+12`
/// are the normalizer's business); empty cells give no field.
///
/// Bad input is reported, never dropped: more cells than headers → `csv.ragged-row` (extra cells kept as
/// unlabelled fields), a quote still open at the end of the file → `csv.unterminated-quote` (the row is
/// kept, and the lines after the quote are read as rows), a quoted cell running past 1 MiB across line breaks
/// → `csv.runaway-quote` (the same), text after a closing quote → `csv.stray-quote`, a cell over 1 MiB → `csv.field-too-long` (cut),
/// a row over 4 MiB → `csv.row-too-long` (later cells emptied), over 100,000 cells → `csv.too-many-cells`
/// (later cells dropped), undecodable bytes → `csv.invalid-encoding`. Past a cap the row is scanned, not kept,
/// and the next row is read as usual (docs/reliability.md). Google Merchant TSV `product_detail` cells
/// (`section:name:value`) are reshaped to label `name`, value `value`, and `additional_image_link` lists are
/// split at commas.
public struct CSVReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        let source = try FeedTextSource(path: document.fileURL, declared: document.encoding)
        sink.noteEncoding(source.encoding)
        var state: CSVRecordBuilder?
        let progress = sink as? ProgressSink
        let file = document.displayPath
        while let chunk = try source.next() {
            if state == nil {
                let preferTab = document.kind == .tsv
                // Excel's `sep=;` first line names the delimiter; it is no header and no row.
                let directive = chunk.prefix(16).withUnsafeBytes { CSVDialectSniffer.separatorDirective(in: $0.bindMemory(to: UInt8.self)) }
                // A first chunk shorter than the sniffed prefix is the whole file (chunks are 1 MiB).
                let dialect = chunk.prefix(64 * 1024).withUnsafeBytes { raw in
                    CSVDialectSniffer.dialect(forPrefix: raw.bindMemory(to: UInt8.self), endsInput: chunk.count <= 64 * 1024, preferTab: preferTab)
                }
                state = CSVRecordBuilder(document: document, delimiter: directive?.delimiter ?? dialect.delimiter,
                                         skipsDirectiveLine: directive != nil, preambleRows: directive == nil ? dialect.preamble : 0)
            }
            guard var builder = state else { break }
            chunk.withUnsafeBytes { raw in
                builder.feed(raw.bindMemory(to: UInt8.self), sink: sink)
            }
            if let progress { progress.progress(items: builder.recordCount, bytesRead: source.bytesRead) }
            state = builder
        }
        guard var builder = state else {
            sink.report(CSVDiagnostics.empty(file: file))
            return
        }
        builder.finish(sink: sink)
        if source.invalidSequences > 0 {
            sink.report(CSVDiagnostics.invalidEncoding(count: source.invalidSequences, encoding: source.encoding.name, file: file))
        }
        if builder.recordCount == 0 && builder.header != nil {
            sink.report(CSVDiagnostics.headerOnly(file: file))
        }
    }
}

/// Turns tokenized rows into records: the first non-blank row is the header.
struct CSVRecordBuilder {
    let document: SourceDocument
    private var tokenizer: CSVTokenizer
    private(set) var header: [String]?
    private var reshaping: [CSVColumnReshaping] = []
    private(set) var recordCount = 0
    /// The shop platform's row shaping, when the header is a known platform's export.
    private var shaper: PlatformRowShaper?
    private var hints: SourceHints

    /// Whether the first line is Excel's `sep=` directive, to be passed over.
    private var skipsDirectiveLine: Bool
    /// Title lines before the header still to pass over (`CSVDialectSniffer.preamble(of:)`).
    private var preambleRows: Int

    init(document: SourceDocument, delimiter: UInt8, skipsDirectiveLine: Bool = false, preambleRows: Int = 0) {
        self.document = document
        self.hints = document.hints
        self.skipsDirectiveLine = skipsDirectiveLine
        self.preambleRows = preambleRows
        tokenizer = CSVTokenizer(delimiter: delimiter)
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, sink: RecordSink) {
        var tokenizer = self.tokenizer
        tokenizer.feed(bytes) { row in accept(&row, sink: sink) }
        self.tokenizer = tokenizer
    }

    mutating func finish(sink: RecordSink) {
        var tokenizer = self.tokenizer
        tokenizer.finish { row in accept(&row, sink: sink) }
        self.tokenizer = tokenizer
        if var shaper {
            self.shaper = nil
            let layout = shaper.layout
            shaper.finish(emit: { emit($0, shaper: layout, sink: sink) }, report: sink.report)
            self.shaper = shaper
        }
    }

    /// One row of a spreadsheet read cell by cell (an Excel worksheet), at its row number: the same as a tokenized
    /// line.
    mutating func accept(cells: [String], line: Int, sink: RecordSink) {
        var row = CSVTokenizer.Row()
        row.fields = cells
        row.line = line
        accept(&row, sink: sink)
    }

    private mutating func accept(_ row: inout CSVTokenizer.Row, sink: RecordSink) {
        let file = document.displayPath
        if row.fields.allSatisfy({ $0.isEmpty }) {
            if let quoteLine = row.unterminatedQuoteLine {
                sink.report(CSVDiagnostics.unterminatedQuote(at: SourceLocation(file: file, line: quoteLine)))
            }
            return
        }
        if skipsDirectiveLine {
            skipsDirectiveLine = false
            if row.line == 1 { return }
        }
        if header == nil, preambleRows > 0, row.fields.count == 1 {
            preambleRows -= 1
            sink.report(CSVDiagnostics.preambleLine(row.fields[0], at: SourceLocation(file: file, line: row.line)))
            return
        }
        guard let header else {
            reportCaps(of: row, at: SourceLocation(file: file, line: row.line), sink: sink)
            let labels = row.fields.enumerated().map { index, cell in
                let label = cell.trimmingWhitespace()
                return label.isEmpty ? "column \(index + 1)" : label
            }
            self.header = labels
            reshaping = labels.map(CSVColumnReshaping.init(header:))
            if let profile = PlatformProfiles.builtIn.recognise(header: labels) {
                shaper = PlatformRowShaper(profile: profile, header: labels, file: file)
                hints = PlatformHints.hints(for: profile, header: labels, base: hints)
                sink.report(CSVDiagnostics.platformRecognised(profile, at: SourceLocation(file: file, line: row.line)))
            }
            return
        }
        if var shaper {
            // Taken out while it works, so its held rows and key tables are referenced once: with a copy left in
            // `self.shaper`, every row copied them whole (a Shopware export of 200,000 products ran for hours).
            self.shaper = nil
            // Row problems are reported at the row's line: whether it becomes a record is the shaping's decision.
            reportProblems(of: row, at: SourceLocation(file: file, line: row.line), columns: header.count, sink: sink)
            var cells = Array(row.fields.prefix(header.count))
            if cells.count < header.count { cells += Array(repeating: "", count: header.count - cells.count) }
            var shaped = ShapedRow(cells: cells, line: row.line)
            for value in row.fields.dropFirst(header.count) where !value.allSatisfy(\.isWhitespace) {
                shaped.extraFields.append(RawField(role: .unlabelled, label: nil, value: value, origin: .csvColumn, line: row.line))
            }
            let layout = shaper.layout
            shaper.accept(shaped, emit: { emit($0, shaper: layout, sink: sink) }, report: sink.report)
            self.shaper = shaper
            return
        }
        recordCount += 1
        let location = SourceLocation(file: file, line: row.line, record: recordCount)
        var fields: [RawField] = []
        fields.reserveCapacity(row.fields.count)
        for (index, value) in row.fields.enumerated() where !value.isEmpty {
            if index < header.count {
                reshaping[index].append(value, label: header[index], line: row.line, to: &fields)
            } else if !value.allSatisfy(\.isWhitespace) {
                fields.append(RawField(role: .unlabelled, label: nil, value: value, origin: .csvColumn, line: row.line))
            }
        }
        sink.accept(RawRecord(location: location, kind: document.kind, fields: fields, hints: hints))
        reportProblems(of: row, at: location, columns: header.count, sink: sink)
    }

    private func reportProblems(of row: CSVTokenizer.Row, at location: SourceLocation, columns: Int, sink: RecordSink) {
        if row.fields.count > columns, row.fields[columns...].contains(where: { !$0.isEmpty }) {
            sink.report(CSVDiagnostics.raggedRow(cells: row.fields.count, columns: columns, at: location))
        }
        if let quoteLine = row.unterminatedQuoteLine {
            sink.report(CSVDiagnostics.unterminatedQuote(at: location.with(field: nil, line: quoteLine)))
        }
        if row.strayQuotes > 0 { sink.report(CSVDiagnostics.strayQuote(at: location)) }
        reportCaps(of: row, at: location, sink: sink)
    }

    private func reportCaps(of row: CSVTokenizer.Row, at location: SourceLocation, sink: RecordSink) {
        if let quoteLine = row.runawayQuoteLine { sink.report(CSVDiagnostics.runawayQuote(at: location.with(field: nil, line: quoteLine))) }
        if row.oversizedFields > 0 { sink.report(CSVDiagnostics.fieldTooLong(at: location)) }
        if row.truncatedCells > 0 { sink.report(CSVDiagnostics.rowTooLong(cells: row.truncatedCells, at: location)) }
        if row.droppedCells > 0 { sink.report(CSVDiagnostics.tooManyCells(dropped: row.droppedCells, at: location)) }
    }

    /// Hands a shaped row on as the next record.
    private mutating func emit(_ shaped: ShapedRow, shaper: PlatformRowLayout, sink: RecordSink) {
        guard let header else { return }
        recordCount += 1
        let location = SourceLocation(file: document.displayPath, line: shaped.line, record: recordCount)
        let fields = shaper.fields(of: shaped) { index, value, fields in
            reshaping[index].append(value, label: header[index], line: shaped.line, to: &fields)
        }
        sink.accept(RawRecord(location: location, kind: document.kind, fields: fields, hints: hints))
    }
}

/// Purely syntactic reshaping of Google Merchant TSV columns; every other column passes through.
enum CSVColumnReshaping {
    case plain
    /// `section:name:value` (several separated by commas) → label `name`, value `value`.
    case googleProductDetail
    /// Comma-separated URLs → one field each.
    case commaSeparatedURLs

    init(header: String) {
        switch header.lowercased() {
        case "product_detail", "product detail", "g:product_detail": self = .googleProductDetail
        case "additional_image_link", "additional image link", "g:additional_image_link": self = .commaSeparatedURLs
        default: self = .plain
        }
    }

    func append(_ value: String, label: String, line: Int, to fields: inout [RawField]) {
        switch self {
        case .plain:
            fields.append(RawField(label: label, value: value, origin: .csvColumn, line: line))
        case .commaSeparatedURLs:
            for part in value.split(separator: ",") {
                let url = part.trimmingSpaces()
                if !url.isEmpty { fields.append(RawField(label: label, value: url, origin: .csvColumn, line: line)) }
            }
        case .googleProductDetail:
            let details = GoogleProductDetail.parse(value)
            if details.isEmpty {
                fields.append(RawField(label: label, value: value, origin: .csvColumn, line: line))
            }
            for detail in details {
                fields.append(RawField(label: detail.name, value: detail.value, origin: .csvColumn, line: line))
            }
        }
    }
}

/// Google Merchant's `product_detail` text form: `section:attribute name:value`, several separated by commas.
enum GoogleProductDetail {
    /// The (name, value) pairs of `text`; empty when it is not in that form.
    static func parse(_ text: String) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else {
                // A comma inside a value: glue it back onto the previous value.
                if let last = result.popLast() { result.append((last.0, last.1 + "," + entry)); continue }
                return []
            }
            let name = parts[1].trimmingSpaces()
            let value = parts[2].trimmingSpaces()
            if !name.isEmpty, !value.isEmpty { result.append((name, value)) }
        }
        return result
    }
}
