import KatalogCore

/// The summary part of `report.json` (everything but the streamed `diagnostics` list).
public enum ReportJSON {
    public static func summary(_ report: ImportReport) -> [String: JSONValue] {
        [
            "files": .array(report.files.map(encode)),
            "totals": .object([
                "files": .int(report.files.count),
                "unreadable_files": .int(report.unreadableFiles.count),
                "records": encode(report.totalRecords),
                "diagnostics": encode(report.totalDiagnostics),
                "codes": encode(report.totalCodes),
            ]),
            "unmapped_labels": encode(report.unmappedLabels),
            "service_plan_links": ServicePlanJSON.encode(links: report.servicePlanLinks, complete: report.servicePlanLinksComplete),
        ]
    }

    static func encode(_ file: FileReport) -> JSONValue {
        .object([
            "file": .string(file.file),
            "kind": .string(file.kind.rawValue),
            "encoding": file.encoding.map { .object(["name": .string($0.name), "source": .string($0.source)]) } ?? .null,
            "unreadable": .bool(file.unreadable),
            "records": encode(file.records),
            "diagnostics": encode(file.diagnostics),
            "codes": encode(file.codes),
        ])
    }

    static func encode(_ counts: RecordCounts) -> JSONValue {
        .object(["read": .int(counts.read), "imported": .int(counts.imported), "rejected": .int(counts.rejected)])
    }

    static func encode(_ counts: SeverityCounts) -> JSONValue {
        .object(["error": .int(counts.error), "warning": .int(counts.warning), "info": .int(counts.info)])
    }

    static func encode(_ counts: [String: Int]) -> JSONValue {
        .object(counts.mapValues { .int($0) })
    }

    static func encode(_ counts: [FindingCode: Int]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, .int($0.value)) }))
    }
}
