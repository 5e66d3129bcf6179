import KatalogCore

/// The service-plan columns of `catalog.csv` (empty for goods), placed after `description`.
public enum ServicePlanCSV {
    public static let columns: [String] = [
        "plan_kind", "plan_term_months", "plan_max_term_months", "plan_claims_included",
        "plan_claim_fee_amount", "plan_claim_fee_currency", "plan_covered_models",
    ]

    /// The cells of `columns` for one record.
    public static func cells(_ product: Product) -> [String] {
        guard let plan = product.servicePlan else { return Array(repeating: "", count: columns.count) }
        return [
            plan.kind.value.rawValue,
            plan.termMonths.map { String($0.value) } ?? "",
            plan.maxTermMonths.map { String($0.value) } ?? "",
            plan.claimsPerTerm.map { String($0.value) } ?? "",
            plan.claimFee?.value.money.amountText ?? "",
            plan.claimFee?.value.money.currency ?? "",
            plan.coveredModels.map(\.value).joined(separator: ProductCSV.multiValueSeparator),
        ]
    }
}
