import Foundation
import Testing
@testable import KatalogCore

/// Rules of the catalog on realistic records: what fires, what does not, and what the policy does with it.
struct ValidationRuleTests {
    static func product(
        title: String? = "DJI Care Refresh RS 4 Mini (plan roczny)", sku: String? = "352289", gtin: String? = "6937224103313",
        price: String? = "58.99€", sale: String? = nil, brand: String? = "DJI", file: String = "shop.txt", record: Int = 1
    ) -> Product {
        var product = Product(id: "\(file)#\(record)", source: SourceLocation(file: file, line: 1, record: record), sourceKind: .textPage)
        product.title = title
        product.sku = sku
        product.brand = brand
        if let gtin { product.gtin = GTINParsing.parse(gtin).gtin }
        if let price { product.price = MoneyParsing.parse(price, context: MoneyContext(currency: "EUR")).price }
        if let sale { product.salePrice = MoneyParsing.parse(sale, context: MoneyContext(currency: "EUR")).price }
        return product
    }

    static func codes(_ product: Product, settings: RuleSettings = RuleSettings(), record: RawRecord? = nil) -> [FindingCode] {
        var copy = product
        _ = RecordValidator(settings: settings).validate(&copy, record: record)
        return copy.diagnostics.map(\.code)
    }

    @Test func aCleanRecordHasNoFindings() {
        #expect(Self.codes(Self.product()) == [])
    }

    @Test(arguments: [
        ("6937224103313", nil),
        ("2001234567893", GTINPrefixRule.PrefixClass.restrictedCirculation), // in-store, weighed goods
        ("0212345678900", .restrictedCirculation),                             // 021: variable measure
        ("0412345678901", .restrictedCirculation),                             // 041: company-internal
        ("212345678900", .restrictedCirculation),                              // UPC-A number system 2
        ("512345678900", .coupon),                                              // UPC-A number system 5: coupon
        ("9912345678909", .coupon),
        ("9812345678908", .coupon),
        ("9780306406157", nil),                                                 // ISBN: a real trade item
        ("20123451", .restrictedCirculation),                                   // RCN-8
        ("40170725", nil),                                                      // ordinary GTIN-8
        ("10614141000415", nil),                                                // GTIN-14, indicator 1, prefix 061
    ] as [(String, GTINPrefixRule.PrefixClass?)])
    func gtinPrefixClass(_ digits: String, _ expected: GTINPrefixRule.PrefixClass?) {
        #expect(GTINPrefixRule.prefixClass(of: digits) == expected)
    }

    @Test func restrictedAndCouponGTINsAreFlaggedButKept() {
        let weighed = Self.product(gtin: "2001234567893")
        #expect(Self.codes(weighed) == [.gtinRestrictedCirculation])
        #expect(Self.codes(Self.product(gtin: "9912345678909")) == [.gtinCoupon])
    }

    @Test(arguments: [
        ("Å ilutÄ—s puodelis", true),     // Šilutė read as Windows-1252
        ("KeramikÄ… UAB", true),           // ą
        ("CafÃ© crÃ¨me", true),             // é, è
        ("Itâ€™s here", true),              // ’
        ("Šilutės puodelis", false),
        ("Château Margaux", false),         // a real â
        ("SÃO PAULO", false),               // a real Ã followed by a letter
        ("Äpfel und Öl", false),
        ("Zażółć gęślą jaźń", false),
    ])
    func mojibakeDetection(_ text: String, _ isMojibake: Bool) {
        #expect((MojibakeRule.firstMojibake(in: text) != nil) == isMojibake)
    }

