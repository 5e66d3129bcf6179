import Foundation

/// Reads the `service_plan` block of a normalized record: classifies it (`ServicePlanClassifier`), then reads
/// each term from mapped attributes, the title, and the description's sentences, recording where and in which
/// language each fact was found.
///
/// Pure: product in, plan and findings out; the product is not changed. A record that is not a service plan gives
/// no plan and no findings. Sentences nothing understands are simply not used: the description stays as it was.
public struct ServicePlanExtractor: Sendable {
    public let patterns: ServicePlanPatterns
    /// How a claim fee's amount is read: the run's currencies and price words, no currency assumed.
    public let prices: MoneyContext

    public init(patterns: ServicePlanPatterns = .builtIn, prices: MoneyContext = MoneyContext()) {
        self.patterns = patterns
        self.prices = prices
    }

    /// A cheap pre-check so ordinary products skip sentence splitting. It bounds from above the score the
    /// classifier could give: weighted attributes, then each kind phrase in the title, then each kind phrase
    /// anywhere in the description (a whole-text match finds every phrase a sentence match would, as the patterns
    /// have no anchors). It stops as soon as the threshold is reached or can no longer be, so it never changes a
    /// result and usually runs two patterns over an ordinary description.
    func mayBeServicePlan(_ product: Product) -> Bool {
        var possible = 0
        // A few weighted keys: compared in turn (no hashing of every mapped key), each counted once.
        let weighted = patterns.attributeWeights.list
        if weighted.count <= 64 {
            var seen: UInt64 = 0
            for attribute in product.attributes where attribute.isMapped {
                guard let index = weighted.firstIndex(where: { $0.key == attribute.key }) else { continue }
                if seen & (1 << UInt64(index)) == 0 {
                    seen |= 1 << UInt64(index)
                    possible += weighted[index].weight
                }
            }
        } else {
            var seenKeys = Set<String>()
            for attribute in product.attributes where attribute.isMapped {
                if let weight = patterns.attributeWeights[attribute.key], seenKeys.insert(attribute.key).inserted { possible += weight }
            }
        }
        if possible >= patterns.threshold { return true }
        // Kinds whose literals are missing from a text cannot match it (`ServicePlanPrefilter`): ordinary
        // products usually run no expression at all.
        if let title = product.title {
            let candidates = patterns.kindPrefilter.candidates(in: title)
            if candidates != 0 {
                let text = ServicePlanText(title)
                let matching = patterns.kinds.indices.filter { candidates & (1 << UInt64($0)) != 0 && patterns.kinds[$0].cues.matches(text) }
                possible += matching.count * patterns.titleWeight
            }
            if possible >= patterns.threshold { return true }
        }
        guard let description = product.description, patterns.descriptionWeight > 0 else { return false }
        let candidates = patterns.kindPrefilter.candidates(in: description)
        var folded: ServicePlanText?
        var remaining = patterns.kinds.count
        for (index, kind) in patterns.kinds.enumerated() {
            if possible + remaining * patterns.descriptionWeight < patterns.threshold { return false }
            remaining -= 1
            guard candidates & (1 << UInt64(index)) != 0 else { continue }
            let text = folded ?? ServicePlanText(description)
            folded = text
            if kind.cues.matches(text) {
                possible += patterns.descriptionWeight
                if possible >= patterns.threshold { return true }
            }
        }
        return possible >= patterns.threshold
    }

    public func extract(_ product: Product) -> (plan: ServicePlan?, findings: [Finding]) {
        guard mayBeServicePlan(product) else { return (nil, []) }
        return extractPlan(product)
    }

    /// `extract` into the product: its plan and the findings as diagnostics. A product that is not a service plan
    /// is left as it is, without building an empty result (a `ServicePlan?` is large, and most products are not).
    func apply(to product: inout Product) {
        guard mayBeServicePlan(product) else { return }
        let (plan, findings) = extractPlan(product)
        product.servicePlan = plan
        product.diagnostics += findings.map { Diagnostic($0, at: product.source.with(field: "service_plan")) }
    }

