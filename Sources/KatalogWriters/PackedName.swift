/// A short name's UTF-8 bytes held in two big-endian words, with its length. Provenance field names
/// (`package_length`, `item_group_id`) fit in 16 bytes, so putting them in byte order and matching them against
/// known names are integer comparisons: `String` comparisons of field names cost about 30 instructions each, and a
/// `switch` over string literals makes up to one a case.
struct PackedName: Equatable {
    /// Bytes 0-7 and 8-15, zero where the name is shorter.
    private let high: UInt64
    private let low: UInt64
    /// The name's length in bytes; only the first 16 bytes are held.
    let count: Int

    init(_ name: String) {
        var words: (UInt64, UInt64) = (0, 0)
        count = name.utf8.count
        withUnsafeMutableBytes(of: &words) { words in
            if name.utf8.withContiguousStorageIfAvailable({ words.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0.prefix(16)))) }) == nil {
                for (index, byte) in name.utf8.prefix(16).enumerated() { words[index] = byte }
            }
        }
        high = UInt64(bigEndian: words.0)
        low = UInt64(bigEndian: words.1)
    }

    /// Whether every byte of the name is held, so equal packed names are equal names.
    var isWhole: Bool { count <= 16 }

    /// Whether this name comes before `other` in byte order; nil when both are longer than 16 bytes and share their
    /// first 16, which only the full names can tell.
    func precedes(_ other: PackedName) -> Bool? {
        if high != other.high { return high < other.high }
        if low != other.low { return low < other.low }
        // The same first bytes, zero-padded: a name of at most 16 bytes is then the other's prefix, or the same name.
        if isWhole || other.isWhole { return count < other.count }
        return nil
    }
}
