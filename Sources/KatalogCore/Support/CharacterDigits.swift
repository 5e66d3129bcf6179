extension Character {
    /// `0`–`9`: the same as `isASCII && isNumber` (no other ASCII character has a numeric value), without the
    /// Unicode property look-up `isNumber` makes.
    var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= 0x30 && value <= 0x39
    }
}

extension String {
    /// Whether the text is one or more ASCII digits (`4700000000012`), told from its contiguous bytes: iterating
    /// `utf8` steps an index per byte, several times the work for a GTIN.
    var isASCIIDigits: Bool {
        var text = self
        return text.withUTF8 { bytes in !bytes.isEmpty && bytes.allSatisfy { $0 &- UInt8(ascii: "0") < 10 } }
    }
}
