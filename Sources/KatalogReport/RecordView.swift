import Foundation
import KatalogWriters

/// What the report page and `katalog explain` show about one record of `catalog.jsonl` or `rejects.jsonl`:
/// identifiers, price, package, findings, per-field provenance and service-plan facts, as display text.
///
/// Built from the documented output schema only; a missing or null field shows as absent, never as an error.
struct RecordView: Equatable, Sendable {
    /// One finding attached to the record.
    struct Finding: Equatable, Sendable {
        var severity: String
        var code: String
        var message: String
        var field: String?
    }

    /// Where one canonical field came from, and what became of it.
    struct ProvenanceRow: Equatable, Sendable {
        /// The canonical field (`price`, `gross_weight`, …).
        var field: String
        /// How the value was found: `json-ld`, `spec-table`, `csv-column`, `text-line`, …
        var origin: String
        var line: Int?
        /// The label as written in the source (its language), when the value had one.
        var label: String?
        var raw: String
        var normalized: String?
        /// What Katalog assumed or found about this field: the price's currency evidence and the findings
        /// naming the field (`unit.assumed`, `price.currency-assumed`, …).
        var assumptions: [String]
    }

    /// One service-plan fact: a readable name, its value and the words it was read from.
    struct PlanFact: Equatable, Sendable {
        var name: String
        var value: String
        var evidence: String
    }

    var id: String
    var title: String?
    var sku: String?
    var mpn: String?
    var brand: String?
    var file: String
    var kind: String?
    var line: Int?
    var gtin: String?
    var gtinFormat: String?
    var gtinValid: Bool?
    var price: String?
    var salePrice: String?
    var convertedPrice: String?
    var package: String?
    var findings: [Finding]
    var provenance: [ProvenanceRow]
    var planSummary: String?
    var planFacts: [PlanFact]
    var rejected: Bool
    var reasons: [String]

    /// A record of `catalog.jsonl`.
    init(catalogRecord record: JSONNode) {
        self.init(record: record, id: record["id"]?.text, source: record["source"], rejected: false, reasons: [])
    }

    /// A line of `rejects.jsonl`: what was understood, with the reasons it was not imported.
    init(rejectLine line: JSONNode) {
        let understood = line["understood"] ?? .object([:])
        self.init(
            record: understood, id: line["id"]?.text ?? understood["id"]?.text,
            source: line["source"] ?? understood["source"], rejected: true,
            reasons: line["reasons"]?.array.compactMap(\.text) ?? [])
        let own = line["diagnostics"]?.array.map(Self.finding) ?? []
        if !own.isEmpty { findings = own }
    }

    private init(record: JSONNode, id: String?, source: JSONNode?, rejected: Bool, reasons: [String]) {
        self.id = id ?? "?"
        title = record["title"]?.text
        sku = record["sku"]?.text
        mpn = record["mpn"]?.text
        brand = record["brand"]?.text
        file = source?["file"]?.text ?? ""
        kind = source?["kind"]?.text
        line = source?["line"]?.int
        if let gtin = record["gtin"] {
            self.gtin = gtin["digits"]?.text ?? gtin["raw"]?.text
            gtinFormat = gtin["format"]?.text
            gtinValid = gtin["valid"]?.bool
        }
        price = Self.money(record["price"])
        salePrice = Self.money(record["sale_price"])
        convertedPrice = Self.converted(record["converted_price"])
        package = Self.package(record["package"])
        findings = record["diagnostics"]?.array.map(Self.finding) ?? []
        planFacts = record["service_plan"].map(PlanFacts.facts) ?? []
        planSummary = record["service_plan"].map(PlanFacts.summary)
        self.rejected = rejected
        self.reasons = reasons
        provenance = []
        let findings = self.findings
        for (field, origin) in record["provenance"]?.members.sorted(by: { $0.key < $1.key }) ?? [] {
            let label = origin["label"]?.text
            var assumptions: [String] = []
            if let evidence = origin["evidence"]?.text { assumptions.append("currency from \(evidence)") }
            for finding in findings where finding.field != nil && (finding.field == label || finding.field == field) {
                assumptions.append("\(finding.code): \(finding.message)")
            }
            provenance.append(ProvenanceRow(
                field: field, origin: origin["origin"]?.text ?? "?", line: origin["line"]?.int, label: label,
                raw: origin["value"]?.text ?? Self.recordedText(field, in: record) ?? "", normalized: Self.normalized(field, in: record),
                assumptions: assumptions))
        }
    }

