extension TextDecoding {
    /// `raw`, read in the single-byte code page `name` (from `Resources/codepages.json`), as UTF-8 bytes.
    ///
    /// A table lookup per byte, no `String` built on the way: readers that hand UTF-8 to a C parser use it.
    /// Bytes the code page leaves undefined become U+FFFD and are counted. Nil when `name` is not a single-byte
    /// code page Katalog knows.
    public static func transcodeSingleByteToUTF8(_ raw: UnsafeRawBufferPointer, codePage name: String) -> (utf8: [UInt8], invalidSequences: Int, firstInvalidOffset: Int?)? {
        guard let table = SingleByteUTF8Tables.builtIn.tables[name] else { return nil }
        var invalid = 0
        var firstInvalid: Int?
        // Every byte becomes at most three (U+FFFD and the BMP letters of these pages), so the output is written
        // into room made once; runs of ASCII are copied eight bytes at a time.
        let utf8 = [UInt8](unsafeUninitializedCapacity: raw.count * 3) { out, written in
            guard let source = raw.baseAddress, let target = out.baseAddress else { written = 0; return }
            let count = raw.count
            var index = 0, end = 0
            while index < count {
                if index + 8 <= count {
                    let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        UnsafeMutableRawPointer(target + end).storeBytes(of: word, as: UInt64.self)
                        index += 8
                        end += 8
                        continue
                    }
                }
                let byte = source.load(fromByteOffset: index, as: UInt8.self)
                index += 1
                if byte < 0x80 {
                    target[end] = byte
                    end += 1
                    continue
                }
                var packed = table[Int(byte) - 0x80]
                if packed == 0 {
                    invalid += 1
                    if firstInvalid == nil { firstInvalid = index - 1 }
                    packed = SingleByteUTF8Tables.pack([0xEF, 0xBF, 0xBD])
                }
                let length = Int(packed & 0xFF)
                for offset in 0..<length { target[end + offset] = UInt8(truncatingIfNeeded: packed >> (8 * (offset + 1))) }
                end += length
            }
            written = end
        }
        return (utf8, invalid, firstInvalid)
    }
}

/// For each single-byte code page, the UTF-8 encoding of bytes 0x80–0xFF, packed: the length in the low byte, the
/// encoded bytes above it (0 when the page leaves the byte undefined).
struct SingleByteUTF8Tables: Sendable {
    let tables: [String: [UInt32]]

    static let builtIn = SingleByteUTF8Tables(pages: CodePages.builtIn.pages)

    init(pages: [String: CodePages.Page]) {
        var tables: [String: [UInt32]] = [:]
        for (name, page) in pages {
            tables[name] = page.upperHalf.map { value in
                guard let value, let scalar = Unicode.Scalar(value) else { return 0 }
                return Self.pack(Array(String(Character(scalar)).utf8))
            }
        }
        self.tables = tables
    }

    /// Up to three UTF-8 bytes and their count in one word.
    static func pack(_ bytes: [UInt8]) -> UInt32 {
        precondition(bytes.count <= 3, "a single-byte code page maps to the Basic Multilingual Plane")
        var packed = UInt32(bytes.count)
        for (offset, byte) in bytes.enumerated() { packed |= UInt32(byte) << (8 * (offset + 1)) }
        return packed
    }
}
