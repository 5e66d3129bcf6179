import Testing
@testable import KatalogCore

struct NumberReadingTests {
    @Test(arguments: [
        ("58.99", "58.99"), ("58,99", "58.99"), ("1 299,00", "1299.00"), ("1.299,00", "1299.00"),
        ("1,299.00", "1299.00"), ("1'299.50", "1299.50"), ("1.299.000", "1299000"), ("12 990", "12990"),
        ("199", "199"), ("0,5", "0.5"), ("14,00", "14.00"), ("1234,5", "1234.5"),
    ])
    func readsUnambiguousNumbers(text: String, canonical: String) throws {
        let reading = try #require(NumberReading.read(text))
        #expect(reading.canonical == canonical)
        #expect(reading.alternative == nil)
    }

    @Test func threeDigitFractionIsAmbiguous() throws {
        let reading = try #require(NumberReading.read("3.350"))
        #expect(reading.canonical == "3350")
        #expect(reading.alternative == "3.350")
        #expect(reading.ambiguousSeparator == ".")
    }

    @Test(arguments: ["1 29,00", "1.29.00", "12 34", "1,2,3"])
    func rejectsMalformedGrouping(text: String) {
        #expect(NumberReading.read(text) == nil)
    }
}
