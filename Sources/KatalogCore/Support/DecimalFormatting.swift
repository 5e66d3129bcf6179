import Foundation

/// Exact, locale-independent decimal strings (`58.99`, `0.5`), never scientific notation.
public enum DecimalFormatting {
    /// `value` rounded half away from zero to `fractionDigits`, always with that many fraction digits.
    public static func fixed(_ value: Decimal, fractionDigits: Int) -> String {
        if let text = DecimalText.rounded(value, fractionDigits: fractionDigits, trimZeros: false) { return text }
        let rounded = round(value, fractionDigits: fractionDigits)
        return render(rounded, fractionDigits: fractionDigits, trimZeros: false)
    }

    /// `value` rounded to at most `maxFractionDigits`, trailing fraction zeros removed.
    public static func trimmed(_ value: Decimal, maxFractionDigits: Int) -> String {
        if let text = DecimalText.rounded(value, fractionDigits: maxFractionDigits, trimZeros: true) { return text }
        let rounded = round(value, fractionDigits: maxFractionDigits)
        return render(rounded, fractionDigits: maxFractionDigits, trimZeros: true)
    }

    /// Rounds half away from zero, as prices are rounded in shops.
    public static func round(_ value: Decimal, fractionDigits: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, fractionDigits, .plain)
        return result
    }

    /// Parses a plain decimal string with `.` as separator (`-12.50`); nil when it is anything else.
    public static func parse(_ text: String) -> Decimal? {
        var bytes = text
        if let value = bytes.withUTF8({ parsePlainASCII($0, allowsMinus: true, allowsComma: false) }) { return value }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }) else { return nil }
        return Decimal(string: text, locale: posix)
    }

    /// Fast path for `-?[0-9]+(\.[0-9]+)?` with 1–18 digits and a non-zero value (`,` as the point too when
    /// `allowsComma`); nil for anything else, which callers hand to Foundation. For these inputs the result has the
    /// same bytes as `Decimal(string:locale: en_US_POSIX)` (checked in FastPathTests). Zero is excluded: Foundation
    /// keeps the exponent of `0.00`, `Decimal(sign:exponent:significand:)` does not. Callers pass contiguous bytes
    /// (`withUTF8`): a string's `utf8` view steps an index per byte, several times the work of the scan itself.
    static func parsePlainASCII<Bytes: Sequence>(_ bytes: Bytes, allowsMinus: Bool, allowsComma: Bool) -> Decimal? where Bytes.Element == UInt8 {
        var negative = false
        var significand: UInt64 = 0
        var digits = 0, integerDigits = 0, fractionDigits = 0
        var seenPoint = false, first = true
        for byte in bytes {
            defer { first = false }
            if byte &- UInt8(ascii: "0") < 10 {
                digits += 1
                if digits > 18 { return nil }
                significand = significand &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            } else if first, allowsMinus, byte == UInt8(ascii: "-") {
                negative = true
            } else if !seenPoint, integerDigits > 0, byte == UInt8(ascii: ".") || (allowsComma && byte == UInt8(ascii: ",")) {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard integerDigits > 0, !seenPoint || fractionDigits > 0, significand != 0 else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    static func render(_ value: Decimal, fractionDigits: Int, trimZeros: Bool) -> String {
        // Decimal's description is exact and locale-free ("58.99", "-0.5", "140"); DecimalText makes it faster.
        let plain = DecimalText.plain(value)
        return renderASCII(plain, fractionDigits: fractionDigits, trimZeros: trimZeros)
            ?? renderGenerally(plain, fractionDigits: fractionDigits, trimZeros: trimZeros)
    }

    /// `renderGenerally` on the bytes of an ASCII description (where a byte is a character); nil for other text.
    static func renderASCII(_ plain: String, fractionDigits: Int, trimZeros: Bool) -> String? {
        var plain = plain
        return plain.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }), !bytes.contains(0x0D) else { return nil }
            var start = 0
            var negative = false
            if bytes.first == UInt8(ascii: "-") {
                negative = true
                start = 1
            }
            let point = bytes[start...].firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
            let integer = UnsafeBufferPointer(rebasing: bytes[start..<point])
            var fractionEnd = bytes.count
            let fractionStart = min(point + 1, bytes.count)
            var padding = 0
            if fractionEnd - fractionStart < fractionDigits && !trimZeros { padding = fractionDigits - (fractionEnd - fractionStart) }
            if trimZeros {
                while fractionEnd > fractionStart, bytes[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }
            }
            let hasFraction = fractionEnd > fractionStart || padding > 0
            if integer.count == 1, integer[0] == UInt8(ascii: "0"), !hasFraction { negative = false }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + padding + 2)
            if negative { result.append(UInt8(ascii: "-")) }
            if integer.isEmpty { result.append(UInt8(ascii: "0")) } else { result.append(contentsOf: integer) }
            if hasFraction {
                result.append(UInt8(ascii: "."))
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[fractionStart..<fractionEnd]))
                result.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: padding))
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The general form of `render`, on Decimal's description.
    static func renderGenerally(_ plain: String, fractionDigits: Int, trimZeros: Bool) -> String {
        var sign = ""
        var body = Substring(plain)
        if body.hasPrefix("-") {
            sign = "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts.first.map(String.init) ?? "0"
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < fractionDigits && !trimZeros {
            fraction += String(repeating: "0", count: fractionDigits - fraction.count)
        }
        if trimZeros {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        if integer == "0" && fraction.isEmpty { sign = "" }
        return sign + (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
