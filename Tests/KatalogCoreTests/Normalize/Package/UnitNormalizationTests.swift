import Foundation
import Testing
@testable import KatalogCore

struct UnitNormalizationTests {
    @Test(arguments: [
        ("12 palců", Dimension.length, "304.8"), ("15 tuumaa", .length, "381"), ("27 дюймов", .length, "685.8"),
        ("45 см", .length, "450"), ("1,2 metriä", .length, "1200"), ("30 sentimeetrit", .length, "300"),
        ("250 gramů", .mass, "250"), ("1,5 кг", .mass, "1500"), ("2 kiloa", .mass, "2000"), ("500 грам", .mass, "500"),
        ("25 dkg", .mass, "250"), ("0,75 l", .volume, "750"), ("1,5 литра", .volume, "1500"), ("33 cl", .volume, "330"),
        ("2 litraa", .volume, "2000"), ("1 t", .mass, "1000000"), ("16 oz", .mass, "453.592"), ("3 ft", .length, "914.4"),
        ("18 mm", .length, "18"), ("1,5 dm", .length, "150"), ("350 mg", .mass, "0.35"), ("2,5 Zoll", .length, "63.5"),
    ])
    func localSpellings(text: String, dimension: KatalogCore.Dimension, expected: String) throws {
        let (quantity, findings) = QuantityParsing().parse(text, dimension: dimension, fallback: .init(), field: "test")
        #expect(try #require(quantity, "\(text)").valueText == expected)
        #expect(findings.isEmpty)
    }

    @Test(arguments: [
        ("14 x 12 x 0,5 cm", nil, ["length": "140", "width": "120", "height": "5"]),
        ("14×12×0.5cm", nil, ["length": "140", "width": "120", "height": "5"]),
        ("L 14 cm / W 12 cm / H 0.5 cm", nil, ["length": "140", "width": "120", "height": "5"]),
        ("H 0.5 cm / L 14 cm / W 12 cm", nil, ["length": "140", "width": "120", "height": "5"]),
        ("dł. 14 cm x szer. 12 cm x wys. 0,5 cm", nil, ["length": "140", "width": "120", "height": "5"]),
        ("D 14 x Š 12 x A 0,5 cm", nil, ["length": "140", "width": "120", "height": "5"]),
        ("24 x 35 x 43 cm", "B x H x T", ["width": "240", "height": "350", "length": "430"]),
        ("24 x 35 x 43 cm", "Š x V x H", ["width": "240", "height": "350", "length": "430"]),
        ("30 x 20 cm", "B x H", ["width": "300", "height": "200"]),
        ("470 x 330 x 300 mm", "D x Š x A", ["length": "470", "width": "330", "height": "300"]),
        ("Д 47 x Ш 33 x В 30 см", nil, ["length": "470", "width": "330", "height": "300"]),
    ] as [(String, String?, [String: String])])
    func dimensionStrings(text: String, pattern: String?, expected: [String: String]) {
        let axes = pattern.flatMap(DimensionAxes.builtIn.axes(inPattern:))
        let (values, findings) = QuantityParsing().parseDimensionsByAxis(text, axes: axes, fallback: .init(defaultUnit: "cm"), field: "package_dimensions")
        #expect(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value.valueText) }) == expected)
        #expect(findings.isEmpty)
    }

    @Test func labelAxesReorderValues() {
        #expect(ProductNormalizer().labelAxes("Maße (B x H x T)") == [.width, .height, .length])
        #expect(ProductNormalizer().labelAxes("dł. x szer. x wys.") == [.length, .width, .height])
        #expect(ProductNormalizer().labelAxes("Matmenys (D x Š x A)") == [.length, .width, .height])
        #expect(ProductNormalizer().labelAxes("Rozměry (Š x V x H)") == [.width, .height, .length])
        #expect(ProductNormalizer().labelAxes("Matmenys") == nil)
    }

    @Test func unitFallbackOrderIsValueLabelConfigurationDefault() throws {
        func read(_ fallback: QuantityParsing.UnitFallback) -> (String?, [FindingCode]) {
            let (quantity, findings) = QuantityParsing().parse("6,4", dimension: .mass, fallback: fallback, field: "gross_weight")
            return (quantity?.valueText, findings.map(\.code))
        }
        #expect(read(.init(fromLabel: "kg", defaultUnit: "g", fromConfiguration: "g")) == ("6400", [.unitFromLabel]))
        #expect(read(.init(defaultUnit: "g", fromConfiguration: "kg")) == ("6400", [.unitFromConfiguration]))
        #expect(read(.init(defaultUnit: "g")) == ("6.4", [.unitAssumed]))
        #expect(read(.init()) == (nil, [.unitMissing]))
    }

    static func record(_ fields: [(String, String)], title: String) -> RawRecord {
        RawRecord(
            location: SourceLocation(file: "shop.txt", line: 1, record: 1), kind: .textPage,
            fields: [RawField(role: .title, label: nil, value: title, origin: .textLine)]
                + fields.map { RawField(label: $0.0, value: $0.1, origin: .textLine) }
        )
    }

    @Test func configuredUnitReachesTheNormalizer() {
        var record = Self.record([("Gross weight", "6,4")], title: "Vacuum cleaner")
        record.hints.weightUnit = "kg"
        let product = ProductNormalizer().normalize(record)
        #expect(product.package.grossWeight?.valueText == "6400")
        #expect(product.diagnostics.map(\.code) == [.unitFromConfiguration])
    }

    @Test func giftCardAndServicePlanGetTighterLimits() {
        let card = ProductNormalizer().normalize(Self.record([("Gross weight", "20 kg")], title: "Gift card 50 EUR"))
        #expect(card.package.grossWeight?.valueText == "20000")
        #expect(card.diagnostics.map(\.code) == [.unitImplausibleForItem])
        #expect(card.diagnostics[0].message.contains("gift card"))

        let plan = ProductNormalizer().normalize(Self.record([("Plan", "Roczny"), ("Box length", "60 cm")], title: "DJI Care Refresh RS 4 Mini"))
        #expect(plan.diagnostics.map(\.code) == [.unitImplausibleForItem])

        // Ordinary products are left to the configurable record rules package.*-implausible.
        let lamp = ProductNormalizer().normalize(Self.record([("Gross weight", "20 kg"), ("Box length", "1400 cm")], title: "Desk lamp"))
        #expect(lamp.diagnostics.isEmpty)
    }

    @Test func dimensionsLabelWithAxesFillsTheRightFields() {
        let product = ProductNormalizer().normalize(Self.record([("Maße (B x H x T)", "24 x 35 x 43 cm")], title: "Kaffeevollautomat"))
        #expect(product.package.width?.valueText == "240")
        #expect(product.package.height?.valueText == "350")
        #expect(product.package.length?.valueText == "430")
    }
}
