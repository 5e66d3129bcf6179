import Foundation

/// The comparison form of labels and vocabulary words: lower case, no diacritics, single spaces, no trailing
/// colon. `Prekės kodas:` and `PREKES  KODAS` fold to the same string.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        if let ascii = ASCIIWords.fold(text) { return ascii }
        if let table = ScalarFolding.fold(text) { return table }
        return foldedByFoundation(text)
    }

    /// The general form, through Foundation's folding; `ScalarFolding` is built from it.
    static func foldedByFoundation(_ text: String) -> String {
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

    static let specialFolds: [Character: Character] = [
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
            return isWordByte(lower) ? lower : nil
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

    /// A lower-case ASCII byte that `PricePhrases.words` keeps: a letter, a digit, `+` or `%`.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x25
    }
}

/// `TextFolding.fold` and `PricePhrases.words` for text in the Latin and Cyrillic scripts (Lithuanian, Polish,
/// Czech, German, Ukrainian, … titles), one scalar at a time through a table, without Foundation.
///
/// The table holds the folded form of every scalar from U+0080 to U+024F and U+0400 to U+04FF, computed once with
/// the general code. That is exact because folding these scalars does not depend on their neighbours; scalars
/// that combine with a neighbour (combining marks) or whose folded form mixes letters and separators have no
/// entry, and text with any scalar outside the table takes the general path (nil).
enum ScalarFolding {
    enum Entry {
        /// Folds to white space: separates words.
        case space
        /// Folds to letters or digits (UTF-8 bytes), which `words` keeps.
        case word([UInt8])
        /// Folds to other characters (UTF-8 bytes), which `fold` keeps and `words` treats as a separator.
        case symbol([UInt8])
    }

    static let blocks: [ClosedRange<UInt32>] = [0x80...0x24F, 0x400...0x4FF]

