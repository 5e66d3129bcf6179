import Foundation
import KatalogWriters

/// The records of a report as a JSON data island: `<script type="application/json">` text the page's script reads
/// with `JSON.parse`, built one record at a time as bytes so a 100k-record run costs its encoded size only.
///
/// Keys are short because the island holds every record (the page must stay under twice the size of
/// `catalog.jsonl` at 100k records); null and empty members are left out; service-plan links name record ids.
/// The page's script is the one reader. Layout: `{"files":[names],"records":[rows]}`.
struct DataIsland {
    private(set) var files: [String]
    private var fileIndex: [String: Int] = [:]
    private var rows: [UInt8] = []
    private(set) var count = 0

    /// Starts with the files of `report.json`, so a record's `f` is the row of its file in the page's file table.
    init(files: [String]) {
        self.files = []
        for file in files { _ = index(of: file) }
    }

    private mutating func index(of file: String) -> Int {
        if let index = fileIndex[file] { return index }
        fileIndex[file] = files.count
        files.append(file)
        return files.count - 1
    }

    /// Adds one record, with the ids of the products it covers and of the plans covering it.
    mutating func append(_ record: RecordView, covers: [String], coveredBy: [String]) {
        let value = Self.row(record, file: index(of: record.file), covers: covers, coveredBy: coveredBy)
        if count > 0 { rows.append(UInt8(ascii: ",")) }
        Self.appendEscaped(value.compactBytes, to: &rows)
        count += 1
    }

    /// The island's text in pieces, ready to write one after the other.
    var pieces: [[UInt8]] {
        var head: [UInt8] = Array(#"{"files":"#.utf8)
        Self.appendEscaped(JSONValue.array(files.map(JSONValue.string)).compactBytes, to: &head)
        head += Array(#","records":["#.utf8)
        return [head, rows, Array("]}".utf8)]
    }

    /// The whole island as one string (tests and small runs).
    var text: String { String(decoding: pieces.joined(), as: UTF8.self) }

    /// JSON text that cannot end or confuse the `<script>` element holding it: every `<` becomes `\u003c`, so no
    /// `</script>` or `<!--` can appear. `<` only occurs inside JSON strings, where the escape means the same.
    static func escapedForScript(_ json: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(Array(json.utf8), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendEscaped(_ json: [UInt8], to bytes: inout [UInt8]) {
        guard json.contains(UInt8(ascii: "<")) else { return bytes.append(contentsOf: json) }
        for byte in json {
            if byte == UInt8(ascii: "<") { bytes += Array(#"\u003c"#.utf8) } else { bytes.append(byte) }
        }
    }

    private static func row(_ record: RecordView, file: Int, covers: [String], coveredBy: [String]) -> JSONValue {
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
        if !covers.isEmpty { members["cv"] = .array(covers.map(JSONValue.string)) }
        if !coveredBy.isEmpty { members["cb"] = .array(coveredBy.map(JSONValue.string)) }
        if record.rejected {
            members["r"] = .bool(true)
            members["rs"] = .array(record.reasons.map(JSONValue.string))
        }
        return .object(members)
    }
}
