import Foundation
import KatalogCore
import KatalogWriters

/// How many records each kind of change touched, written as the last line of `changes.jsonl` and as the `changes`
/// section of `report.json`.
public struct ChangeSummary: Sendable, Hashable {
    /// Tonight's records.
    public var records = 0
    /// Last night's records (0 on the first run).
    public var previousRecords = 0
    public var added = 0
    public var changed = 0
    /// Same source and valid GTIN under a new key (usually a new SKU); counted here, not as removed + added.
    public var renamed = 0
    public var removed = 0
    /// Last night's records that were read tonight but rejected (not in the catalog).
    public var rejected = 0
    public var unchanged = 0
    /// Last night's records of a file that could not be read tonight, or was read only in part (a download cut
    /// short), that tonight did not give: kept in the state as they were, neither in tonight's catalog nor reported
    /// as removed, until their file can be read again.
    public var kept = 0
    /// True when the state held no earlier run: every record is added.
    public var firstRun = false
    /// Files unchanged since the last run, not read again (their records came from the state). Reported in
    /// `report.json`, not in `changes.jsonl`, whose lines are about records.
    public var skippedFiles: [String] = []

    public init() {}

    var json: OutputJSON {
        .object([
            "added": .int(added), "changed": .int(changed), "first_run": .bool(firstRun), "kept": .int(kept), "previous_records": .int(previousRecords),
            "records": .int(records), "rejected": .int(rejected), "removed": .int(removed), "renamed": .int(renamed),
            "unchanged": .int(unchanged),
        ])
    }

    /// The `changes` section of `report.json`.
    public var reportSection: [String: KatalogWriters.JSONValue] {
        guard case .object(var counts) = json else { return [:] }
        counts["skipped_files"] = .array(skippedFiles.map(OutputJSON.string))
        return ["changes": .object(counts)]
    }
}

/// One field that differs between last night's and tonight's record.
struct FieldChange: Sendable, Hashable {
    var field: String
    var old: OutputJSON?
    var new: OutputJSON?
    /// For `price.amount` and `sale_price.amount` in an unchanged currency: (new − old) / old × 100, two decimals.
    var percent: String?

    var json: OutputJSON {
        var object: [String: OutputJSON] = ["field": .string(field), "old": old ?? .null, "new": new ?? .null]
        if let percent { object["change_percent"] = .number(percent) }
        return .object(object)
    }

    /// The fields that differ, by name in byte order.
    static func between(_ old: RecordFields, _ new: RecordFields) -> [FieldChange] {
        let names = Set(old.values.keys).union(new.values.keys).sorted(by: OutputJSON.byteOrder)
        return names.compactMap { name in
            let (before, after) = (old.values[name], new.values[name])
            guard before != after else { return nil }
            var change = FieldChange(field: name, old: before, new: after)
            if name == "price.amount" || name == "sale_price.amount" {
                let currency = String(name.dropLast("amount".count)) + "currency"
                if old.values[currency] == new.values[currency] { change.percent = percentChange(before, after) }
            }
            return change
        }
    }

    private static func percentChange(_ old: OutputJSON?, _ new: OutputJSON?) -> String? {
        guard case .string(let oldText)? = old, case .string(let newText)? = new,
              let before = DecimalFormatting.parse(oldText), let after = DecimalFormatting.parse(newText), before != 0 else { return nil }
        return DecimalFormatting.fixed((after - before) / before * 100, fractionDigits: 2)
    }
}

/// Compares tonight's staged records with the state's and writes one JSON line per change, in a stable order:
/// tonight's records in input order (added, changed, renamed), then last night's vanished records in last night's
/// order (removed, rejected), then one `summary` line. Unchanged records are only counted.
struct ChangeSetWriter {
    let state: SyncState

    /// Writes the lines to `output` and returns the counts.
    func write(to output: AtomicFile, firstRun: Bool) throws -> ChangeSummary {
        var summary = ChangeSummary()
        summary.firstRun = firstRun
        summary.previousRecords = try state.recordCount
        try state.findRenames()
        try state.eachCurrent { current, previous, renamedFrom in
            summary.records += 1
            guard let previous else {
                summary.added += 1
                let fields = try RecordFields.decode(current.fieldsText)
                try emit(["change": .string("added"), "key": .string(current.key), "id": .string(current.recordID), "record": .object(fields.values)], to: output)
                return
            }
            guard renamedFrom != nil || previous.fingerprint != current.fingerprint else {
                summary.unchanged += 1
                return
            }
            let (old, new) = (try RecordFields.decode(previous.fieldsText), try RecordFields.decode(current.fieldsText))
            let fields = FieldChange.between(old, new)
            if renamedFrom == nil && fields.isEmpty {
                summary.unchanged += 1
                return
            }
            var line: [String: OutputJSON] = [
                "change": .string(renamedFrom == nil ? "changed" : "renamed"), "key": .string(current.key), "id": .string(current.recordID),
                "previous_id": .string(previous.recordID), "fields": .array(fields.map(\.json)),
                "sku": new.values["sku"] ?? .null, "title": new.values["title"] ?? .null,
            ]
            if let renamedFrom {
                line["previous_key"] = .string(renamedFrom)
                summary.renamed += 1
            } else {
                summary.changed += 1
            }
            try emit(line, to: output)
        }
        // Records carried over from an unchanged file are last night's, under the same keys: unchanged.
        summary.records += state.carriedRecords
        summary.unchanged += state.carriedRecords
        try state.eachVanished { previous, reasons in
            let fields = try RecordFields.decode(previous.fieldsText)
            var line: [String: OutputJSON] = [
                "change": .string(reasons == nil ? "removed" : "rejected"), "key": .string(previous.key),
                "previous_id": .string(previous.recordID), "record": .object(fields.values),
            ]
            if let reasons {
                line["reasons"] = .array(reasons.map(OutputJSON.string))
                summary.rejected += 1
            } else {
                summary.removed += 1
            }
            try emit(line, to: output)
        }
        summary.kept = try state.keepUnreadRecords()
        var last: [String: OutputJSON] = ["change": .string("summary")]
        if case .object(let counts) = summary.json { last.merge(counts) { $1 } }
        try emit(last, to: output)
        return summary
    }

    private func emit(_ line: [String: OutputJSON], to output: AtomicFile) throws {
        var bytes = OutputJSON.object(line).compactBytes
        bytes.append(0x0A)
        try output.write(bytes: bytes)
    }
}
