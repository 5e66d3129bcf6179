import Foundation

/// The comparison form of labels and vocabulary words: lower case, no diacritics, single spaces, no trailing
/// colon. `Prekės kodas:` and `PREKES  KODAS` fold to the same string.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        if let ascii = ASCIIWords.fold(text) { return ascii }
        // ASCII text (most labels and feed values) folds to its lower case; Foundation's folding is the slow path.
        var folded = text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Letters that are not "letter + combining mark" in Unicode, so the option above keeps them.
        if folded.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
            folded = String(folded.map { specialFolds[$0] ?? $0 })
        }
        return folded
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
            .trimming(where: { $0 == ":" || $0 == "*" || ($0.isWhitespace && !$0.isNewline) })
    }

    private static let specialFolds: [Character: Character] = [
        "ł": "l", "ø": "o", "đ": "d", "ß": "s", "æ": "a", "œ": "o", "ı": "i",
    ]
}

/// Byte-level forms of `TextFolding.fold` and `PricePhrases.words` for ASCII text (labels, prices, stock words),
/// which skip Unicode property look-ups and intermediate strings; nil for text with any non-ASCII byte.
enum ASCIIWords {
    /// `TextFolding.fold` of ASCII text: lower case, white space runs as one space, `:` `*` and spaces trimmed.
    static func fold(_ text: String) -> String? {
        collapse(text) { byte in
            isWhitespace(byte) ? nil : lowered(byte)
        }.map { bytes in
            var slice = bytes[...]
            while let first = slice.first, first == 0x3A || first == 0x2A || first == 0x20 { slice.removeFirst() }
            while let last = slice.last, last == 0x3A || last == 0x2A || last == 0x20 { slice.removeLast() }
            return String(decoding: slice, as: UTF8.self)
        }
    }

    /// `PricePhrases.words` of ASCII text: runs of letters, digits, `+` and `%` in lower case, single spaces.
    static func words(_ text: String) -> String? {
        collapse(text) { byte in
            let lower = lowered(byte)
            let kept = (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) || lower == 0x2B || lower == 0x25
            return kept ? lower : nil
        }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes `map` keeps, with one space wherever it drops bytes between kept ones; nil for non-ASCII text.
    private static func collapse(_ text: String, _ map: (UInt8) -> UInt8?) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count)
            var gap = false
            for byte in utf8 {
                guard byte < 0x80 else { return nil }
                if let kept = map(byte) {
                    if gap, !result.isEmpty { result.append(0x20) }
                    gap = false
                    result.append(kept)
                } else {
                    gap = true
                }
            }
            return result
        }
    }

    /// `Character.isWhitespace` for an ASCII byte: tab, line feed, vertical tab, form feed, carriage return, space.
    static func isWhitespace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

    static func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}
