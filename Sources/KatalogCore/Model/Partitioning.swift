import Foundation

/// Which of `count` partitions a record goes to (`--partition-by FIELD --partitions N` on `import` and `map`), by
/// the 64-bit FNV-1a of a key's UTF-8 bytes modulo `count` (`MergeKey.partition(of:)`).
public struct Partitioning: Sendable, Hashable {
    /// What the key is.
    public enum Field: String, Sendable, CaseIterable {
        /// The merge key (`MergeKey`): records that `katalog merge` joins are in the same partition.
        case key
        /// The valid GTIN-14 (`gtin:<digits>`), else the record itself (`record:<file>|<id>`): records without a valid
        /// GTIN are spread evenly rather than grouped by brand + MPN.
        case gtin
        /// The SKU (`sku:<sku>`), else the merge key: every row of one SKU in the same partition, for per-SKU work.
        case sku
    }

    public var field: Field
    public var count: Int

    public init(field: Field = .key, count: Int) {
        self.field = field
        self.count = max(1, count)
    }

    /// The key `product` is partitioned by.
    public func key(of product: Product) -> MergeKey {
        let merge = MergeKey(product)
        switch field {
        case .key: return merge
        case .gtin:
            if let gtin = product.gtin?.gtin14 { return MergeKey(raw: "gtin:" + gtin) }
            return MergeKey(raw: "record:" + product.source.file + "|" + product.id)
        case .sku:
            guard let sku = product.sku?.trimmingCharacters(in: .whitespacesAndNewlines), !sku.isEmpty else { return merge }
            return MergeKey(raw: "sku:" + sku)
        }
    }

    /// The partition of `product`, 0 ..< count.
    public func partition(of product: Product) -> Int { key(of: product).partition(of: count) }
}
