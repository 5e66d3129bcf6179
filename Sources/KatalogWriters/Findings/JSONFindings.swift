import KatalogCore

/// A JSON document for scripts: the report's counts (per file and total) and the listed findings in input order.
/// Deterministic bytes (sorted keys).
public enum JSONFindings {
    public static func render(_ document: FindingsDocument) -> String {
        var object = ReportJSON.summary(document.report)
        object["findings"] = .array(document.listedDiagnostics.map(encode))
        object["omitted_errors"] = .int(document.omittedErrors)
        object["records"] = .array(document.files.flatMap(\.records).map { record in
            .object([
                "id": .string(record.id),
                "file": .string(record.location.file),
                "line": .int(record.location.line),
                "record": .int(record.location.record),
                "outcome": .string(record.isRejected ? "rejected" : "imported"),
                "rejection_reasons": .array(record.rejectionReasons.map { .string($0.rawValue) }),
            ])
        })
        return JSONValue.object(object).pretty() + "\n"
    }

    static func encode(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "severity": .string(diagnostic.severity.rawValue),
            "code": .string(diagnostic.code.rawValue),
            "message": .string(diagnostic.message),
            "file": .string(diagnostic.location.file),
            "line": .int(diagnostic.location.line),
            "record": .int(diagnostic.location.record),
            "field": .string(diagnostic.location.field),
        ])
    }
}