    /// `extract` for a product that passed `mayBeServicePlan`.
    private func extractPlan(_ product: Product) -> (plan: ServicePlan?, findings: [Finding]) {
        let title = product.title.map(ServicePlanText.init)
        let titleLine = product.provenance["title"]?.line
        let sentences = product.description.map(ServicePlanText.sentences) ?? []
        let attributes = product.attributes.filter(\.isMapped)
        guard let classified = ServicePlanClassifier(patterns: patterns)
            .classify(title: title, titleLine: titleLine, attributes: attributes, sentences: sentences) else { return (nil, []) }

        var findings: [Finding] = []
        var plan = ServicePlan(kind: classified.kind)
        plan.signals = classified.signals
        let context = Context(patterns: patterns, sentences: sentences)

        // Name and provider.
        var titleAnchor: NSRange?
        if let title, let (programme, range) = programme(in: title) {
            titleAnchor = range
            let origin = PlanFactOrigin(source: .title, match: title.originalText(range), line: titleLine)
            plan.name = PlanFact(programme.name, origin: origin, language: nil)
            plan.provider = programme.provider.map { PlanFact($0, origin: origin, language: nil) }
        } else if let (programme, sentence, range) = sentences.lazy.compactMap({ s in self.programme(in: s.text).map { ($0.0, s, $0.1) } }).first {
            let origin = context.origin(sentence, range)
            plan.name = PlanFact(programme.name, origin: origin, language: nil)
            plan.provider = programme.provider.map { PlanFact($0, origin: origin, language: nil) }
        } else if classified.kind.origin.source == .title, let match = classified.kind.origin.match {
            plan.name = PlanFact(match, origin: classified.kind.origin, language: classified.kind.language)
            if let title, let range = title.folded.range(of: TextFolding.fold(match)) {
                titleAnchor = NSRange(range, in: title.folded)
            }
        }
        if plan.provider == nil, let brand = product.brand {
            let label = product.provenance["brand"]?.label
            plan.provider = PlanFact(brand, origin: PlanFactOrigin(source: .field, label: label, match: brand, line: product.provenance["brand"]?.line), language: nil)
        }

        // Term.
        var attributeTerm: PlanFact<Int>?
        for attribute in attributes where attribute.key == "plan_term" {
            let origin = PlanFactOrigin(source: .attribute, label: attribute.label, match: attribute.originalValue, line: attribute.line)
            if let months = patterns.planTermValues[attribute.value] {
                attributeTerm = PlanFact(months, origin: origin, language: attribute.language)
            } else if let read = ServicePlanReading.termMonths(in: ServicePlanText(attribute.originalValue), patterns: patterns) {
                attributeTerm = PlanFact(read.months, origin: origin, language: read.language ?? attribute.language)
            }
            if attributeTerm != nil { break }
        }
        var titleTerm: PlanFact<Int>?
        if let title, let read = ServicePlanReading.termMonths(in: title, patterns: patterns) {
            titleTerm = PlanFact(read.months, origin: PlanFactOrigin(source: .title, match: title.originalText(read.range), line: titleLine), language: read.language)
        }
        if let attributeTerm, let titleTerm, attributeTerm.value != titleTerm.value {
            findings.append(.planTermConflict(attribute: attributeTerm, title: titleTerm))
        }
        plan.termMonths = attributeTerm ?? titleTerm ?? context.first(all: ["term"], none: ["max_term", "renewal"]) { sentence, _ in
            context.durations(sentence).first(where: { $0.months != nil }).map { ($0.months ?? 0, $0.range, nil) }
        }

        // Maximum term with renewals.
        plan.maxTermMonths = context.first(all: ["max_term"]) { sentence, cue in
            // The duration after the cue (`insgesamt 5 Jahre`), else the last one before it (`3 years in total`).
            let durations = context.durations(sentence).filter { $0.months != nil }
            let chosen = durations.first(where: { $0.range.location >= cue.range.location }) ?? durations.last
            return chosen.map { ($0.months ?? 0, $0.range, cue) }
        }

        // Covered products.
        let coverage = ServicePlanCoverage(patterns: patterns)
        plan.coveredModels = coverage.models(attributes: attributes, title: title, titleLine: titleLine, titleAnchor: titleAnchor, brand: product.brand, sentences: sentences)
        plan.coveredGTINs = coverage.gtins(attributes: attributes)

        // Claims.
        for sentence in sentences {
            let counts = ServicePlanReading.claimCounts(in: sentence.text, patterns: patterns, prices: prices)
            guard !counts.isEmpty else { continue }
            let terms = termMentions(in: sentence.text)
            for count in counts {
                let term = terms.last(where: { $0.location < count.range.location }) ?? terms.first
                plan.claims.append(PlanFact(ServicePlan.ClaimAllowance(count: count.count, termMonths: term?.months),
                                            origin: context.origin(sentence, count.range), language: count.language))
            }
        }
        if let term = plan.termMonths?.value, let match = plan.claims.first(where: { $0.value.termMonths == term }) {
            plan.claimsPerTerm = match.map(\.count)
        } else if plan.claims.count == 1 || plan.claims.filter({ $0.value.termMonths == nil }).count == 1 {
            plan.claimsPerTerm = (plan.claims.count == 1 ? plan.claims.first : plan.claims.first(where: { $0.value.termMonths == nil }))?.map(\.count)
        }

        // Claim fee.
        for sentence in sentences {
            guard let cue = patterns.cue("claim_fee").firstMatch(in: sentence.text) else { continue }
            let cueEnd = NSRange(location: 0, length: cue.range.location + cue.range.length)
            let offset = Range(cueEnd, in: sentence.text.folded).map { sentence.text.originalText(NSRange($0, in: sentence.text.folded)).utf16.count } ?? 0
            if let (price, _) = ServicePlanReading.claimFee(in: sentence.text.original, cueEnd: offset, prices: prices) {
                plan.claimFee = PlanFact(price, origin: PlanFactOrigin(source: .description, paragraph: sentence.paragraph, sentence: sentence.index, match: price.text), language: cue.language)
                break
            }
            if sentence.text.original.contains(where: \.isNumber) { findings.append(.planClaimFeeUnreadable(sentence.text.original, sentence: sentence.index)) }
        }
        if plan.claimFee != nil {
            plan.claimFeeNote = context.first(all: ["exchange_rate"]) { sentence, cue in ("varies_with_exchange_rate", cue.range, cue) }
        }

        // Activation.
        plan.activation.anyTime = context.first(all: ["activation", "any_time"]) { _, cue in (true, cue.range, cue) }
        plan.activation.windowDays = context.first(all: ["activation", "purchase_ref"], none: ["any_time", "verification_video"]) { sentence, cue in
            context.durations(sentence).first(where: { $0.days != nil }).map { ($0.days ?? 0, $0.range, cue) }
        }
        plan.activation.verificationVideoAfterDays = context.first(all: ["verification_video"]) { sentence, cue in
            context.durations(sentence).first(where: { $0.days != nil }).map { ($0.days ?? 0, $0.range, cue) }
        }
        plan.activation.activeWithinHours = context.first(all: ["activation", "within"], none: ["purchase_ref", "renewal"]) { sentence, cue in
            context.durations(sentence).first(where: { $0.hours != nil }).map { ($0.hours ?? 0, $0.range, cue) }
        }

        // Delivery form.
        if let attribute = attributes.first(where: { $0.key == "service_delivery" }) {
            plan.delivery = PlanFact(attribute.value, origin: PlanFactOrigin(source: .attribute, label: attribute.label, match: attribute.originalValue, line: attribute.line), language: attribute.language)
        } else if let title, let cue = patterns.cue("code_card").firstMatch(in: title) {
            plan.delivery = PlanFact("code_card", origin: PlanFactOrigin(source: .title, match: title.originalText(cue.range), line: titleLine), language: cue.language)
        } else {
            plan.delivery = context.first(all: ["code_card"]) { _, cue in ("code_card", cue.range, cue) }
                ?? context.first(all: ["code_word", "by_email"]) { _, cue in ("email_code", cue.range, cue) }
        }

        // Renewal.
        plan.renewal.termMonths = context.first(all: ["renewal"], none: ["max_term"]) { sentence, cue in
            termMentions(in: sentence.text).first.map { ($0.months, $0.range, $0.language.map { (language: $0, range: cue.range) } ?? cue) }
        }
        plan.renewal.duringTerm = context.first(all: ["renewal", "during_term"]) { _, cue in (true, cue.range, cue) }
        plan.renewal.graceDays = context.first(all: ["renewal", "within"], none: ["purchase_ref"]) { sentence, cue in
            context.durations(sentence).first(where: { $0.days != nil }).map { ($0.days ?? 0, $0.range, cue) }
        }

        // Warranty extension when no claim is used.
        plan.warrantyExtension = context.first(all: ["warranty", "extend", "no_claim"]) { sentence, cue in
            context.durations(sentence).first(where: { $0.months != nil })
                .map { (ServicePlan.WarrantyExtension(months: $0.months ?? 0, condition: "no_claim_used"), $0.range, cue) }
        }

        // Returns.
        plan.nonReturnable = context.first(all: ["no_return"]) { sentence, cue in
            let condition = patterns.cue("code_revealed").matches(sentence.text) ? "once_code_revealed" : "always"
            return (condition, cue.range, cue)
        }
        return (plan, findings)
    }

