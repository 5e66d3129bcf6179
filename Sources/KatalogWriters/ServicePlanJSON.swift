import KatalogCore

/// The `service_plan` block of a catalog record (documented in `docs/service-plans.md` and
/// `docs/service-plan.schema.json`). Every fact is `{"value", "origin", "language"}`; an unknown fact is `null`.
public enum ServicePlanJSON {
    /// Writes a record's `service_plan` block; keys in byte order.
    static func write(_ plan: ServicePlan, to json: inout JSONWriter) {
        json.beginObject()
        json.key("activation")
        json.beginObject()
        json.key("active_within_hours"); fact(plan.activation.activeWithinHours, &json) { $1.int($0) }
        json.key("any_time"); fact(plan.activation.anyTime, &json) { $1.bool($0) }
        json.key("verification_video_after_days"); fact(plan.activation.verificationVideoAfterDays, &json) { $1.int($0) }
        json.key("window_days"); fact(plan.activation.windowDays, &json) { $1.int($0) }
        json.endObject()
        json.key("claim_fee"); fact(plan.claimFee, &json) { ProductJSON.write($0, to: &$1) }
        json.key("claim_fee_note"); fact(plan.claimFeeNote, &json) { $1.string($0) }
        json.key("claims"); json.array(plan.claims) { claim, json in
            fact(claim, &json) { value, json in
                json.beginObject()
                json.int("count", value.count)
                json.int("term_months", value.termMonths)
                json.endObject()
            }
        }
        json.key("claims_per_term"); fact(plan.claimsPerTerm, &json) { $1.int($0) }
        json.key("covered_gtins"); json.array(plan.coveredGTINs) { fact($0, &$1) { $1.string($0) } }
        json.key("covered_models"); json.array(plan.coveredModels) { fact($0, &$1) { $1.string($0) } }
        json.key("delivery"); fact(plan.delivery, &json) { $1.string($0) }
        json.key("kind"); fact(plan.kind, &json) { $1.string($0.rawValue) }
        json.key("max_term_months"); fact(plan.maxTermMonths, &json) { $1.int($0) }
        json.key("name"); fact(plan.name, &json) { $1.string($0) }
        json.key("non_returnable"); fact(plan.nonReturnable, &json) { $1.string($0) }
        json.key("provider"); fact(plan.provider, &json) { $1.string($0) }
        json.key("renewal")
        json.beginObject()
        json.key("during_term"); fact(plan.renewal.duringTerm, &json) { $1.bool($0) }
        json.key("grace_days"); fact(plan.renewal.graceDays, &json) { $1.int($0) }
        json.key("term_months"); fact(plan.renewal.termMonths, &json) { $1.int($0) }
        json.endObject()
        json.key("signals"); json.array(plan.signals) { fact($0, &$1) { $1.string($0) } }
        json.key("term_months"); fact(plan.termMonths, &json) { $1.int($0) }
        json.key("warranty_extension"); fact(plan.warrantyExtension, &json) { value, json in
            json.beginObject()
            json.string("condition", value.condition)
            json.int("months", value.months)
            json.endObject()
        }
        json.endObject()
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

    static func write(_ origin: PlanFactOrigin, to json: inout JSONWriter) {
        json.beginObject()
        json.string("label", origin.label)
        json.int("line", origin.line)
        json.string("match", origin.match)
        json.int("paragraph", origin.paragraph)
        json.int("sentence", origin.sentence)
        json.string("source", origin.source.rawValue)
        json.endObject()
    }

    /// A fact as `{"language", "origin", "value"}`, or null when unknown.
    static func fact<Value>(_ fact: PlanFact<Value>?, _ json: inout JSONWriter, _ writeValue: (Value, inout JSONWriter) -> Void) {
        guard let fact else { return json.null() }
        json.beginObject()
        json.string("language", fact.language)
        json.key("origin"); write(fact.origin, to: &json)
        json.key("value"); writeValue(fact.value, &json)
        json.endObject()
    }
}
