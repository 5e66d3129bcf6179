/// A number cell's stored value as the text a spreadsheet user sees, without the display's rounding or grouping:
/// what Katalog's normalizers would read from the same sheet saved as CSV.
///
/// Excel stores numbers as binary doubles written with up to 17 significant digits (`14.000000000000002`,
/// `0.30000000000000004`, `4.006381333931E+12`) and shows at most 15; the text here has those 15 digits at most,
/// trailing zeros dropped, and no exponent. A date (by the cell's number format) is a count of days, written as an
/// ISO 8601 date; a time of day as `HH:MM:SS`; a percentage as the percent figure with `%` (`0.21` → `21%`).
/// All on the decimal text, never through `Double`.
enum XLSXNumberText {
    /// Excel's display precision.
    static let significantDigits = 15

    /// The text of `stored` read with `format`; `stored` unchanged when it is no number.
    static func text(_ stored: String, format: XLSXNumberFormat, uses1904Dates: Bool) -> String {
        if format == .number, isAlreadyPlain(stored) { return stored }
        guard let number = Digits(stored) else { return stored }
        switch format {
        case .number:
            return number.rounded(to: significantDigits).plain
        case .percent:
            var percent = number
            percent.exponent += 2
            return percent.rounded(to: significantDigits).plain + "%"
        case .date, .dateTime, .time:
            return dateText(number, format: format, uses1904Dates: uses1904Dates) ?? number.rounded(to: significantDigits).plain
        }
    }

