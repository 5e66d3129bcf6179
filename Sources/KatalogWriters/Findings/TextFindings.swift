import KatalogCore

/// Compiler-style lines (`path:line:column: error: [gtin.checksum] message`) that editors and terminals turn into
/// links, then a summary. Findings without a line point at the file (`path: warning: …`).
public enum TextFindings {
    public static func render(_ document: FindingsDocument) -> String {
        var out = ""
        for diagnostic in document.listedDiagnostics {
            out += line(for: diagnostic) + "\n"
        }
        if document.omittedErrors > 0 {
            out += "note: \(document.omittedErrors) more error\(document.omittedErrors == 1 ? "" : "s") not shown (--max-errors \(document.maxErrors ?? 0))\n"
        }
        out += summary(document.report) + "\n"
        return out
    }

    /// One finding as a compiler-style line; the field, when known, follows the message in parentheses.
    public static func line(for diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        var position = location.file
        if let line = location.line { position += ":\(line):1" }
        var text = "\(position): \(diagnostic.severity.rawValue): [\(diagnostic.code)] \(diagnostic.message)"
        if let field = location.field { text += " (field: \(field))" }
        return text.replacingOccurrences(of: "\n", with: " ")
    }

    /// `3 files, 4 records: 3 would be imported, 1 rejected; 5 errors, 2 warnings, 1 info`.
    public static func summary(_ report: ImportReport) -> String {
        let records = report.totalRecords
        let severities = report.totalDiagnostics
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var text = "\(plural(report.files.count, "file")), \(plural(records.read, "record")): \(records.imported) would be imported, \(records.rejected) rejected; "
        text += "\(plural(severities.error, "error")), \(plural(severities.warning, "warning")), \(severities.info) info"
        if !report.unreadableFiles.isEmpty { text += "; \(plural(report.unreadableFiles.count, "unreadable input"))" }
        return text
    }
}
