/// Rules for service plans (records with a `service_plan` block). Goods are never checked by them.

/// A care plan or extended warranty that names no product it covers cannot be sold next to the right device.
public struct PlanWithoutCoveredProductRule: RecordRule {
    public let code: FindingCode = .planNoCoveredProduct
    public let title = "Service plan without a covered product"
    public let example = "`Phone Protection Plan – 24 months` with no model in the title and no covered-model attribute."
    public let defaultSeverity = Severity.warning
    public let explanation = "A care plan or extended warranty should name the product(s) it covers (a covered-model attribute, the title, or a description sentence listing models); without one it cannot be offered with, or linked to, the right device. Subscriptions and activation codes are not checked."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        // Goods (most records) are passed over without copying out a plan (a 2 KB value).
        guard product.isServicePlan else { return [] }
        guard let plan = product.servicePlan, plan.coveredModels.isEmpty, plan.coveredGTINs.isEmpty else { return [] }
        guard [.carePlan, .extendedWarranty, .servicePlan].contains(plan.kind.value) else { return [] }
        return [Finding(defaultSeverity, code, "The \(plan.kind.value.rawValue.replacingOccurrences(of: "_", with: " ")) names no covered product; add a covered-model attribute or name the model in the title.")]
    }
}

/// A claim fee in another currency than the plan's price usually means the fee is the provider's, charged at a
/// rate the shop does not control.
public struct PlanClaimFeeCurrencyRule: RecordRule {
    public let code: FindingCode = .planClaimFeeCurrency
    public let title = "Claim fee in another currency than the price"
    public let example = "A plan priced `58.99€` whose text says `the cost of each replacement is: PLN 199`."
    public let defaultSeverity = Severity.warning
    public let explanation = "A plan's claim fee is expected in the currency of its price. A fee in another currency is usually the provider's own price and varies with the exchange rate; shoppers should be told so."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        // Goods (most records) are passed over without copying out a plan (a 2 KB value).
        guard product.isServicePlan else { return [] }
        guard let fee = product.servicePlan?.claimFee?.value.money, let price = product.price?.money, fee.currency != price.currency else { return [] }
        let note = product.servicePlan?.claimFeeNote != nil ? " (the text says it varies with the exchange rate)" : ""
        return [Finding(defaultSeverity, code, "The claim fee \(fee.amountText) \(fee.currency) is in another currency than the price \(price.amountText) \(price.currency)\(note).")]
    }
}

/// A plan term longer than the maximum total term the text states is a contradiction in the data.
public struct PlanTermExceedsMaximumRule: RecordRule {
    public let code: FindingCode = .planTermExceedsMax
    public let title = "Plan term longer than its maximum"
    public let example = "`Laufzeit: 3 Jahre` with `insgesamt höchstens 2 Jahre` in the description."
    public let defaultSeverity = Severity.error
    public let explanation = "A plan's term cannot be longer than the maximum total term (with renewals) the same record states; one of the two is wrong."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        // Goods (most records) are passed over without copying out a plan (a 2 KB value).
        guard product.isServicePlan else { return [] }
        guard let plan = product.servicePlan, let term = plan.termMonths?.value, let maximum = plan.maxTermMonths?.value, term > maximum else { return [] }
        return [Finding(defaultSeverity, code, "The plan term, \(term) months, is longer than the stated maximum of \(maximum) months with renewals.")]
    }
}
