/// One amount inside a price text: its digits and separators, where it is, and what is written around it.
struct AmountSpan: Sendable, Hashable {
    /// Digits with `.`, `,`, space or apostrophe separators, as written (`1 299,00`).
    var digits: String
    /// The amount in the text, including a `,-` / `.–` ending.
    var range: Range<String.Index>
    /// A `-` right before the first amount (a credit or a sign error), not a range dash.
    var isNegative: Bool
    /// `,` for `49,-`, `.` for `1'299.–`: a whole amount whose ending shows the decimal mark.
    var wholeEndingMark: Character?
    /// The whole-amount ending as written (`,-`, `.–`, `:-`), when there is one.
    var ending: String?
    /// A space after the decimal mark was dropped (`36. 24`, `1.837, 32`): the digits are read without it.
    var repairedSpacing = false

    /// Endings that mark a whole amount; `:-` (Swedish `1 495:-`) and `/-` (Indian `Rs. 1,299/-`) show no decimal mark.
    static let wholeEndings = [",-", ".-", ",–", ".–", ",—", ".—", ":-", ":–", "/-"]

    /// Every amount in `text` (already space-normalized), in order. Digits followed by `%` are rates, not amounts.
    static func find(in text: String, currencies: CurrencyTable, generalPathOnly: Bool = false) -> [AmountSpan] {
        if !generalPathOnly, let span = plainAmount(in: text) { return [span] }
        var spans: [AmountSpan] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isASCIIDigit else {
                index = text.index(after: index)
                continue
            }
            // Digits glued to letters on the left (`RS4`, `A4`) are part of a word, not an amount.
            if index > text.startIndex, text[text.index(before: index)].isLetter, !isCurrencyLetter(before: index, in: text, currencies: currencies) {
                index = skipNumber(from: index, in: text)
                continue
            }
            var span = read(from: index, in: text, isFirst: spans.isEmpty)
            // `.75 €`, `€,99`: a decimal mark with no integer part, after a space, a currency sign or nothing.
            if index > text.startIndex, case let mark = text[text.index(before: index)], mark == "." || mark == ",",
               !span.digits.contains("."), !span.digits.contains(","), isOpening(before: text.index(before: index), in: text) {
                span.digits = String(mark) + span.digits
                span.range = text.index(before: index)..<span.range.upperBound
            }
            index = span.range.upperBound
            let after = text[index...].drop { $0 == " " }
            if after.first == "%" { continue }
            spans.append(span)
        }
        return spans
    }

    /// The one amount of the usual feed price, found on its bytes: ASCII digits with single `.` or `,` marks between
    /// them (`11,01`, `1299.00`), alone or with one word of letters before or after it, set apart by one space
    /// (`1299.00 PLN`, `EUR 9,99`). Nil for any other text, which the general scan reads. For such text the scan
    /// finds the same single span: no sign, no whole-amount ending, no glued letters, no `%` after it.
    static func plainAmount(in text: String) -> AmountSpan? {
        let bytes = text.utf8
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
        var index = bytes.startIndex
        // An optional word and one space.
        if index < bytes.endIndex, isLetter(bytes[index]) {
            while index < bytes.endIndex, isLetter(bytes[index]) { index = bytes.index(after: index) }
            guard index < bytes.endIndex, bytes[index] == 0x20 else { return nil }
            index = bytes.index(after: index)
        }
        let start = index
        guard start < bytes.endIndex, isDigit(bytes[start]) else { return nil }
        var end = start
        while end < bytes.endIndex {
            let byte = bytes[end]
            if isDigit(byte) {
                end = bytes.index(after: end)
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                let next = bytes.index(after: end)
                guard next < bytes.endIndex, isDigit(bytes[next]) else { return nil }
                end = next
            } else {
                break
            }
        }
        // An optional space and word to the end.
        var rest = end
        if rest < bytes.endIndex {
            guard bytes[rest] == 0x20 else { return nil }
            rest = bytes.index(after: rest)
            guard rest < bytes.endIndex else { return nil }
            while rest < bytes.endIndex, isLetter(bytes[rest]) { rest = bytes.index(after: rest) }
            guard rest == bytes.endIndex else { return nil }
        }
        return AmountSpan(digits: String(text[start..<end]), range: start..<end, isNegative: false, wholeEndingMark: nil, ending: nil)
    }

    private static func isCurrencyLetter(before index: String.Index, in text: String, currencies: CurrencyTable) -> Bool {
        // `US$49`, `€49` are not letters; `EUR49`, `zł49`, `PLN199`, `Kč49` are: accept a currency word glued on.
        let word = String(text[..<index].reversed().prefix { $0.isLetter || $0 == "$" }.reversed())
        return !currencies.candidates(for: word).isEmpty
    }

    /// Nothing, a space or a currency sign before `index`: a decimal mark at `index` opens an amount.
    private static func isOpening(before index: String.Index, in text: String) -> Bool {
        guard index > text.startIndex else { return true }
        let previous = text[text.index(before: index)]
        return previous == " " || previous.unicodeScalars.allSatisfy { $0.properties.generalCategory == .currencySymbol }
    }

    private static func skipNumber(from start: String.Index, in text: String) -> String.Index {
        var index = start
        while index < text.endIndex, text[index].isNumber || text[index] == "." || text[index] == "," { index = text.index(after: index) }
        return index
    }

    private static func read(from start: String.Index, in text: String, isFirst: Bool) -> AmountSpan {
        var lastDigitEnd = text.index(after: start)
        var index = start
        var repaired = false
        var skipped: String.Index?
        while index < text.endIndex {
            let char = text[index]
            if char.isASCIIDigit {
                lastDigitEnd = text.index(after: index)
            } else if char == "." || char == "," || char == "'" || char == "’" || char == " " {
                // A separator only counts when a digit follows right after it.
                var next = text.index(after: index)
                if char == "." || char == ",", !repaired, next < text.endIndex, text[next] == " ", isTwoDigitFraction(after: next, in: text) {
                    // `36. 24`, `1.837, 32 €`: a space slipped in after the decimal mark.
                    repaired = true
                    skipped = next
                    next = text.index(after: next)
                    index = next
                    continue
                }
                guard next < text.endIndex, text[next].isASCIIDigit else { break }
                // After a space, only a group of exactly three digits continues the number (`1 299`, not `49 199`… `2024`).
                if char == " " {
                    let group = text[next...].prefix(while: \.isASCIIDigit)
                    let afterGroup = text[next...].dropFirst(group.count).first
                    if group.count != 3 || afterGroup == "%" { break }
                }
            } else {
                break
            }
            index = text.index(after: index)
        }
        var upper = lastDigitEnd
        var wholeEndingMark: Character?
        var wholeEnding: String?
        // Every ending starts with `,` `.` `:` or `/`: after any other character none can follow.
        let next = lastDigitEnd < text.endIndex ? text[lastDigitEnd] : nil
        let mayEnd = next == "," || next == "." || next == ":" || next == "/"
        for ending in wholeEndings where mayEnd && text[lastDigitEnd...].hasPrefix(ending) {
            upper = text.index(lastDigitEnd, offsetBy: ending.count)
            wholeEndingMark = ending.first == ":" || ending.first == "/" ? nil : ending.first
            wholeEnding = ending
            // `49,--` is written too.
            while upper < text.endIndex, text[upper] == "-" || text[upper] == "–" { upper = text.index(after: upper) }
        }
        let before = text[..<start].trimmingSpaces()
        let isNegative = isFirst && before.hasSuffix("-") && !before.dropLast().contains(where: \.isNumber)
        var digits = String(text[start..<lastDigitEnd])
        if let skipped, skipped < lastDigitEnd {
            digits = String(text[start..<skipped]) + text[text.index(after: skipped)..<lastDigitEnd]
        } else {
            repaired = false
        }
        return AmountSpan(digits: digits, range: start..<upper, isNegative: isNegative, wholeEndingMark: wholeEndingMark, ending: wholeEnding, repairedSpacing: repaired)
    }

    /// Exactly two digits start at `index + 1` (after the space at `index`) and no digit follows them.
    private static func isTwoDigitFraction(after index: String.Index, in text: String) -> Bool {
        let rest = text[text.index(after: index)...]
        let digits = rest.prefix(while: \.isASCIIDigit)
        guard digits.count == 2 else { return false }
        let following = rest.dropFirst(2).first
        return following == nil || !(following!.isNumber || following == "." || following == "," || following == "%")
    }
}
