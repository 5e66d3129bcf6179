import Foundation
import KatalogReaders
import KatalogCore
import KatalogPipeline
import KatalogWriters

/// How much a field's origin is trusted when sources disagree, best first. Default: a structured feed (CSV, XML,
/// JSON feed columns) over a page's structured data (JSON-LD, Microdata, RDFa, OpenGraph) over a page's text
/// (spec tables, text lines, visible text).
public struct SourcePrecedence: Sendable, Hashable, CustomStringConvertible {
    public enum Class: String, Sendable, CaseIterable {
        case feed, structured, text
    }

    public var order: [Class]

    public static let standard = SourcePrecedence(order: [.feed, .structured, .text])

    public init(order: [Class]) {
        self.order = order + Class.allCases.filter { !order.contains($0) }
    }

    /// Parses `feed,structured,text` (any order; classes left out come last in the default order).
    public init?(names: String) {
        var order: [Class] = []
        for name in names.split(separator: ",") {
            guard let found = Class(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            if !order.contains(found) { order.append(found) }
        }
        self.init(order: order)
    }

    public var description: String { order.map(\.rawValue).joined(separator: ",") }

    /// The class of each field origin Katalog's readers write in `provenance`.
    static let originClasses: [String: Class] = [
        "csv-column": .feed, "json-key": .feed, "xml-attribute": .feed, "xml-element": .feed,
        "json-ld": .structured, "microdata": .structured, "rdfa": .structured, "opengraph": .structured,
        "spec-table": .text, "text-line": .text, "visible-text": .text,
    ]

    /// The rank (0 best) of a field found at `origin` in a record of `kind`; without an origin, a page's record
    /// counts as page text and any other as a feed.
    func rank(origin: String?, kind: String?) -> Int {
        let found = origin.flatMap { Self.originClasses[$0] } ?? ((kind == "html" || kind == "text-page") ? .text : .feed)
        return order.firstIndex(of: found) ?? order.count
    }
}

/// `katalog merge`: the same product from several sources becomes one merged record.
///
/// Records join when they have the same `MergeKey`: the same valid GTIN, else the same brand + MPN. The key is the
/// record's own, so partitions by it merge independently (docs/scale.md). For each field the value comes from the record whose origin for it ranks
/// best (`SourcePrecedence`), ties broken by file and record id, so the result does not depend on the order of the
/// inputs. Disagreements are findings on the merged record: `merge.price-disagrees`, `merge.identifiers-disagree`.
/// Memory stays flat: records are staged in a temporary SQLite file and merged one group at a time.
public enum CatalogMerge {
    /// What a merge did.
    public struct Summary: Sendable, Hashable {
        public var records = 0
        public var products = 0
        /// Merged products made of more than one record.
        public var joined = 0
        public var findings: [FindingCode: Int] = [:]

        var json: OutputJSON {
            .object(["records": .int(records), "products": .int(products), "joined": .int(joined), "findings": .object(Dictionary(uniqueKeysWithValues: findings.map { ($0.key.rawValue, .int($0.value)) }))])
        }
    }

