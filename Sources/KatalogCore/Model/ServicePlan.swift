/// The `service_plan` block of a catalog record: the terms of a care/protection plan, extended warranty,
/// subscription or activation code, each fact with its origin and language.
///
/// Only what the source states is filled in; a fact the text does not state (or states in words Katalog does not
/// know) stays nil and the description keeps the text untouched.
public struct ServicePlan: Sendable, Hashable, Codable {
    /// What sort of service the record sells.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case carePlan = "care_plan"
        case extendedWarranty = "extended_warranty"
        case subscription
        case activationCode = "activation_code"
        /// Classified as a service plan (by attributes, say) without words that say which sort.
        case servicePlan = "service_plan"
    }

    /// How many claims (replacements, repairs) a plan of some term includes, as one sentence states it.
    public struct ClaimAllowance: Sendable, Hashable, Codable {
        public var count: Int
        /// The plan term the statement is about (`annual plan` → 12), when it names one.
        public var termMonths: Int?

        public init(count: Int, termMonths: Int?) {
            self.count = count
            self.termMonths = termMonths
        }
    }

    /// When and how the plan is activated.
    public struct Activation: Sendable, Hashable, Codable {
        /// The plan can be activated at any time.
        public var anyTime: PlanFact<Bool>?
        /// The plan must be activated within this many days of purchase.
        public var windowDays: PlanFact<Int>?
        /// After this many days a verification video of the device is required.
        public var verificationVideoAfterDays: PlanFact<Int>?
        /// The service becomes active within this many hours of activation or approval.
        public var activeWithinHours: PlanFact<Int>?

        public init() {}

        public var isEmpty: Bool { anyTime == nil && windowDays == nil && verificationVideoAfterDays == nil && activeWithinHours == nil }
    }

    /// How the plan may be renewed.
    public struct Renewal: Sendable, Hashable, Codable {
        /// Renewal is only with a plan of this term (`annual plan only` → 12).
        public var termMonths: PlanFact<Int>?
        /// Renewal is possible while the current plan runs.
        public var duringTerm: PlanFact<Bool>?
        /// Renewal is possible up to this many days after the plan expires.
        public var graceDays: PlanFact<Int>?

        public init() {}

        public var isEmpty: Bool { termMonths == nil && duringTerm == nil && graceDays == nil }
    }

    /// The manufacturer's warranty is extended when the plan ends without a claim.
    public struct WarrantyExtension: Sendable, Hashable, Codable {
        public var months: Int
        /// `no_claim_used` when the text ties the extension to an unused plan.
        public var condition: String?

        public init(months: Int, condition: String?) {
            self.months = months
            self.condition = condition
        }
    }

    public var kind: PlanFact<Kind>
    /// Every signal that classified the record (title phrase, attribute, description phrase).
    public var signals: [PlanFact<String>] = []
    /// Who provides the service (`DJI`).
    public var provider: PlanFact<String>?
    /// The plan's name (`DJI Care Refresh`).
    public var name: PlanFact<String>?
    /// The term of the plan sold by this record, in months.
    public var termMonths: PlanFact<Int>?
    /// The longest total term with renewals, in months.
    public var maxTermMonths: PlanFact<Int>?
    /// The model names the plan is for (`DJI RS 4 Mini`).
    public var coveredModels: [PlanFact<String>] = []
    /// GTINs of covered products, when the source names them.
    public var coveredGTINs: [PlanFact<String>] = []
    /// Every claim allowance the text states (per annual plan, per 2-year plan, in total).
    public var claims: [PlanFact<ClaimAllowance>] = []
    /// The claims included in this record's term, chosen from `claims`.
    public var claimsPerTerm: PlanFact<Int>?
    /// The fee per claim, with the text it was read from.
    public var claimFee: PlanFact<Price>?
    /// `varies_with_exchange_rate` when the text says the fee depends on the exchange rate.
    public var claimFeeNote: PlanFact<String>?
    public var activation = Activation()
    /// How the plan is delivered: `code_card`, `email_code`.
    public var delivery: PlanFact<String>?
    public var renewal = Renewal()
    public var warrantyExtension: PlanFact<WarrantyExtension>?
    /// `once_code_revealed` (no return once the code is revealed or the seal removed) or `always`.
    public var nonReturnable: PlanFact<String>?

    public init(kind: PlanFact<Kind>) {
        self.kind = kind
    }
}

extension Product {
    /// True when the record sells a service (care plan, extended warranty, subscription, activation code) rather
    /// than a physical good. Rules about physical goods (box size, weight plausibility) should skip such records.
    public var isServicePlan: Bool {
        // A pattern, not `!= nil`: the comparison built a nil `ServicePlan?` (a 2 KB value) to compare with.
        switch servicePlan {
        case .none: false
        case .some: true
        }
    }
}
