import Foundation

/// The comparison form of labels and vocabulary words: lower case, no diacritics, single spaces, no trailing
/// colon. `Prekės kodas:` and `PREKES  KODAS` fold to the same string.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
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
