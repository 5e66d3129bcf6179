import Foundation

/// Words around an amount that change what it means, from the value vocabulary (`Resources/vocabulary.json`, plus a
/// `--labels` file's vocabularies): VAT markers (`vat`), free words (`price_free`), `from` prefixes
/// (`price_prefix`), range words (`price_range`) and was/now markers (`price_was`, `price_now`). Matching is on whole
/// words, ignoring case, diacritics and punctuation (`inkl. MwSt.` = `inkl mwst`).
///
/// A value, not a singleton: `NormalizationTables.phrases` is built from the run's vocabulary and reaches price
/// parsing through `MoneyContext.phrases`, so words a user adds are understood in prices too.
public struct PricePhrases: Sendable, Hashable {
    struct Phrase: Sendable, Hashable {
        var phrase: String
        var value: String
    }
    struct Affix: Sendable, Hashable {
        var text: String
        var length: Int
    }

    /// The phrase lists, behind one reference: a price context carries them and is copied several times per
    /// record, and eleven arrays held by value were eleven retains and releases at each copy.
    private let shared: Shared

    private final class Shared: Sendable {
        let lists: Lists
        init(_ lists: Lists) { self.lists = lists }
    }

    private struct Lists: Sendable, Hashable {
        var vatPhrases: [Phrase]
        var freePhrases: [Phrase]
        var prefixPhrases: [Phrase]
        var rangePhrases: [Phrase]
        var wasPhrases: [Phrase]
        var nowPhrases: [Phrase]
        /// `price` prefixes followed by a space, with the number of characters to drop (the phrase's and one), in order.
        var pricePrefixes: [Affix]
        /// VAT phrases preceded by a space, with the number of characters to drop, in order.
        var vatSuffixes: [Affix]
        /// Whether every VAT, free and `from` phrase has a character other than an ASCII digit, space, `+` or `%`.
        /// Then none of them is in a price text whose words are only those (`58 99`, the usual feed price), and such a
        /// text is not searched (`isNumeric`).
        var phrasesNeedMoreThanNumbers: Bool
        /// `vatPhrases` and `freePhrases` as UTF-8 bytes, in the same order, for `firstContained(_:in:)`.
        var vatPhraseBytes: [[UInt8]]
        var freePhraseBytes: [[UInt8]]
        /// Every word of the VAT and free phrases.
        var vatAndFreeWords: Set<String>
    }

    private var vatPhrases: [Phrase] { shared.lists.vatPhrases }
    private var freePhrases: [Phrase] { shared.lists.freePhrases }
    private var prefixPhrases: [Phrase] { shared.lists.prefixPhrases }
    private var rangePhrases: [Phrase] { shared.lists.rangePhrases }
    private var wasPhrases: [Phrase] { shared.lists.wasPhrases }
    private var nowPhrases: [Phrase] { shared.lists.nowPhrases }
    private var pricePrefixes: [Affix] { shared.lists.pricePrefixes }
    private var vatSuffixes: [Affix] { shared.lists.vatSuffixes }
    private var phrasesNeedMoreThanNumbers: Bool { shared.lists.phrasesNeedMoreThanNumbers }
    private var vatPhraseBytes: [[UInt8]] { shared.lists.vatPhraseBytes }
    private var freePhraseBytes: [[UInt8]] { shared.lists.freePhraseBytes }

