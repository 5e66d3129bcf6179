import Foundation
import Testing
@testable import KatalogCore

@Suite("OutOfLine: a record's service plan kept out of line")
struct OutOfLineTests {
    private func carePlanRecord() -> Product {
        var product = Product(id: "page#1", source: SourceLocation(file: "page.txt", record: 1), sourceKind: .textPage)
        product.title = "DJI Care Refresh 1-Year Plan"
        var plan = ServicePlan(kind: PlanFact(.carePlan, origin: PlanFactOrigin(source: .title, match: "Care Refresh", line: 1), language: "en"))
        plan.termMonths = PlanFact(12, origin: PlanFactOrigin(source: .attribute, label: "Plan", match: "Roczny", line: 9), language: "pl")
        product.servicePlan = plan
        return product
    }

    @Test func aRecordStaysSmallWhateverItsPlanHolds() {
        // The plan alone is larger than the whole record may be: it must not be stored inline.
        #expect(MemoryLayout<ServicePlan?>.size > 1024)
        #expect(MemoryLayout<Product>.size < 1024)
    }

    @Test func aCopyKeepsItsOwnPlanWhenTheOtherChanges() {
        let original = carePlanRecord()
        var copy = original
        copy.servicePlan?.termMonths = PlanFact(24, origin: PlanFactOrigin(source: .title, match: "2-Year", line: 1), language: "en")
        #expect(original.servicePlan?.termMonths?.value == 12)
        #expect(copy.servicePlan?.termMonths?.value == 24)
        #expect(original != copy)
        copy.servicePlan?.termMonths = original.servicePlan?.termMonths
        #expect(original == copy)
        #expect(original.hashValue == copy.hashValue)
        copy.servicePlan = nil
        #expect(copy.servicePlan == nil && original.servicePlan != nil)
    }

    @Test func codableWritesItLikeThePlainOptional() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let goods = Product(id: "feed#2", source: SourceLocation(file: "feed.csv", record: 2), sourceKind: .csv)
        let goodsJSON = try #require(String(data: try encoder.encode(goods), encoding: .utf8))
        #expect(!goodsJSON.contains("servicePlan"), "a nil plan is left out, as encodeIfPresent leaves out a nil optional")
        #expect(try JSONDecoder().decode(Product.self, from: Data(goodsJSON.utf8)) == goods)

        let plan = carePlanRecord()
        let planJSON = try encoder.encode(plan)
        #expect(String(decoding: planJSON, as: UTF8.self).contains(#""servicePlan":{"#))
        #expect(try JSONDecoder().decode(Product.self, from: planJSON) == plan)
    }
}
