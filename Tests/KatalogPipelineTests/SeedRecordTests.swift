import Foundation
import Testing
import KatalogCore
import KatalogPipeline

/// The seed page's canonical record, field by field, as issue #2 specifies it.
struct SeedRecordTests {
    final class Collector: ImportConsumer {
        var products: [Product] = []
        var rejected: [RejectedRecord] = []
        var diagnostics: [Diagnostic] = []
        func consume(_ product: Product) { products.append(product) }
        func consume(_ rejected: RejectedRecord) { self.rejected.append(rejected) }
        func consume(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    }

    static func seedProduct() throws -> (Product, Collector) {
        let collector = Collector()
        let path = TestSupport.packageRoot.appendingPathComponent("Samples/text/000_6e65ef817e1cc529.txt").path
        _ = try ImportPipeline(jobs: 1).run([path], into: collector)
        return (try #require(collector.products.first), collector)
    }

    @Test func identifiersAndPrice() throws {
        let (product, collector) = try Self.seedProduct()
        #expect(collector.products.count == 1 && collector.rejected.isEmpty)
        #expect(product.title == "DJI Care Refresh RS 4 Mini (plan roczny)")
        #expect(product.mpn == "CP.SH.CR000376.01")
        #expect(product.brand == "DJI")
        #expect(product.sku == "352289")
        let gtin = try #require(product.gtin)
        #expect(gtin.digits == "6937224103313" && gtin.isValid && gtin.format == .ean13)
        #expect(gtin.gtin14 == "06937224103313")
        let price = try #require(product.price)
        #expect(price.money.amount == Decimal(string: "58.99"))
        #expect(price.money.currency == "EUR")
        #expect(price.text == "58.99€")
        #expect(product.provenance["price"]?.line == 17, "the header price, not PLN 199 from the description")
    }

    @Test func packageInCanonicalUnitsWithAssumedUnitsReported() throws {
        let (product, _) = try Self.seedProduct()
        #expect(product.package.length?.valueText == "140")
        #expect(product.package.width?.valueText == "120")
        #expect(product.package.height?.valueText == "5")
        #expect(product.package.grossWeight?.valueText == "20")
        #expect(product.package.netWeight?.valueText == "20")
        let assumed = product.diagnostics.filter { $0.code == .unitAssumed }
        #expect(Set(assumed.compactMap(\.location.field)) == ["Gross weight", "Net weight", "Box length", "Box width", "Box height"])
        #expect(assumed.first { $0.location.field == "Gross weight" }?.message.contains("assumed g") == true)
    }

    @Test func normalizedAttributes() throws {
        let (product, _) = try Self.seedProduct()
        func attribute(_ key: String) -> Attribute? { product.attributes.first { $0.key == key } }
        #expect(attribute("plan_term")?.value == "annual")
        #expect(attribute("plan_term")?.originalValue == "Roczny")
        #expect(attribute("plan_term")?.language == "pl")
        #expect(attribute("series")?.value == "DJI RS 4 Mini")
        #expect(attribute("service_delivery")?.value == "code_card")
        #expect(attribute("min_retail_order_quantity")?.value == "1")
        #expect(attribute("min_wholesale_order_quantity")?.value == "1")
        let stray = try #require(attribute("test"))
        #expect(!stray.isMapped && stray.value == "DJI Care Refresh RS 4 Mini (plan roczny)")
        #expect(product.diagnostics.contains { $0.code == .labelUnmapped && $0.severity == .info && $0.location.field == "test" })
    }

    @Test func descriptionIsCleanText() throws {
        let (product, collector) = try Self.seedProduct()
        let description = try #require(product.description)
        #expect(description.hasPrefix("About the service\n\nDJI Care Refresh is a service package"))
        #expect(description.contains("How to activate DJI Care Refresh?"))
        #expect(description.contains("After approval, the service should be activated within 72 hours."))
        #expect(description.contains("send DJI a verification video."))
        #expect(!description.contains("Pateikta prekės informacija"))
        #expect(!description.contains("www.shopro.lt | info@shopro.lt"))
        #expect(!description.contains("]("))
        #expect(description.contains("Replacement cost\n\n"))
        #expect(collector.diagnostics.filter { $0.code == .textBoilerplateRemoved }.count == 2)
    }
}