    /// The phrases of `vocabulary`'s price vocabularies.
    public init(vocabulary: ValueVocabulary) {
        func phrases(_ name: String) -> [Phrase] {
            vocabulary.foldedWords(in: name)
                .map { Phrase(phrase: Self.words($0), value: vocabulary.lookup($0, in: name)?.value ?? "") }
                .filter { !$0.phrase.isEmpty }
                .sorted { ($0.phrase.count, $0.phrase) > ($1.phrase.count, $1.phrase) }
        }
        let vatPhrases = phrases("vat")
        let freePhrases = phrases("price_free")
        let prefixPhrases = phrases("price_prefix")
        shared = Shared(Lists(
            vatPhrases: vatPhrases,
            freePhrases: freePhrases,
            prefixPhrases: prefixPhrases,
            rangePhrases: phrases("price_range"),
            wasPhrases: phrases("price_was"),
            nowPhrases: phrases("price_now"),
            pricePrefixes: prefixPhrases.filter { $0.value == "price" }.map { Affix(text: $0.phrase + " ", length: $0.phrase.count + 1) },
            vatSuffixes: vatPhrases.map { Affix(text: " " + $0.phrase, length: $0.phrase.count + 1) },
            phrasesNeedMoreThanNumbers: (vatPhrases + freePhrases + prefixPhrases).allSatisfy { !Self.isNumeric($0.phrase) },
            vatPhraseBytes: vatPhrases.map { Array($0.phrase.utf8) },
            freePhraseBytes: freePhrases.map { Array($0.phrase.utf8) },
            vatAndFreeWords: Set((vatPhrases + freePhrases).flatMap { $0.phrase.split(separator: " ").map(String.init) })
        ))
    }

    public static func == (lhs: PricePhrases, rhs: PricePhrases) -> Bool {
        lhs.shared === rhs.shared || lhs.shared.lists == rhs.shared.lists
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(shared.lists) }

