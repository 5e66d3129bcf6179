import Foundation

/// Reads GTIN/EAN/UPC values: digits after removing spaces and hyphens; lengths 8, 12, 13, 14; mod-10 check.
///
/// Spreadsheet damage is recognised: a leading apostrophe and a trailing `.0` are removed (with a finding);
/// scientific notation (`6,93722E+12`) has lost digits and is an error, never a guess; a lost leading zero is
/// restored only when the check digit confirms it. An invalid number keeps its raw text and is never "fixed".
public enum GTINParsing {
    /// Parses `text` as a GTIN, also accepting an ISBN-10 (converted to its ISBN-13) and a UPC-E (expanded to
    /// UPC-A), each with an info finding. A valid number with an unassigned, refund-receipt or GS1-reserved prefix
    /// is kept with a warning that says so; `GTIN.facets` tells every prefix class (restricted circulation and
    /// coupons are reported by the record rules).
    public static func parse(_ text: String) -> (gtin: GTIN, findings: [Finding]) {
        if let converted = ISBN10.convert(text) { return converted }
        var (gtin, findings) = parseDigits(text)
        // The digits are ASCII (see `classify`): bytes are characters.
        if let digits = gtin.digits, digits.utf8.count == 8, digits.utf8.first == UInt8(ascii: "0"), let upcA = UPCE.expand(digits) {
            let wasValid = gtin.isValid
            gtin = GTIN(raw: text, digits: upcA, format: .upcA, isValid: true)
            gtin.expandedFrom = "UPC-E"
            findings.removeAll { $0.code == .gtinChecksum }
            findings.append(wasValid ? .gtinUPCEAssumed(text, upcA: upcA) : .gtinUPCEExpanded(text, upcA: upcA))
        }
        if gtin.isValid { findings += prefixFindings(gtin) }
        return (gtin, findings)
    }

    /// Warnings for a valid number that is not a retail trade item number. Restricted-circulation and coupon
    /// prefixes are reported by the record rules `gtin.restricted-circulation` and `gtin.coupon`.
    static func prefixFindings(_ gtin: GTIN) -> [Finding] {
        let facets = gtin.facets
        switch facets.prefixClass {
        case .refundReceipt: return [.gtinNotATradeItem(gtin.raw, kind: "a refund receipt")]
        case .unassigned: return [.gtinPrefixUnassigned(gtin.raw, prefix: facets.prefix ?? "")]
        case .demo, .gs1Reserved: return [.gtinNotATradeItem(gtin.raw, kind: "reserved by GS1 (\(facets.organisation ?? "special use"))")]
        default: return []
        }
    }

    static func parseDigits(_ text: String) -> (gtin: GTIN, findings: [Finding]) {
        // Plain ASCII digits: nothing to trim, no apostrophe, exponent, `.0` or separators; the digits are the text.
        if text.isASCIIDigits { return classify(text, digits: text, findings: []) }
        return parseDigitsGenerally(text)
    }

