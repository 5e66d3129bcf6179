import Foundation
import Testing
@testable import KatalogCore

/// A product as the normalizer would leave it, for service-plan tests.
private func product(title: String?, description: String? = nil, brand: String? = nil, price: Money? = nil,
                     attributes: [(key: String, label: String, value: String, language: String?)] = []) -> Product {
    var product = Product(id: "test#1", source: SourceLocation(file: "test", record: 1), sourceKind: .textPage)
    product.title = title
    product.description = description
    product.brand = brand
    product.price = price.map { Price(money: $0, text: "\($0.amount) \($0.currency)") }
    product.attributes = attributes.map { key, label, value, language in
        Attribute(key: key, isMapped: true, label: label, value: value, originalValue: value, language: language, origin: .textLine, line: 1)
    }
    return product
}

@Suite("Service plans: data file")
struct ServicePlanDataTests {
    @Test func everyBundledPatternCompiles() {
        #expect(ServicePlanPatterns.invalidPatterns(in: ServicePlanPatterns.bundledFile) == [])
    }

    @Test func everyLanguageHasEveryCueGroup() {
        let file = ServicePlanPatterns.bundledFile
        for (name, lists) in file.cues {
            #expect(Set(lists.keys) == ["en", "pl", "lt", "lv", "et", "de"], "cue group \(name)")
        }
        for (kind, lists) in file.classification.kinds {
            #expect(Set(lists.keys) == ["en", "pl", "lt", "lv", "et", "de"], "kind \(kind)")
        }
    }
}

@Suite("Service plans: reading values")
struct ServicePlanReadingTests {
    let patterns = ServicePlanPatterns.builtIn

    @Test(arguments: [
        ("The maximum duration of the service, including renewal, is 3 years.", 36),
        ("Maksymalny czas trwania usługi łącznie z odnowieniem wynosi 3 lata.", 36),
        ("Protects your phone for 24 months from the date of purchase.", 24),
        ("Paslaugos trukmė – 2 metų.", 24),
        ("Abonements ir derīgs 12 mēnešus.", 12),
        ("Kaitse kehtib 2 aastat.", 24),
        ("Verlängert den Schutz auf insgesamt 5 Jahre.", 60),
        ("DJI will extend your manufacturer's warranty for an additional year.", 12),
        ("DJI przedłuży gwarancję producenta o kolejny rok.", 12),
    ])
    func durationInMonths(_ text: String, _ months: Int) {
        let durations = ServicePlanReading.durations(in: ServicePlanText(text), patterns: patterns)
        #expect(durations.compactMap(\.months).last == months)
    }

    @Test(arguments: [
        ("after 30 days from the activation of the device", 30),
        ("po 30 dniach od aktywacji urządzenia", 30),
        ("within 15 days of the service expiration date", 15),
        ("innerhalb von 30 Tagen ab Kaufdatum", 30),
        ("60 päeva jooksul pärast ostu", 60),
    ])
    func durationInDays(_ text: String, _ days: Int) {
        #expect(ServicePlanReading.durations(in: ServicePlanText(text), patterns: patterns).compactMap(\.days).first == days)
    }

    @Test(arguments: [
        ("DJI Care Refresh RS 4 Mini (plan roczny)", 12),
        ("DJI Care Refresh Mini 4 Pro (plan dwuletni)", 24),
        ("DJI Care Refresh Osmo Pocket 3 (2 metų planas)", 24),
        ("DJI Care Refresh (2-year package)", 24),
        ("Phone Protection Plan for Samsung Galaxy S24 – 24 months", 24),
        ("Microsoft 365 Family – 12 mēnešu abonements", 12),
        ("Garantieverlängerung +3 Jahre", 36),
        ("AppleCare+ iPhone 15 jaoks, kaheaastane", 24),
        ("Samsung Care+ Jahresplan", 12),
    ])
    func termInTitles(_ title: String, _ months: Int) {
        #expect(ServicePlanReading.termMonths(in: ServicePlanText(title), patterns: patterns)?.months == months)
    }

