import KatalogCore

/// Links the covered products of a run's service plans to the run's other catalog records.
///
/// Records stream out of the pipeline in input order, and a plan may come before or after the products it
/// covers, so links cannot be attached to records as they are written. Instead this run-level index is fed every
/// imported record as it is handed on (in input order, so the result does not depend on `--jobs`): plans are kept
/// in memory (few and small), every other record's id, GTIN, MPN, title and brand are appended to a scratch file.
/// At the end of the run `links()` reads that file back once, only when the run has plans, and the report's
/// `service_plan_links` section carries the result. Memory does not grow with the number of records, and the
/// cost for a run without plans is one buffered append per record.
final class ServicePlanLinkIndex {
    private struct PlanEntry {
        var id: String
        var models: [String]
        var gtins: [String]
    }

    /// What a covered model is compared with, prepared once per model.
    private struct CoveredModel {
        var name: String
        var folded: String
        var tokens: [String]
    }

    private let suffixes: Set<String>
    private var plans: [PlanEntry] = []
    /// id, valid GTIN, MPN, title, brand of every imported record that is not a plan; nil when no scratch file
    /// could be created.
    private let candidates: ScratchLog?

    /// False when the candidates could not be kept (no temporary space); the report then says the linking is
    /// incomplete.
    var isComplete: Bool { candidates?.isComplete ?? false }

    init(suffixes: Set<String>) {
        self.suffixes = suffixes
        candidates = ScratchLog()
    }

    /// Notes one imported record.
    func add(_ product: Product) {
        if let plan = product.servicePlan {
            let entry = PlanEntry(id: product.id, models: plan.coveredModels.map(\.value), gtins: plan.coveredGTINs.map(\.value))
            if !entry.models.isEmpty || !entry.gtins.isEmpty { plans.append(entry) }
            return
        }
        let gtin = product.gtin.flatMap { $0.isValid ? $0.digits : nil }
        guard gtin != nil || product.mpn != nil || product.title != nil || product.brand != nil else { return }
        candidates?.append([product.id, gtin, product.mpn, product.title, product.brand])
    }

    /// Every covered product of every plan, with the records that match it, in input order.
    func links() -> [ServicePlanLink] {
        guard !plans.isEmpty else { return [] }
        var gtinMatches = plans.map { [[ServicePlanLink.Match]](repeating: [], count: $0.gtins.count) }
        var modelMatches = plans.map { [[ServicePlanLink.Match]](repeating: [], count: $0.models.count) }
        let models = plans.map { plan in plan.models.map { CoveredModel(name: $0, folded: TextFolding.fold($0), tokens: Self.tokens($0)) } }
        candidates?.forEach { fields in
            guard fields.count == 5, let id = fields[0] else { return }
            let gtin = fields[1], mpn = fields[2].map(TextFolding.fold)
            var tokens = Self.tokens(fields[3] ?? "")
            if let brand = fields[4] {
                let brandTokens = Self.tokens(brand)
                if !brandTokens.isEmpty, !tokens.starts(with: brandTokens) { tokens = brandTokens + tokens }
            }
            for (planIndex, plan) in plans.enumerated() {
                for (index, covered) in plan.gtins.enumerated() where gtin == covered {
                    gtinMatches[planIndex][index].append(.init(product: id, matchedBy: "gtin"))
                }
                for (index, model) in models[planIndex].enumerated() {
                    if let mpn, mpn == model.folded {
                        modelMatches[planIndex][index].append(.init(product: id, matchedBy: "mpn"))
                    } else if contains(tokens, model.tokens) {
                        modelMatches[planIndex][index].append(.init(product: id, matchedBy: "title"))
                    }
                }
            }
        }
        var result: [ServicePlanLink] = []
        for (planIndex, plan) in plans.enumerated() {
            for (index, gtin) in plan.gtins.enumerated() {
                result.append(ServicePlanLink(plan: plan.id, covered: gtin, coveredBy: "gtin", products: gtinMatches[planIndex][index]))
            }
            for (index, model) in models[planIndex].enumerated() {
                result.append(ServicePlanLink(plan: plan.id, covered: model.name, coveredBy: "model", products: modelMatches[planIndex][index]))
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
