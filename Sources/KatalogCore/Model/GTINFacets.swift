/// What can be told about a GTIN apart from "valid or not": separate facets so a user can tell a bad number
/// (`checksum`, `length`) from a good number that is not a retail identifier (`prefixClass`).
public struct GTINFacets: Sendable, Hashable, Codable {
    public enum Check: String, Sendable, Hashable, Codable {
        case valid
        case invalid
        /// The digits could not be checked (not digits, or a length a GTIN never has).
        case notChecked = "not-checked"
    }

    public enum PrefixClass: String, Sendable, Hashable, Codable {
        /// A GS1 member organisation's range: a globally unique trade item number.
        case retail
        /// 02x/04x/2xx (and GTIN-8 starting 0 or 2): in-store or internal numbers, not unique outside the company.
        case restrictedCirculation = "restricted-circulation"
        case coupon
        case refundReceipt = "refund-receipt"
        case isbn
        case issn
        case ismn
        case gs1Reserved = "gs1-reserved"
        case demo
        /// No GS1 member organisation holds the prefix.
        case unassigned
    }

    public var checksum: Check
    /// The length is one of 8, 12, 13, 14.
    public var lengthValid: Bool
    /// The GS1 prefix (first three digits of the GTIN-13 form; `9790` for ISMN), when the length is valid.
    public var prefix: String?
    public var prefixClass: PrefixClass?
    /// ISO 3166 country of the GS1 member organisation that licensed the prefix (not the country of origin).
    public var country: String?
    public var organisation: String?

    public init(checksum: Check, lengthValid: Bool, prefix: String?, prefixClass: PrefixClass?, country: String?, organisation: String?) {
        self.checksum = checksum
        self.lengthValid = lengthValid
        self.prefix = prefix
        self.prefixClass = prefixClass
        self.country = country
        self.organisation = organisation
    }

    /// A valid number that identifies a trade item for sale (retail range, or a book, serial or sheet music).
    public var isTradeItem: Bool {
        guard checksum == .valid, lengthValid, let prefixClass else { return false }
        return [.retail, .isbn, .issn, .ismn].contains(prefixClass)
    }

    /// The facets of `digits` (only digits; any length).
    public static func of(digits: String?) -> GTINFacets {
        // ASCII digits only, so bytes are characters.
        guard let digits, digits.isASCIIDigits else {
            return GTINFacets(checksum: .notChecked, lengthValid: false, prefix: nil, prefixClass: nil, country: nil, organisation: nil)
        }
        // Counted in bytes, each a digit: `String.count` would walk the characters.
        let count = digits.utf8.count
        guard count == 8 || count == 12 || count == 13 || count == 14 else {
            return GTINFacets(checksum: .notChecked, lengthValid: false, prefix: nil, prefixClass: nil, country: nil, organisation: nil)
        }
        let checksum: Check = GTINParsing.hasValidCheckDigit(digits) ? .valid : .invalid
        if count == 8, let first = digits.utf8.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "2") {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: String(digits.prefix(3)), prefixClass: .restrictedCirculation, country: nil, organisation: "Restricted circulation (GTIN-8 velocity codes)")
        }
        // The first four digits of the GTIN-13 form: UPC-A gains a leading zero, GTIN-14 loses its indicator digit.
        var bytes = digits.utf8.makeIterator()
        if count == 14 { _ = bytes.next() }
        let lead = (count == 12 ? UInt8(ascii: "0") : bytes.next()!, bytes.next()!, bytes.next()!, bytes.next()!)
        if lead == (UInt8(ascii: "9"), UInt8(ascii: "7"), UInt8(ascii: "9"), UInt8(ascii: "0")) && count != 8 {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: "9790", prefixClass: .ismn, country: nil, organisation: "Sheet music (ISMN)")
        }
        let prefix = String(decoding: [lead.0, lead.1, lead.2], as: UTF8.self)
        let prefixValue = Int(lead.0 &- 0x30) * 100 + Int(lead.1 &- 0x30) * 10 + Int(lead.2 &- 0x30)
        guard let range = GS1PrefixTable.builtIn.range(forValue: prefixValue) else {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: prefix, prefixClass: .unassigned, country: nil, organisation: nil)
        }
        return GTINFacets(
            checksum: checksum, lengthValid: true, prefix: prefix,
            prefixClass: PrefixClass(rawValue: range.class) ?? .unassigned,
            country: range.country, organisation: range.organisation
        )
    }
}
