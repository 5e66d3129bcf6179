import KatalogCore

/// Links the covered products of a run's service plans to the run's other catalog records.
///
/// Records stream out of the pipeline in input order, and a plan may come before or after the products it
/// covers, so links cannot be attached to records as they are written. Instead this run-level index is fed every
/// imported record as it is handed on (in input order, so the result does not depend on `--jobs`): plans are kept
/// whole (few and small), other records as a compact key (id, GTIN, MPN, folded title tokens). At the end of the
/// run `links()` resolves them and the report's `service_plan_links` section carries the result. Memory grows
/// with the number of records by one small key each, up to `capacity` (100,000) records; beyond that no more
/// keys are kept and the section says it is incomplete.
final class ServicePlanLinkIndex {
    private struct PlanEntry {
        var id: String
        var models: [String]
        var gtins: [String]
    }

    private struct Candidate {
        var id: String
        var gtin: String?
        var mpn: String?
        /// Folded title tokens, with the brand's tokens in front when the title does not start with them.
        var tokens: [String]
    }

    private let suffixes: Set<String>
    private let capacity: Int
    private var plans: [PlanEntry] = []
    private var candidates: [Candidate] = []
    private(set) var isComplete = true

    /// The default `capacity`: about 30 MB of keys, so a nightly feed of millions of rows stays within the
    /// import's memory budget. Plans are rarely sold in such feeds; when they are, the report says the linking is
    /// incomplete rather than letting memory grow.
    static let defaultCapacity = 100_000

    init(suffixes: Set<String>, capacity: Int = ServicePlanLinkIndex.defaultCapacity) {
        self.suffixes = suffixes
        self.capacity = capacity
    }

    /// Notes one imported record.
    func add(_ product: Product) {
        if let plan = product.servicePlan {
            let entry = PlanEntry(id: product.id, models: plan.coveredModels.map(\.value), gtins: plan.coveredGTINs.map(\.value))
            if !entry.models.isEmpty || !entry.gtins.isEmpty { plans.append(entry) }
            return
        }
        guard candidates.count < capacity else {
            isComplete = false
            return
        }
        var tokens = Self.tokens(product.title ?? "")
        if let brand = product.brand {
            let brandTokens = Self.tokens(brand)
            if !brandTokens.isEmpty, !tokens.starts(with: brandTokens) { tokens = brandTokens + tokens }
        }
        let gtin = product.gtin.flatMap { $0.isValid ? $0.digits : nil }
        let mpn = product.mpn.map(TextFolding.fold)
        guard gtin != nil || mpn != nil || !tokens.isEmpty else { return }
        candidates.append(Candidate(id: product.id, gtin: gtin, mpn: mpn, tokens: tokens))
    }

    /// Every covered product of every plan, with the records that match it, in input order.
    func links() -> [ServicePlanLink] {
        var result: [ServicePlanLink] = []
        for plan in plans {
            for gtin in plan.gtins {
                let matches = candidates.filter { $0.gtin == gtin }.map { ServicePlanLink.Match(product: $0.id, matchedBy: "gtin") }
                result.append(ServicePlanLink(plan: plan.id, covered: gtin, coveredBy: "gtin", products: matches))
            }
            for model in plan.models {
                let folded = TextFolding.fold(model)
                let modelTokens = Self.tokens(model)
                var matches: [ServicePlanLink.Match] = []
                for candidate in candidates {
                    if let mpn = candidate.mpn, mpn == folded {
                        matches.append(.init(product: candidate.id, matchedBy: "mpn"))
                    } else if contains(candidate.tokens, modelTokens) {
                        matches.append(.init(product: candidate.id, matchedBy: "title"))
                    }
                }
                result.append(ServicePlanLink(plan: plan.id, covered: model, coveredBy: "model", products: matches))
            }
        }
        return result
    }

    /// True when `model` occurs as consecutive tokens of `title` and the token after it does not name another
    /// model (`RS 4` is not `RS 4 Mini`; `RS 4 Mini Combo` is still an `RS 4 Mini`).
    private func contains(_ title: [String], _ model: [String]) -> Bool {
        guard !model.isEmpty, title.count >= model.count else { return false }
        for start in 0...(title.count - model.count) where Array(title[start..<(start + model.count)]) == model {
            let next = start + model.count
            if next == title.count { return true }
            let following = title[next]
            if !suffixes.contains(following), !following.allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    static func tokens(_ text: String) -> [String] {
        TextFolding.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "+") }).map(String.init)
    }
}
