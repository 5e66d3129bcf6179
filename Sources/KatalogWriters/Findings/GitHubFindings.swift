import KatalogCore

/// GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), which the Actions runner shows as
/// annotations on the files; info findings become `::notice`. A summary line ends the output.
public enum GitHubFindings {
    public static func render(_ document: FindingsDocument) -> String {
        var out = ""
        for diagnostic in document.listedDiagnostics {
            out += command(for: diagnostic) + "\n"
        }
        if document.omittedErrors > 0 {
            out += "::warning title=katalog::\(escapeData("\(document.omittedErrors) more errors not shown (--max-errors)"))\n"
        }
        out += TextFindings.summary(document.report) + "\n"
        return out
    }

    public static func command(for diagnostic: Diagnostic) -> String {
        let name: String
        switch diagnostic.severity {
        case .error: name = "error"
        case .warning: name = "warning"
        case .info: name = "notice"
        }
        var properties = ["file=\(escapeProperty(diagnostic.location.file))"]
        if let line = diagnostic.location.line { properties.append("line=\(line)") }
        properties.append("title=\(escapeProperty(diagnostic.code.rawValue))")
        var message = diagnostic.message
        if let field = diagnostic.location.field { message += " (field: \(field))" }
        return "::\(name) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// The runner's escaping for a command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// The runner's escaping for a property value: also `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
