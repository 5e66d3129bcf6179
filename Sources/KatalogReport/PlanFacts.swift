import Foundation

/// Turns a record's `service_plan` (docs/service-plans.md) into readable facts: `term: 12 months`,
/// `claim fee: 199.00 PLN`, each with the words it was read from.
enum PlanFacts {
    /// Every fact of the plan in the order of its keys; nested groups (`activation`, `renewal`) are flattened
    /// as `activation › any time`. The `signals` that classified the record are left out: they are not facts.
    static func facts(_ plan: JSONNode) -> [RecordView.PlanFact] {
        var facts: [RecordView.PlanFact] = []
        collect(plan, prefix: "", into: &facts)
        return facts
    }

    /// One line for the product table: kind, term, claims per term, claim fee.
    static func summary(_ plan: JSONNode) -> String {
        var parts: [String] = []
        if let kind = plan["kind"]?["value"]?.text { parts.append(kind.replacingOccurrences(of: "_", with: " ")) }
        if let term = plan["term_months"]?["value"]?.text { parts.append("\(term) months") }
        if let claims = plan["claims_per_term"]?["value"]?.text { parts.append("\(claims) claims/term") }
        if let fee = RecordView.money(plan["claim_fee"]?["value"]) { parts.append("fee \(fee)") }
        return parts.joined(separator: " · ")
    }

    private static func collect(_ node: JSONNode, prefix: String, into facts: inout [RecordView.PlanFact]) {
        for (key, value) in node.members.sorted(by: { $0.key < $1.key }) where key != "signals" {
            let path = prefix.isEmpty ? key : "\(prefix) › \(key)"
            switch value {
            case .array(let items):
                for item in items { append(item, key: key, path: path, into: &facts) }
            case .object where value["origin"] != nil || value["value"] != nil:
                append(value, key: key, path: path, into: &facts)
            case .object:
                collect(value, prefix: path, into: &facts)
            default:
                if let text = value.text { facts.append(.init(name: readable(path), value: text, evidence: "")) }
            }
        }
    }

    private static func append(_ fact: JSONNode, key: String, path: String, into facts: inout [RecordView.PlanFact]) {
        guard let value = fact["value"] else { return }
        let (name, unit) = nameAndUnit(path)
        facts.append(.init(name: name, value: format(value, unit: unit), evidence: evidence(fact["origin"])))
    }

    /// `term_months` → (`term`, `months`); other names keep their words and get no unit.
    private static func nameAndUnit(_ path: String) -> (String, String?) {
        for unit in ["months", "days", "hours"] where path.hasSuffix("_\(unit)") {
            return (readable(String(path.dropLast(unit.count + 1))), unit)
        }
        return (readable(path), nil)
    }

    private static func readable(_ path: String) -> String {
        path.replacingOccurrences(of: "_", with: " ")
    }

    static func format(_ value: JSONNode, unit: String? = nil) -> String {
        if let money = value["amount"] != nil ? RecordView.money(value) : nil { return money }
        if let count = value["count"]?.text {
            let term = value["term_months"]?.text.map { " in \($0) months" } ?? ""
            return "\(count) claims\(term)"
        }
        if let months = value["months"]?.text {
            let condition = value["condition"]?.text.map { " (\(readable($0)))" } ?? ""
            return "\(months) months\(condition)"
        }
        switch value {
        case .object(let members):
            return members.sorted { $0.key < $1.key }.map { "\(readable($0.key)): \(format($0.value))" }
                .joined(separator: ", ")
        case .array(let items):
            return items.map { format($0) }.joined(separator: ", ")
        default:
            let text = value.text.map(readable) ?? ""
            return unit.map { "\(text) \($0)" } ?? text
        }
    }

    /// `description ¶7: "PLN 199"`, `attribute "Plan", line 85: "Roczny"`, `title, line 5: "Care Refresh"`.
    static func evidence(_ origin: JSONNode?) -> String {
        guard let origin else { return "" }
        var place = origin["source"]?.text ?? "?"
        if let label = origin["label"]?.text { place += " \"\(label)\"" }
        if let line = origin["line"]?.text { place += ", line \(line)" }
        if let paragraph = origin["paragraph"]?.text { place += " ¶\(paragraph)" }
        if let match = origin["match"]?.text { place += ": \"\(match)\"" }
        return place
    }
}
