import Foundation

/// Reads the digits of a number as shops write them (`1 299,00`, `1.299,00`, `1'299.00`, `14,00`, `0.5`).
///
/// Pure syntax: it reports an ambiguous separator (`1,234`, `3.350`) rather than deciding it, so the caller can
/// decide from context (currency, locale) and say so.
struct NumberReading: Sendable, Hashable {
    enum Separator: Sendable, Hashable { case decimal, grouping }

    /// The digits with `.` as decimal separator and no grouping (`1299.00`), read the most likely way.
    var canonical: String
    /// When the only separator could be either decimal or grouping: the alternative reading.
    var alternative: String?
    /// The separator character that was ambiguous.
    var ambiguousSeparator: Character?
    /// The mark (`,` or `.`) the text uses unambiguously as its decimal separator, when it has one.
    var decimalMark: Character?

    static let groupingSpaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’"]

    /// Reads `text`, which must be digits and separators only; nil if it is not a well-formed number.
    /// `preferDecimalForThreeDigits` decides `1,234`-style input (true: 1.234; false: 1234).
    static func read(_ text: String, preferDecimalForThreeDigits: Bool = false) -> NumberReading? {
        if let reading = readPlain(text, preferDecimalForThreeDigits: preferDecimalForThreeDigits) { return reading }
        var digitsOnly = ""
        var separators: [(char: Character, index: Int)] = []
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a byte is a character (only "\r\n" is not, and it is rejected either way), so scan the bytes.
            func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
            guard let first = utf8.first, isDigit(first), let last = utf8.last, isDigit(last) else { return nil }
            var digits: [UInt8] = []
            digits.reserveCapacity(utf8.count)
            for byte in utf8 {
                if isDigit(byte) {
                    digits.append(byte)
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "'") {
                    separators.append((Character(Unicode.Scalar(byte)), digits.count))
                } else {
                    return nil
                }
            }
            digitsOnly = String(decoding: digits, as: UTF8.self)
        } else {
            let chars = Array(text)
            guard let first = chars.first, first.isASCIIDigit,
                  let last = chars.last, last.isASCIIDigit else { return nil }
            for char in chars {
                if char.isASCIIDigit {
                    digitsOnly.append(char)
                } else if char == "." || char == "," || groupingSpaces.contains(char) {
                    separators.append((char, digitsOnly.count))
                } else {
                    return nil
                }
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
            return groupsValid(spaces, integerLength: digitsOnly.count) ? NumberReading(canonical: digitsOnly) : nil
        }
        let markKinds = Set(marks.map(\.char))
        if markKinds.count == 2 {
            // 1.299,00 / 1,299.00: the last mark is the decimal separator, the other kind groups.
            let grouping = marks.dropLast()
            guard !grouping.contains(where: { $0.char == lastMark.char }),
                  groupsValid((grouping.map(\.index) + spaces).sorted(), integerLength: lastMark.index) else { return nil }
            return NumberReading(canonical: compose(decimalAt: lastMark.index), decimalMark: lastMark.char)
        }
        if marks.count > 1 {
            // 1.299.000 / 1,299,000: all grouping.
            guard spaces.isEmpty, groupsValid(marks.map(\.index), integerLength: digitsOnly.count) else { return nil }
            return NumberReading(canonical: digitsOnly)
        }
        // Exactly one dot or comma.
        if !spaces.isEmpty {
            // 1 299,00: spaces group, the mark is decimal.
            guard spaces.allSatisfy({ $0 < lastMark.index }), groupsValid(spaces, integerLength: lastMark.index) else { return nil }
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

    /// `read` for the usual shapes, on the bytes: ASCII digits alone (`1299`) or with one `.` or `,` between them
    /// (`11,01`, `0.5`, `3.350`). The general scan builds arrays of digits and separators, a set of mark kinds and
    /// the canonical text piece by piece (about 7,000 instructions for `11,01`); for these shapes the canonical text
    /// is the text itself, with the mark as `.` or left out. Nil for any other text, which the general scan reads
    /// (FastPathTests compare both).
    static func readPlain(_ text: String, preferDecimalForThreeDigits: Bool) -> NumberReading? {
        var length = 0
        var markOffset = -1
        var markByte: UInt8 = 0
        for byte in text.utf8 {
            if byte &- UInt8(ascii: "0") >= 10 {
                guard markOffset < 0, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") else { return nil }
                markOffset = length
                markByte = byte
            }
            length += 1
        }
        guard length > 0 else { return nil }
        if markOffset < 0 { return NumberReading(canonical: text) }
        // A mark first or last is no number (the general scan says so).
        guard markOffset > 0, markOffset < length - 1 else { return nil }
        let mark = Character(Unicode.Scalar(markByte))
        func replacingMark(with replacement: UInt8?) -> String {
            var source = text
            return source.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: length) { buffer in
                    var at = 0
                    for offset in 0..<length {
                        if offset == markOffset {
                            guard let replacement else { continue }
                            buffer[at] = replacement
                        } else {
                            buffer[at] = bytes[offset]
                        }
                        at += 1
                    }
                    return at
                }
            }
        }
        let decimal = markByte == UInt8(ascii: ".") ? text : replacingMark(with: UInt8(ascii: "."))
        // `1,234`, `3.350`: one to three digits, the mark and three digits may be grouping (see `read`).
        if length - markOffset - 1 == 3, markOffset <= 3, text.utf8.first != UInt8(ascii: "0") {
            let whole = replacingMark(with: nil)
            return NumberReading(
                canonical: preferDecimalForThreeDigits ? decimal : whole,
                alternative: preferDecimalForThreeDigits ? whole : decimal,
                ambiguousSeparator: mark
            )
        }
        return NumberReading(canonical: decimal, decimalMark: mark)
    }

    /// `read`, and also the shapes only prices have: a decimal mark with no integer part (`.75`, `,99`) and
    /// Indian grouping (`1,29,999`, `12,34,567.00`: a first group of 1–2 digits, groups of two, then three).
    static func readPrice(_ text: String) -> NumberReading? {
        if let reading = read(text) { return reading }
        if let mark = text.first, mark == "." || mark == "," {
            let fraction = text.dropFirst()
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            return NumberReading(canonical: "0." + fraction, decimalMark: mark)
        }
        // Indian grouping: commas only, an optional `.` decimal part.
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integer = parts.first, !integer.isEmpty,
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)) else { return nil }
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 3, let first = groups.first, (1...2).contains(first.count), groups.last?.count == 3,
              groups.dropFirst().dropLast().allSatisfy({ $0.count == 2 }),
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let digits = groups.joined()
        guard parts.count == 2 else { return NumberReading(canonical: digits) }
        return NumberReading(canonical: digits + "." + parts[1], decimalMark: ".")
    }

    /// Group separators must split an integer part into a first group of 1–3 digits and then groups of three.
    private static func groupsValid(_ positions: [Int], integerLength: Int) -> Bool {
        var previous = 0
        for (offset, position) in positions.enumerated() {
            let size = position - previous
            if offset == 0 ? !(1...3).contains(size) : size != 3 { return false }
            previous = position
        }
        return integerLength - previous == 3 || positions.isEmpty
    }
}
