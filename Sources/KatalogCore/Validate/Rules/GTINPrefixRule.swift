/// GTINs from GS1 prefix ranges that never identify a trade item sold across shops: restricted-circulation numbers
/// (in-store, variable-measure, company-internal) and coupons.
public struct GTINPrefixRule: RecordRule {
    public enum PrefixClass: String, Sendable {
        case restrictedCirculation = "restricted circulation"
        case coupon
    }

    public let code = "gtin.restricted-circulation"
    public let title = "GTIN from a restricted-circulation range"
    public let defaultSeverity = Severity.warning
    public let explanation = "GS1 reserves some prefixes for numbers that are only valid inside one company or region: 020–029 and 200–299 (in-store and variable-measure items, such as weighed goods), 040–049 (company-internal) and GTIN-8 numbers starting with 0 or 2. Such a number passes its check digit but does not identify the product anywhere else, so marketplaces refuse it. The GTIN is kept as found and flagged."
    public let example = "`EAN: 2001234567893` (an in-store number for a weighed item)."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard let gtin = product.gtin, gtin.isValid, let digits = gtin.digits,
              Self.prefixClass(of: digits) == .restrictedCirculation else { return [] }
        return [finding("GTIN \(digits) is from a GS1 restricted-circulation range (in-store or company-internal numbers); it does not identify the product outside one shop.")]
    }

    /// The prefix class of a GTIN's digits (8, 12, 13 or 14 long), or nil for an ordinary trade item number.
    public static func prefixClass(of digits: String) -> PrefixClass? {
        if digits.count == 8 {
            return digits.hasPrefix("0") || digits.hasPrefix("2") ? .restrictedCirculation : nil
        }
        // The GS1 prefix is read on the 13-digit form: UPC-A gains a leading 0, GTIN-14 drops its indicator.
        let thirteen: Substring
        switch digits.count {
        case 12: thirteen = Substring("0" + digits)
        case 13: thirteen = Substring(digits)
        case 14: thirteen = digits.dropFirst()
        default: return nil
        }
        guard let prefix = Int(thirteen.prefix(3)) else { return nil }
        switch prefix {
        case 20...29, 40...49, 200...299: return .restrictedCirculation
        case 50...59, 981...984, 990...999: return .coupon
        default: return nil
        }
    }
}
