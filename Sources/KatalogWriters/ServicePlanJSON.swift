import KatalogCore

/// The `service_plan` block of a catalog record (documented in `docs/service-plans.md` and
/// `docs/service-plan.schema.json`). Every fact is `{"value", "origin", "language"}`; an unknown fact is `null`.
public enum ServicePlanJSON {
    public static func encode(_ plan: ServicePlan) -> JSONValue {
        .object([
            "kind": fact(plan.kind) { .string($0.rawValue) },
            "signals": .array(plan.signals.map { fact($0, JSONValue.string) }),
            "provider": fact(plan.provider, JSONValue.string),
            "name": fact(plan.name, JSONValue.string),
            "term_months": fact(plan.termMonths, JSONValue.int),
            "max_term_months": fact(plan.maxTermMonths, JSONValue.int),
            "covered_models": .array(plan.coveredModels.map { fact($0, JSONValue.string) }),
            "covered_gtins": .array(plan.coveredGTINs.map { fact($0, JSONValue.string) }),
            "claims": .array(plan.claims.map { fact($0) { .object(["count": .int($0.count), "term_months": .int($0.termMonths)]) } }),
            "claims_per_term": fact(plan.claimsPerTerm, JSONValue.int),
            "claim_fee": fact(plan.claimFee) { ProductJSON.encode($0) },
            "claim_fee_note": fact(plan.claimFeeNote, JSONValue.string),
            "activation": .object([
                "any_time": fact(plan.activation.anyTime, JSONValue.bool),
                "window_days": fact(plan.activation.windowDays, JSONValue.int),
                "verification_video_after_days": fact(plan.activation.verificationVideoAfterDays, JSONValue.int),
                "active_within_hours": fact(plan.activation.activeWithinHours, JSONValue.int),
            ]),
            "delivery": fact(plan.delivery, JSONValue.string),
            "renewal": .object([
                "term_months": fact(plan.renewal.termMonths, JSONValue.int),
                "during_term": fact(plan.renewal.duringTerm, JSONValue.bool),
                "grace_days": fact(plan.renewal.graceDays, JSONValue.int),
            ]),
            "warranty_extension": fact(plan.warrantyExtension) { .object(["months": .int($0.months), "condition": .string($0.condition)]) },
            "non_returnable": fact(plan.nonReturnable, JSONValue.string),
        ])
    }

    /// The `service_plan_links` section of `report.json`.
    public static func encode(links: [ServicePlanLink], complete: Bool) -> JSONValue {
        .object([
            "complete": .bool(complete),
            "links": .array(links.map { link in
                .object([
                    "plan": .string(link.plan),
                    "covered": .string(link.covered),
                    "covered_by": .string(link.coveredBy),
                    "products": .array(link.products.map { .object(["id": .string($0.product), "matched_by": .string($0.matchedBy)]) }),
                ])
            }),
        ])
    }

    public static func encode(_ origin: PlanFactOrigin) -> JSONValue {
        .object([
            "source": .string(origin.source.rawValue),
            "label": .string(origin.label),
            "paragraph": .int(origin.paragraph),
            "sentence": .int(origin.sentence),
            "match": .string(origin.match),
            "line": .int(origin.line),
        ])
    }

    static func fact<Value>(_ fact: PlanFact<Value>?, _ encodeValue: (Value) -> JSONValue) -> JSONValue {
        guard let fact else { return .null }
        return .object([
            "value": encodeValue(fact.value),
            "origin": encode(fact.origin),
            "language": .string(fact.language),
        ])
    }
}
