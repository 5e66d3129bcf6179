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
        guard let digits, !digits.isEmpty, digits.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else {
            return GTINFacets(checksum: .notChecked, lengthValid: false, prefix: nil, prefixClass: nil, country: nil, organisation: nil)
        }
        let lengthValid = [8, 12, 13, 14].contains(digits.utf8.count)
        guard lengthValid else {
            return GTINFacets(checksum: .notChecked, lengthValid: false, prefix: nil, prefixClass: nil, country: nil, organisation: nil)
        }
        let checksum: Check = GTINParsing.hasValidCheckDigit(digits) ? .valid : .invalid
        if digits.count == 8, let first = digits.first, first == "0" || first == "2" {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: String(digits.prefix(3)), prefixClass: .restrictedCirculation, country: nil, organisation: "Restricted circulation (GTIN-8 velocity codes)")
        }
        // The GTIN-13 form: UPC-A gains a leading zero, GTIN-14 loses its indicator digit.
        let thirteen: String
        switch digits.count {
        case 12: thirteen = "0" + digits
        case 14: thirteen = String(digits.dropFirst())
        default: thirteen = digits
        }
        if thirteen.hasPrefix("9790") && digits.count != 8 {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: "9790", prefixClass: .ismn, country: nil, organisation: "Sheet music (ISMN)")
        }
        let prefix = String(thirteen.prefix(3))
        guard let range = GS1PrefixTable.builtIn.range(for: prefix) else {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: prefix, prefixClass: .unassigned, country: nil, organisation: nil)
        }
        return GTINFacets(
            checksum: checksum, lengthValid: true, prefix: prefix,
            prefixClass: PrefixClass(rawValue: range.class) ?? .unassigned,
            country: range.country, organisation: range.organisation
        )
    }
}