    @Test(arguments: [
        ("DJI Care Refresh (annual plan) provides two replacements.", [2]),
        ("Plan roczny zapewnia dwie wymiany, plan dwuletni cztery wymiany.", [2, 4]),
        ("DJI Care Refresh (2 metų planas) suteikia keturis pakeitimus.", [4]),
        ("You can make up to 3 claims during the plan term. An excess of £49 applies per claim.", [3]),
        ("Im Tarif sind zwei Schadensfälle pro Jahr enthalten.", [2]),
        ("Paketis sisaldab kaks asendust aastas.", [2]),
        ("Replacement cost 1", []),
        ("3. once you select DJI Care Refresh, pay for the replacement", []),
    ])
    func claimCounts(_ text: String, _ counts: [Int]) {
        #expect(ServicePlanReading.claimCounts(in: ServicePlanText(text), patterns: patterns, prices: MoneyContext()).map(\.count) == counts)
    }

    @Test(arguments: [
        ("For DJI RS 4 Mini, the cost of each replacement under DJI Care Refresh is: PLN 199", "199.00", "PLN"),
        ("Koszt każdej wymiany dla DJI Mini 4 Pro wynosi: 349 zł", "349.00", "PLN"),
        ("An excess of £49 applies per claim.", "49.00", "GBP"),
        ("Kiekvieno pakeitimo mokestis Osmo Pocket 3 įrenginiui: 49 EUR.", "49.00", "EUR"),
        ("iga ekraani vahetuse omavastutus on 29 €.", "29.00", "EUR"),
    ])
    func claimFees(_ text: String, _ amount: String, _ currency: String) {
        let fee = ServicePlanReading.claimFee(in: text, cueEnd: 0, prices: MoneyContext())
        #expect(fee?.price.money.amountText == amount)
        #expect(fee?.price.money.currency == currency)
    }

    @Test func foldedMatchesMapBackToTheWordsAsWritten() {
        let text = ServicePlanText("Usługę można aktywować w dowolnym momencie")
        let range = (text.folded as NSString).range(of: "w dowolnym momencie")
        #expect(text.folded == "usluge mozna aktywowac w dowolnym momencie")
        #expect(text.originalText(range) == "w dowolnym momencie")
    }
}

@Suite("Service plans: classification")
struct ServicePlanClassificationTests {
    let extractor = ServicePlanExtractor()

    @Test(arguments: [
        ("DJI Care Refresh Osmo Action 4 (1 year)", ServicePlan.Kind.carePlan),
        ("Pakiet ochronny na smartfon – 2 lata", .carePlan),
        ("Telefono apsaugos planas 12 mėn.", .carePlan),
        ("Tālruņa aizsardzības plāns 24 mēneši", .carePlan),
        ("Nutitelefoni kaitsepakett 2 aastat", .carePlan),
        ("Geräteschutz Versicherung für Smartphones, 24 Monate", .carePlan),
        ("Extended warranty +2 years for dishwashers", .extendedWarranty),
        ("Przedłużona gwarancja 3 lata na pralkę", .extendedWarranty),
        ("Garantijos pratęsimas 2 metams", .extendedWarranty),
        ("Pagarināta garantija +3 gadi", .extendedWarranty),
        ("Pikendatud garantii 36 kuud", .extendedWarranty),
        ("Kaspersky Standard subscription 1 year, 3 devices", .subscription),
        ("Subskrypcja Xbox Game Pass Ultimate 3 miesiące", .subscription),
        ("Spotify Premium Abonnement 12 Monate", .subscription),
        ("Windows 11 Pro license key (digital code)", .activationCode),
        ("Kod aktywacyjny Steam 50 zł", .activationCode),
    ])
    func titlesAreClassified(_ title: String, _ kind: ServicePlan.Kind) {
        let (plan, _) = extractor.extract(product(title: title))
        #expect(plan?.kind.value == kind)
    }

