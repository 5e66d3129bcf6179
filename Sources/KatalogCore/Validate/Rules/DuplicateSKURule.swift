/// The same SKU twice in one source with different data: two products share a code, or an update was appended
/// instead of applied.
public final class DuplicateSKURule: RunRule {
    public static let staticInfo = RuleInfo(
        .skuDuplicate, title: "Same SKU twice with different data", severity: .warning, stage: .run,
        explanation: "Within one source file, a SKU should name one product. When a later record repeats a SKU with a different title, price, GTIN, sale price or availability, either two products share a code or an update was appended instead of applied; a sync would keep whichever came last. Both records are imported and the later one is flagged with the earlier record's number. Exact repeats are not flagged. Memory: 24 bytes per distinct SKU of the current file, spilled to a temporary file beyond about 100,000 SKUs.",
        example: "Rows 12 and 480 of `feed.csv` both have `sku=A-100`, priced 19.99 and 24.99."
    )
    public var info: RuleInfo { Self.staticInfo }

    /// SKU fingerprint → (data fingerprint, earlier record) of the current file.
    private let seen: FirstSeenIndex

    public init(memoryCapacity: Int = FirstSeenIndex.defaultMemoryCapacity) {
        seen = FirstSeenIndex(memoryCapacity: memoryCapacity)
    }

    public func beginFile(_ file: String, index fileIndex: Int) { seen.removeAll() }

    public func check(_ product: Product, fileIndex: Int) -> [Finding] {
        guard let sku = product.sku else { return [] }
        let key = Fingerprint(sku).value
        let data = Self.dataFingerprint(product)
        let reference = RecordReference(fileIndex: fileIndex, record: product.source.record)
        guard let earlier = seen.firstValue(for: key, storingIfAbsent: .init(data, reference.packed)) else { return [] }
        guard earlier.first != data else { return [] }
        return [Finding(info.defaultSeverity, info.code, "SKU \"\(sku)\" was already used by record \(RecordReference(packed: earlier.second).record) of this file with different data (title, price, GTIN or availability).")]
    }

    /// The fingerprint of the title, the prices (`12.99 EUR`), the GTIN and the availability. The prices are added
    /// in their two pieces: a string built for each, only to be hashed, cost an interpolation for every record.
    static func dataFingerprint(_ product: Product) -> UInt64 {
        var print = Fingerprint(product.title)
        print.add(product.price)
        print.add(product.salePrice)
        print.add(product.gtin?.digits ?? product.gtin?.raw)
        print.add(product.availability)
        return print.value
    }
}

private extension Fingerprint {
    /// A price as the part `12.99 EUR`, or nil.
    mutating func add(_ price: Price?) {
        guard let money = price?.money else { return add(nil as String?) }
        add(money.amountText, spaced: money.currency)
    }
}
