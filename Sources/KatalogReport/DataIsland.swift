import Foundation
import KatalogWriters

/// The records of a report as a JSON data island: `<script type="application/json">` text the page's script reads
/// with `JSON.parse`.
///
/// Keys are short because the island holds every record (the page must stay under twice the size of
/// `catalog.jsonl` at 100k records); null and empty members are left out. The page's script is the one reader.
enum DataIsland {
    /// `{"files": [...], "records": [...]}`, compact, keys sorted, made safe to put inside a `<script>` element.
    static func json(files: [String], records: [RecordView], covers: [Int: [Int]], coveredBy: [Int: [Int]]) -> String {
        var fileIndex: [String: Int] = [:]
        var files = files
        for (position, file) in files.enumerated() where fileIndex[file] == nil { fileIndex[file] = position }
        var rows: [JSONValue] = []
        rows.reserveCapacity(records.count)
        for (position, record) in records.enumerated() {
            if fileIndex[record.file] == nil {
                fileIndex[record.file] = files.count
                files.append(record.file)
            }
            rows.append(row(record, file: fileIndex[record.file] ?? 0,
                            covers: covers[position] ?? [], coveredBy: coveredBy[position] ?? []))
        }
        let island = JSONValue.object(["files": .array(files.map(JSONValue.string)), "records": .array(rows)])
        return escapedForScript(island.compact)
    }

    /// JSON text that cannot end or confuse the `<script>` element holding it: every `<` becomes `\u003c`, so no
    /// `</script>` or `<!--` can appear. `<` only occurs inside JSON strings, where the escape means the same.
    static func escapedForScript(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }

    private static func row(_ record: RecordView, file: Int, covers: [Int], coveredBy: [Int]) -> JSONValue {
        var members: [String: JSONValue] = ["i": .string(record.id), "f": .int(file)]
        func put(_ key: String, _ text: String?) {
            if let text, !text.isEmpty { members[key] = .string(text) }
        }
        put("t", record.title)
        put("s", record.sku)
        put("m", record.mpn)
        put("b", record.brand)
        put("k", record.kind)
        if let line = record.line { members["l"] = .int(line) }
        put("g", record.gtin)
        put("gf", record.gtinFormat)
        if let valid = record.gtinValid { members["gv"] = .bool(valid) }
        put("p", record.price)
        put("sp", record.salePrice)
        put("cp", record.convertedPrice)
        put("pk", record.package)
        put("pl", record.planSummary)
        if !record.findings.isEmpty {
            members["d"] = .array(record.findings.map {
                .array([.string(String($0.severity.prefix(1))), .string($0.code), .string($0.message), .string($0.field)])
            })
        }
        if !record.provenance.isEmpty {
            members["pv"] = .array(record.provenance.map {
                .array([.string($0.field), .string($0.origin), .int($0.line), .string($0.label), .string($0.raw),
                        .string($0.normalized), .array($0.assumptions.map(JSONValue.string))])
            })
        }
        if !record.planFacts.isEmpty {
            members["sf"] = .array(record.planFacts.map { .array([.string($0.name), .string($0.value), .string($0.evidence)]) })
        }
        if !covers.isEmpty { members["cv"] = .array(covers.map { .int($0) }) }
        if !coveredBy.isEmpty { members["cb"] = .array(coveredBy.map { .int($0) }) }
        if record.rejected {
            members["r"] = .bool(true)
            members["rs"] = .array(record.reasons.map(JSONValue.string))
        }
        return .object(members)
    }
}
