import Foundation

/// The key that joins records of several sources into one product, and places a record in a partition.
///
/// `gtin:<GTIN-14>` for a valid GTIN, else `mpn:<brand, case-folded>:<mpn>`, else `record:<file>|<record id>` (a
/// record that can only be itself). One key per record, computed from the record alone, so records can be
/// partitioned by it on many machines and each partition merged on its own with the same result as one merge of
/// everything (docs/scale.md).
public struct MergeKey: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public init(validGTIN14: String?, brand: String?, mpn: String?, file: String, recordID: String) {
        if let gtin = validGTIN14 {
            value = "gtin:" + gtin
        } else if let brand, let mpn {
            value = "mpn:" + brand.lowercased() + ":" + mpn
        } else {
            value = "record:" + file + "|" + recordID
        }
    }

    /// A key given whole (a partition key other than the merge key).
    init(raw: String) { value = raw }

    /// The key of a normalized record.
    public init(_ product: Product) {
        func text(_ value: String?) -> String? {
            guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        let gtin = product.gtin?.gtin14
        self.init(validGTIN14: gtin, brand: text(product.brand), mpn: text(product.mpn), file: product.source.file, recordID: product.id)
    }

    public var description: String { value }

    /// The partition of `partitions` this key goes to: the upper 32 bits of the 64-bit FNV-1a of the key's UTF-8
    /// bytes, modulo the count (FNV's low bits mix poorly: the lowest is the parity of the bytes' lowest bits). The
    /// same on every machine and in every language (docs/scale.md shows it in Python).
    public func partition(of partitions: Int) -> Int {
        Int((Fingerprint.bytes(value).value >> 32) % UInt64(max(1, partitions)))
    }
}
