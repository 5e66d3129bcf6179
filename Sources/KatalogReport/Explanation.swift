import Foundation

/// `katalog explain`: finds records of a run by id or SKU and prints what the report's provenance panel shows, as
/// aligned plain text for a terminal.
public enum Explanation {
    /// The outcome of looking a record up.
    public enum Lookup: Equatable {
        /// The records whose id is `query`, else those whose SKU is `query` (a SKU can repeat), as text.
        case found(String)
        /// Nothing matched; up to five ids or SKUs that look close, best first (may be empty).
        case notFound(closeMatches: [String])
    }

    /// Looks `query` up among the records of `outputs` in one pass: an exact id first, then an exact SKU, then (for
    /// the message only) ids and SKUs that contain the query or start alike, ignoring case.
    /// Throws `RunOutputs.ReadError` for a broken line.
    public static func lookup(_ query: String, in outputs: RunOutputs) throws -> Lookup {
        var byID: [RecordView] = [], bySKU: [RecordView] = []
        var close = CloseMatches(query: query)
        let linked = outputs.linkedIDs
        var linkedRecords: [String: RecordView] = [:]
        try outputs.forEachRecord { record in
            if record.id == query { byID.append(record) } else if record.sku == query { bySKU.append(record) }
            if linked.contains(record.id), linkedRecords[record.id] == nil { linkedRecords[record.id] = record }
            if byID.isEmpty && bySKU.isEmpty {
                for name in [record.sku, record.id].compactMap({ $0 }) { close.consider(name) }
            }
        }
        let found = byID.isEmpty ? bySKU : byID
        guard !found.isEmpty else { return .notFound(closeMatches: close.best) }
        return .found(found.map { text(for: $0, outputs: outputs, linked: linkedRecords) }.joined(separator: "\n"))
    }

    /// The names most like a query that was not found, best first: containing it (closest in length), then sharing
    /// a long prefix with it. Keeps only the best `limit`, so a 100k-record run costs no memory.
    struct CloseMatches {
        let needle: String
        let limit: Int
        private var scored: [(score: Int, name: String)] = []

        init(query: String, limit: Int = 5) {
            needle = query.lowercased()
            self.limit = limit
        }

        mutating func consider(_ name: String) {
            guard !needle.isEmpty, !scored.contains(where: { $0.name == name }) else { return }
            let hay = name.lowercased()
            let score: Int
            if hay.contains(needle) || needle.contains(hay) {
                score = abs(hay.count - needle.count)
            } else {
                let common = zip(hay, needle).prefix { $0 == $1 }.count
                guard common >= max(3, needle.count / 2) else { return }
                score = 100 + needle.count - common
            }
            scored.append((score, name))
            scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.name < $1.name }
            if scored.count > limit { scored.removeLast() }
        }

        var best: [String] { scored.map(\.name) }
    }

    /// The text for one record: summary, provenance table, findings, plan facts and linked records.
    static func text(for record: RecordView, outputs: RunOutputs, linked: [String: RecordView]) -> String {
        var out = "\(record.title ?? "(no title)")\n"
        var summary: [(String, String?)] = [
            ("status", record.rejected ? "rejected (\(record.reasons.joined(separator: ", "))); shown: what was understood" : "imported"),
            ("id", record.id),
            ("source", record.file + (record.line.map { ", line \($0)" } ?? "") + (record.kind.map { " (\($0))" } ?? "")),
            ("sku", record.sku), ("mpn", record.mpn), ("brand", record.brand),
        ]
        if let gtin = record.gtin {
            let validity = record.gtinValid.map { $0 ? ", valid" : ", invalid" } ?? ""
            summary.append(("gtin", gtin + (record.gtinFormat.map { " \($0)" } ?? "") + validity))
        }
        summary += [("price", record.price), ("sale price", record.salePrice), ("converted", record.convertedPrice),
                    ("package", record.package), ("plan", record.planSummary)]
        out += table(summary.compactMap { name, value in value.map { [name, $0] } }, indent: 2)

        out += "\nProvenance\n"
        if record.provenance.isEmpty {
            out += "  (no field has a recorded origin)\n"
        } else {
            let rows = record.provenance.map { row in
                [row.field, row.origin, row.line.map(String.init) ?? "", row.label ?? "", clip(row.raw), clip(row.normalized ?? ""),
                 row.assumptions.joined(separator: "; ")]
            }
            out += table([["field", "origin", "line", "label (source language)", "raw", "normalized", "assumption / finding"]] + rows, indent: 2)
        }
        out += "\nFindings\n"
        if record.findings.isEmpty {
            out += "  (none)\n"
        } else {
            out += table(record.findings.map { [$0.severity, $0.code, $0.field ?? "", $0.message] }, indent: 2)
        }
        if !record.planFacts.isEmpty {
            out += "\nService plan\n"
            out += table(record.planFacts.map { [$0.name, $0.value, $0.evidence.isEmpty ? "" : "from \($0.evidence)"] }, indent: 2)
        }
        for (title, links) in [("Covers", outputs.covers[record.id] ?? []), ("Covered by", outputs.coveredBy[record.id] ?? [])] where !links.isEmpty {
            out += "\n\(title)\n"
            out += table(links.map { [$0, linked[$0]?.sku ?? "", linked[$0]?.title ?? ""] }, indent: 2)
        }
        return out
    }

    /// Rows as columns padded to the widest cell (by characters); the last column is never padded.
    static func table(_ rows: [[String]], indent: Int) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() where column < columns - 1 { widths[column] = max(widths[column], cell.count) }
        }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            let line = String(repeating: " ", count: indent) + cells.joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n") + "\n"
    }

    /// One line of at most 40 characters.
    static func clip(_ text: String) -> String { RecordView.excerpt(text, limit: 40) }
}
