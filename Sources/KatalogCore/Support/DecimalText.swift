import Foundation

/// `Decimal.description` (exact, locale-free: `58.99`, `-0.5`, `140`, `1.100`), without its cost for the values
/// prices and measurements have: a significand of at most 64 bits is read from the value's storage and written
/// digit by digit, about a tenth of the work. Anything else (NaN, larger significands), and every value on a
/// Foundation whose storage does not look as expected, goes to `description`.
///
/// Foundation keeps a `Decimal` in 20 bytes: the exponent (`Int8`), a byte with the significand's length in 16-bit
/// words (high nibble) and the sign (0x08), two reserved bytes, then eight little-endian 16-bit words. Whether this
/// holds is checked once, at first use, against `description` (`layoutHolds`); FastPathTests compare both on
/// random values.
enum DecimalText {
    static func plain(_ value: Decimal) -> String {
        guard layoutHolds, let text = fastPlain(value) else { return value.description }
        return text
    }

    /// The storage as Foundation lays it out (see the type's comment).
    struct Storage {
        var exponent: Int8
        var lengthAndFlags: UInt8
        var reserved: UInt16
        var words: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16)
    }

    /// Whether `fastPlain` reads this Foundation's values right: it must agree with `description` on samples of
    /// every shape it handles (zero, signs, exponents both ways, one to four words).
    static let layoutHolds: Bool = {
        guard MemoryLayout<Decimal>.size == MemoryLayout<Storage>.size else { return false }
        let samples: [Decimal] = [
            0, 1, -1, Decimal(string: "58.99")!, Decimal(string: "-0.5")!, Decimal(string: "0.001")!,
            Decimal(sign: .plus, exponent: 4, significand: 7), Decimal(sign: .minus, exponent: -3, significand: 1_100),
            Decimal(string: "1234567.891")!, Decimal(string: "-98765432109.87654")!, Decimal(string: "18446744073709551615")!,
        ]
        return samples.allSatisfy { fastPlain($0) == $0.description }
    }()

    /// The exact text of `value`, or nil when its significand is wider than 64 bits or it is NaN.
    private static func fastPlain(_ value: Decimal) -> String? {
        let storage = unsafeBitCast(value, to: Storage.self)
        let length = Int(storage.lengthAndFlags >> 4)
        let negative = storage.lengthAndFlags & 0x08 != 0
        if length == 0 { return negative ? nil : "0" }  // length 0 and the sign bit: NaN
        guard length <= 4 else { return nil }
        var significand = UInt64(storage.words.0) | UInt64(storage.words.1) << 16 | UInt64(storage.words.2) << 32 | UInt64(storage.words.3) << 48
        // Digits, least significant first.
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(significand % 10))
            significand /= 10
        } while significand > 0
        let exponent = Int(storage.exponent)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + abs(exponent) + 3)
        if negative { bytes.append(UInt8(ascii: "-")) }
        if exponent >= 0 {
            bytes.append(contentsOf: digits.reversed())
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))
        } else {
            let fraction = -exponent
            if digits.count <= fraction {
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: fraction - digits.count))
                bytes.append(contentsOf: digits.reversed())
            } else {
                bytes.append(contentsOf: digits[fraction...].reversed())
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: digits[..<fraction].reversed())
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension DecimalText {
    /// What `DecimalFormatting.fixed` (`trimZeros` false) or `trimmed` (true) make of `value`, worked out on its
    /// significand and exponent: rounded half away from zero to `fractionDigits` in integer arithmetic, then
    /// written digit by digit into one string. Foundation's rounding, `description` and the re-parse of that text
    /// cost about 2,500 instructions per value; this about a tenth (every record formats a price and its package
    /// measures). Nil, for the general path, when the value is NaN, zero, rounds to zero, has a significand wider
    /// than 64 bits or an exponent far from the digits, or the layout is not as expected; DecimalFastPathTests
    /// compares both forms.
    static func rounded(_ value: Decimal, fractionDigits: Int, trimZeros: Bool) -> String? {
        guard layoutHolds, (0...18).contains(fractionDigits), let parts = DecimalFastMath.parts(value), parts.sign != 0,
              (-38...20).contains(parts.exponent) else { return nil }
        var significand = parts.significand
        var exponent = parts.exponent
        if exponent < -fractionDigits {
            // Drop the digits past `fractionDigits`, rounding half away from zero (the sign is apart).
            let dropped = -fractionDigits - exponent
            guard dropped <= 19 else { return nil }
            var divisor: UInt64 = 1
            for _ in 0..<dropped { divisor *= 10 }
            let remainder = significand % divisor
            significand /= divisor
            if remainder >= divisor / 2 { significand += 1 }
            exponent = -fractionDigits
        }
        guard significand != 0 else { return nil }
        if trimZeros {
            while exponent < 0, significand % 10 == 0 {
                significand /= 10
                exponent += 1
            }
        }
        // The significand's digits, most significant first.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of a UInt64
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var rest = significand
            var end = 24
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            return 24 - end
        }
        let fraction = max(0, -exponent)
        let integerDigits = count - fraction
        let trailingZeros = max(0, exponent)
        let padding = trimZeros ? 0 : fractionDigits - fraction
        let hasPoint = fraction + padding > 0
        let length = (parts.sign < 0 ? 1 : 0) + max(integerDigits, 1) + trailingZeros + (hasPoint ? 1 : 0) + max(0, -integerDigits) + count - max(integerDigits, 0) + padding
        return withUnsafeBytes(of: &digits) { buffer in
            let source = buffer[(24 - count)...]
            return String(unsafeUninitializedCapacity: length) { out in
                var at = 0
                func put(_ byte: UInt8) {
                    out[at] = byte
                    at += 1
                }
                if parts.sign < 0 { put(UInt8(ascii: "-")) }
                if integerDigits > 0 {
                    for byte in source.prefix(integerDigits) { put(byte) }
                    for _ in 0..<trailingZeros { put(UInt8(ascii: "0")) }
                } else {
                    put(UInt8(ascii: "0"))
                }
                if hasPoint {
                    put(UInt8(ascii: "."))
                    for _ in 0..<max(0, -integerDigits) { put(UInt8(ascii: "0")) }
                    for byte in source.dropFirst(max(integerDigits, 0)) { put(byte) }
                    for _ in 0..<padding { put(UInt8(ascii: "0")) }
                }
                return at
            }
        }
    }
}
