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
        var text = text
        return text.withUTF8 { utf8 in
            ScalarFlags.table.withUnsafeBufferPointer { table -> String? in
                // Written as UTF-8 bytes straight into the new string (never longer than the text: bytes are only
                // dropped, and a run of white space becomes one space). A scalar kept is copied as its bytes.
                var usable = true
                let cleaned = String(unsafeUninitializedCapacity: max(utf8.count, 1)) { out -> Int in
                    var line = SpaceCollapsingWriter(into: out.baseAddress!)
                    var i = 0
                    let count = utf8.count
                    while i < count {
                        let lead = utf8[i]
                        if lead < 0x80 {
                            i += 1
                            if lead == 0x20 || lead == 0x09 {
                                line.separate()
                            } else if lead >= 0x20 {
                                line.append(lead)
                            }
                            continue
                        }
                        let (value, length) = UTF8Scalars.decode(utf8, at: i)
                        guard isCommonScriptScalar(value) else {
                            usable = false
                            return 0
                        }
                        let flags = ScalarFlags.of(value, table: table)
                        if flags & ScalarFlags.ignorable == 0 {
                            if flags & ScalarFlags.characterWhitespace != 0 {
                                line.separate()
                            } else {
                                line.append(UnsafeBufferPointer(rebasing: utf8[i..<i + length]))
                            }
                        }
                        i += length
                    }
                    return line.count
                }
                return usable ? cleaned : nil
            }
        }
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
        // One paragraph (a feed row's description) that opens no footnote is its cleaned line: what the general
        // form gives (an empty line is filtered out and the join of nothing is empty), without its arrays, set and
        // join.
        if paragraphs.count == 1 {
            let line = cleanLine(removeLinkMarkup(paragraphs[0]))
            if footnoteNumber(opening: line) == nil { return line }
        }
        return cleanParagraphsGenerally(paragraphs)
    }

    /// `cleanParagraphs` for any number of paragraphs.
    static func cleanParagraphsGenerally(_ paragraphs: [String]) -> String {
        var cleaned = paragraphs.map { cleanLine(removeLinkMarkup($0)) }.filter { !$0.isEmpty }
        var footnotes = Set<Int>()
        for (index, paragraph) in cleaned.enumerated() {
            guard let number = footnoteNumber(opening: paragraph) else { continue }
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

    /// The number of the footnote mark that opens `paragraph` (`¹`), if one does.
    private static func footnoteNumber(opening paragraph: String) -> Int? {
        // Every mark is non-ASCII: a paragraph that starts with an ASCII byte is not looked up.
        guard let lead = paragraph.utf8.first, lead >= 0x80, let first = paragraph.first else { return nil }
        return footnoteMarks[first]
    }

    /// `cleanLine` of ASCII text on bytes: control bytes other than tab removed, runs of tabs and spaces as one
    /// space, none at the ends; nil for text with a non-ASCII byte.
    static func cleanASCIILine(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var ascii = true
            let cleaned = String(unsafeUninitializedCapacity: max(bytes.count, 1)) { out -> Int in
                var line = SpaceCollapsingWriter(into: out.baseAddress!)
                for byte in bytes {
                    guard byte < 0x80 else {
                        ascii = false
                        return 0
                    }
                    if byte == 0x20 || byte == 0x09 {
                        line.separate()
                    } else if byte >= 0x20 {
                        line.append(byte)
                    }
                }
                return line.count
            }
            return ascii ? cleaned : nil
        }
    }

    /// Whether `cleanLine` would return `text` unchanged: single spaces between words, no other whitespace, no
    /// control or default-ignorable characters. One pass without allocating, so clean text (most of it) is cheap.
    static func isAlreadyClean(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            ScalarFlags.table.withUnsafeBufferPointer { table in isAlreadyClean(utf8: utf8, table: table) }
        } ?? isAlreadyCleanByScalars(text)
    }

    /// `isAlreadyClean` on the UTF-8 bytes, with the properties of common scalars from `ScalarFlags`.
    private static func isAlreadyClean(utf8: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>) -> Bool {
        // `previous` of the scalar walk: none yet, a space, or another scalar.
        var started = false, afterSpace = false
        var i = 0
        let count = utf8.count
        while i < count {
            let lead = utf8[i]
            if lead < 0x80 {
                if lead == 0x20 {
                    if !started || afterSpace { return false }
                    afterSpace = true
                } else if lead < 0x20 {
                    return false
                } else {
                    afterSpace = false
                }
                started = true
                i += 1
                continue
            }
            let (value, length) = UTF8Scalars.decode(utf8, at: i)
            let flags = ScalarFlags.of(value, table: table)
            if flags & (ScalarFlags.whitespace | ScalarFlags.ignorable) != 0 { return false }
            // A scalar that joins the space before it into one whitespace character (a mark, an emoji modifier)
            // would be dropped with that space by `cleanLine`.
            if afterSpace, flags & ScalarFlags.joinsSpace != 0 { return false }
            afterSpace = false
            started = true
            i += length
        }
        return !afterSpace
    }

    /// The scalar walk `isAlreadyClean` stands for.
    static func isAlreadyCleanByScalars(_ text: String) -> Bool {
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previous == nil || previous == " " { return false }
            } else if scalar.value < 0x20 {
                return false
            } else if scalar.value >= 0x80 {
                let properties = scalar.properties
                if properties.isWhitespace || properties.isDefaultIgnorableCodePoint { return false }
                if previous == " ", ScalarFlags.joinsSpaceBefore(scalar) { return false }
            }
            previous = scalar
        }
        return previous != " "
    }

    /// What the cleaning asks of a non-ASCII scalar, as bits: from a table for U+0080…U+052F and U+2000…U+20CF
    /// (Latin, Greek, Cyrillic, punctuation: most non-ASCII text), else from the scalar's properties.
    enum ScalarFlags {
        /// `properties.isWhitespace`.
        static let whitespace: UInt8 = 1
        /// `properties.isDefaultIgnorableCodePoint`.
        static let ignorable: UInt8 = 2
        /// Joins a space before it into one Character (grapheme extenders, spacing marks, emoji modifiers).
        static let joinsSpace: UInt8 = 4
        /// `Character(scalar).isWhitespace`.
        static let characterWhitespace: UInt8 = 8

        static let table: [UInt8] = (UInt32(0x80)..<0x530).map(computed) + StandaloneScalars.punctuation.map(computed)

        /// Whether a space followed by `scalar` is one Character, by the grapheme rules the general cleaning splits
        /// on. Not a general category: U+1F3FB (an emoji modifier, a symbol) joins, U+0E33 (a letter) joins.
        static func joinsSpaceBefore(_ scalar: Unicode.Scalar) -> Bool {
            var pair = String.UnicodeScalarView()
            pair.append(" ")
            pair.append(scalar)
            return String(pair).count == 1
        }

        @inline(__always)
        static func of(_ value: UInt32, table: UnsafeBufferPointer<UInt8>) -> UInt8 {
            if value < 0x530 { return table[Int(value) - 0x80] }
            if StandaloneScalars.punctuation.contains(value) { return table[0x4B0 + Int(value - StandaloneScalars.punctuation.lowerBound)] }
            return computed(value)
        }

        static func computed(_ value: UInt32) -> UInt8 {
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let properties = scalar.properties
            var flags: UInt8 = 0
            if properties.isWhitespace { flags |= whitespace }
            if properties.isDefaultIgnorableCodePoint { flags |= ignorable }
            if joinsSpaceBefore(scalar) { flags |= joinsSpace }
            if Character(scalar).isWhitespace { flags |= characterWhitespace }
            return flags
        }
    }

    /// `[verification video](#)` → `verification video`.
    public static func removeLinkMarkup(_ text: String) -> String {
        // Most text has no `](`: found by one byte scan.
        let hasLink = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard utf8.count >= 2 else { return false }
            for index in 0..<utf8.count - 1 where utf8[index] == UInt8(ascii: "]") && utf8[index + 1] == UInt8(ascii: "(") { return true }
            return false
        } ?? text.utf8.indices.contains(where: { index in
            text.utf8[index] == UInt8(ascii: "]") && text.utf8.index(after: index) < text.utf8.endIndex && text.utf8[text.utf8.index(after: index)] == UInt8(ascii: "(")
        })
        guard hasLink else { return text }
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
