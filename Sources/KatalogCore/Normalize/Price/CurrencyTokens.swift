import Foundation

/// The symbols of a `CurrencyTable` that are glued to other text (`US$49`, `49€/szt.`), indexed for
/// `CurrencyTokens`; built once with the table.
struct GluedCurrencySymbols: Sendable {
    /// The symbols, longest first.
    let symbols: [String]
    /// The symbols as scalars, longest first, and the scalars that can start the search (`$`, `€`, `.`).
    fileprivate let scalars: [[Unicode.Scalar]]
    fileprivate let marks: Set<Unicode.Scalar>
    /// Symbols that contain a character that otherwise ends a token (`S/.`, `S/`, `B/.`), longest first.
    let breaking: [String]
    fileprivate let breakingStarts: Set<Character>
    /// True when no symbol that holds a break starts with a byte of a bare number (see `plainNumberBytes`).
    fileprivate let plainNumbersHaveNoSymbol: Bool
    /// `breaking` as UTF-8 bytes, for the ASCII path of `CurrencyTokens.find(in:table:)`.
    fileprivate let breakingBytes: [[UInt8]]

    /// The index of `spellings`' symbols that hold something other than letters.
    init(spellings: [String]) {
        let glued = spellings.filter { symbol in
            symbol.unicodeScalars.contains { !($0.properties.isAlphabetic) }
        }
        symbols = Array(Set(glued)).sorted { ($0.count, $0) > ($1.count, $1) }
        scalars = symbols.map { Array($0.unicodeScalars) }
        marks = Set(symbols.flatMap { $0.unicodeScalars.filter { !$0.properties.isAlphabetic } })
        breaking = symbols.filter { $0.contains(where: CurrencyTokens.isBreak) }
        breakingStarts = Set(breaking.compactMap(\.first))
        plainNumbersHaveNoSymbol = breakingStarts.allSatisfy { start in
            !start.unicodeScalars.contains { $0.isASCII && CurrencyTokens.plainNumberBytes[Int($0.value)] }
        }
        breakingBytes = breaking.map { Array($0.utf8) }
    }

    /// The longest symbol inside `token` (`US$` in `cenaUS$`), if any; cheap for tokens of letters only.
    fileprivate func longest(in token: String) -> String? {
        guard token.unicodeScalars.contains(where: marks.contains) else { return nil }
        let tokenScalars = Array(token.unicodeScalars)
        for (index, symbol) in scalars.enumerated() where symbol.count <= tokenScalars.count {
            for start in 0...(tokenScalars.count - symbol.count) where tokenScalars[start] == symbol[0] {
                if tokenScalars[start..<(start + symbol.count)].elementsEqual(symbol) { return symbols[index] }
            }
        }
        return nil
    }
}

/// Finds the currency symbols, codes and words of a `CurrencyTable` written around an amount (`€`, `US$`, `zł`,
/// `Kč`, `PLN`, `руб.`, `S/.`, `د.إ`).
enum CurrencyTokens {
    /// Characters that end a token.
    fileprivate static func isBreak(_ char: Character) -> Bool {
        char == " " || char == "/" || char == "(" || char == ")" || char == ":" || char == "~" || char == "*"
    }

    /// The ASCII bytes `isBreak(_:)` is true for.
    private static let breakBytes: [Bool] = (0..<128).map { isBreak(Character(Unicode.Scalar(UInt8($0)))) }

