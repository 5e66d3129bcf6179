/// GTINs from GS1 prefix ranges that never identify a trade item sold across shops: restricted-circulation numbers
/// (in-store, variable-measure, company-internal) and coupons.
public struct GTINPrefixRule: RecordRule {
    public enum PrefixClass: String, Sendable {
        case restrictedCirculation = "restricted circulation"
        case coupon
    }

    public let code: FindingCode = .gtinRestrictedCirculation
    public let title = "GTIN from a restricted-circulation range"
    public let defaultSeverity = Severity.warning
    public let explanation = "GS1 reserves some prefixes for numbers that are only valid inside one company or region: 020–029 and 200–299 (in-store and variable-measure items, such as weighed goods), 040–049 (company-internal) and GTIN-8 numbers starting with 0 or 2. Such a number passes its check digit but does not identify the product anywhere else, so marketplaces refuse it. The GTIN is kept as found and flagged."
    public let example = "`EAN: 2001234567893` (an in-store number for a weighed item)."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard let gtin = product.gtin, gtin.isValid, let digits = gtin.digits,
              Self.prefixClass(of: gtin.facets) == .restrictedCirculation else { return [] }
        return [finding("GTIN \(digits) is from a GS1 restricted-circulation range (in-store or company-internal numbers); it does not identify the product outside one shop.")]
    }

    /// The prefix class of a GTIN's digits (8, 12, 13 or 14 long), or nil for an ordinary trade item number.
    /// Read from the GS1 prefix table (`Resources/gs1-prefixes.json`) through `GTINFacets`.
    public static func prefixClass(of digits: String) -> PrefixClass? {
        prefixClass(of: GTINFacets.of(digits: digits))
    }

    /// The prefix class of facets already worked out (`GTIN.facets`, so a record's GTIN is not read again).
    static func prefixClass(of facets: GTINFacets) -> PrefixClass? {
        switch facets.prefixClass {
        case .restrictedCirculation: .restrictedCirculation
        case .coupon: .coupon
        default: nil
        }
    }
}
