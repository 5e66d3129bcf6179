import Foundation
import Testing
@testable import KatalogCore

struct QuantityParsingTests {
    @Test(arguments: [
        ("14,00 cm", Dimension.length, "140"),
        ("0,50cm", .length, "5"),
        ("0.5 m", .length, "500"),
        ("2 in", .length, "50.8"),
        ("14 CMT", .length, "140"),
        ("20 g", .mass, "20"),
        ("1,2 kg", .mass, "1200"),
        ("0.02 KGM", .mass, "20"),
        ("1 lb", .mass, "453.592"),
        ("8 oz", .mass, "226.796"),
        ("25 dag", .mass, "250"),
        ("1,5 l", .volume, "1500"),
    ])
    func convertsToCanonicalUnit(text: String, dimension: KatalogCore.Dimension, expected: String) throws {
        let (quantity, findings) = QuantityParsing().parse(text, dimension: dimension, fallback: .init(), field: "test")
        #expect(try #require(quantity).valueText == expected)
        #expect(findings.isEmpty)
    }

    @Test func unitFromLabelBeatsDefault() throws {
        let (quantity, findings) = QuantityParsing().parse("6,4", dimension: .mass, fallback: .init(fromLabel: "kg", defaultUnit: "g"), field: "gross_weight")
        #expect(try #require(quantity).valueText == "6400")
        #expect(findings.map(\.code) == [.unitFromLabel])
    }

    @Test func defaultUnitIsAssumedWithWarning() throws {
        let (quantity, findings) = QuantityParsing().parse("14,00", dimension: .length, fallback: .init(defaultUnit: "cm"), field: "package_length")
        #expect(try #require(quantity).valueText == "140")
        #expect(findings.map(\.code) == [.unitAssumed])
        #expect(findings[0].severity == .warning)
        #expect(findings[0].message.contains("assumed cm"))
    }

    /// Squarespace and Wix write weights in the unit the shop chose: no default is assumed, the value is not kept,
    /// and a unit in the value or the label still wins.
    @Test func aStoreSettingUnitAssumesNothing() throws {
        let store = QuantityParsing.UnitFallback(defaultUnit: "g", fromConfiguration: QuantityParsing.UnitFallback.storeSetting)
        let (bare, findings) = QuantityParsing().parse("1.4", dimension: .mass, fallback: store, field: "weight")
        #expect(bare == nil)
        #expect(findings.map(\.code) == [.unitStoreSetting])
        #expect(QuantityParsing().parse("1.4 kg", dimension: .mass, fallback: store, field: "weight").quantity?.valueText == "1400")
        var labelled = store
        labelled.fromLabel = "lb"
        #expect(QuantityParsing().parse("2", dimension: .mass, fallback: labelled, field: "weight").quantity?.valueText == "907.185")
    }

    @Test func wrongDimensionUnitIsAnError() {
        let (quantity, findings) = QuantityParsing().parse("20 kg", dimension: .length, fallback: .init(), field: "package_length")
        #expect(quantity == nil)
        #expect(findings.map(\.code) == [.unitUnknown])
    }

    @Test(arguments: [
        ("14 x 12 x 0,5 cm", ["140", "120", "5"]),
        ("14×12×0.5cm", ["140", "120", "5"]),
        ("19,5 x 15 x 12 cm", ["195", "150", "120"]),
        ("L 14 cm / W 12 cm / H 0.5 cm", ["140", "120", "5"]),
        ("300 x 200 x 100 mm", ["300", "200", "100"]),
    ])
    func readsDimensionStrings(text: String, expected: [String]) {
        let (values, findings) = QuantityParsing().parseDimensions(text, fallback: .init(defaultUnit: "cm"), field: "package_dimensions")
        #expect(values.map(\.valueText) == expected)
        #expect(findings.isEmpty)
    }
}
