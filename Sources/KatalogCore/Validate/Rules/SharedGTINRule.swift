/// The same GTIN on two different products. A GTIN names exactly one trade item.
public final class SharedGTINRule: RunRule {
    public static let staticInfo = RuleInfo(
        "gtin.shared", title: "Same GTIN on different products", severity: .warning, stage: .run,
        explanation: "A GTIN identifies exactly one trade item, and Katalog merges sources by it. Within one source, two records with the same GTIN but different SKUs (or, without SKUs, different titles) are two products sharing a barcode — usually a variant given its parent's GTIN, or a placeholder copied down a column. Across sources the same GTIN is expected (that is how offers are matched), so there it is flagged only when the brands differ. Both records are imported; the later one is flagged. Memory: a few 64-bit fingerprints per distinct GTIN in the run.",
        example: "`EAN: 4006381333931` on both `Stabilo Boss yellow` (SKU 1001) and `Stabilo Boss pink` (SKU 1002)."
    )
    public var info: RuleInfo { Self.staticInfo }

    private struct Seen { var identity: UInt64; var reference: RecordReference }
    private struct SeenBrand { var brand: UInt64; var reference: RecordReference }
    /// GTIN → the first record's identity in the current file (reset per file).
    private var inFile: [UInt64: Seen] = [:]
    /// GTIN → the first branded record's brand in the whole run.
    private var inRun: [UInt64: SeenBrand] = [:]
    private var files: [String] = []

    public init() {}

    public func beginFile(_ file: String, index fileIndex: Int) {
        inFile.removeAll(keepingCapacity: true)
        while files.count <= fileIndex { files.append(file) }
    }

    public func check(_ product: Product, fileIndex: Int) -> [Finding] {
        guard let gtin = product.gtin, gtin.isValid, let fourteen = gtin.gtin14 else { return [] }
        let key = Fingerprint(fourteen).value
        let reference = RecordReference(fileIndex: fileIndex, record: product.source.record)
        let identity = Fingerprint(product.sku ?? product.title.map(TextFolding.fold)).value
        if let earlier = inFile[key] {
            if earlier.identity != identity {
                return [Finding(info.defaultSeverity, info.code, "GTIN \(gtin.digits ?? fourteen) is also on record \(earlier.reference.record) of this file, a different product (\(product.sku != nil ? "another SKU" : "another title")).")]
            }
        } else {
            inFile[key] = Seen(identity: identity, reference: reference)
        }
        guard let brand = product.brand else { return [] }
        let brandPrint = Fingerprint(TextFolding.fold(brand)).value
        if let earlier = inRun[key] {
            if earlier.brand != brandPrint && earlier.reference.fileIndex != reference.fileIndex {
                let file = Int(earlier.reference.fileIndex) < files.count ? files[Int(earlier.reference.fileIndex)] : "another file"
                return [Finding(info.defaultSeverity, info.code, "GTIN \(gtin.digits ?? fourteen) is also on record \(earlier.reference.record) of \(file), under another brand.")]
            }
        } else {
            inRun[key] = SeenBrand(brand: brandPrint, reference: reference)
        }
        return []
    }
}
