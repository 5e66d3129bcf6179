import Foundation
import Testing
import KatalogCore
@testable import KatalogPipeline
import KatalogWriters

/// Collects a run's results in memory.
private final class Collector: ImportConsumer {
    var products: [Product] = []
    var rejected: [RejectedRecord] = []
    func consume(_ product: Product) throws { products.append(product) }
    func consume(_ rejected: RejectedRecord) throws { self.rejected.append(rejected) }
    func consume(_ diagnostic: Diagnostic) throws {}
}

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func run(_ paths: [String], jobs: Int = 1) throws -> (products: [Product], report: ImportReport) {
    let collector = Collector()
    let report = try ImportPipeline(jobs: jobs).run(paths.map { packageRoot.appendingPathComponent($0).path }, into: collector)
    return (collector.products, report)
}

@Suite("Service plans end to end")
struct ServicePlanPipelineTests {
    /// The facts issue 7 requires of the seed page, read through the whole pipeline.
    @Test func seedCarriesTheRequiredFacts() throws {
        let (products, _) = try run(["Samples/text/000_6e65ef817e1cc529.txt"])
        let plan = try #require(products.first?.servicePlan)
        #expect(plan.kind.value == .carePlan)
        #expect(plan.name?.value == "DJI Care Refresh")
        #expect(plan.provider?.value == "DJI")
        #expect(plan.termMonths?.value == 12)
        #expect(plan.termMonths?.origin.source == .attribute)
        #expect(plan.termMonths?.language == "pl")
        #expect(plan.maxTermMonths?.value == 36)
        #expect(plan.claimsPerTerm?.value == 2)
        #expect(plan.claims.map { [$0.value.count, $0.value.termMonths ?? 0] } == [[6, 36], [2, 12], [4, 24]])
        #expect(plan.claimFee?.value.money == Money(amount: 199, currency: "PLN"))
        #expect(plan.claimFee?.value.text == "PLN 199")
        #expect(plan.claimFeeNote?.value == "varies_with_exchange_rate")
        #expect(plan.coveredModels.map(\.value) == ["DJI RS 4 Mini"])
        #expect(plan.delivery?.value == "code_card")
        #expect(plan.activation.anyTime?.value == true)
        #expect(plan.activation.verificationVideoAfterDays?.value == 30)
        #expect(plan.activation.activeWithinHours?.value == 72)
        #expect(plan.activation.activeWithinHours?.origin.match == "72 hours")
        #expect(plan.activation.activeWithinHours?.language == "en")
        #expect(plan.renewal.termMonths?.value == 12)
        #expect(plan.renewal.duringTerm?.value == true)
        #expect(plan.renewal.graceDays?.value == 15)
        #expect(plan.warrantyExtension?.value == ServicePlan.WarrantyExtension(months: 12, condition: "no_claim_used"))
        #expect(plan.nonReturnable?.value == "once_code_revealed")
        let codes = products.first?.diagnostics.map(\.code) ?? []
        #expect(codes.contains(.planClaimFeeCurrency))
        #expect(!codes.contains(.planNoCoveredProduct))
    }

    @Test func seedRowInTheCSV() throws {
        let (products, _) = try run(["Samples/text/000_6e65ef817e1cc529.txt"])
        let product = try #require(products.first)
        let cells = Dictionary(uniqueKeysWithValues: zip(ProductCSV.coreColumns, ProductCSV.coreCells(product)))
        #expect(cells["plan_kind"] == "care_plan")
        #expect(cells["plan_term_months"] == "12")
        #expect(cells["plan_max_term_months"] == "36")
        #expect(cells["plan_claims_included"] == "2")
        #expect(cells["plan_claim_fee_amount"] == "199.00")
        #expect(cells["plan_claim_fee_currency"] == "PLN")
        #expect(cells["plan_covered_models"] == "DJI RS 4 Mini")
    }