    // MARK: - Helpers

    private func programme(in text: ServicePlanText) -> (ServicePlanPatterns.Programme, NSRange)? {
        for programme in patterns.programmes {
            if let match = programme.regex?.firstMatch(in: text.folded, range: text.fullRange) { return (programme, match.range) }
        }
        return nil
    }

    /// Plan terms a sentence names (`annual plan`, `2-year package`, `3 years`), in order.
    private func termMentions(in text: ServicePlanText) -> [(months: Int, location: Int, range: NSRange, language: String?)] {
        var mentions: [(months: Int, location: Int, range: NSRange, language: String?)] = []
        for duration in ServicePlanReading.durations(in: text, patterns: patterns) {
            if let months = duration.months { mentions.append((months, duration.range.location, duration.range, nil)) }
        }
        for (months, cues) in patterns.termWords {
            for (language, regex) in cues.patterns {
                for match in regex.matches(in: text.folded, range: text.fullRange)
                where !mentions.contains(where: { NSIntersectionRange($0.range, match.range).length > 0 }) {
                    mentions.append((months, match.range.location, match.range, language))
                }
            }
        }
        return mentions.sorted { $0.location < $1.location }
    }

    /// The sentences and how to look through them for a fact. Remembers which cue groups each sentence matches
    /// and its durations, since most facts look at the same groups; one per extraction, never shared.
    private final class Context {
        let patterns: ServicePlanPatterns
        let sentences: [ServicePlanText.Sentence]
        private var cueCache: [String: [(language: String, range: NSRange)?]] = [:]
        private var durationCache: [Int: [ServicePlanReading.Duration]] = [:]