    @Test(arguments: [
        "DJI RS 4 Mini stabilizatorius",
        "Sony Alpha 7 IV body, 2 metų garantija",
        "Bosch Serie 6 WGG244A20 Waschmaschine, 9 kg, 2 Jahre Herstellergarantie",
        "Samsung Galaxy S24 128GB Onyx Black",
        "Kafijas automāts De'Longhi Magnifica S, garantija 24 mēneši",
    ])
    func goodsAreNotPlans(_ title: String) {
        let description = "Manufacturer's warranty: 2 years. Free replacement within 14 days of purchase if faulty."
        let (plan, findings) = extractor.extract(product(title: title, description: description))
        #expect(plan == nil)
        #expect(findings.isEmpty)
    }

    @Test func attributesAloneClassifyAPlan() {
        let record = product(title: "RS 4 Mini", attributes: [
            ("plan_term", "Plan", "annual", "pl"), ("service_delivery", "Usługa", "code_card", "pl"),
        ])
        let (plan, _) = extractor.extract(record)
        #expect(plan?.kind.value == .servicePlan)
        #expect(plan?.termMonths?.value == 12)
        #expect(plan?.delivery?.value == "code_card")
    }
}

@Suite("Service plans: extraction")
struct ServicePlanExtractionTests {
    let extractor = ServicePlanExtractor()

    @Test func titleGivesNameProviderAndCoveredModelWithBrand() {
        let (plan, _) = extractor.extract(product(title: "DJI Care Refresh RS 4 Mini (plan roczny)", brand: "DJI"))
        #expect(plan?.name?.value == "DJI Care Refresh")
        #expect(plan?.provider?.value == "DJI")
        #expect(plan?.termMonths?.value == 12)
        #expect(plan?.termMonths?.language == "pl")
        #expect(plan?.termMonths?.origin.source == .title)
        #expect(plan?.coveredModels.map(\.value) == ["DJI RS 4 Mini"])
    }

    @Test func insurerBrandIsNotPutInFrontOfTheCoveredModel() {
        let (plan, _) = extractor.extract(product(title: "Phone Protection Plan for Samsung Galaxy S24 – 24 months", brand: "GadgetCover"))
        #expect(plan?.coveredModels.map(\.value) == ["Samsung Galaxy S24"])
        #expect(plan?.provider?.value == "GadgetCover")
        #expect(plan?.provider?.origin.source == .field)
    }

    @Test func attributeTermWinsAndAConflictingTitleIsReported() {
        let record = product(title: "DJI Care Refresh RS 4 Mini (2-year plan)", attributes: [("plan_term", "Plan", "annual", "pl")])
        let (plan, findings) = extractor.extract(record)
        #expect(plan?.termMonths?.value == 12)
        #expect(findings.map(\.code) == [.planTermConflict])
    }

    @Test func sentencesAreNumberedAndTheDescriptionIsLeftAlone() {
        let description = "About the plan\n\nThe plan can be activated at any time. After approval, the service should be activated within 72 hours."
        let record = product(title: "DJI Care Refresh Osmo 360", description: description)
        let (plan, _) = extractor.extract(record)
        #expect(plan?.activation.anyTime?.origin.sentence == 2)
        #expect(plan?.activation.activeWithinHours?.value == 72)
        #expect(plan?.activation.activeWithinHours?.origin.sentence == 3)
        #expect(plan?.activation.activeWithinHours?.origin.paragraph == 2)
        #expect(record.description == description)
    }

