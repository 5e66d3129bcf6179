import KatalogCore

/// The service-plan columns of `catalog.csv` (empty for goods), placed after `description`.
public enum ServicePlanCSV {
    public static let columns: [String] = [
        "plan_kind", "plan_term_months", "plan_max_term_months", "plan_claims_included",
        "plan_claim_fee_amount", "plan_claim_fee_currency", "plan_covered_models",
    ]

    /// The cells of `columns` for one record.
    public static func cells(_ product: Product) -> [String] {
        var list = CSVCellList()
        writeCells(product, into: &list)
        return list.cells
    }

    /// Feeds the cells of `columns` for one record to `sink`.
    static func writeCells<Sink: CSVCellSink>(_ product: Product, into sink: inout Sink) {
        guard let plan = product.servicePlan else {
            for _ in columns { sink.cell("") }
            return
        }
        sink.cell(plan.kind.value.rawValue)
        sink.cell(plan.termMonths?.value)
        sink.cell(plan.maxTermMonths?.value)
        sink.cell(plan.claimsPerTerm?.value)
        sink.number(plan.claimFee?.value.money.amountText)
        sink.cell(plan.claimFee?.value.money.currency)
        sink.cell(joining: plan.coveredModels.lazy.map(\.value), separator: ProductCSV.multiValueSeparator)
    }
}