    /// Whether `words` has only ASCII digits, spaces, `+` and `%`.
    static func isNumeric(_ words: String) -> Bool {
        words.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 || $0 == 0x20 || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }
    }

    /// Whether a VAT or free phrase could be among words that are numbers and `word` alone (`11 01 eur`, in
    /// `words(_:)` form). False when every phrase needs a word other than a number (`phrasesNeedMoreThanNumbers`) and
    /// none has `word` among its words: a phrase matches whole words, so it would need a word the text lacks.
    func mayMatchPhrase(amongNumbersAnd word: String) -> Bool {
        !phrasesNeedMoreThanNumbers || shared.lists.vatAndFreeWords.contains(word)
    }

    /// True when no VAT, free or `from` phrase can be in `words` (see `phrasesNeedMoreThanNumbers`).
    private func hasNoPhrase(_ words: String) -> Bool {
        phrasesNeedMoreThanNumbers && Self.isNumeric(words)
    }

    /// The built-in vocabulary's phrases.
    public static let builtIn = PricePhrases(vocabulary: .builtIn)

    /// `text` folded, with every character that is not a letter, digit, `+` or `%` turned into a space.
    static func words(_ text: String) -> String {
        if let ascii = ASCIIWords.words(text) { return ascii }
        if let latinOrCyrillic = ScalarFolding.words(text) { return latinOrCyrillic }
        return wordsOfFolded(TextFolding.fold(text))
    }

    /// The general form of `words(_:)`, on text already folded.
    static func wordsOfFolded(_ folded: String) -> String {
        let mapped = String(folded.map { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "%" ? $0 : " " })
        return mapped.split(separator: " ").joined(separator: " ")
    }


    /// Whether `phrase` occurs in `words` as whole words (both in `words(_:)` form: single spaces).
    /// Byte-wise and allocation-light: this runs for every price and title of a feed.
    static func contains(_ phrase: String, in words: String) -> Bool {
        var phrase = phrase, words = words
        return phrase.withUTF8 { needle in
            words.withUTF8 { haystack in
                let n = needle.count, h = haystack.count
                guard n > 0, n <= h else { return false }
                var start = 0
                while start + n <= h {
                    if (start == 0 || haystack[start - 1] == 0x20),
                       start + n == h || haystack[start + n] == 0x20,
                       memcmp(needle.baseAddress!, haystack.baseAddress! + start, n) == 0 {
                        return true
                    }
                    // Next word start.
                    guard let space = haystack[start...].firstIndex(of: 0x20) else { return false }
                    start = space + 1
                }
                return false
            }
        }
    }

    /// The index of the first of `phrases` (UTF-8 bytes, `words(_:)` form) that occurs in `words` as whole words,
    /// like `phrases.firstIndex { contains($0, in: words) }`, with the word starts of `words` found once.
    static func firstContained(_ phrases: [[UInt8]], in words: String) -> Int? {
        var words = words
        return words.withUTF8 { haystack -> Int? in
            let count = haystack.count
            var starts: [Int] = [0]
            for index in 0..<count where haystack[index] == 0x20 { starts.append(index + 1) }
            // The bytes words start with, as a 256-bit set: most phrases are skipped on their first byte alone.
            var firstBytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            for start in starts where start < count { Self.insert(haystack[start], into: &firstBytes) }
            for (position, phrase) in phrases.enumerated() {
                guard let first = phrase.first, Self.contains(first, in: firstBytes) else { continue }
                let found = phrase.withUnsafeBufferPointer { needle -> Bool in
                    let n = needle.count
                    guard n > 0, n <= count else { return false }
                    for start in starts {
                        guard start + n <= count else { break }
                        if start + n == count || haystack[start + n] == 0x20,
                           memcmp(needle.baseAddress!, haystack.baseAddress! + start, n) == 0 { return true }
                    }
                    return false
                }
                if found { return position }
            }
            return nil
        }
    }

    private static func insert(_ byte: UInt8, into set: inout (UInt64, UInt64, UInt64, UInt64)) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: set.0 |= bit
        case 1: set.1 |= bit
        case 2: set.2 |= bit
        default: set.3 |= bit
        }
    }

    private static func contains(_ byte: UInt8, in set: (UInt64, UInt64, UInt64, UInt64)) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return set.0 & bit != 0
        case 1: return set.1 & bit != 0
        case 2: return set.2 & bit != 0
        default: return set.3 & bit != 0
        }
    }

    /// `included` / `excluded` when the text carries a VAT marker.
    func vat(in text: String) -> String? { vat(inWords: Self.words(text)) }

    /// `vat(in:)` for text already in `words(_:)` form.
    func vat(inWords found: String) -> String? {
        if hasNoPhrase(found) { return nil }
        return Self.firstContained(vatPhraseBytes, in: found).map { vatPhrases[$0].value }
    }

    /// The whole text (a `Price:` prefix and a VAT marker aside) says "free".
    func isFree(_ text: String) -> Bool { isFree(words: Self.words(text)) }

    /// `isFree(_:)` for text already in `words(_:)` form.
    func isFree(words: String) -> Bool {
        if hasNoPhrase(words) { return false }
        // What is left after the prefixes and suffixes are cut is whole words of `words`: without a free phrase
        // among them, nothing is left to compare (one byte scan instead of a suffix test per VAT phrase).
        guard Self.firstContained(freePhraseBytes, in: words) != nil else { return false }
        var found = words
        for prefix in pricePrefixes where found.hasPrefix(prefix.text) {
            found = String(found.dropFirst(prefix.length))
        }
        for vat in vatSuffixes where found.hasSuffix(vat.text) { found = String(found.dropLast(vat.length)) }
        return freePhrases.contains { $0.phrase == found }
    }


    /// A free word appears somewhere in the text (`Pristatymas nemokamai`).
    func containsFreeWord(_ text: String) -> Bool { containsFreeWord(words: Self.words(text)) }

    /// `containsFreeWord(_:)` for text already in `words(_:)` form.
    func containsFreeWord(words found: String) -> Bool {
        if hasNoPhrase(found) { return false }
        return Self.firstContained(freePhraseBytes, in: found) != nil
    }

    /// The text between two amounts makes them a range: a dash, or a range word (`to`, `bis`, `do`, `iki`).
    func isRange(between first: AmountSpan, _ second: AmountSpan, in text: String, currencies: CurrencyTable) -> Bool {
        let gap = String(text[first.range.upperBound..<second.range.lowerBound])
        var bare = gap
        for token in CurrencyTokens.find(in: gap, table: currencies) { bare = bare.replacingOccurrences(of: token, with: " ") }
        let compact = bare.filter { $0 != " " }
        if ["-", "–", "—", "~", "−"].contains(compact) { return true }
        let gapWords = Self.words(bare)
        return !gapWords.isEmpty && rangePhrases.contains { $0.phrase == gapWords }
    }

    /// A `from` word right before the amount (`od 49 zł`, `from €9.99`, `ab 9,99 €`).
    func isFrom(before amount: AmountSpan, in text: String, currencies: CurrencyTable) -> Bool {
        // Nothing before the amount (the usual `58.99 €`): no word, no currency token to remove.
        guard amount.range.lowerBound > text.startIndex else { return false }
        var before = String(text[..<amount.range.lowerBound])
        for token in CurrencyTokens.find(in: before, table: currencies) { before = before.replacingOccurrences(of: token, with: " ") }
        let found = Self.words(before)
        return prefixPhrases.contains { $0.value == "from" && (found == $0.phrase || found.hasSuffix(" " + $0.phrase)) }
    }

    func hasWasMarker(_ text: String) -> Bool {
        let found = Self.words(text)
        return wasPhrases.contains { Self.contains($0.phrase, in: found) }
    }

    func hasNowMarker(_ text: String) -> Bool {
        let found = Self.words(text)
        return nowPhrases.contains { Self.contains($0.phrase, in: found) }
    }

    /// A word of the price vocabularies (VAT markers, `from`, was/now and free words), in any case.
    func isPriceWord(_ word: String) -> Bool {
        let folded = Self.words(word)
        for list in [vatPhrases, prefixPhrases, wasPhrases, nowPhrases, freePhrases] where list.contains(where: { Self.contains(folded, in: $0.phrase) }) {
            return true
        }
        return false
    }
}

