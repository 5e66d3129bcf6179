import Foundation
import KatalogCore

/// SARIF 2.1.0 (OASIS), the format code-scanning dashboards (GitHub code scanning, Azure DevOps, VS Code's SARIF
/// viewer) import: one run, the rules that fired (with their catalog explanation as help), and one result per
/// listed finding at the file and line it is about. Deterministic bytes.
public enum SARIFFindings {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func render(_ document: FindingsDocument) -> String {
        let diagnostics = document.listedDiagnostics
        var codes: [FindingCode] = []
        for diagnostic in diagnostics where !codes.contains(diagnostic.code) { codes.append(diagnostic.code) }
        codes.sort()
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let results: [JSONValue] = diagnostics.map { diagnostic in
            var physical: [String: JSONValue] = ["artifactLocation": .object(["uri": .string(uri(diagnostic.location.file))])]
            if let line = diagnostic.location.line, line >= 1 { physical["region"] = .object(["startLine": .int(line)]) }
            var properties: [String: JSONValue] = [:]
            if let record = diagnostic.location.record { properties["record"] = .int(record) }
            if let field = diagnostic.location.field { properties["field"] = .string(field) }
            var result: [String: JSONValue] = [
                "ruleId": .string(diagnostic.code.rawValue),
                "ruleIndex": .int(index[diagnostic.code] ?? 0),
                "level": .string(level(diagnostic.severity)),
                "message": .object(["text": .string(diagnostic.message)]),
                "locations": .array([.object(["physicalLocation": .object(physical)])]),
            ]
            if !properties.isEmpty { result["properties"] = .object(properties) }
            return .object(result)
        }
        let run: [String: JSONValue] = [
            "tool": .object(["driver": .object([
                "name": .string("katalog"),
                "rules": .array(codes.map(rule)),
            ])]),
            "results": .array(results),
            "columnKind": .string("unicodeCodePoints"),
            "properties": .object([
                "records": ReportJSON.encode(document.report.totalRecords),
                "omittedErrors": .int(document.omittedErrors),
            ]),
        ]
        let log: JSONValue = .object([
            "$schema": .string(schemaURI),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ])
        return log.pretty() + "\n"
    }

    static func rule(_ code: FindingCode) -> JSONValue {
        guard let info = RuleCatalog.info(for: code) else {
            return .object([
                "id": .string(code.rawValue),
                "shortDescription": .object(["text": .string(code.rawValue)]),
                "defaultConfiguration": .object(["level": .string("warning")]),
            ])
        }
        var help = info.explanation
        if !info.example.isEmpty { help += "\n\nExample: " + info.example }
        return .object([
            "id": .string(info.code.rawValue),
            "name": .string(name(info.code)),
            "shortDescription": .object(["text": .string(info.title)]),
            "fullDescription": .object(["text": .string(info.explanation)]),
            "help": .object(["text": .string(help)]),
            "defaultConfiguration": .object(["level": .string(level(info.defaultSeverity))]),
            // SARIF requires distinct tags (`record.unidentified` is in group "record" and stage "record").
            "properties": .object(["tags": .array(Array(Set([info.group, info.stage.rawValue])).sorted().map { .string($0) })]),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// `gtin.checksum` → `GtinChecksum` (SARIF's `name` is an identifier-like word).
    static func name(_ code: FindingCode) -> String {
        code.rawValue.split(whereSeparator: { $0 == "." || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative or absolute path as a URI reference: each segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":;?#[]@")
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
