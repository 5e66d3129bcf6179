import Foundation

/// Exact, locale-independent decimal strings (`58.99`, `0.5`), never scientific notation.
public enum DecimalFormatting {
    /// `value` rounded half away from zero to `fractionDigits`, always with that many fraction digits.
    public static func fixed(_ value: Decimal, fractionDigits: Int) -> String {
        let rounded = round(value, fractionDigits: fractionDigits)
        return render(rounded, fractionDigits: fractionDigits, trimZeros: false)
    }

    /// `value` rounded to at most `maxFractionDigits`, trailing fraction zeros removed.
    public static func trimmed(_ value: Decimal, maxFractionDigits: Int) -> String {
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
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Decimal(string: text, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    private static func render(_ value: Decimal, fractionDigits: Int, trimZeros: Bool) -> String {
        // Decimal's description is exact and locale-free ("58.99", "-0.5", "140").
        let plain = value.description
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