    /// Merges the catalogs at `paths` into `output` (`merged.jsonl` lines, ordered by merge key). A catalog line may
    /// carry a partition prefix (`3<TAB>{…}`, as `katalog map --partitions` writes it); the prefix is ignored.
    public static func run(_ paths: [String], output: ByteStream, precedence: SourcePrecedence = .standard) throws -> Summary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("merge.db").path)
        try database.execute("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;
            CREATE TABLE items (merge_key TEXT NOT NULL, file TEXT NOT NULL, record_id TEXT NOT NULL, line BLOB NOT NULL);
            BEGIN;
            """)
        var summary = Summary()
        let insert = try database.prepare("INSERT INTO items VALUES (?, ?, ?, ?)")
        for path in paths {
            try ParallelLines.forEach(try LineFileReader.catalog(path), map: StagedLine.init) { _, lineNumber, parsed in
                guard case .success(let staged) = parsed else {
                    throw CatalogFileError(path: path, reason: "line \(lineNumber) is not a catalog record")
                }
                try insert.run([.text(staged.facts.mergeKey.value), .text(staged.facts.file), .text(staged.facts.id), .blob(staged.line)])
                summary.records += 1
            }
        }
        try database.execute("CREATE INDEX items_by_key ON items (merge_key, file, record_id); COMMIT;")
        let select = try database.prepare("SELECT merge_key, line FROM items ORDER BY merge_key, file, record_id")
        try select.bind([])
        var group: [ParsedJSON] = [], groupKey: String?
        func flush() throws {
            guard let key = groupKey, !group.isEmpty else { return }
            let merged = MergedProduct(key: key, records: group, precedence: precedence)
            summary.products += 1
            if group.count > 1 { summary.joined += 1 }
            for code in merged.findingCodes { summary.findings[code, default: 0] += 1 }
            var bytes = merged.json.compactBytes
            bytes.append(0x0A)
            try output.write(bytes)
            group = []
        }
        while try select.step() {
            let key = select.text(0) ?? ""
            if key != groupKey {
                try flush()
                groupKey = key
            }
            group.append(try ParsedJSON.parseStrict(select.blob(1)))
        }
        try flush()
        try output.flush()
        return summary
    }

    /// A catalog line without its partition prefix, and the facts that give its merge key.
    struct StagedLine: Sendable {
        var line: [UInt8]
        var facts: RecordIdentityFacts

        /// Only the identifying members are built; the rest of the line is checked.
        init(_ raw: [UInt8]) throws {
            var line = raw
            if let tab = line.prefix(8).firstIndex(of: 0x09), line[..<tab].allSatisfy({ (0x30...0x39).contains($0) }) { line.removeSubrange(...tab) }
            let record = try ParsedJSON.parseStrict(line, keeping: RecordIdentityFacts.members)
            guard record["id"] != nil else { throw CatalogFileError(path: "", reason: "no id") }
            self.line = line
            facts = RecordIdentityFacts(record: record)
        }
    }

    /// `merge-report.json`: the counts and the precedence used.
    public static func report(_ summary: Summary, precedence: SourcePrecedence) -> [UInt8] {
        var bytes = OutputJSON.object(["merge": summary.json, "precedence": .string(precedence.description)]).prettyBytes()
        bytes.append(0x0A)
        return bytes
    }
}

/// One merged product: the chosen value of each field, where it came from, and the disagreements.
struct MergedProduct {
    /// Top-level fields that describe a record's own reading, not the product; rebuilt for the merged record.
    static let ownFields: Set<String> = ["id", "source", "provenance", "diagnostics"]
    /// Fields that only make sense with another field of the same record: they come from the record that gave it
    /// (a title's language with the title, a sale price with the price it discounts).
    static let companions: [String: [String]] = [
        "title_language": ["title"], "description_language": ["description"], "language": ["description", "title"],
        "sale_price": ["price"], "converted_price": ["price"],
    ]

    let json: OutputJSON
    let findingCodes: [FindingCode]

    init(key: String, records: [ParsedJSON], precedence: SourcePrecedence) {
        let ids = records.map { $0["id"]?.scalarText ?? "" }
        var fields: [String: OutputJSON] = [:], fieldSources: [String: OutputJSON] = [:], provenance: [String: OutputJSON] = [:]
        let names = Set(records.flatMap { $0.members.map(\.key) }).subtracting(Self.ownFields).sorted(by: OutputJSON.byteOrder)
        for name in names where Self.companions[name] == nil {
            // Records come ordered by file and id, so the first of equal rank wins the tie.
            var best: (rank: Int, index: Int)?
            for (index, record) in records.enumerated() {
                guard let value = record[name], !Self.isEmpty(value) else { continue }
                let rank = precedence.rank(origin: record["provenance"]?[name]?["origin"]?.scalarText, kind: record["source"]?["kind"]?.scalarText)
                if best == nil || rank < best!.rank { best = (rank, index) }
            }
            guard let best else { continue }
            if name == "attributes" {
                fields[name] = Self.mergedAttributes(records, precedence: precedence)
            } else {
                fields[name] = records[best.index][name]?.output ?? .null
            }
            fieldSources[name] = .string(ids[best.index])
            if let found = records[best.index]["provenance"]?[name] {
                var entry = found.output
                if case .object(var object) = entry { object["record"] = .string(ids[best.index]); entry = .object(object) }
                provenance[name] = entry
            }
        }
        for (name, parents) in Self.companions.sorted(by: { $0.key < $1.key }) {
            guard let parent = parents.first(where: { fieldSources[$0] != nil }), case .string(let id)? = fieldSources[parent],
                  let index = ids.firstIndex(of: id), let value = records[index][name], !Self.isEmpty(value) else { continue }
            fields[name] = value.output
            fieldSources[name] = .string(id)
            if let found = records[index]["provenance"]?[name] { provenance[name] = found.output }
        }
        var findings: [OutputJSON] = [], codes: [FindingCode] = []
        if let disagreement = Self.priceDisagreement(records, ids: ids, chosen: fieldSources["price"]) {
            findings.append(disagreement)
            codes.append(.mergePriceDisagrees)
        }
        if let disagreement = Self.identifierDisagreement(records, ids: ids) {
            findings.append(disagreement)
            codes.append(.mergeIdentifiersDisagree)
        }
        fields["id"] = .string(key)
        fields["merge"] = .object(["key": .string(key), "sources": .array(ids.map(OutputJSON.string)), "fields": .object(fieldSources)])
        fields["provenance"] = .object(provenance)
        fields["diagnostics"] = .array(findings)
        json = .object(fields)
        findingCodes = codes
    }

    private static func isEmpty(_ value: ParsedJSON) -> Bool {
        switch value {
        case .null: return true
        case .string(let text): return text.isEmpty
        case .array(let values): return values.isEmpty
        case .object(let members): return members.allSatisfy { isEmpty($0.value) }
        default: return false
        }
    }

    /// Every attribute key once, from the best-ranked record that has it.
    private static func mergedAttributes(_ records: [ParsedJSON], precedence: SourcePrecedence) -> OutputJSON {
        var chosen: [String: (rank: Int, value: OutputJSON)] = [:], order: [String] = []
        for record in records {
            let kind = record["source"]?["kind"]?.scalarText
            for attribute in record["attributes"]?.elements ?? [] {
                guard let key = attribute["key"]?.scalarText ?? attribute["label"]?.scalarText else { continue }
                let rank = precedence.rank(origin: attribute["origin"]?.scalarText, kind: kind)
                if let existing = chosen[key], existing.rank <= rank { continue }
                if chosen[key] == nil { order.append(key) }
                chosen[key] = (rank, attribute.output)
            }
        }
        return .array(order.compactMap { chosen[$0]?.value })
    }

    /// `merge.identifiers-disagree` when records joined by their GTIN name different brands or MPNs.
    private static func identifierDisagreement(_ records: [ParsedJSON], ids: [String]) -> OutputJSON? {
        var parts: [String] = []
        for (field, fold) in [("brand", true), ("mpn", false)] {
            var seen: [String] = [], folded = Set<String>()
            for record in records {
                guard let value = record[field]?.scalarText?.trimmingWhitespace(), !value.isEmpty else { continue }
                if folded.insert(fold ? value.lowercased() : value).inserted { seen.append(value) }
            }
            if seen.count > 1 { parts.append("\(field) " + seen.joined(separator: " / ")) }
        }
        guard !parts.isEmpty else { return nil }
        return finding(.mergeIdentifiersDisagree, .warning,
                       "Records with the same GTIN disagree on their \(parts.joined(separator: " and ")): one of the sources may carry a wrong GTIN.", records: ids)
    }

    /// `merge.price-disagrees` when the records' prices differ in amount or currency.
    private static func priceDisagreement(_ records: [ParsedJSON], ids: [String], chosen: OutputJSON?) -> OutputJSON? {
        var values: [OutputJSON] = [], distinct = Set<String>()
        for (index, record) in records.enumerated() {
            guard let amount = record["price"]?["amount"]?.scalarText, let currency = record["price"]?["currency"]?.scalarText else { continue }
            distinct.insert(amount + " " + currency)
            values.append(.object(["record": .string(ids[index]), "amount": .string(amount), "currency": .string(currency)]))
        }
        guard distinct.count > 1 else { return nil }
        let listed = records.enumerated().compactMap { index, record -> String? in
            guard let amount = record["price"]?["amount"]?.scalarText, let currency = record["price"]?["currency"]?.scalarText else { return nil }
            return "\(amount) \(currency) from \(ids[index])"
        }.joined(separator: ", ")
        var finding = finding(.mergePriceDisagrees, .warning, "The sources disagree on the price: \(listed); the merged record keeps the price of \(chosen.flatMap { if case .string(let id) = $0 { return id } else { return nil } } ?? "the first source").", records: ids)
        if case .object(var object) = finding { object["values"] = .array(values); finding = .object(object) }
        return finding
    }

    private static func finding(_ code: FindingCode, _ severity: Severity, _ message: String, records: [String]) -> OutputJSON {
        .object(["code": .string(code.rawValue), "severity": .string(severity.rawValue), "message": .string(message), "records": .array(records.map(OutputJSON.string))])
    }
}
