import Testing
@testable import KatalogCore

struct GTINFacetsTests {
    /// Real numbers from shop feeds: digits → (valid, prefix class, GS1 country, the normalizer's warning or "").
    /// Restricted-circulation and coupon numbers are flagged by the record rules, not the parser.
    @Test(arguments: [
        ("6937224103313", true, "retail", "CN", nil),            // DJI, China
        ("4770149200413", true, "retail", "LT", nil),            // Lithuanian prefix 477
        ("4750000000000", true, "retail", "LV", nil),
        ("4740000000001", true, "retail", "EE", nil),
        ("5901234123457", true, "retail", "PL", nil),            // GS1 Poland's documentation example
        ("4006381333931", true, "retail", "DE", nil),
        ("8594000000006", true, "retail", "CZ", nil),
        ("6400000000002", true, "retail", "FI", nil),
        ("4600000000008", true, "retail", "RU", nil),
        ("4820000000000", true, "retail", "UA", nil),
        ("036000291452", true, "retail", "US", nil),             // UPC-A
        ("2001234567893", true, "restricted-circulation", nil, nil),  // in-store weighed goods
        ("0212345678909", true, "restricted-circulation", nil, nil),
        ("0412345678903", true, "restricted-circulation", nil, nil),
        ("9780306406157", true, "isbn", nil, nil),
        ("9771234567003", true, "issn", nil, nil),
        ("9790123456785", true, "ismn", nil, nil),
        ("9912345678909", true, "coupon", nil, nil),
        ("9801234567892", true, "refund-receipt", nil, .gtinNotATradeItem),
        ("1401234567892", true, "unassigned", nil, .gtinPrefixUnassigned),
        ("6937224103310", false, "retail", "CN", .gtinChecksum), // bad check digit, retail prefix
        ("96385074", true, "retail", nil, nil),                  // GTIN-8 from the GS1 Global Office range
        ("20123451", true, "restricted-circulation", nil, nil),
        ("14770149200410", true, "retail", "LT", nil),           // GTIN-14, indicator 1
    ] as [(String, Bool, String, String?, FindingCode?)])
    func facets(digits: String, valid: Bool, prefixClass: String, country: String?, code: FindingCode?) {
        let (gtin, findings) = GTINParsing.parse(digits)
        #expect(gtin.isValid == valid)
        #expect(gtin.facets.checksum == (valid ? .valid : .invalid))
        #expect(gtin.facets.lengthValid)
        #expect(gtin.facets.prefixClass?.rawValue == prefixClass)
        #expect(gtin.facets.country == country)
        #expect(findings.map(\.code) == (code.map { [$0] } ?? []))
        #expect(gtin.facets.isTradeItem == (valid && ["retail", "isbn", "issn", "ismn"].contains(prefixClass)))
    }

    @Test func badLengthIsNotChecked() {
        let (gtin, findings) = GTINParsing.parse("12345")
        #expect(gtin.facets.checksum == .notChecked)
        #expect(!gtin.facets.lengthValid)
        #expect(gtin.facets.prefixClass == nil)
        #expect(findings.map(\.code) == [.gtinLength])
    }

    @Test(arguments: [
        ("04252614", "042100005264"),   // UPC-E, last digit 4 rule
        ("01234565", "012345000065"),   // last digit 5–9 rule
        ("01210000", "012000001000"),   // last digit 0–2 rule
    ])
    func expandsUPCE(upcE: String, upcA: String) throws {
        let (gtin, findings) = GTINParsing.parse(upcE)
        #expect(gtin.isValid)
        #expect(gtin.digits == upcA)
        #expect(gtin.format == .upcA)
        #expect(gtin.expandedFrom == "UPC-E")
        #expect(gtin.gtin14 == "00" + upcA)
        #expect(findings.contains { $0.code.rawValue.hasPrefix("gtin.upc-e") })
    }

    @Test(arguments: [
        ("0-306-40615-2", "9780306406157"),
        ("ISBN 0-8044-2957-X", "9780804429573"),
        ("080442957X", "9780804429573"),
    ])
    func convertsISBN10(isbn: String, gtin expected: String) {
        let (gtin, findings) = GTINParsing.parse(isbn)
        #expect(gtin.isValid)
        #expect(gtin.digits == expected)
        #expect(gtin.expandedFrom == "ISBN-10")
        #expect(gtin.facets.prefixClass == .isbn)
        #expect(findings.map(\.code) == [.gtinISBN10Converted])
    }

    @Test func badISBN10IsAnErrorNotAFix() {
        let (gtin, findings) = GTINParsing.parse("ISBN 0-306-40615-3")
        #expect(!gtin.isValid)
        #expect(gtin.digits == nil)
        #expect(findings.map(\.code) == [.gtinISBN10Checksum])
    }
}
