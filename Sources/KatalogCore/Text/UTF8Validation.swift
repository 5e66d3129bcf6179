extension TextDecoding {
    /// Whether `raw` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    ///
    /// Checks eight ASCII bytes at a time, so validating a typical web page costs far less than decoding it;
    /// readers use it to pass valid UTF-8 through untouched and decode only the rest.
    public static func isValidUTF8(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress else { return true }
        let count = raw.count
        var index = 0
        while index < count {
            // Fast path: a run of ASCII, one machine word at a time.
            if index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = raw[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2 ... 0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1 ... 0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = raw[index + 1]
            guard second >= lower, second <= upper else { return false }
            var continuation = 2
            while continuation < length {
                guard raw[index + continuation] & 0xC0 == 0x80 else { return false }
                continuation += 1
            }
            index += length
        }
        return true
    }
}
