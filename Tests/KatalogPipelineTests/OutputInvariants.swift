import Foundation
import Testing

/// What must hold for every import's output folder, whatever the input (issue 14), checked on every golden case,
/// on `Output/` and on the hostile inputs:
/// - read = imported + rejected, for every file and in total, and the files add up to the total;
/// - every rejected record is one line of `rejects.jsonl` with its reasons (codes of its own diagnostics), and each
///   file's rejects are as many as the report says;
/// - `catalog.json` holds the imported records, `catalog.jsonl` one per line; every output is valid UTF-8 and the
///   JSON files parse;
/// - `catalog.csv` is RFC 4180 (UTF-8 BOM, CRLF rows, quotes doubled inside quoted fields, nothing else quoted
///   wrongly), every row as wide as the header, one row per imported record.
enum OutputInvariants {
    static func verify(_ output: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try #require(try json(output, "report.json") as? [String: Any], sourceLocation: sourceLocation)
        let totals = try #require(report["totals"] as? [String: Any], sourceLocation: sourceLocation)
        let records = try #require(totals["records"] as? [String: Int], sourceLocation: sourceLocation)
        let read = try #require(records["read"], sourceLocation: sourceLocation)
        let imported = try #require(records["imported"], sourceLocation: sourceLocation)
        let rejected = try #require(records["rejected"], sourceLocation: sourceLocation)
        #expect(read == imported + rejected, "totals: \(records)", sourceLocation: sourceLocation)

        // Rejects: one line each, with reasons that are codes of the record's own diagnostics.
        var rejectsByFile: [String: Int] = [:]
        let rejectLines = try text(output, "rejects.jsonl").split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (index, line) in rejectLines.enumerated() {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                                     "rejects.jsonl line \(index + 1) is no JSON object", sourceLocation: sourceLocation)
            let reasons = entry["reasons"] as? [String] ?? []
            let codes = Set((entry["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
            #expect(!reasons.isEmpty && Set(reasons).isSubset(of: codes),
                    "rejects.jsonl line \(index + 1): reasons \(reasons) not among its diagnostics \(codes.sorted())", sourceLocation: sourceLocation)
            let file = (entry["source"] as? [String: Any])?["file"] as? String ?? "?"
            rejectsByFile[file, default: 0] += 1
        }
        #expect(rejectLines.count == rejected, "rejects.jsonl has \(rejectLines.count) lines, the report \(rejected) rejected", sourceLocation: sourceLocation)

        // Per file: the counts add up, and the file's rejects are in rejects.jsonl.
        var sums = (read: 0, imported: 0, rejected: 0)
        for file in try #require(report["files"] as? [[String: Any]], sourceLocation: sourceLocation) {
            let name = file["file"] as? String ?? "?"
            let counts = try #require(file["records"] as? [String: Int], sourceLocation: sourceLocation)
            let fileRead = counts["read"] ?? -1, fileImported = counts["imported"] ?? -1, fileRejected = counts["rejected"] ?? -1
            #expect(fileRead == fileImported + fileRejected, "\(name): \(counts)", sourceLocation: sourceLocation)
            #expect(rejectsByFile[name, default: 0] == fileRejected,
                    "\(name): \(fileRejected) rejected, \(rejectsByFile[name, default: 0]) in rejects.jsonl", sourceLocation: sourceLocation)
            sums = (sums.read + fileRead, sums.imported + fileImported, sums.rejected + fileRejected)
        }
        #expect(sums.read == read && sums.imported == imported && sums.rejected == rejected,
                "files add up to \(sums), totals say \(records)", sourceLocation: sourceLocation)
        let diagnostics = try #require(report["diagnostics"] as? [Any], sourceLocation: sourceLocation)
        let severities = try #require(totals["diagnostics"] as? [String: Int], sourceLocation: sourceLocation)
        #expect(diagnostics.count == severities.values.reduce(0, +), sourceLocation: sourceLocation)

        // The catalog in its three forms.
        let catalog = try #require(try json(output, "catalog.json") as? [Any], sourceLocation: sourceLocation)
        #expect(catalog.count == imported, sourceLocation: sourceLocation)
        let jsonLines = try text(output, "catalog.jsonl").split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(jsonLines.count == imported, sourceLocation: sourceLocation)
        for (index, line) in jsonLines.enumerated() where (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] == nil {
            Issue.record("catalog.jsonl line \(index + 1) is no JSON object", sourceLocation: sourceLocation)
        }
        let csv = try text(output, "catalog.csv")
        #expect(csv.hasPrefix("\u{FEFF}id,"), "UTF-8 BOM, then the header", sourceLocation: sourceLocation)
        do {
            let rows = try parseRFC4180(String(csv.dropFirst()))
            #expect(rows.count == imported + 1, "catalog.csv: \(rows.count - 1) rows for \(imported) records", sourceLocation: sourceLocation)
            if let header = rows.first, let ragged = rows.firstIndex(where: { $0.count != header.count }) {
                Issue.record("catalog.csv row \(ragged + 1) has \(rows[ragged].count) cells, the header \(header.count)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("catalog.csv is not RFC 4180: \(error)", sourceLocation: sourceLocation)
        }
    }

    struct NotRFC4180: Error, CustomStringConvertible {
        var description: String
    }

    /// Rows of a strict RFC 4180 text: records end with CRLF (the last may not), a field is either unquoted (no
    /// `"`, CR or LF in it) or quoted with inner quotes doubled and nothing between the closing quote and the next
    /// comma or CRLF.
    static func parseRFC4180(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        func at(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll() }
        while index < bytes.count {
            if bytes[index] == 0x22 {
                index += 1
                while true {
                    guard let byte = at(index) else { throw NotRFC4180(description: "a quoted field is never closed (row \(rows.count + 1))") }
                    if byte == 0x22 {
                        if at(index + 1) == 0x22 { field.append(0x22); index += 2; continue }
                        index += 1
                        break
                    }
                    field.append(byte)
                    index += 1
                }
                guard index == bytes.count || bytes[index] == 0x2C || (bytes[index] == 0x0D && at(index + 1) == 0x0A) else {
                    throw NotRFC4180(description: "text after a closing quote (row \(rows.count + 1))")
                }
            } else {
                while let byte = at(index), byte != 0x2C, byte != 0x0D {
                    guard byte != 0x22, byte != 0x0A else {
                        throw NotRFC4180(description: "a quote or line feed in an unquoted field (row \(rows.count + 1))")
                    }
                    field.append(byte)
                    index += 1
                }
            }
            endField()
            guard let separator = at(index) else { break }
            if separator == 0x2C {
                index += 1
                if index == bytes.count { endField() }
                continue
            }
            guard at(index + 1) == 0x0A else { throw NotRFC4180(description: "a CR without LF (row \(rows.count + 1))") }
            index += 2
            rows.append(row)
            row = []
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    private static func data(_ output: URL, _ name: String) throws -> Data {
        try Data(contentsOf: output.appendingPathComponent(name))
    }

    /// The file as text; an issue when it is not valid UTF-8.
    private static func text(_ output: URL, _ name: String) throws -> String {
        let bytes = try data(output, name)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            Issue.record("\(name) is not valid UTF-8")
            return String(decoding: bytes, as: UTF8.self)
        }
        return text
    }

    private static func json(_ output: URL, _ name: String) throws -> Any {
        _ = try text(output, name)
        return try JSONSerialization.jsonObject(with: data(output, name))
    }
}
