import Foundation

/// Turns text as exported by shops into clean text: Markdown-style links reduced to their text, whitespace
/// collapsed inside lines, footnote markers removed, paragraphs separated by one blank line.
public enum TextCleaning {
    /// Cleans a single-line value (title, brand): whitespace collapsed, control characters removed.
    public static func cleanLine(_ text: String) -> String {
        let withoutControls = String(text.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && ($0.value >= 0x20 || $0 == "\t") }.map(Character.init))
        return withoutControls.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Cleans description paragraphs and joins them with blank lines.
    ///
    /// Footnotes: a short heading that ends in a digit (`Replacement cost 1`) loses the digit when a later
    /// paragraph starts with the matching superscript (`¹If you apply…`), and that superscript is removed too.
    public static func cleanParagraphs(_ paragraphs: [String]) -> String {
        var cleaned = paragraphs.map { cleanLine(removeLinkMarkup($0)) }.filter { !$0.isEmpty }
        let superscripts: [Character: Int] = ["¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9]
        var footnotes = Set<Int>()
        for (index, paragraph) in cleaned.enumerated() {
            guard let first = paragraph.first, let number = superscripts[first] else { continue }
            footnotes.insert(number)
            cleaned[index] = String(paragraph.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        if !footnotes.isEmpty {
            cleaned = cleaned.map { paragraph in
                guard paragraph.count <= 80, !paragraph.hasSuffix("."),
                      let last = paragraph.last, let number = last.wholeNumberValue, footnotes.contains(number) else { return paragraph }
                let body = paragraph.dropLast()
                guard body.last == " " else { return paragraph }
                return body.trimmingCharacters(in: .whitespaces)
            }
        }
        return cleaned.joined(separator: "\n\n")
    }

    /// `[verification video](#)` → `verification video`.
    public static func removeLinkMarkup(_ text: String) -> String {
        guard text.contains("](") else { return text }
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