    @Test func replacementCharactersAreCountedPerField() {
        var product = Self.product()
        product.description = "Tinka ir miesto, ir pl\u{FFFD}ento dvira\u{FFFD}iams."
        let findings = ReplacementCharacterRule().check(product)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("description contains 2 replacement characters") == true)
    }

    @Test(arguments: [
        ("0,00 €", nil, [.priceZero]),
        ("-49,00 €", nil, [.priceNegative]),
        ("149,99 €", "179,99 €", [.priceSaleAbovePrice]),
        ("179,99 €", "149,99 €", []),
    ] as [(String, String?, [FindingCode])])
    func priceRules(_ price: String, _ sale: String?, _ expected: [FindingCode]) {
        #expect(Self.codes(Self.product(price: price, sale: sale)) == expected)
    }

    @Test func freeItemsAreNotZeroPriced() {
        var product = Self.product(price: "0 €")
        product.diagnostics.append(Diagnostic(.info, .priceFree, "free", at: product.source))
        #expect(PriceZeroRule().check(product).isEmpty)
    }

    @Test func identityRules() {
        #expect(Self.codes(Self.product(title: nil, sku: nil, gtin: nil)) == [.recordUnidentified])
        #expect(Self.codes(Self.product(title: nil)) == [.titleMissing])
        #expect(Self.codes(Self.product(sku: nil, gtin: nil)) == [.identifierMissing])
        #expect(Self.codes(Self.product(price: nil)) == [.recordNoUsablePrice])
    }

    @Test func invalidGTINIsKeptAsRawTextAndDoesNotReject() {
        var product = Self.product(gtin: "6937224103314")
        product.diagnostics = GTINParsing.parse("6937224103314").findings.map { Diagnostic($0, at: product.source) }
        let reasons = RecordValidator().validate(&product)
        #expect(reasons.isEmpty)
        #expect(product.gtin?.raw == "6937224103314")
        #expect(product.gtin?.isValid == false)
        #expect(product.diagnostics.map(\.code) == [.gtinChecksum])
    }

    @Test func packagePlausibility() {
        var product = Self.product()
        product.package.length = Quantity(value: 160_000, dimension: .length)
        product.package.width = Quantity(value: 90, dimension: .length)
        product.package.height = Quantity(value: 0, dimension: .length)
        product.package.grossWeight = Quantity(value: 350, dimension: .mass)
        product.package.netWeight = Quantity(value: 400, dimension: .mass)
        product.package.weight = Quantity(value: 2_500_000, dimension: .mass)
        let messages = RecordValidator().validateMessages(product)
        #expect(messages.filter { $0.hasPrefix("package.dimension-implausible") }.count == 2)
        #expect(messages.contains { $0.hasPrefix("package.weight-implausible") && $0.contains("2500000 g") })
        #expect(messages.contains { $0.hasPrefix("package.weight-implausible") && $0.contains("net weight 400 g is above the gross weight 350 g") })
        var settings = RuleSettings()
        settings.maxDimensionMillimetres = 200_000
        #expect(Self.codes(product, settings: settings).filter { $0 == .packageDimensionImplausible }.count == 1)
    }

    @Test func marketplaceLengthLimits() {
        let long = Self.product(title: String(repeating: "Planšetinis kompiuteris ", count: 7))
        #expect(Self.codes(long) == [.titleTooLong])
        var settings = RuleSettings()
        settings.titleMaxLength = 200
        #expect(Self.codes(long, settings: settings) == [])
        var described = Self.product()
        described.description = String(repeating: "Virtuvinis kombainas. ", count: 240)
        #expect(Self.codes(described) == [.descriptionTooLong])
    }

    @Test func requiredFields() {
        var settings = RuleSettings()
        settings.requiredFields = ["brand", "image", "gtin"]
        let product = Self.product(gtin: "6937224103314", brand: nil)
        let messages = RecordValidator(settings: settings).validateMessages(product)
        #expect(messages.filter { $0.hasPrefix("field.required") } == [
            "field.required: The required field \"brand\" is missing.",
            "field.required: The required field \"image\" is missing.",
            "field.required: The required field \"gtin\" is missing.",
        ])
    }

    @Test func policyChangesSeverityDisablesAndRejects() {
        var policy = FindingPolicy()
        policy.severityOverrides[.gtinRestrictedCirculation] = .error
        policy.disabled = [.identifierMissing]
        policy.rejecting.insert(.gtinRestrictedCirculation)
        var product = Self.product(sku: nil, gtin: "2001234567893")
        product.diagnostics.append(Diagnostic(.info, .labelUnmapped, "x", at: product.source))
        policy.disabled.insert(.labelUnmapped)
        let reasons = RecordValidator(policy: policy).validate(&product)
        #expect(reasons == [.gtinRestrictedCirculation])
        #expect(product.diagnostics.map(\.code) == [.gtinRestrictedCirculation])
        #expect(product.diagnostics.first?.severity == .error)
    }

    @Test func structuredDataDisagreeingWithThePage() {
        let location = SourceLocation(file: "page.html", line: 1, record: 1)
        let record = RawRecord(location: location, kind: .html, fields: [
            RawField(label: "offers.price", value: "64.99", origin: .jsonLD),
            RawField(label: "sku", value: "352289", origin: .jsonLD),
            RawField(label: "gtin13", value: "6937224103313", origin: .jsonLD),
            RawField(role: .unlabelled, label: nil, value: "58.99€", origin: .visibleText),
            RawField(label: "EAN", value: "6937224103313", origin: .specTable),
            RawField(label: "Prekės kodas", value: "352289", origin: .specTable),
        ])
        var tables = NormalizationTables.builtIn
        tables.labels.merge(try! JSONDecoder().decode(LabelDictionary.File.self, from: Data(#"{"labels": {"price": {"en": ["offers.price"]}, "gtin": {"en": ["gtin13"]}}}"#.utf8)), overriding: false)
        let findings = StructuredDataRule().check(Self.product(), context: RuleContext(record: record, tables: tables))
        #expect(findings.map(\.message) == ["The page's structured data gives price 64.99 but the page shows 58.99."])
    }

    @Test func duplicateSKUWithDifferentDataInOneSource() {
        let run = RunValidator()
        var first = Self.product(price: "1.49 €", file: "feed.csv", record: 1)
        var same = Self.product(price: "1.49 €", file: "feed.csv", record: 2)
        var changed = Self.product(price: "1.79 €", file: "feed.csv", record: 3)
        var otherFile = Self.product(price: "1.99 €", file: "other.csv", record: 1)
        #expect(run.check(&first).isEmpty)
        #expect(run.check(&same).isEmpty, "an exact repeat is not flagged")
        #expect(run.check(&changed).map(\.message) == ["SKU \"352289\" was already used by record 1 of this file with different data (title, price, GTIN or availability)."])
        #expect(run.check(&otherFile).isEmpty, "another source may reuse a SKU")
    }

    @Test func sameGTINOnDifferentProducts() {
        let run = RunValidator()
        var yellow = Self.product(title: "Stabilo Boss yellow", sku: "1001", gtin: "4006381333931", brand: "Stabilo", file: "a.csv", record: 1)
        var pink = Self.product(title: "Stabilo Boss pink", sku: "1002", gtin: "4006381333931", brand: "Stabilo", file: "a.csv", record: 2)
        var sameElsewhere = Self.product(title: "STABILO BOSS Original gelb", sku: "X-9", gtin: "4006381333931", brand: "STABILO", file: "b.txt", record: 1)
        var otherBrand = Self.product(title: "Textliner 46", sku: "FC-1", gtin: "4006381333931", brand: "Faber-Castell", file: "c.txt", record: 1)
        #expect(run.check(&yellow).isEmpty)
        #expect(run.check(&pink).map(\.code) == [.gtinShared])
        #expect(run.check(&sameElsewhere).isEmpty, "the same product from another source is how offers are matched")
        #expect(run.check(&otherBrand).map(\.message) == ["GTIN 4006381333931 is also on record 1 of a.csv, under another brand."])
    }

    /// Brands met again (their folded fingerprints remembered by the rule) compare as when first folded.
    @Test func brandsMetAgainCompareAsWhenFirstFolded() {
        let run = RunValidator()
        for gtin in ["4006381333931", "4700000000012"] {
            var first = Self.product(sku: "1", gtin: gtin, brand: "Stabilo", file: "a.csv", record: 1)
            var sameBrand = Self.product(sku: "2", gtin: gtin, brand: "STABILO", file: "b.txt", record: 1)
            var otherBrand = Self.product(sku: "3", gtin: gtin, brand: "Faber-Castell", file: "c.txt", record: 1)
            #expect(run.check(&first).isEmpty)
            #expect(run.check(&sameBrand).isEmpty)
            #expect(run.check(&otherBrand).map(\.message) == ["GTIN \(gtin) is also on record 1 of a.csv, under another brand."])
        }
    }

    @Test func fingerprintsSeparateParts() {
        #expect(Fingerprint("ab", "c") != Fingerprint("a", "bc"))
        #expect(Fingerprint(nil) != Fingerprint(""))
        #expect(Fingerprint("352289") == Fingerprint("352289"))
        var spaced = Fingerprint("a")
        spaced.add("12.99", spaced: "EUR")
        #expect(spaced == Fingerprint("a", "12.99 EUR"))
    }

    /// The duplicate-SKU rule's data fingerprint, its prices added in pieces, is that of the prices written out.
    @Test func dataFingerprintIsThatOfThePricesWrittenOut() {
        for product in [Self.product(), Self.product(price: nil), Self.product(sale: "49.99€"), Self.product(title: nil, gtin: nil, price: "12 PLN")] {
            let written = Fingerprint(
                product.title, product.price.map { "\($0.money.amountText) \($0.money.currency)" },
                product.salePrice.map { "\($0.money.amountText) \($0.money.currency)" }, product.gtin?.digits ?? product.gtin?.raw, product.availability
            )
            #expect(DuplicateSKURule.dataFingerprint(product) == written.value)
        }
    }

    @Test func catalogEntriesAreCompleteAndUnique() {
        let codes = RuleCatalog.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for info in RuleCatalog.all {
            #expect(info.code.rawValue.contains("."), "\(info.code)")
            #expect(info.explanation.count > 60, "\(info.code) needs a real explanation")
            #expect(!info.example.isEmpty, "\(info.code) needs an example")
        }
        for rule in RuleCatalog.recordRules { #expect(RuleCatalog.info(for: rule.code)?.stage == .record) }
    }
}

extension RecordValidator {
    /// `code: message` of every finding for `product`.
    func validateMessages(_ product: Product) -> [String] {
        var copy = product
        _ = validate(&copy)
        return copy.diagnostics.map { "\($0.code): \($0.message)" }
    }
}
