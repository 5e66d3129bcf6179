import Testing
@testable import KatalogCore

@Suite("Origin precedence")
struct OriginPrecedenceTests {
    static func record(_ fields: [RawField]) -> RawRecord {
        RawRecord(location: SourceLocation(file: "page.html", record: 1), kind: .html, fields: fields, hints: SourceHints(language: "pl", country: "PL"))
    }

    static func field(_ label: String?, _ value: String, _ origin: FieldOrigin, role: FieldRole = .labelled) -> RawField {
        RawField(role: role, label: label, value: value, origin: origin, line: 1)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var fields: [RawField]
        var price: String?
        var gtin: String?
        var mismatches: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "visible price loses to JSON-LD and is reported",
             fields: [field("price", "1 299,00 zł", .visibleText), field("offers.price", "1499.00", .jsonLD), field("offers.priceCurrency", "PLN", .jsonLD)],
             price: "1499.00", gtin: nil, mismatches: ["price"]),
        Case(name: "equal prices in different notations agree",
             fields: [field("offers.price", "58.99", .jsonLD), field("offers.priceCurrency", "EUR", .jsonLD), field("price", "58.99€", .visibleText)],
             price: "58.99", gtin: nil, mismatches: []),
        Case(name: "OpenGraph currency disagrees with microdata",
             fields: [field("product:price:amount", "10.00", .openGraph), field("product:price:currency", "USD", .openGraph),
                      field("offers.price", "10.00", .microdata), field("offers.priceCurrency", "EUR", .microdata)],
             price: "10.00", gtin: nil, mismatches: ["currency"]),
        Case(name: "GTIN-13 and its GTIN-14 form agree; another number does not",
             fields: [field("gtin13", "4548736132610", .jsonLD), field("Kod EAN", "04548736132610", .specTable), field("product:ean", "5901234123457", .openGraph)],
             price: nil, gtin: "4548736132610", mismatches: ["gtin"]),
    ]

    @Test(arguments: cases)
    func precedenceAndMismatches(_ testCase: Case) {
        let product = ProductNormalizer().normalize(Self.record(testCase.fields))
        #expect(product.price?.money.amountText == testCase.price)
        #expect(product.gtin?.digits == testCase.gtin)
        let mismatches = product.diagnostics.filter { $0.code == .originMismatch }
        #expect(mismatches.map { $0.message.split(separator: ":")[0].replacingOccurrences(of: "Mismatched ", with: "") }.sorted() == testCase.mismatches)
        #expect(mismatches.allSatisfy { $0.severity == .warning })
    }

    @Test func onlyOneOriginsDescriptionIsKept() {
        let product = ProductNormalizer().normalize(Self.record([
            Self.field("description", "Short summary.", .jsonLD),
            Self.field(nil, "First paragraph.", .visibleText, role: .description),
            Self.field(nil, "Second paragraph.", .visibleText, role: .description),
        ]))
        #expect(product.description == "First paragraph.\n\nSecond paragraph.")
    }

    @Test func singleOriginRecordsAreUntouched() {
        let record = Self.record([Self.field("Kaina", "5 €", .textLine), Self.field("Kodas", "1", .textLine)])
        #expect(OriginPrecedence.arranged(record) { _ in nil } == record)
        #expect(OriginPrecedence.rearranged(record) { _ in nil } == nil)
    }

    @Test func mixedOriginRecordsAreRearrangedAsArranged() {
        let record = Self.record([
            Self.field("Kaina", "5 €", .visibleText), Self.field("price", "5.00", .jsonLD), Self.field("Kodas", "1", .visibleText),
        ])
        let rearranged = OriginPrecedence.rearranged(record) { _ in nil }
        #expect(rearranged?.fields.map(\.origin) == [.jsonLD, .visibleText, .visibleText])
        #expect(rearranged == OriginPrecedence.arranged(record) { _ in nil })
    }
}

@Suite("TextCleaning fast path")
struct TextCleaningFastPathTests {
    @Test(arguments: [
        "DJI Care Refresh RS 4 Mini", "Ražotājs ąčęėįšųū – 58,99 €", "", " leading", "trailing ", "two  spaces",
        "tab\there", "new\nline", "nbsp\u{00A0}here", "soft\u{00AD}hyphen", "zero\u{200B}width", "mark \u{0301}after space",
        "emoji 👍🏽 ok", "\u{FEFF}bom", "thin\u{2009}space",
    ])
    func fastPathAgreesWithTheFullCleaning(_ text: String) {
        let full = String(text.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && ($0.value >= 0x20 || $0 == "\t") }.map(Character.init))
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(TextCleaning.cleanLine(text) == full)
    }
}