    /// Whether any finding has this severity.
    func has(severity: String) -> Bool { findings.contains { $0.severity == severity } }

    // MARK: - Formatting

    static func finding(_ node: JSONNode) -> Finding {
        Finding(
            severity: node["severity"]?.text ?? "info", code: node["code"]?.text ?? "?",
            message: node["message"]?.text ?? "", field: node["field"]?.text)
    }

    /// `58.99 EUR`; the amount alone when no currency was decided, the original text when there is no amount.
    static func money(_ node: JSONNode?) -> String? {
        guard let node else { return nil }
        guard let amount = node["amount"]?.text else { return node["text"]?.text }
        return [amount, node["currency"]?.text].compactMap { $0 }.joined(separator: " ")
    }

    static func converted(_ node: JSONNode?) -> String? {
        guard let node, let amount = node["amount"]?.text, let currency = node["currency"]?.text else { return nil }
        var text = "\(amount) \(currency)"
        if let sale = node["sale_amount"]?.text { text += " (sale \(sale) \(currency))" }
        if let rate = node["rate"]?.text {
            text += " at rate \(rate)" + (node["rate_date"]?.text.map { " of \($0)" } ?? "")
        }
        return text
    }

    /// `140 × 120 × 5 mm · gross 20 g · net 20 g`, or nil when the package says nothing.
    static func package(_ node: JSONNode?) -> String? {
        guard let node else { return nil }
        var parts: [String] = []
        let sides = ["length_mm", "width_mm", "height_mm"].map { node[$0]?.text ?? "?" }
        if sides.contains(where: { $0 != "?" }) { parts.append(sides.joined(separator: " × ") + " mm") }
        for (key, name) in [("weight_g", ""), ("gross_weight_g", "gross "), ("net_weight_g", "net ")] {
            if let grams = node[key]?.text { parts.append("\(name)\(grams) g") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The raw text a provenance entry leaves out because the record writes it unchanged at the field's place.
    static func recordedText(_ field: String, in record: JSONNode) -> String? {
        guard let place = RecordedText.place(ofField: field) else { return nil }
        let node = record[place.key]
        return place.member.map { node?[$0]?.text } ?? node?.text
    }

    /// The normalized value of a provenance field, read from the record itself.
    static func normalized(_ field: String, in record: JSONNode) -> String? {
        let package = record["package"]
        switch field {
        case "price", "sale_price":
            return money(record[field])
        case "gtin":
            guard let gtin = record["gtin"] else { return nil }
            let digits = gtin["digits"]?.text ?? gtin["raw"]?.text ?? ""
            let validity = gtin["valid"]?.bool == true ? "valid" : "invalid"
            return [digits, gtin["format"]?.text, validity].compactMap { $0 }.joined(separator: " · ")
        case "description":
            return record["description"]?.text.map { excerpt($0, limit: 80) }
        case "images":
            let images = record["images"]?.array.compactMap(\.text) ?? []
            return images.isEmpty ? nil : "\(images.count) image(s): \(images[0])"
        case "weight", "gross_weight", "net_weight":
            return package?["\(field)_g"]?.text.map { "\($0) g" }
        case "package_length", "package_width", "package_height":
            let side = field.dropFirst("package_".count)
            return package?["\(side)_mm"]?.text.map { "\($0) mm" }
        default:
            if let value = record[field]?.text { return value }
            let attribute = record["attributes"]?.array.first { $0["key"]?.text == field }
            return attribute?["value"]?.text
        }
    }

    /// The first `limit` characters of `text` on one line, with an ellipsis when cut.
    static func excerpt(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