    @Test func everyServicePlanSampleIsAPlanWithATermAndTheGimbalIsNot() throws {
        let (products, _) = try run(["Samples/service-plans"])
        for product in products where !product.id.contains("090_") {
            #expect(product.servicePlan != nil, "\(product.id)")
            #expect(product.servicePlan?.termMonths != nil, "\(product.id)")
            #expect(!product.diagnostics.contains { $0.code == .planNoCoveredProduct }, "\(product.id)")
        }
        #expect(products.first { $0.id.contains("090_") }?.isServicePlan == false)
    }

    /// The seed's covered model is linked to the gimbal page of the same run, whatever the order and jobs.
    @Test(arguments: [1, 2])
    func coveredModelsAreLinkedAcrossTheRun(jobs: Int) throws {
        let (_, report) = try run(["Samples/service-plans", "Samples/text"], jobs: jobs)
        #expect(report.servicePlanLinksComplete)
        let seed = try #require(report.servicePlanLinks.first { $0.plan.hasSuffix("000_6e65ef817e1cc529.txt#1") })
        #expect(seed.covered == "DJI RS 4 Mini")
        #expect(seed.products.map(\.matchedBy) == ["title"])
        #expect(seed.products.first?.product.hasSuffix("090_lt_dji-rs-4-mini-stabilizatorius.txt#1") == true)
        let pocket = try #require(report.servicePlanLinks.first { $0.covered == "DJI Osmo Pocket 3" })
        #expect(pocket.products.isEmpty)
    }
}

@Suite("Service plan link index")
struct ServicePlanLinkIndexTests {
    private func record(_ id: String, title: String, brand: String? = nil, mpn: String? = nil, plan models: [String]? = nil) -> Product {
        var product = Product(id: id, source: SourceLocation(file: id), sourceKind: .textPage)
        product.title = title
        product.brand = brand
        product.mpn = mpn
        if let models {
            var plan = ServicePlan(kind: PlanFact(.carePlan, origin: PlanFactOrigin(source: .title), language: nil))
            plan.coveredModels = models.map { PlanFact($0, origin: PlanFactOrigin(source: .attribute), language: nil) }
            product.servicePlan = plan
        }
        return product
    }

    @Test func anotherModelOfTheSameLineIsNotLinked() {
        let index = ServicePlanLinkIndex(suffixes: ServicePlanPatterns.builtIn.modelSuffixTokens)
        index.add(record("a", title: "DJI RS 4 gimbal"))
        index.add(record("b", title: "DJI RS 4 Mini Combo"))
        index.add(record("c", title: "RS 4 Mini stabilizer", brand: "DJI"))
        index.add(record("d", title: "Gimbal", mpn: "DJI RS 4"))
        index.add(record("p", title: "DJI Care Refresh", plan: ["DJI RS 4 Mini", "DJI RS 4"]))
        let links = index.links()
        #expect(links.map(\.covered) == ["DJI RS 4 Mini", "DJI RS 4"])
        #expect(links[0].products.map(\.product) == ["b", "c"])
        #expect(links[1].products.map { "\($0.product):\($0.matchedBy)" } == ["a:title", "d:mpn"])
    }

    /// Candidates are spooled to disk, so a plan after 300,000 other records still finds the first and the last.
    @Test func linksSurviveManyRecords() {
        let index = ServicePlanLinkIndex(suffixes: ServicePlanPatterns.builtIn.modelSuffixTokens)
        index.add(record("first", title: "DJI Osmo Pocket 3"))
        for number in 0..<300_000 { index.add(record("r\(number)", title: "Kavos aparatas #\(number)", brand: "De'Longhi")) }
        index.add(record("last", title: "Osmo Pocket 3 Creator Combo", brand: "DJI"))
        index.add(record("plan", title: "DJI Care Refresh (Osmo Pocket 3)", plan: ["DJI Osmo Pocket 3"]))
        #expect(index.isComplete)
        #expect(index.links().first?.products.map(\.product) == ["first", "last"])
    }

    @Test func aRunWithoutPlansHasNoLinks() {
        let index = ServicePlanLinkIndex(suffixes: [])
        index.add(record("a", title: "DJI RS 4 Mini"))
        #expect(index.links().isEmpty)
        #expect(index.isComplete)
    }
}
