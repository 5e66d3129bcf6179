/// The same GTIN on two different products. A GTIN names exactly one trade item.
public final class SharedGTINRule: RunRule {
    public static let staticInfo = RuleInfo(
        .gtinShared, title: "Same GTIN on different products", severity: .warning, stage: .run,
        explanation: "A GTIN identifies exactly one trade item, and Katalog merges sources by it. Within one source, two records with the same GTIN but different SKUs (or, without SKUs, different titles) are two products sharing a barcode — usually a variant given its parent's GTIN, or a placeholder copied down a column. Across sources the same GTIN is expected (that is how offers are matched), so there it is flagged only when the brands differ. Both records are imported; the later one is flagged. Memory: 24 bytes per distinct GTIN of the current file and per distinct branded GTIN of the run, spilled to temporary files beyond about 100,000 of each.",
        example: "`EAN: 4006381333931` on both `Stabilo Boss yellow` (SKU 1001) and `Stabilo Boss pink` (SKU 1002)."
    )
    public var info: RuleInfo { Self.staticInfo }

    /// GTIN → (the first record's identity, that record) in the current file (reset per file).
    private let inFile: FirstSeenIndex
    /// GTIN → (the first branded record's brand, that record) in the whole run.
    private let inRun: FirstSeenIndex
    private var files: [String] = []
    /// Brand fingerprints by brand as written (`foldedBrandPrint`). Bounded: cleared past `brandCacheLimit` brands.
    private var brandPrints: [String: UInt64] = [:]
    private static let brandCacheLimit = 4_096

    public init(memoryCapacity: Int = FirstSeenIndex.defaultMemoryCapacity) {
        inFile = FirstSeenIndex(memoryCapacity: memoryCapacity)
        inRun = FirstSeenIndex(memoryCapacity: memoryCapacity)
    }

    public func beginFile(_ file: String, index fileIndex: Int) {
        inFile.removeAll()
        while files.count <= fileIndex { files.append(file) }
    }

    public func check(_ product: Product, fileIndex: Int) -> [Finding] {
        guard let gtin = product.gtin, gtin.isValid, let fourteen = gtin.gtin14 else { return [] }
        let key = Fingerprint(fourteen).value
        let reference = RecordReference(fileIndex: fileIndex, record: product.source.record)
        let identity = Fingerprint(product.sku ?? product.title.map(TextFolding.fold)).value
        if let earlier = inFile.firstValue(for: key, storingIfAbsent: .init(identity, reference.packed)), earlier.first != identity {
            return [Finding(info.defaultSeverity, info.code, "GTIN \(gtin.digits ?? fourteen) is also on record \(RecordReference(packed: earlier.second).record) of this file, a different product (\(product.sku != nil ? "another SKU" : "another title")).")]
        }
        guard let brand = product.brand else { return [] }
        let brandPrint = foldedBrandPrint(brand)
        if let earlier = inRun.firstValue(for: key, storingIfAbsent: .init(brandPrint, reference.packed)) {
            let earlierReference = RecordReference(packed: earlier.second)
            if earlier.first != brandPrint && earlierReference.fileIndex != reference.fileIndex {
                let file = Int(earlierReference.fileIndex) < files.count ? files[Int(earlierReference.fileIndex)] : "another file"
                return [Finding(info.defaultSeverity, info.code, "GTIN \(gtin.digits ?? fourteen) is also on record \(earlierReference.record) of \(file), under another brand.")]
            }
        }
        return []
    }

    /// The fingerprint of `brand` folded, remembered: a file names a few brands on many rows, and folding one
    /// costs several times the look-up.
    private func foldedBrandPrint(_ brand: String) -> UInt64 {
        if let known = brandPrints[brand] { return known }
        if brandPrints.count >= Self.brandCacheLimit { brandPrints.removeAll(keepingCapacity: true) }
        let print = Fingerprint(TextFolding.fold(brand)).value
        brandPrints[brand] = print
        return print
    }
}
