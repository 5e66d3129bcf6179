extension Character {
    /// `0`–`9`: the same as `isASCII && isNumber` (no other ASCII character has a numeric value), without the
    /// Unicode property look-up `isNumber` makes.
    var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= 0x30 && value <= 0x39
    }
}