        init(patterns: ServicePlanPatterns, sentences: [ServicePlanText.Sentence]) {
            self.patterns = patterns
            self.sentences = sentences
        }

        func origin(_ sentence: ServicePlanText.Sentence, _ range: NSRange) -> PlanFactOrigin {
            PlanFactOrigin(source: .description, paragraph: sentence.paragraph, sentence: sentence.index, match: sentence.text.originalText(range))
        }

        /// The first match of a cue group in sentence number `position` (0-based), computed once.
        func cue(_ name: String, at position: Int) -> (language: String, range: NSRange)? {
            if let cached = cueCache[name] { return cached[position] }
            let group = patterns.cue(name)
            let all = sentences.map { group.firstMatch(in: $0.text) }
            cueCache[name] = all
            return all[position]
        }

        /// The durations of a sentence, computed once.
        func durations(_ sentence: ServicePlanText.Sentence) -> [ServicePlanReading.Duration] {
            if let cached = durationCache[sentence.index] { return cached }
            let found = ServicePlanReading.durations(in: sentence.text, patterns: patterns)
            durationCache[sentence.index] = found
            return found
        }

        /// The first sentence in which every group of `all` and no group of `none` is found and `read` gives a
        /// value. The fact's language is the language of the last group of `all` (the most specific one), unless
        /// `read` names another.
        func first<Value>(all: [String], none: [String] = [],
                          _ read: (ServicePlanText.Sentence, (language: String, range: NSRange)) -> (Value, NSRange, (language: String, range: NSRange)?)?) -> PlanFact<Value>? {
            for (position, sentence) in sentences.enumerated() {
                var last: (language: String, range: NSRange)?
                var ok = true
                for name in all {
                    guard let found = cue(name, at: position) else { ok = false; break }
                    last = found
                }
                guard ok, let cue = last else { continue }
                if none.contains(where: { self.cue($0, at: position) != nil }) { continue }
                guard let (value, range, language) = read(sentence, cue) else { continue }
                return PlanFact(value, origin: origin(sentence, range), language: (language ?? cue).language)
            }
            return nil
        }
    }
}

// MARK: - Findings

extension Finding {
    static func planTermConflict(attribute: PlanFact<Int>, title: PlanFact<Int>) -> Finding {
        Finding(.warning, .planTermConflict, "The plan term is \(attribute.value) months by the attribute \"\(attribute.origin.label ?? "")\" but \(title.value) months by the title (\"\(title.origin.match ?? "")\"); the attribute's was kept.")
    }
    static func planClaimFeeUnreadable(_ sentence: String, sentence index: Int) -> Finding {
        Finding(.info, .planClaimFeeUnreadable, "Description sentence \(index) speaks of a claim fee but no amount with a currency was found in it (\"\(sentence.prefix(120))\"); no claim fee kept, the text stays in the description.")
    }
}
