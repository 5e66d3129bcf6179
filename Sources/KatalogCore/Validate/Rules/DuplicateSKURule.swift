/// The same SKU twice in one source with different data: two products share a code, or an update was appended
/// instead of applied.
public final class DuplicateSKURule: RunRule {
    public static let staticInfo = RuleInfo(
        "sku.duplicate", title: "Same SKU twice with different data", severity: .warning, stage: .run,
        explanation: "Within one source file, a SKU should name one product. When a later record repeats a SKU with a different title, price, GTIN, sale price or availability, either two products share a code or an update was appended instead of applied; a sync would keep whichever came last. Both records are imported and the later one is flagged with the earlier record's number. Exact repeats are not flagged. Memory: one 64-bit fingerprint pair per distinct SKU of the current file.",
        example: "Rows 12 and 480 of `feed.csv` both have `sku=A-100`, priced 19.99 and 24.99."
    )
    public var info: RuleInfo { Self.staticInfo }

    private struct Seen { var data: UInt64; var reference: RecordReference }
    private var seen: [UInt64: Seen] = [:]

    public init() {}

    public func beginFile(_ file: String, index fileIndex: Int) { seen.removeAll(keepingCapacity: true) }

    public func check(_ product: Product, fileIndex: Int) -> [Finding] {
        guard let sku = product.sku else { return [] }
        let key = Fingerprint(sku).value
        let data = Self.dataFingerprint(product)
        guard let earlier = seen[key] else {
            seen[key] = Seen(data: data, reference: RecordReference(fileIndex: fileIndex, record: product.source.record))
            return []
        }
        guard earlier.data != data else { return [] }
        return [Finding(info.defaultSeverity, info.code, "SKU \"\(sku)\" was already used by record \(earlier.reference.record) of this file with different data (title, price, GTIN or availability).")]
    }

    static func dataFingerprint(_ product: Product) -> UInt64 {
        Fingerprint(
            product.title, product.price.map { "\($0.money.amountText) \($0.money.currency)" },
            product.salePrice.map { "\($0.money.amountText) \($0.money.currency)" },
            product.gtin?.digits ?? product.gtin?.raw, product.availability
        ).value
    }
}