    /// The general form of `parseDigits`.
    static func parseDigitsGenerally(_ text: String) -> (gtin: GTIN, findings: [Finding]) {
        var findings: [Finding] = []
        var value = text.trimmingWhitespace()
        if value.hasPrefix("'") {
            value.removeFirst()
            findings.append(.gtinSpreadsheetApostrophe(text))
        }
        if isScientificNotation(value) {
            return (GTIN(raw: text, digits: nil, format: nil, isValid: false), findings + [.gtinScientificNotation(text)])
        }
        if value.hasSuffix(".0") || value.hasSuffix(",0") {
            let stem = value.dropLast(2)
            if stem.allSatisfy(\.isASCIIDigit) {
                value = String(stem)
                findings.append(.gtinSpreadsheetDecimal(text))
            }
        }
        let digits = value.filter { !($0 == " " || $0 == "-" || $0 == "\u{00A0}") }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            return (GTIN(raw: text, digits: nil, format: nil, isValid: false), findings + [.gtinInvalidCharacters(text)])
        }
        return classify(text, digits: digits, findings: findings)
    }

    /// The GTIN for `digits` (non-empty, ASCII digits only) read from `text`: format, check digit, lost leading zero.
    private static func classify(_ text: String, digits: String, findings: [Finding]) -> (gtin: GTIN, findings: [Finding]) {
        // ASCII digits: the byte count is the length, without walking the characters.
        let length = digits.utf8.count
        if let format = format(forLength: length), hasValidCheckDigit(digits) {
            return (GTIN(raw: text, digits: digits, format: format, isValid: true), findings)
        }
        // A spreadsheet that stored the number as a number drops leading zeros: 12 digits left of an EAN-13,
        // 11 of a UPC-A, 7 of a GTIN-8. Restore only when the check digit then matches.
        for target in [13, 12, 8] where length == target - 1 {
            let restored = "0" + digits
            if hasValidCheckDigit(restored), let format = format(forLength: target) {
                // A 12-digit value that is already a valid UPC-A never reaches here.
                return (GTIN(raw: text, digits: restored, format: format, isValid: true), findings + [.gtinLeadingZeroRestored(text, restored: restored)])
            }
        }
        guard let format = format(forLength: length) else {
            return (GTIN(raw: text, digits: digits, format: nil, isValid: false), findings + [.gtinLength(text, length: length)])
        }
        return (GTIN(raw: text, digits: digits, format: format, isValid: false), findings + [.gtinChecksum(text, expected: expectedCheckDigit(digits))])
    }

    public static func format(forLength length: Int) -> GTIN.Format? {
        switch length {
        case 8: .gtin8
        case 12: .upcA
        case 13: .ean13
        case 14: .gtin14
        default: nil
        }
    }

    /// GS1 mod-10: weights 3,1,3,… from the right, excluding the check digit.
    public static func hasValidCheckDigit(_ digits: String) -> Bool {
        if let last = digits.utf8.last, (0x30...0x39).contains(last), let sum = asciiWeightedSum(digits) {
            return (10 - sum % 10) % 10 == Int(last - 0x30)
        }
        guard let last = digits.last?.wholeNumberValue else { return false }
        return expectedCheckDigit(digits) == last
    }

    static func expectedCheckDigit(_ digits: String) -> Int {
        if let sum = asciiWeightedSum(digits) { return (10 - sum % 10) % 10 }
        let body = digits.dropLast().compactMap(\.wholeNumberValue)
        var sum = 0
        for (offset, digit) in body.reversed().enumerated() {
            sum += digit * (offset % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }

    /// The mod-10 weighted sum for ASCII digits (all but the last), without Unicode numeric look-ups; nil for any
    /// other text, which takes the general path.
    /// Read front to back on the contiguous bytes (walking a string's `utf8` steps an index per byte, backwards
    /// more so): the digit `k` places left of the check digit weighs 3 when `k` is odd, else 1.
    private static func asciiWeightedSum(_ digits: String) -> Int? {
        var text = digits
        return text.withUTF8 { bytes -> Int? in
            var sum = 0
            var fromRight = bytes.count - 1
            for byte in bytes {
                guard (0x30...0x39).contains(byte) else { return nil }
                if fromRight > 0 { sum += Int(byte - 0x30) * (fromRight & 1 == 1 ? 3 : 1) }
                fromRight -= 1
            }
            return sum
        }
    }

    static func isScientificNotation(_ value: String) -> Bool {
        let upper = value.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e], exponent = upper[upper.index(after: e)...]
        let mantissaOK = !mantissa.isEmpty && mantissa.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
        let exponentDigits = exponent.drop { $0 == "+" || $0 == "-" }
        return mantissaOK && !exponentDigits.isEmpty && exponentDigits.allSatisfy(\.isNumber)
    }
}

extension Finding {
    static func gtinSpreadsheetApostrophe(_ text: String) -> Finding {
        Finding(.info, .gtinSpreadsheetApostrophe, "GTIN \"\(text)\" starts with the apostrophe a spreadsheet adds to keep text; it was removed.")
    }
    static func gtinSpreadsheetDecimal(_ text: String) -> Finding {
        Finding(.warning, .gtinSpreadsheetDecimal, "GTIN \"\(text)\" ends in \".0\", a sign that a spreadsheet stored it as a number; the \".0\" was removed.")
    }
    static func gtinScientificNotation(_ text: String) -> Finding {
        Finding(.error, .gtinScientificNotation, "GTIN \"\(text)\" is in scientific notation: a spreadsheet rounded it and its digits are lost. Kept as raw text only; re-export the column as text.")
    }
    static func gtinInvalidCharacters(_ text: String) -> Finding {
        Finding(.error, .gtinInvalidCharacters, "GTIN \"\(text)\" contains characters other than digits, spaces and hyphens; kept as raw text only.")
    }
    static func gtinLength(_ text: String, length: Int) -> Finding {
        Finding(.error, .gtinLength, "GTIN \"\(text)\" has \(length) digits; a GTIN has 8, 12, 13 or 14. Kept as raw text only.")
    }
    static func gtinChecksum(_ text: String, expected: Int) -> Finding {
        Finding(.error, .gtinChecksum, "GTIN \"\(text)\" fails its check digit (expected \(expected)); kept as raw text, not corrected.")
    }
    static func gtinLeadingZeroRestored(_ text: String, restored: String) -> Finding {
        Finding(.warning, .gtinLeadingZeroRestored, "GTIN \"\(text)\" had lost its leading zero (a spreadsheet stored it as a number); restored as \(restored), which the check digit confirms.")
    }
}
