extension TextDecoding {
    /// `raw`, read in the single-byte code page `name` (from `Resources/codepages.json`), as UTF-8 bytes.
    ///
    /// A table lookup per byte, no `String` built on the way: readers that hand UTF-8 to a C parser use it.
    /// Bytes the code page leaves undefined become U+FFFD and are counted. Nil when `name` is not a single-byte
    /// code page Katalog knows.
    public static func transcodeSingleByteToUTF8(_ raw: UnsafeRawBufferPointer, codePage name: String) -> (utf8: [UInt8], invalidSequences: Int, firstInvalidOffset: Int?)? {
        guard let table = SingleByteUTF8Tables.builtIn.tables[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count + raw.count / 8)
        var invalid = 0
        var firstInvalid: Int?
        for (offset, byte) in raw.enumerated() {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let encoded = table[Int(byte) - 0x80]
            if encoded.isEmpty {
                invalid += 1
                if firstInvalid == nil { firstInvalid = offset }
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                output.append(contentsOf: encoded)
            }
        }
        return (output, invalid, firstInvalid)
    }
}

/// For each single-byte code page, the UTF-8 encoding of bytes 0x80–0xFF (empty when undefined).
struct SingleByteUTF8Tables: Sendable {
    let tables: [String: [[UInt8]]]

    static let builtIn = SingleByteUTF8Tables(pages: CodePages.builtIn.pages)

    init(pages: [String: CodePages.Page]) {
        var tables: [String: [[UInt8]]] = [:]
        for (name, page) in pages {
            tables[name] = page.upperHalf.map { value in
                guard let value, let scalar = Unicode.Scalar(value) else { return [] }
                return Array(String(Character(scalar)).utf8)
            }
        }
        self.tables = tables
    }
}
