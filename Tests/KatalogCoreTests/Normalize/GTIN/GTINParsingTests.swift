import Testing
@testable import KatalogCore

struct GTINParsingTests {
    @Test(arguments: [
        ("6937224103313", "6937224103313", GTIN.Format.ean13, "06937224103313"),
        ("693 7224 10331 3", "6937224103313", .ean13, "06937224103313"),
        ("6937-2241-0331-3", "6937224103313", .ean13, "06937224103313"),
        ("4548736133730", "4548736133730", .ean13, "04548736133730"),
        ("96385074", "96385074", .gtin8, "00000096385074"),
        ("036000291452", "036000291452", .upcA, "00036000291452"),
        ("10012345678902", "10012345678902", .gtin14, "10012345678902"),
    ])
    func readsValidGTIN(raw: String, digits: String, format: GTIN.Format, gtin14: String) {
        let (gtin, findings) = GTINParsing.parse(raw)
        #expect(gtin.isValid)
        #expect(gtin.digits == digits)
        #expect(gtin.format == format)
        #expect(gtin.gtin14 == gtin14)
        #expect(gtin.raw == raw)
        #expect(findings.isEmpty)
    }

    @Test func badCheckDigitIsKeptRawAndNeverFixed() {
        let (gtin, findings) = GTINParsing.parse("4242005199852")
        #expect(!gtin.isValid)
        #expect(gtin.digits == "4242005199852")
        #expect(gtin.gtin14 == nil)
        #expect(findings.map(\.code) == [.gtinChecksum])
        #expect(findings[0].severity == .error)
        #expect(findings[0].message.contains("expected 3"))
    }

    @Test(arguments: [("12345", .gtinLength), ("69372241O3313", .gtinInvalidCharacters), ("6,93722E+12", .gtinScientificNotation), ("6.93722410331E+12", .gtinScientificNotation)] as [(String, FindingCode)])
    func rejectsMalformed(raw: String, code: FindingCode) {
        let (gtin, findings) = GTINParsing.parse(raw)
        #expect(!gtin.isValid)
        #expect(findings.last?.code == code)
        #expect(findings.last?.severity == .error)
    }

    @Test func stripsSpreadsheetDecimalAndApostrophe() {
        let (decimal, decimalFindings) = GTINParsing.parse("6937224103313.0")
        #expect(decimal.isValid && decimal.digits == "6937224103313")
        #expect(decimalFindings.map(\.code) == [.gtinSpreadsheetDecimal])
        let (quoted, quotedFindings) = GTINParsing.parse("'6937224103313")
        #expect(quoted.isValid)
        #expect(quotedFindings.map(\.code) == [.gtinSpreadsheetApostrophe])
    }

    @Test func restoresLostLeadingZeroOnlyWhenCheckDigitConfirms() {
        // 0036000291452 is a valid EAN-13; a spreadsheet shows it as 36000291452 (11 digits → UPC-A).
        let (restored, findings) = GTINParsing.parse("36000291452")
        #expect(restored.isValid)
        #expect(restored.digits == "036000291452")
        #expect(findings.map(\.code) == [.gtinLeadingZeroRestored])
        // 12 digits whose zero-padded form fails the check digit stay invalid.
        let (invalid, invalidFindings) = GTINParsing.parse("123456789013")
        #expect(!invalid.isValid)
        #expect(invalidFindings.map(\.code) == [.gtinChecksum])
    }
}