    /// Bytes of a bare number: ASCII digits, `.`, `,`, `-` and the token breaks. Split at the breaks, such text has
    /// pieces whose runs between digits are only marks `tokens(inPiece:)` drops, so it has no token, unless a
    /// symbol that holds a break starts with one of these bytes (`GluedCurrencySymbols.plainNumbersHaveNoSymbol`).
    fileprivate static let plainNumberBytes: [Bool] = (0..<256).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return (0x30...0x39).contains(byte) || ".,-".unicodeScalars.contains(scalar) || (byte < 0x80 && isBreak(Character(scalar)))
    }

    /// The currency tokens in `text`, as written, in order. `generalPathOnly` is for the tests that compare the
    /// ASCII path with the general one.
    static func find(in text: String, table: CurrencyTable, generalPathOnly: Bool = false) -> [String] {
        // A bare number (`11,01`, `1 299.00`, the usual feed price) has no token; see `plainNumberBytes`.
        let glued = table.gluedSymbols
        if glued.plainNumbersHaveNoSymbol, text.utf8.allSatisfy({ plainNumberBytes[Int($0)] }) { return [] }
        if !generalPathOnly, let found = asciiWordTokens(in: text, table: table) { return joinedPrefixes(found, in: text, table: table) }
        var found: [String] = []
        var piece = ""
        var index = text.startIndex
        func flush() {
            if !piece.isEmpty { found += tokens(inPiece: piece, table: table) }
            piece = ""
        }
        while index < text.endIndex {
            // `S/ 49.90`, `S/.49.90`: a symbol that holds a `/`, not preceded by a letter nor followed by one.
            if glued.breakingStarts.contains(text[index]), index == text.startIndex || !text[text.index(before: index)].isLetter,
               let symbol = glued.breaking.first(where: { text[index...].hasPrefix($0) }) {
                let end = text.index(index, offsetBy: symbol.count)
                if end == text.endIndex || !text[end].isLetter {
                    flush()
                    found.append(symbol)
                    index = end
                    continue
                }
            }
            if isBreak(text[index]) { flush() } else { piece.append(text[index]) }
            index = text.index(after: index)
        }
        flush()
        return joinedPrefixes(found, in: text, table: table)
    }

    /// `find(in:table:)`'s tokens, before `joinedPrefixes`, for the usual feed price (`1299.00 PLN`, `EUR 9,99`):
    /// ASCII text whose pieces between breaks are each a bare number or letters only. A letters-only piece is a
    /// token when the table knows it (for such a piece the general path can find nothing else: glued symbols hold
    /// a mark, not only letters); a bare number holds none. Nil for any other text, and where a symbol that holds
    /// a break (`S/.`) may start: the general path reads those.
    static func asciiWordTokens(in text: String, table: CurrencyTable) -> [String]? {
        var text = text
        let breaking = table.gluedSymbols.breakingBytes
        return text.withUTF8 { bytes -> [String]? in
            var found: [String] = []
            var pieceStart = 0, letters = 0, others = 0
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
            func endPiece(at end: Int) -> Bool {
                defer { pieceStart = end + 1; letters = 0; others = 0 }
                if letters > 0 && others > 0 { return false }
                if letters > 0 {
                    let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart..<end]), as: UTF8.self)
                    if !table.candidates(for: token).isEmpty { found.append(token) }
                }
                return true
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if index == 0 || !isLetter(bytes[index - 1]),
                   breaking.contains(where: { $0.first == byte && bytes.count - index >= $0.count && memcmp($0, bytes.baseAddress! + index, $0.count) == 0 }) {
                    return nil
                }
                if isLetter(byte) {
                    letters += 1
                } else if breakBytes[Int(byte)] {
                    guard endPiece(at: index) else { return nil }
                } else if plainNumberBytes[Int(byte)] {
                    others += 1
                } else {
                    return nil
                }
            }
            return endPiece(at: bytes.count) ? found : nil
        }
    }

    /// `AU $49.95`, `US $ 9.99`: a country or code prefix written apart from its `$` names the prefixed symbol.
    private static func joinedPrefixes(_ found: [String], in text: String, table: CurrencyTable) -> [String] {
        guard found.contains("$"), text.contains(" $") else { return found }
        let words = text.split(separator: " ").map(String.init)
        var result = found
        for (index, word) in words.enumerated().dropFirst() where word.hasPrefix("$") {
            let prefix = words[index - 1]
            guard (2...3).contains(prefix.count), prefix.allSatisfy(\.isUppercase) else { continue }
            let joined = prefix + "$"
            if table.candidates(for: joined).count == 1, let position = result.firstIndex(of: "$") { result[position] = joined }
        }
        return result
    }

    /// Tokens in one piece of text between breaks: each run of characters between digits (`RM49.90` → `RM`,
    /// `1.299,-Kč` → `Kč`, `Rs.1,299` → `Rs.`).
    private static func tokens(inPiece piece: String, table: CurrencyTable) -> [String] {
        var found: [String] = []
        for run in piece.split(whereSeparator: \.isASCIIDigit) {
            var token = String(run.drop { ".,-–—'’".contains($0) })
            while let last = token.last, ".,-–—!;'’".contains(last), table.candidates(for: token).isEmpty {
                token.removeLast()
            }
            guard !token.isEmpty else { continue }
            if !table.candidates(for: token).isEmpty {
                found.append(token)
            } else if token.count > 3, token.prefix(3).allSatisfy(\.isUppercase), !table.candidates(for: String(token.prefix(3))).isEmpty,
                      table.gluedSymbols.symbols.contains(String(token.dropFirst(3))) {
                // `CAD$`, `AUD$`: a code with a symbol glued on names the code.
                found.append(String(token.prefix(3)))
            } else if token.count > 3, token.suffix(3).allSatisfy(\.isUppercase), !table.candidates(for: String(token.suffix(3))).isEmpty,
                      table.gluedSymbols.symbols.contains(String(token.dropLast(3))) {
                // `$CAD`, `€EUR`: likewise, the code after the symbol.
                found.append(String(token.suffix(3)))
            } else if let symbol = table.gluedSymbols.longest(in: token) {
                // Symbols glued to other text: the longest known symbol inside the token.
                found.append(symbol)
            } else if let first = token.unicodeScalars.first, isWrittenWithoutSpaces(first),
                      let word = (1..<token.count).reversed().lazy.map({ String(token.prefix($0)) }).first(where: { !table.candidates(for: $0).isEmpty }) {
                // Scripts written without spaces: a currency word glued to the next word (`円税込`, `บาทต่อชิ้น`).
                found.append(word)
            }
        }
        return found
    }

    /// Thai, kana, CJK ideographs and Hangul: words follow each other without spaces.
    private static func isWrittenWithoutSpaces(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0E7F, 0x3040...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: true
        default: false
        }
    }

    /// `text` without the given amounts (each replaced by a space): where their currency is written.
    static func textAround(_ amounts: [AmountSpan], in text: String) -> String {
        // A price that is only its amount (`11,01`) leaves one space, without sorting or copying pieces.
        if amounts.count == 1, amounts[0].range.lowerBound == text.startIndex, amounts[0].range.upperBound == text.endIndex { return " " }
        var result = ""
        var index = text.startIndex
        for amount in amounts.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += text[index..<amount.range.lowerBound]
            result += " "
            index = amount.range.upperBound
        }
        result += text[index...]
        return result
    }
}
