import Foundation

/// Exact `Decimal` comparison and multiplication for the values prices and measures have (significands of at most
/// 64 bits), read from and written to Foundation's storage (laid out as `DecimalText` describes and checks). They give
/// Foundation's answers, to the byte for `product`, without its normalization passes (over a thousand instructions
/// per operation); anything else (NaN, zero operands of a product, wider significands, far exponents, an unexpected
/// layout) goes to Foundation. DecimalFastPathTests compares both with Foundation.
enum DecimalFastMath {
    /// `lhs < rhs`, the same answer as Foundation's, read from the storage when both significands have at most 64
    /// bits: ±m·10^e values compared by sign, then by magnitude at a common exponent. Foundation's comparison
    /// first normalizes both values (a few thousand instructions); the package rules compare every record's
    /// measures with their limits. NaN, wider significands, or an unexpected layout go to Foundation.
    static func isLess(_ lhs: Decimal, _ rhs: Decimal) -> Bool {
        guard DecimalText.layoutHolds, let left = parts(lhs), let right = parts(rhs) else { return lhs < rhs }
        if left.sign != right.sign { return left.sign < right.sign }
        if left.sign == 0 { return false }
        let order = compareMagnitudes(left, right)
        return left.sign > 0 ? order < 0 : order > 0
    }

    typealias Parts = (sign: Int, significand: UInt64, exponent: Int)

    /// Sign (-1, 0, 1), significand and exponent of `value`; nil for NaN or a significand wider than 64 bits.
    /// Callers check `DecimalText.layoutHolds` first.
    static func parts(_ value: Decimal) -> Parts? {
        let storage = unsafeBitCast(value, to: DecimalText.Storage.self)
        let length = Int(storage.lengthAndFlags >> 4)
        let negative = storage.lengthAndFlags & 0x08 != 0
        if length == 0 { return negative ? nil : (0, 0, 0) }  // length 0 and the sign bit: NaN
        guard length <= 4 else { return nil }
        let significand = UInt64(storage.words.0) | UInt64(storage.words.1) << 16 | UInt64(storage.words.2) << 32 | UInt64(storage.words.3) << 48
        return (significand == 0 ? 0 : (negative ? -1 : 1), significand, Int(storage.exponent))
    }

    /// -1, 0 or 1 as the magnitude of `left` is below, equal to or above that of `right` (both non-zero).
    private static func compareMagnitudes(_ left: Parts, _ right: Parts) -> Int {
        func compare(_ a: UInt64, _ b: UInt64) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
        if left.exponent == right.exponent { return compare(left.significand, right.significand) }
        // The significand with the larger exponent is scaled to the other exponent; past 64 bits it is the larger.
        let leftIsScaled = left.exponent > right.exponent
        let (scaled, other) = leftIsScaled ? (left, right) : (right, left)
        var significand = scaled.significand
        for _ in 0..<(scaled.exponent - other.exponent) {
            let (product, overflow) = significand.multipliedReportingOverflow(by: 10)
            if overflow { return leftIsScaled ? 1 : -1 }
            significand = product
        }
        let order = compare(significand, other.significand)
        return leftIsScaled ? order : -order
    }

    /// `lhs * rhs` with Foundation's bytes: the significands' product at the sum of the exponents, with trailing zeros
    /// moved into the exponent (Foundation compacts its results), marked compact.
    static func product(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard DecimalText.layoutHolds, let left = parts(lhs), let right = parts(rhs), left.sign != 0, right.sign != 0 else { return lhs * rhs }
        let (full, overflow) = left.significand.multipliedReportingOverflow(by: right.significand)
        guard !overflow else { return lhs * rhs }
        var significand = full
        var exponent = left.exponent + right.exponent
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        guard (-100...100).contains(exponent) else { return lhs * rhs }
        var words = 0
        var rest = significand
        while rest != 0 {
            words += 1
            rest >>= 16
        }
        let negative = (left.sign < 0) != (right.sign < 0)
        let storage = DecimalText.Storage(
            exponent: Int8(exponent), lengthAndFlags: UInt8(words << 4) | (negative ? 0x08 : 0) | 0x04, reserved: 0,
            words: (UInt16(truncatingIfNeeded: significand), UInt16(truncatingIfNeeded: significand >> 16),
                    UInt16(truncatingIfNeeded: significand >> 32), UInt16(truncatingIfNeeded: significand >> 48), 0, 0, 0, 0)
        )
        return unsafeBitCast(storage, to: Decimal.self)
    }
}
