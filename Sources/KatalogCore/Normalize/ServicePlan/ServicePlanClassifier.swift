import Foundation

/// Decides whether a record sells a service plan, and which sort, from its mapped attributes, title and
/// description, using the weighted phrases of `service-plans.json` (not any one shop's words).
///
/// A record scores the title weight for a kind phrase in its title, the description weight once per kind found in
/// its description, and each listed attribute key's weight; it is a plan when the score reaches the threshold.
/// A record that does not reach it is left alone: no block, no findings.
struct ServicePlanClassifier {
    let patterns: ServicePlanPatterns

    struct Result {
        var kind: PlanFact<ServicePlan.Kind>
        var signals: [PlanFact<String>]
        var score: Int
    }

    func classify(title: ServicePlanText?, titleLine: Int?, attributes: [Attribute], sentences: [ServicePlanText.Sentence]) -> Result? {
        var score = 0
        var signals: [PlanFact<String>] = []
        var titleKind: PlanFact<ServicePlan.Kind>?
        var descriptionKind: PlanFact<ServicePlan.Kind>?
        var attributeOrigin: PlanFactOrigin?

        var seenKeys = Set<String>()
        for attribute in attributes where attribute.isMapped {
            guard let weight = patterns.attributeWeights[attribute.key], seenKeys.insert(attribute.key).inserted else { continue }
            score += weight
            let origin = PlanFactOrigin(source: .attribute, label: attribute.label, match: attribute.originalValue, line: attribute.line)
            if attributeOrigin == nil { attributeOrigin = origin }
            signals.append(PlanFact("attribute:\(attribute.key)", origin: origin, language: attribute.language))
        }
        // The language most attributes are labelled in settles words several languages share.
        var counts: [String: Int] = [:]
        for attribute in attributes { if let language = attribute.language { counts[language, default: 0] += 1 } }
        let preferred = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        for (kind, cues) in patterns.kinds {
            if let title, let found = cues.firstMatch(in: title, preferring: preferred) {
                let origin = PlanFactOrigin(source: .title, match: title.originalText(found.range), line: titleLine)
                score += patterns.titleWeight
                signals.append(PlanFact("title:\(kind.rawValue)", origin: origin, language: found.language))
                if titleKind == nil { titleKind = PlanFact(kind, origin: origin, language: found.language) }
            }
            for sentence in sentences {
                guard let found = cues.firstMatch(in: sentence.text, preferring: preferred) else { continue }
                let origin = PlanFactOrigin(source: .description, paragraph: sentence.paragraph, sentence: sentence.index, match: sentence.text.originalText(found.range))
                score += patterns.descriptionWeight
                signals.append(PlanFact("description:\(kind.rawValue)", origin: origin, language: found.language))
                if descriptionKind == nil { descriptionKind = PlanFact(kind, origin: origin, language: found.language) }
                break
            }
        }
        guard score >= patterns.threshold else { return nil }
        let kind = titleKind ?? descriptionKind
            ?? attributeOrigin.map { PlanFact(ServicePlan.Kind.servicePlan, origin: $0, language: nil) }
            ?? PlanFact(ServicePlan.Kind.servicePlan, origin: PlanFactOrigin(source: .title, line: titleLine), language: nil)
        return Result(kind: kind, signals: signals, score: score)
    }
}