/// Two amounts that are a crossed-out ("was") price and the price now.
struct WasNowPair {
    var was: AmountSpan
    var now: AmountSpan
    /// Where each amount's currency is written.
    var wasText: String
    var nowText: String
    /// True when markers (`was`/`now`, `UVP`, `statt`, `~~…~~`) say so; false when inferred from two bare amounts.
    var explicit: Bool

    static func split(_ amounts: [AmountSpan], in text: String, phrases: PricePhrases, currencies: CurrencyTable) -> WasNowPair? {
        let first = amounts[0], second = amounts[1]
        let before = String(text[..<first.range.lowerBound])
        let between = String(text[first.range.upperBound..<second.range.lowerBound])
        let after = String(text[second.range.upperBound...])
        let prefixStyle = !CurrencyTokens.find(in: before, table: currencies).isEmpty
        let firstText = prefixStyle ? before : between
        let secondText = prefixStyle ? between : after

        let struck = before.hasSuffix("~~") || before.contains("~~") && between.contains("~~")
        if struck || phrases.hasWasMarker(before) || phrases.hasNowMarker(between) {
            return WasNowPair(was: first, now: second, wasText: firstText, nowText: secondText, explicit: true)
        }
        if phrases.hasWasMarker(between) || phrases.hasNowMarker(before) {
            return WasNowPair(was: second, now: first, wasText: secondText, nowText: firstText, explicit: true)
        }
        // Two bare amounts, the second lower, nothing but currency between them: a crossed-out price lost its markup.
        guard amounts.count == 2 else { return nil }
        var bare = between
        for token in CurrencyTokens.find(in: between, table: currencies) { bare = bare.replacingOccurrences(of: token, with: "") }
        guard bare.allSatisfy({ $0 == " " }),
              let high = NumberReading.readPrice(first.digits).flatMap({ DecimalFormatting.parse($0.canonical) }),
              let low = NumberReading.readPrice(second.digits).flatMap({ DecimalFormatting.parse($0.canonical) }),
              low < high else { return nil }
        return WasNowPair(was: first, now: second, wasText: firstText, nowText: secondText, explicit: false)
    }
}