    /// Entries by scalar value, nil outside `blocks` or for a scalar that cannot be folded alone.
    static let table: [UInt32: Entry] = {
        var table: [UInt32: Entry] = [:]
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), let entry = entry(for: scalar) else { continue }
                table[value] = entry
            }
        }
        return table
    }()

    /// The entry for `scalar`, from the general folding of the scalar alone (before white space is collapsed).
    static func entry(for scalar: Unicode.Scalar) -> Entry? {
        // Marks combine with their neighbour; format and (non-space) control characters are left to the general path.
        let category = scalar.properties.generalCategory
        if [.nonspacingMark, .spacingMark, .enclosingMark, .format].contains(category) { return nil }
        if category == .control, !Character(scalar).isWhitespace { return nil }
        var folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
            folded = String(folded.map { TextFolding.specialFolds[$0] ?? $0 })
        }
        let characters = Array(folded)
        guard !characters.isEmpty else { return nil }
        if characters.allSatisfy(\.isWhitespace) { return characters.count == 1 ? .space : nil }
        guard !characters.contains(where: \.isWhitespace), !characters.contains(where: { $0 == ":" || $0 == "*" }) else { return nil }
        // A folded form must not combine with what comes before or after it.
        guard characters.allSatisfy({ $0.unicodeScalars.count == 1 }),
              !folded.unicodeScalars.contains(where: { [.nonspacingMark, .spacingMark, .enclosingMark, .format].contains($0.properties.generalCategory) })
        else { return nil }
        let kept = characters.map { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "%" }
        if kept.allSatisfy({ $0 }) { return .word(Array(folded.utf8)) }
        if !kept.contains(true) { return .symbol(Array(folded.utf8)) }
        return nil
    }

    /// `TextFolding.fold(text)`, or nil when `text` has a scalar outside the table.
    static func fold(_ text: String) -> String? {
        collapse(text, keepSymbols: true) { bytes in
            var slice = bytes[...]
            while let first = slice.first, first == 0x3A || first == 0x2A || first == 0x20 { slice.removeFirst() }
            while let last = slice.last, last == 0x3A || last == 0x2A || last == 0x20 { slice.removeLast() }
            return String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self)
        }
    }

    /// `PricePhrases.words(text)`, or nil when `text` has a scalar outside the table.
    static func words(_ text: String) -> String? {
        collapse(text, keepSymbols: false) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` of the bytes of `words(text)` (built on the stack, no string made), or nil when `text` has a scalar
    /// outside the table.
    static func withWords<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        collapse(text, keepSymbols: false, body)
    }

    /// `table` as flat arrays, for the byte walk of `collapse`: by index (`value - 0x80` below U+0250, then
    /// `value - 0x400 + 0x1D0` for Cyrillic) the entry's kind and its bytes, `bytes[starts[i]..<starts[i + 1]]`.
    private struct Flat {
        static let none: UInt8 = 0, space: UInt8 = 1, word: UInt8 = 2, symbol: UInt8 = 3
        var kinds: [UInt8] = []
        var starts: [Int32] = [0]
        var bytes: [UInt8] = []

        static func index(_ value: Int) -> Int? {
            if value < 0x250 { return value - 0x80 }
            if (0x400..<0x500).contains(value) { return value - 0x400 + 0x1D0 }
            return nil
        }
    }

    private static let flat: Flat = {
        var flat = Flat()
        for value in Array(0x80..<0x250) + Array(0x400..<0x500) {
            var kind = Flat.none
            switch table[UInt32(value)] {
            case nil: break
            case .space: kind = Flat.space
            case .word(let bytes):
                kind = Flat.word
                flat.bytes += bytes
            case .symbol(let bytes):
                kind = Flat.symbol
                flat.bytes += bytes
            }
            flat.kinds.append(kind)
            flat.starts.append(Int32(flat.bytes.count))
        }
        return flat
    }()

    /// The longest folded form of a scalar of the table, in bytes.
    private static let longestEntry: Int = zip(flat.starts.dropFirst(), flat.starts).map { Int($0 - $1) }.max() ?? 0

    /// `body` of the folded bytes, with runs of separators as one space (none at the ends); nil when `text` has a
    /// scalar outside the table. With `keepSymbols`, only white space separates (the `fold` form); without,
    /// everything but letters, digits, `+` and `%` does (`words`). Walks the UTF-8 bytes (every scalar of the table
    /// is two bytes long, and any longer one is outside it) and writes into a buffer on the stack: each byte gives
    /// at most a space and itself, each scalar of two bytes at most a space and its folded form.
    private static func collapse<Result>(_ text: String, keepSymbols: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var text = text
        let flat = Self.flat
        let capacity = max(text.utf8.count * max(2, (longestEntry + 2) / 2), 1)
        return text.withUTF8 { utf8 -> Result? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out -> Result? in
                flat.kinds.withUnsafeBufferPointer { kinds in
                    flat.starts.withUnsafeBufferPointer { starts in
                        flat.bytes.withUnsafeBufferPointer { folded -> Result? in
                            var words = SpaceCollapsingWriter(into: out.baseAddress!)
                            var i = 0
                            let count = utf8.count
                            while i < count {
                                let lead = utf8[i]
                                if lead < 0x80 {
                                    let byte = ASCIIWords.lowered(lead)
                                    if !ASCIIWords.isWhitespace(byte), keepSymbols || ASCIIWords.isWordByte(byte) {
                                        words.append(byte)
                                    } else {
                                        words.separate()
                                    }
                                    i += 1
                                    continue
                                }
                                guard lead < 0xE0, let index = Flat.index(Int(lead & 0x1F) << 6 | Int(utf8[i + 1] & 0x3F)) else { return nil }
                                i += 2
                                let kind = kinds[index]
                                if kind == Flat.none { return nil }
                                if kind == Flat.space || (kind == Flat.symbol && !keepSymbols) {
                                    words.separate()
                                } else {
                                    // A word, or a symbol kept.
                                    words.append(UnsafeBufferPointer(rebasing: folded[Int(starts[index])..<Int(starts[index + 1])]))
                                }
                            }
                            return body(UnsafeBufferPointer(rebasing: out[..<words.count]))
                        }
                    }
                }
            }
        }
    }
}
