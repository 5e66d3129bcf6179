/// A 64-bit FNV-1a fingerprint of strings, used by run-level rules to remember millions of values in bounded
/// memory. Two different values share a fingerprint with probability about n²/2⁶⁵ (≈ 3·10⁻⁸ for a million).
public struct Fingerprint: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init(_ parts: String?...) {
        for part in parts { add(part) }
    }

    /// Adds one part; nil and "" are distinct, and parts are separated so ("ab","c") ≠ ("a","bc").
    public mutating func add(_ part: String?) {
        guard let part else { mix(0xFF); return }
        mix(utf8Of: part)
        mix(0x00)
    }

    /// Adds one part written as `first`, a space and `second` (`12.99 EUR`): the same as adding that string,
    /// without building it.
    public mutating func add(_ first: String, spaced second: String) {
        mix(utf8Of: first)
        mix(0x20)
        mix(utf8Of: second)
        mix(0x00)
    }

    /// Mixes in the UTF-8 bytes of `text`, from its contiguous storage when it has one (a generic walk of the
    /// `UTF8View` costs several times more per byte).
    private mutating func mix(utf8Of text: String) {
        let mixed: UInt64? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var value = self.value
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return value
        }
        if let mixed {
            value = mixed
        } else {
            for byte in text.utf8 { mix(byte) }
        }
    }

    /// The plain 64-bit FNV-1a of `text`'s UTF-8 bytes (no separator added): the documented hash of partitions.
    public static func bytes(_ text: String) -> Fingerprint {
        var print = Fingerprint()
        print.mix(utf8Of: text)
        return print
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }
}