    @Test func renewalWarrantyAndReturnsInGerman() {
        let description = """
        Eine Verlängerung ist nur mit dem Jahresplan während der Laufzeit oder innerhalb von 15 Tagen nach Ablauf möglich.

        Wenn Sie den Schutz nicht in Anspruch nehmen, verlängert DJI die Herstellergarantie um ein weiteres Jahr.

        Aktivierungscodes sind vom Umtausch ausgeschlossen, sobald der Code freigerubbelt wurde.
        """
        let (plan, _) = extractor.extract(product(title: "DJI Care Refresh Osmo Mobile 7 (Jahresplan)", description: description))
        #expect(plan?.renewal.termMonths?.value == 12)
        #expect(plan?.renewal.duringTerm?.value == true)
        #expect(plan?.renewal.graceDays?.value == 15)
        #expect(plan?.renewal.graceDays?.language == "de")
        #expect(plan?.warrantyExtension?.value == ServicePlan.WarrantyExtension(months: 12, condition: "no_claim_used"))
        #expect(plan?.nonReturnable?.value == "once_code_revealed")
    }
}

@Suite("Service plans: rules")
struct ServicePlanRuleTests {
    private func plan(_ configure: (inout ServicePlan) -> Void, price: Money? = Money(amount: 58.99, currency: "EUR")) -> Product {
        var record = product(title: "Care plan", price: price)
        var plan = ServicePlan(kind: PlanFact(.carePlan, origin: PlanFactOrigin(source: .title), language: "en"))
        configure(&plan)
        record.servicePlan = plan
        return record
    }

    private let origin = PlanFactOrigin(source: .description, sentence: 1)

    @Test func planWithoutCoveredProduct() {
        #expect(PlanWithoutCoveredProductRule().check(plan { _ in }).map(\.code) == [.planNoCoveredProduct])
        #expect(PlanWithoutCoveredProductRule().check(plan { $0.coveredModels = [PlanFact("DJI RS 4 Mini", origin: origin, language: nil)] }).isEmpty)
        #expect(PlanWithoutCoveredProductRule().check(plan { $0.kind.value = .subscription }).isEmpty)
        #expect(PlanWithoutCoveredProductRule().check(product(title: "DJI RS 4 Mini")).isEmpty)
    }

    @Test func claimFeeInAnotherCurrency() {
        let fee = Price(money: Money(amount: 199, currency: "PLN"), text: "PLN 199")
        #expect(PlanClaimFeeCurrencyRule().check(plan { $0.claimFee = PlanFact(fee, origin: origin, language: "en") }).map(\.code) == [.planClaimFeeCurrency])
        #expect(PlanClaimFeeCurrencyRule().check(plan({ $0.claimFee = PlanFact(fee, origin: origin, language: "en") }, price: Money(amount: 249, currency: "PLN"))).isEmpty)
    }

    @Test func termLongerThanMaximum() {
        let over = plan { $0.termMonths = PlanFact(36, origin: origin, language: nil); $0.maxTermMonths = PlanFact(24, origin: origin, language: nil) }
        let within = plan { $0.termMonths = PlanFact(12, origin: origin, language: nil); $0.maxTermMonths = PlanFact(36, origin: origin, language: nil) }
        #expect(PlanTermExceedsMaximumRule().check(over).map(\.code) == [.planTermExceedsMax])
        #expect(PlanTermExceedsMaximumRule().check(within).isEmpty)
    }

    @Test func physicalProductRulesSkipServicePlans() {
        var goods = product(title: "Gimbal")
        goods.package.grossWeight = Quantity(value: 0, dimension: .mass)
        goods.package.height = Quantity(value: 0, dimension: .length)
        var card = goods
        card.servicePlan = ServicePlan(kind: PlanFact(.carePlan, origin: PlanFactOrigin(source: .title), language: "en"))
        #expect(!PackageWeightRule().check(goods).isEmpty && !PackageDimensionRule().check(goods).isEmpty)
        #expect(PackageWeightRule().check(card).isEmpty && PackageDimensionRule().check(card).isEmpty)
    }

    @Test func planRulesAreDefaultRules() {
        let codes = RecordValidator.defaultRules.map(\.code)
        #expect(codes.contains(.planNoCoveredProduct) && codes.contains(.planClaimFeeCurrency) && codes.contains(.planTermExceedsMax))
    }
}
