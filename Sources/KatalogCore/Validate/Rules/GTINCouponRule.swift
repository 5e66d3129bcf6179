/// A GTIN from a GS1 coupon range identifies a coupon, not a product.
public struct GTINCouponRule: RecordRule {
    public let code: FindingCode = .gtinCoupon
    public let title = "GTIN from a coupon range"
    public let defaultSeverity = Severity.warning
    public let explanation = "GS1 prefixes 050–059 (UPC coupons), 981–984 (coupons in a common currency area) and 99 (coupons) identify coupons and vouchers, not products. A product carrying one was usually given a voucher's barcode by mistake. The GTIN is kept as found and flagged."
    public let example = "`EAN: 9912345678904`."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        guard let gtin = product.gtin, gtin.isValid, let digits = gtin.digits,
              GTINPrefixRule.prefixClass(of: gtin.facets) == .coupon else { return [] }
        return [finding("GTIN \(digits) is from a GS1 coupon range; it identifies a coupon, not a product.")]
    }
}
