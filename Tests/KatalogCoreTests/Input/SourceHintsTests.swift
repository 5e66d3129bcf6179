import Foundation
import Testing
@testable import KatalogCore

/// `SourceHints` keeps its fields behind one shared reference; it must still behave as a plain value.
@Suite("Source hints")
struct SourceHintsTests {
    static let full = SourceHints(
        language: "lt", country: "LT", currency: "EUR", lengthUnit: "cm", weightUnit: "kg",
        currencyEvidence: [CurrencyEvidence(.document, country: "LT", detail: "shop domain .lt")], platform: "shopify"
    )

    @Test func aCopyKeepsItsValuesWhenTheOriginalChanges() {
        var original = Self.full
        let copy = original
        original.currency = "PLN"
        original.currencyEvidence.append(CurrencyEvidence(.document, country: "PL", detail: "og:locale pl_PL"))
        original.platform = nil
        #expect(copy.currency == "EUR")
        #expect(copy.currencyEvidence.count == 1)
        #expect(copy.platform == "shopify")
        #expect(original.currency == "PLN" && original.currencyEvidence.count == 2 && original.platform == nil)
        #expect(copy == Self.full)
        #expect(original != copy)
    }

    @Test func equalValuesAreEqualAndHashAlike() {
        let rebuilt = SourceHints(
            language: "lt", country: "LT", currency: "EUR", lengthUnit: "cm", weightUnit: "kg",
            currencyEvidence: [CurrencyEvidence(.document, country: "LT", detail: "shop domain .lt")], platform: "shopify"
        )
        #expect(rebuilt == Self.full)
        #expect(Set([rebuilt, Self.full]).count == 1)
        var changed = rebuilt
        changed.lengthUnit = "mm"
        #expect(changed != Self.full)
    }

    @Test func encodesAsThePlainFieldsDid() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let sparse = String(decoding: try encoder.encode(SourceHints(currency: "EUR")), as: UTF8.self)
        #expect(sparse == #"{"currency":"EUR","currencyEvidence":[]}"#)
        let decoded = try JSONDecoder().decode(SourceHints.self, from: try encoder.encode(Self.full))
        #expect(decoded == Self.full)
        // Hints written before `currencyEvidence` and `platform` existed still decode.
        let old = try JSONDecoder().decode(SourceHints.self, from: Data(#"{"language":"pl","weightUnit":"g"}"#.utf8))
        #expect(old == SourceHints(language: "pl", weightUnit: "g"))
    }
}
