import Foundation
import Testing
@testable import KatalogCore
import KatalogTestSupport

/// The byte-level decimal readers must give exactly what the Foundation-based general code gives.
struct DecimalFastPathTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    /// Plain decimals of every length up to past the fast path's limit, with signs, leading and trailing zeros.
    static let numbers: [String] = {
        var generator = SeededGenerator()
        var result = ["0", "-0", "0.0", "-0.00", "00", "007", "0.50", "1.50", "150", "1500", "-12.50", "58.99", "0.5", "1.", ".5",
                      "-", "-.5", "1..2", "1.2.3", "--1", "1-2", "+1", "1,5", "1 000", "999999999999999999", "1000000000000000000",
                      "123456789012345678", "0.000000000000000001", "18446744073709551615", "65535", "65536", "4294967296", "٣", "１"]
        for _ in 0..<30_000 {
            var digits = String((0..<Int.random(in: 1...20, using: &generator)).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            if Int.random(in: 0...3, using: &generator) == 0 { digits = String(repeating: "0", count: Int.random(in: 1...3, using: &generator)) + digits }
            if Int.random(in: 0...5, using: &generator) == 0 { digits = String(repeating: "0", count: digits.count) }
            if digits.count >= 2, Bool.random(using: &generator) {
                let at = digits.index(digits.startIndex, offsetBy: Int.random(in: 1..<digits.count, using: &generator))
                digits.insert(Bool.random(using: &generator) ? "." : ",", at: at)
            }
            result.append((Bool.random(using: &generator) ? "-" : "") + digits)
        }
        return result + FastPathTests.texts
    }()

    static func sameDecimal(_ fast: Decimal?, _ reference: Decimal?) -> Bool {
        guard let fast, let reference else { return fast == nil && reference == nil }
        guard bytes(fast) == bytes(reference), fast == reference, fast.description == reference.description,
              fast.hashValue == reference.hashValue else { return false }
        for places in 0...3 {
            #expect(bytes(DecimalFormatting.round(fast, fractionDigits: places)) == bytes(DecimalFormatting.round(reference, fractionDigits: places)))
        }
        return true
    }

    /// The general form of `DecimalFormatting.parse`, as it was before the fast path.
    static func referenceParse(_ text: String) -> Decimal? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Decimal(string: text, locale: posix)
    }

    /// The general form of `QuantityParsing.readDecimal`.
    static func referenceReadDecimal(_ number: String) -> Decimal? {
        let negative = number.hasPrefix("-")
        let body = negative ? String(number.dropFirst()) : number
        let marks = body.filter { $0 == "." || $0 == "," }.count
        let canonical: String
        if marks <= 1 {
            canonical = body.replacingOccurrences(of: ",", with: ".")
        } else if let reading = referenceNumberRead(body) {
            canonical = reading.canonical
        } else {
            return nil
        }
        guard let value = referenceParse(canonical) else { return nil }
        return negative ? -value : value
    }

    /// `NumberReading.read` as it was before its ASCII byte scan.
    static func referenceNumberRead(_ text: String, preferDecimalForThreeDigits: Bool = false) -> NumberReading? {
        let chars = Array(text)
        guard let first = chars.first, first.isASCII, first.isNumber,
              let last = chars.last, last.isASCII, last.isNumber else { return nil }
        var digitsOnly = ""
        var separators: [(char: Character, index: Int)] = []
        for char in chars {
            if char.isASCII && char.isNumber {
                digitsOnly.append(char)
            } else if char == "." || char == "," || NumberReading.groupingSpaces.contains(char) {
                separators.append((char, digitsOnly.count))
            } else {
                return nil
            }
        }
        if separators.isEmpty { return NumberReading(canonical: digitsOnly) }
        let marks = separators.filter { $0.char == "." || $0.char == "," }
        let spaces = separators.filter { $0.char != "." && $0.char != "," }.map(\.index)
        func compose(decimalAt position: Int) -> String {
            let integer = digitsOnly.prefix(position)
            return (integer.isEmpty ? "0" : String(integer)) + "." + digitsOnly.dropFirst(position)
        }
        guard let lastMark = marks.last else {
            // Only spaces or apostrophes: grouping.
            return referenceGroupsValid(spaces, integerLength: digitsOnly.count) ? NumberReading(canonical: digitsOnly) : nil
        }
        let markKinds = Set(marks.map(\.char))
        if markKinds.count == 2 {
            // 1.299,00 / 1,299.00: the last mark is the decimal separator, the other kind groups.
            let grouping = marks.dropLast()
            guard !grouping.contains(where: { $0.char == lastMark.char }),
                  referenceGroupsValid((grouping.map(\.index) + spaces).sorted(), integerLength: lastMark.index) else { return nil }
            return NumberReading(canonical: compose(decimalAt: lastMark.index), decimalMark: lastMark.char)
        }
        if marks.count > 1 {
            // 1.299.000 / 1,299,000: all grouping.
            guard spaces.isEmpty, referenceGroupsValid(marks.map(\.index), integerLength: digitsOnly.count) else { return nil }
            return NumberReading(canonical: digitsOnly)
        }
        // Exactly one dot or comma.
        if !spaces.isEmpty {
            // 1 299,00: spaces group, the mark is decimal.
            guard spaces.allSatisfy({ $0 < lastMark.index }), referenceGroupsValid(spaces, integerLength: lastMark.index) else { return nil }
            return NumberReading(canonical: compose(decimalAt: lastMark.index), decimalMark: lastMark.char)
        }
        let fractionLength = digitsOnly.count - lastMark.index
        if fractionLength == 3, (1...3).contains(lastMark.index), digitsOnly.first != "0" {
            let asDecimal = compose(decimalAt: lastMark.index)
            return NumberReading(
                canonical: preferDecimalForThreeDigits ? asDecimal : digitsOnly,
                alternative: preferDecimalForThreeDigits ? digitsOnly : asDecimal,
                ambiguousSeparator: lastMark.char
            )
        }
        return NumberReading(canonical: compose(decimalAt: lastMark.index), decimalMark: lastMark.char)
    }
    static func referenceGroupsValid(_ positions: [Int], integerLength: Int) -> Bool {
        var previous = 0
        for (offset, position) in positions.enumerated() {
            let size = position - previous
            if offset == 0 ? !(1...3).contains(size) : size != 3 { return false }
            previous = position
        }
        return integerLength - previous == 3 || positions.isEmpty
    }

    @Test func plainParseMatchesFoundation() {
        var fastHits = 0
        for text in Self.numbers {
            if DecimalFormatting.parsePlainASCII(text.utf8, allowsMinus: true, allowsComma: false) != nil { fastHits += 1 }
            #expect(Self.sameDecimal(DecimalFormatting.parse(text), Self.referenceParse(text)), "\(text)")
        }
        #expect(fastHits > 10_000)
    }

    @Test func readDecimalMatchesGeneralForm() {
        for text in Self.numbers + Self.numbers.map({ $0 + ",5" }) + ["1.234,5", "1,234.5", "-1.299,00", "1 299,00"] {
            #expect(Self.sameDecimal(QuantityParsing.readDecimal(text), Self.referenceReadDecimal(text)), "\(text)")
        }
    }

    @Test func numberReadingMatchesGeneralForm() {
        let extra = ["1 299,00", "1.299,00", "1'299.00", "1’299.00", "1\u{00A0}299,00", "14,00", "0.5", "1,234", "3.350", "1.299.000",
                     "1,299,000", "12 34", "1 2345", "1\r\n2", "1\n2", "1.\u{301}2", "1e5", "0,123", "1.234.5", "1 234 567,89",
                     "1'234'567.5", "1 234.567,8", "12,345,678.90", "1.2,3", "0.123", "1'23"]
        for text in Self.numbers + extra {
            for prefer in [false, true] {
                #expect(NumberReading.read(text, preferDecimalForThreeDigits: prefer) == Self.referenceNumberRead(text, preferDecimalForThreeDigits: prefer), "\(text)")
            }
        }
        // The usual feed amounts are read on their bytes.
        for common in ["11,01", "1299.00", "1299", "3.350", "0.5", "14,00"] {
            #expect(NumberReading.readPlain(common, preferDecimalForThreeDigits: false) == Self.referenceNumberRead(common), "\(common)")
        }
    }

    @Test func fastComparisonMatchesFoundation() {
        var values = Array(Self.numbers.compactMap { DecimalFormatting.parse($0) }.prefix(300))
        values += values.map { -$0 } + values.map { $0 * 1000 } + values.map { $0 * Decimal(string: "0.001")! }
        values += [0, -0, 1, -1, 10, Decimal(string: "0.000")!, Decimal(string: "6000")!, Decimal(string: "6000.0001")!, .nan,
                   Decimal.greatestFiniteMagnitude, -Decimal.greatestFiniteMagnitude, Decimal(string: "18446744073709551615")!,
                   Decimal(string: "18446744073709551616")!, Decimal(sign: .plus, exponent: 30, significand: 1),
                   Decimal(sign: .minus, exponent: -30, significand: 7), Decimal(string: "1e-127")!]
        for lhs in values {
            for rhs in values.prefix(120) + values.suffix(24) {
                #expect(DecimalFastMath.isLess(lhs, rhs) == (lhs < rhs), "\(lhs) < \(rhs)")
            }
        }
    }

    @Test func fastProductHasFoundationsBytes() {
        func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
        var values = Self.numbers.compactMap { DecimalFormatting.parse($0) }
        values += values.map { -$0 }
        values += [0, 1, -1, Decimal(string: "0.000")!, Decimal(string: "18446744073709551615")!, Decimal(string: "4294967296")!,
                   Decimal(sign: .plus, exponent: 90, significand: 5), Decimal(sign: .minus, exponent: -90, significand: 3), .nan]
        let factors = ["1", "10", "1000", "0.1", "0.001", "25.4", "28.349523125", "453.59237", "1000000", "-1", "0"].map { Decimal(string: $0)! }
            + [Decimal(sign: .plus, exponent: -2, significand: 1000), Decimal(sign: .plus, exponent: 0, significand: 10)]
        for value in values {
            for factor in factors {
                let expected = value * factor
                #expect(expected.isNaN ? DecimalFastMath.product(value, factor).isNaN : bytes(DecimalFastMath.product(value, factor)) == bytes(expected), "\(value) * \(factor)")
            }
        }
    }

    /// `DecimalText.rounded` against Foundation's rounding and `render`, on random values with every kind of
    /// halfway digit, both signs, exponents both ways and significands up to 64 bits.
    @Test func roundedTextMatchesFoundationRounding() {
        var generator = SeededGenerator()
        var values = Self.numbers.compactMap { DecimalFormatting.parse($0) }
        values += [0, -1, 1, .nan, Decimal(string: "0.00")!, Decimal(string: "0.005")!, Decimal(string: "-0.005")!, Decimal(string: "0.0049")!,
                   Decimal(string: "-0.0004")!, Decimal(string: "2.675")!, Decimal(string: "-2.675")!, Decimal(string: "18446744073709551615")!,
                   Decimal(string: "18446744073709551616")!, Decimal(string: "0.18446744073709551615")!, Decimal(string: "9.9995")!,
                   Decimal(string: "999.9995")!, Decimal(sign: .plus, exponent: 20, significand: 7), Decimal(sign: .minus, exponent: -30, significand: 5),
                   Decimal(string: "1234567890123456789012345.5")!, Decimal.greatestFiniteMagnitude, (Decimal(1) / Decimal(3))]
        for _ in 0..<20_000 {
            var significand = UInt64.random(in: 0...UInt64.random(in: 1...UInt64.max, using: &generator), using: &generator)
            // Halfway and near-halfway digits where rounding cuts.
            if Bool.random(using: &generator) { significand = significand / 10 * 10 + UInt64([4, 5, 6].randomElement(using: &generator)!) }
            values.append(Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: Int.random(in: -24...22, using: &generator),
                                  significand: Decimal(significand)))
        }
        var fastHits = 0
        for value in values {
            for digits in [0, 1, 2, 3, 4, 6] {
                for trim in [false, true] {
                    let general = DecimalFormatting.render(DecimalFormatting.round(value, fractionDigits: digits), fractionDigits: digits, trimZeros: trim)
                    let fast = DecimalText.rounded(value, fractionDigits: digits, trimZeros: trim)
                    if fast != nil { fastHits += 1 }
                    #expect((fast ?? general) == general, "\(value) \(digits) \(trim)")
                    #expect((trim ? DecimalFormatting.trimmed(value, maxFractionDigits: digits) : DecimalFormatting.fixed(value, fractionDigits: digits)) == general)
                }
            }
        }
        #expect(fastHits > values.count * 8)
        // The feed's usual values take the fast path: a price, a weight in grams, a length in millimetres.
        #expect(DecimalText.rounded(Decimal(string: "11.01")!, fractionDigits: 2, trimZeros: false) == "11.01")
        #expect(DecimalText.rounded(Decimal(string: "1299")!, fractionDigits: 2, trimZeros: false) == "1299.00")
        #expect(DecimalText.rounded(DecimalFastMath.product(Decimal(string: "1.1")!, 1000), fractionDigits: 3, trimZeros: true) == "1100")
        #expect(DecimalText.rounded(DecimalFastMath.product(Decimal(string: "3.5")!, 10), fractionDigits: 3, trimZeros: true) == "35")
        #expect(DecimalText.rounded(Decimal(string: "0.0625")!, fractionDigits: 3, trimZeros: true) == "0.063")
    }

    @Test func renderMatchesGeneralForm() {
        var plains = Self.numbers.compactMap { DecimalFormatting.parse($0)?.description }
        plains += Self.numbers.compactMap { QuantityParsing.readDecimal($0).map { ($0 * Decimal(string: "0.001")!).description } }
        plains += ["", "-", ".", "-.", "1.", ".5", "-0", "-0.000", "0.000", "NaN", "1.2.3", "00.10", "-.50", "0", "-0.", "10.0100", "x\r\n0"]
        plains += [Decimal.nan.description, (Decimal(1) / Decimal(3)).description, Decimal.greatestFiniteMagnitude.description]
        for plain in plains {
            for digits in 0...4 {
                for trim in [false, true] {
                    #expect(DecimalFormatting.renderASCII(plain, fractionDigits: digits, trimZeros: trim) ?? DecimalFormatting.renderGenerally(plain, fractionDigits: digits, trimZeros: trim)
                            == DecimalFormatting.renderGenerally(plain, fractionDigits: digits, trimZeros: trim), "\(plain) \(digits) \(trim)")
                }
            }
        }
        #expect(DecimalFormatting.renderASCII("58.9", fractionDigits: 2, trimZeros: false) == "58.90")
    }
}
