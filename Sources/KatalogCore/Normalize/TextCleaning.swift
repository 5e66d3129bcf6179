import Foundation

/// Turns text as exported by shops into clean text: Markdown-style links reduced to their text, whitespace
/// collapsed inside lines, footnote markers removed, paragraphs separated by one blank line.
public enum TextCleaning {
    /// Cleans a single-line value (title, brand): whitespace collapsed, control characters removed.
    public static func cleanLine(_ text: String) -> String {
        if isAlreadyClean(text) { return text }
        if let ascii = cleanASCIILine(text) { return ascii }
        if let common = cleanCommonScriptLine(text) { return common }
        return cleanLineGenerally(text)
    }

    /// Whether `scalar` lies in a block with no grapheme-extending, spacing-mark, prepend or joiner scalars other than
    /// default-ignorable ones (which `cleanLine` removes first): Latin-1 and Latin Extended, IPA, modifier letters,
    /// Greek, Cyrillic letters, general punctuation, currency signs. Next to such scalars every whitespace scalar is a
    /// Character of its own, so splitting on scalars is splitting on Characters (checked in FastPathTests).
    static func isCommonScriptScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x80...0x2FF, 0x370...0x3FF, 0x400...0x482, 0x48A...0x52F, 0x2000...0x206F, 0x20A0...0x20CF: return true
        default: return false
        }
    }

    /// `cleanLine` on scalars for text whose non-ASCII scalars are all `isCommonScriptScalar`; nil for other text.
    static func cleanCommonScriptLine(_ text: String) -> String? {
        // Built as UTF-8 bytes: appending scalars to a `String.UnicodeScalarView` one by one is several times slower.
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(text.utf8.count)
        var gap = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isGap: Bool
            if value < 0x80 {
                if value < 0x20 && value != 0x09 { continue }
                isGap = value == 0x20 || value == 0x09
            } else {
                guard isCommonScriptScalar(value) else { return nil }
                if scalar.properties.isDefaultIgnorableCodePoint { continue }
                isGap = Character(scalar).isWhitespace
            }
            if isGap {
                gap = true
            } else {
                if gap, !cleaned.isEmpty { cleaned.append(0x20) }
                gap = false
                if value < 0x80 { cleaned.append(UInt8(value)) } else { UTF8.encode(scalar) { cleaned.append($0) } }
            }
        }
        return String(decoding: cleaned, as: UTF8.self)
    }

    /// The general form of `cleanLine`, for any text.
    static func cleanLineGenerally(_ text: String) -> String {
        let withoutControls = String(text.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && ($0.value >= 0x20 || $0 == "\t") }.map(Character.init))
        return withoutControls.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Superscript digits that open a footnote paragraph (`¹ Price with VAT.`), with their numbers.
    static let footnoteMarks: [Character: Int] = ["¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9]

    /// Cleans description paragraphs and joins them with blank lines.
    ///
    /// Footnotes: a short heading that ends in a digit (`Replacement cost 1`) loses the digit when a later
    /// paragraph starts with the matching superscript (`¹If you apply…`), and that superscript is removed too.
    public static func cleanParagraphs(_ paragraphs: [String]) -> String {
        var cleaned = paragraphs.map { cleanLine(removeLinkMarkup($0)) }.filter { !$0.isEmpty }
        var footnotes = Set<Int>()
        for (index, paragraph) in cleaned.enumerated() {
            // Every mark is non-ASCII: a paragraph that starts with an ASCII byte is not looked up.
            guard let lead = paragraph.utf8.first, lead >= 0x80, let first = paragraph.first, let number = footnoteMarks[first] else { continue }
            footnotes.insert(number)
            cleaned[index] = String(paragraph.dropFirst()).trimmingSpaces()
        }
        if !footnotes.isEmpty {
            cleaned = cleaned.map { paragraph in
                guard paragraph.count <= 80, !paragraph.hasSuffix("."),
                      let last = paragraph.last, let number = last.wholeNumberValue, footnotes.contains(number) else { return paragraph }
                let body = paragraph.dropLast()
                guard body.last == " " else { return paragraph }
                return body.trimmingSpaces()
            }
        }
        return cleaned.joined(separator: "\n\n")
    }

    /// Whether `cleanLine` would return `text` unchanged: single spaces between words, no other whitespace, no
    /// control or default-ignorable characters. One pass without allocating, so clean text (most of it) is cheap.
    /// `cleanLine` of ASCII text on bytes: control bytes other than tab removed, runs of tabs and spaces as one
    /// space, none at the ends; nil for text with a non-ASCII byte.
    static func cleanASCIILine(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var cleaned: [UInt8] = []
            cleaned.reserveCapacity(bytes.count)
            var gap = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || byte == 0x09 {
                    gap = true
                } else if byte >= 0x20 {
                    if gap, !cleaned.isEmpty { cleaned.append(0x20) }
                    gap = false
                    cleaned.append(byte)
                }
            }
            return String(decoding: cleaned, as: UTF8.self)
        }
    }

    static func isAlreadyClean(_ text: String) -> Bool {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previous == nil || previous == " " { return false }
            } else if scalar.value < 0x20 {
                return false
            } else if scalar.value >= 0x80 {
                let properties = scalar.properties
                if properties.isWhitespace || properties.isDefaultIgnorableCodePoint { return false }
                // A mark after a space joins it into one whitespace character, which `cleanLine` would split on.
                if previous == " ", [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory) { return false }
            }
            previous = scalar
        }
        return previous != " "
    }

    /// `[verification video](#)` → `verification video`.
    public static func removeLinkMarkup(_ text: String) -> String {
        guard text.utf8.indices.contains(where: { index in
            text.utf8[index] == UInt8(ascii: "]") && text.utf8.index(after: index) < text.utf8.endIndex && text.utf8[text.utf8.index(after: index)] == UInt8(ascii: "(")
        }) else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "[", let close = text[index...].firstIndex(of: "]"),
               text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
               let end = text[close...].firstIndex(of: ")") {
                result += text[text.index(after: index)..<close]
                index = text.index(after: end)
            } else {
                result.append(text[index])
                index = text.index(after: index)
            }
        }
        return result
    }
}
