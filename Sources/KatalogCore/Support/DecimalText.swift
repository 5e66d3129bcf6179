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
