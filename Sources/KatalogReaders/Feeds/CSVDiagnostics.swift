import KatalogCore

/// Diagnostics the CSV/TSV reader emits.
enum CSVDiagnostics {
    static func raggedRow(cells: Int, columns: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .csvRaggedRow,
                   "This row has \(cells) cells but the header has \(columns) columns; the extra cells were kept without a label.",
                   at: location)
    }

    static func unterminatedQuote(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .csvUnterminatedQuote,
                   "A quote opened on this line is never closed; when the lines after it look like rows, the quote was taken for a stray character and they were read as rows.",
                   at: location)
    }

    static func strayQuote(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, .csvStrayQuote,
                   "Text follows a closing quote in this row; it was kept as part of the cell.", at: location)
    }

    static func fieldTooLong(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .csvFieldTooLong,
                   "A cell in this row is longer than 1 MiB (often a stray quote); it was cut.", at: location)
    }

    static func runawayQuote(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .csvRunawayQuote,
                   "A quoted cell opened on this line ran past 1 MiB across lines that look like rows; the quote was taken for a stray character and the lines after it were read as rows.",
                   at: location)
    }

    static func rowTooLong(cells: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .csvRowTooLong,
                   "This row holds more than 4 MiB of text; \(cells == 1 ? "1 cell" : "\(cells) cells") past that point \(cells == 1 ? "was" : "were") cut or left empty.",
                   at: location)
    }

    static func tooManyCells(dropped: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .csvTooManyCells,
                   "This row has more than 100,000 cells; the \(dropped) past that were dropped.", at: location)
    }

    static func invalidEncoding(count: Int, encoding: String, file: String) -> Diagnostic {
        Diagnostic(.warning, .csvInvalidEncoding,
                   "\(count) byte sequences are not valid \(encoding) and were replaced with �.", at: SourceLocation(file: file))
    }

    static func platformRecognised(_ profile: PlatformProfiles.Profile, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.info, .csvPlatform, "The header is a \(profile.name): its columns are read by the platform's documented meaning (docs/feeds.md, platform exports).", at: location)
    }

    static func empty(file: String) -> Diagnostic {
        Diagnostic(.warning, .csvEmpty, "The file is empty.", at: SourceLocation(file: file))
    }

    /// A title line before the header; its text (cut to 200 characters) is in the message, as it is in no record.
    static func preambleLine(_ text: String, at location: SourceLocation) -> Diagnostic {
        let shown = text.count > 200 ? String(text.prefix(200)) + "…" : text
        return Diagnostic(.info, .csvPreamble, "\"\(shown.trimmingWhitespace())\" comes before the header row: a title, not a row; it is not read as a record.", at: location)
    }

    static func headerOnly(file: String) -> Diagnostic {
        Diagnostic(.warning, .csvNoRows, "The file has a header row but no data rows.", at: SourceLocation(file: file, line: 1))
    }
}
