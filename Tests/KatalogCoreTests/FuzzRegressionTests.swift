import Foundation
import Testing
@testable import KatalogCore

/// Inputs the fuzz harnesses (`Fuzz/`, `scripts/fuzz.sh`) found, kept in `Fuzz/regressions/<target>/` as the
/// harness saw them, each with what must hold for it now.
struct FuzzRegressionTests {
    /// The bytes of `Fuzz/regressions/<target>/<name>`.
    static func input(_ target: String, _ name: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: root.appendingPathComponent("Fuzz/regressions/\(target)/\(name)"))
    }

    /// fuzz-price: `5chf0* @TL` in a EUR context was read as a was/now pair of 5 CHF and 0 EUR. The now amount
    /// names no currency, so it is in the was amount's (the text's) currency, not the context's.
    @Test func wasNowPairKeepsTheWasCurrency() throws {
        let bytes = try Self.input("price", "sale-price-currency")
        // The harness's first byte picks the context (`Y` = 89, context 1 of 8: currency EUR).
        #expect(bytes.first == UInt8(ascii: "Y"))
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let reading = MoneyParsing.read(text, context: MoneyContext(currency: "EUR"))
        #expect(reading.price?.money.currency == "CHF")
        #expect(reading.salePrice == nil || reading.salePrice?.money.currency == "CHF")
        // A real-world pair the same way: the feed's currency does not override the one the text names.
        let pair = MoneyParsing.read("Was 59.00 CHF, now 49.00", context: MoneyContext(currency: "EUR"))
        #expect(pair.price?.money.currency == "CHF")
        #expect(pair.salePrice?.money.currency == "CHF")
        #expect(pair.salePrice?.money.amountText == "49.00")
    }

    /// fuzz-price: `１２，８０Fr.０円` (full-width digits) was a was/now pair of 12.80 CHF and 0 JPY. Two amounts in
    /// two currencies are no pair: the first is the price and the second an extra amount.
    @Test func amountsInTwoCurrenciesAreNoWasNowPair() throws {
        let bytes = try Self.input("price", "was-now-two-currencies")
        #expect(bytes.first == 1) // context 1 of 8: currency EUR
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let reading = MoneyParsing.read(text, context: MoneyContext(currency: "EUR"))
        #expect(reading.price?.money.currency == "CHF")
        #expect(reading.price?.money.amountText == "12.80")
        #expect(reading.salePrice == nil)
        #expect(reading.findings.map(\.code).contains(.priceExtraAmounts))
    }
}