    /// Whether `stored` is already what `Digits(stored).rounded(to: 15).plain` writes (most cells: `11.01`,
    /// `4700000000012`): an optional `-`, at most 15 digits, no leading zero but the one before a point, and a
    /// fraction, if any, that does not end in `0`. `XLSXReaderTests` compares the two on random numbers.
    static func isAlreadyPlain(_ stored: String) -> Bool {
        let utf8 = stored.utf8
        let negative = utf8.first == UInt8(ascii: "-")
        var index = negative ? utf8.index(after: utf8.startIndex) : utf8.startIndex
        var integerDigits = 0, fractionDigits = 0, seenPoint = false
        var firstDigit: UInt8 = 0, last: UInt8 = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ".") {
                guard !seenPoint, integerDigits > 0 else { return false }
                seenPoint = true
            } else if byte >= 0x30 && byte <= 0x39 {
                if seenPoint {
                    fractionDigits += 1
                } else {
                    if integerDigits == 0 { firstDigit = byte }
                    integerDigits += 1
                }
            } else {
                return false
            }
            last = byte
            index = utf8.index(after: index)
        }
        guard integerDigits > 0, integerDigits + fractionDigits <= significantDigits else { return false }
        if seenPoint, fractionDigits == 0 || last == UInt8(ascii: "0") { return false }
        if firstDigit == UInt8(ascii: "0") {
            guard integerDigits == 1 else { return false }
            // `0` is plain, `-0` is written `0`.
            if !seenPoint { return !negative }
        }
        return true
    }

    /// A serial date-time as ISO 8601 text; nil for negative serials and serials past the year 9999.
    private static func dateText(_ number: Digits, format: XLSXNumberFormat, uses1904Dates: Bool) -> String? {
        guard !number.negative, let (days, seconds) = number.daysAndSeconds(), days <= 2_958_465 else { return nil }
        let time = twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60)
        if format == .time { return time }
        // Day 0 of the 1900 system is 1899-12-31, and Excel counts a 29 February 1900 that never was (serial 60),
        // so from serial 61 on, day n is n days after 1899-12-30. The 1904 system counts from 1904-01-01.
        let date: String
        if uses1904Dates {
            date = civilDate(daysFromEpoch: days + daysFrom1970(year: 1904, month: 1, day: 1))
        } else if days == 60 {
            date = "1900-02-29"
        } else {
            date = civilDate(daysFromEpoch: days + daysFrom1970(year: 1899, month: 12, day: days < 60 ? 31 : 30))
        }
        return format == .dateTime ? date + "T" + time : date
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFrom1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD` of the day `days` after 1970-01-01 (`civil_from_days`).
    static func civilDate(daysFromEpoch days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + twoDigits(month) + "-" + twoDigits(day)
    }

    /// A decimal number as its significant digits and where the decimal point goes: the value is
    /// `0.d₁d₂…dₙ × 10^exponent`.
    struct Digits: Equatable {
        var negative: Bool
        /// Significant digits, no leading or trailing zeros (empty for zero).
        var digits: [UInt8]
        var exponent: Int

        /// Reads `-12.5`, `1E-3`, `4.006381333931E+12`; nil for anything else (text, `inf`, hex).
        init?(_ text: String) {
            var bytes = Array(text.utf8)[...]
            negative = bytes.first == UInt8(ascii: "-")
            if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            var mantissa: [UInt8] = []
            var pointOffset: Int?
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte >= 0x30 && byte <= 0x39 {
                    mantissa.append(byte - 0x30)
                } else if byte == UInt8(ascii: "."), pointOffset == nil {
                    pointOffset = mantissa.count
                } else {
                    break
                }
                index += 1
            }
            guard !mantissa.isEmpty else { return nil }
            var power = 0
            if index < bytes.endIndex {
                guard bytes[index] | 0x20 == UInt8(ascii: "e") else { return nil }
                let exponentText = String(decoding: bytes[(index + 1)...], as: UTF8.self)
                guard let value = Int(exponentText), abs(value) <= 400 else { return nil }
                power = value
            }
            // Leading zeros move the point; trailing zeros are no digits.
            var point = (pointOffset ?? mantissa.count) + power
            let leading = mantissa.prefix { $0 == 0 }.count
            mantissa.removeFirst(leading)
            point -= leading
            while mantissa.last == 0 { mantissa.removeLast() }
            digits = mantissa
            exponent = mantissa.isEmpty ? 0 : point
            if mantissa.isEmpty { negative = false }
        }

        /// Rounded half away from zero to `count` significant digits.
        func rounded(to count: Int) -> Digits {
            guard digits.count > count else { return self }
            var copy = self
            var kept = Array(digits.prefix(count))
            if digits[count] >= 5 {
                var position = kept.count - 1
                while position >= 0 {
                    if kept[position] == 9 {
                        kept[position] = 0
                        position -= 1
                    } else {
                        kept[position] += 1
                        break
                    }
                }
                if position < 0 {
                    kept.insert(1, at: 0)
                    copy.exponent += 1
                }
            }
            while kept.last == 0 { kept.removeLast() }
            copy.digits = kept
            return copy
        }

        /// Plain decimal text, without exponent: `14`, `0.001`, `4006381333931`.
        var plain: String {
            guard !digits.isEmpty else { return "0" }
            var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
            let characters = digits.map { $0 + 0x30 }
            if exponent <= 0 {
                text += [UInt8(ascii: "0"), UInt8(ascii: ".")] + repeatElement(UInt8(ascii: "0"), count: -exponent) + characters
            } else if exponent >= digits.count {
                text += characters + repeatElement(UInt8(ascii: "0"), count: exponent - digits.count)
            } else {
                text += characters[..<exponent] + [UInt8(ascii: ".")] + characters[exponent...]
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// Whole days and the rounded second of the day; nil past `Int`'s range.
        func daysAndSeconds() -> (days: Int, seconds: Int)? {
            guard exponent <= 9 else { return nil }
            var days = 0
            for index in 0..<max(0, exponent) { days = days * 10 + Int(index < digits.count ? digits[index] : 0) }
            // The fraction of a day, to the nearest second: fraction × 86,400, from its first 13 digits (a finer
            // fraction is below a microsecond, and 10¹³ × 86,400 stays within `Int`).
            let fraction = Array(repeating: UInt8(0), count: max(0, -exponent)) + digits.dropFirst(max(0, exponent))
            var numerator = 0, denominator = 1
            for digit in fraction.prefix(13) {
                numerator = numerator * 10 + Int(digit)
                denominator *= 10
            }
            var seconds = (numerator * 86_400 + denominator / 2) / denominator
            if seconds >= 86_400 {
                seconds -= 86_400
                days += 1
            }
            return (days, seconds)
        }
    }
}
