import Foundation

/// A piece of text in two forms: as written, and folded (lower case, no diacritics) with exactly one character
/// per original character, so a match found in the folded form maps back to the words as written.
///
/// Service-plan patterns are written in the folded form (`roczn`, `pratesim`), which makes them indifferent to
/// case and to diacritics typed or not; captured values (model names, amounts) are taken from the original.
struct ServicePlanText: Sendable {
    /// A sentence of a description, with where it stands.
    struct Sentence: Sendable {
        /// 1-based paragraph of the description.
        var paragraph: Int
        /// 1-based sentence, counted over the whole description.
        var index: Int
        var text: ServicePlanText
    }

    let original: String
    let folded: String
    private let originalCharacters: [Character]
    private let foldedOffsets: [String.Index]

    init(_ text: String) {
        original = text
        originalCharacters = Array(text)
        let foldedCharacters = originalCharacters.map(Self.fold)
        folded = String(foldedCharacters)
        // Folded characters never combine with their neighbours (marks become spaces), so offsets line up.
        var offsets: [String.Index] = []
        offsets.reserveCapacity(foldedCharacters.count + 1)
        var index = folded.startIndex
        while index < folded.endIndex {
            offsets.append(index)
            index = folded.index(after: index)
        }
        offsets.append(folded.endIndex)
        foldedOffsets = offsets
    }

    var isEmpty: Bool { original.isEmpty }

    /// The NSRange covering the whole folded text, for `NSRegularExpression`.
    var fullRange: NSRange { NSRange(folded.startIndex..<folded.endIndex, in: folded) }

    /// The original words under a range of the folded text.
    func originalText(_ range: NSRange) -> String {
        guard range.location != NSNotFound, let foldedRange = Range(range, in: folded) else { return "" }
        guard foldedOffsets.count == originalCharacters.count + 1 else { return String(folded[foldedRange]) }
        let lower = offset(of: foldedRange.lowerBound)
        let upper = offset(of: foldedRange.upperBound)
        guard lower <= upper, upper <= originalCharacters.count else { return String(folded[foldedRange]) }
        return String(originalCharacters[lower..<upper])
    }

    /// The folded text under a range.
    func foldedText(_ range: NSRange) -> String {
        guard range.location != NSNotFound, let foldedRange = Range(range, in: folded) else { return "" }
        return String(folded[foldedRange])
    }

    private func offset(of index: String.Index) -> Int {
        // Binary search: offsets are increasing.
        var low = 0, high = foldedOffsets.count - 1
        while low < high {
            let mid = (low + high) / 2
            if foldedOffsets[mid] < index { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Splits a cleaned description (paragraphs separated by a blank line) into sentences: a sentence ends at
    /// `.`, `!` or `?` followed by a space and a capital letter, a digit or an opening bracket.
    static func sentences(of description: String) -> [Sentence] {
        var result: [Sentence] = []
        var number = 0
        let paragraphs = description.components(separatedBy: "\n\n")
        for (paragraphIndex, paragraph) in paragraphs.enumerated() {
            let characters = Array(paragraph)
            var start = 0
            var index = 0
            func flush(_ end: Int) {
                let text = String(characters[start..<end]).trimmingWhitespace()
                if !text.isEmpty {
                    number += 1
                    result.append(Sentence(paragraph: paragraphIndex + 1, index: number, text: ServicePlanText(text)))
                }
                start = end
            }
            while index < characters.count {
                let char = characters[index]
                if char == "." || char == "!" || char == "?", index + 2 < characters.count, characters[index + 1].isWhitespace {
                    let next = characters[index + 2]
                    if next.isUppercase || next.isNumber || next == "(" || next == "\"" || next == "„" {
                        flush(index + 1)
                    }
                }
                index += 1
            }
            flush(characters.count)
        }
        return result
    }

    /// One folded character for one original character.
    static func fold(_ char: Character) -> Character {
        let scalars = char.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            let value = scalar.value
            if value < 0x80 {
                return (0x41...0x5A).contains(value) ? Character(Unicode.Scalar(UInt8(value + 0x20))) : char
            }
            if value < precomputedLimit { return precomputed[Int(value) - 0x80] }
        }
        return foldSlowly(char)
    }

    /// Folded forms of U+0080…U+04FF (Latin-1, Latin Extended, Greek, Cyrillic), computed once: the slow path
    /// goes through Foundation's folding, which costs microseconds per character.
    private static let precomputedLimit: UInt32 = 0x0500
    private static let precomputed: [Character] = (UInt32(0x80)..<precomputedLimit).map { value in
        Unicode.Scalar(value).map { foldSlowly(Character($0)) } ?? " "
    }

    /// `fold` without the table (what the table holds for one scalar).
    static func foldSlowly(_ char: Character) -> Character {
        if char.isASCII { return Character(char.lowercased()) }
        let lower = char.lowercased()
        if lower.count == 1, let single = lower.first, let special = specialFolds[single] { return special }
        let folded = String(char).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, let single = folded.first, !single.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
            return single
        }
        if lower.count == 1, let single = lower.first, char.isLetter { return single }
        return " "
    }

    private static let specialFolds: [Character: Character] = [
        "ł": "l", "ø": "o", "đ": "d", "ß": "s", "æ": "a", "œ": "o", "ı": "i", "\u{00A0}": " ", "\u{202F}": " ",
        "–": "-", "—": "-", "’": "'",
    ]
}
