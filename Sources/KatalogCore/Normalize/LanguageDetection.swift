import Foundation

/// Tells the language of short shop texts (titles, descriptions) from letters and frequent words; no model files.
///
/// Scores every language of the text's script: a word on the language's list counts 3, a letter only that language
/// uses counts 3, a letter typical of it counts 1. A language is returned only when it has at least `minimumScore`
/// and leads the next by `minimumLead`; otherwise nil — an untagged text is better than a wrongly tagged one.
/// Baltic and Slavic texts are told apart by their exclusive letters (ė į ų / ā ē ī ķ ļ ņ / ł ś ż / ě ř ů / ô ľ).
public struct LanguageDetection: Sendable {
    public let profiles: LanguageProfiles
    public var minimumScore: Int
    public var minimumLead: Int

    public static let builtIn = LanguageDetection(profiles: .builtIn)

    /// How much of a text is scored.
    public static let sampleLength = 2_000

    /// Languages in code order; scores are kept per index.
    private let languages: [(code: String, script: String)]
    /// Lower-cased word → indices of the languages that list it. Looked up with a `String` made of the word: a
    /// short word is then a small string whose hash needs no normalisation pass, unlike a slice of a non-ASCII text.
    private let wordLanguages: [String: [Int]]
    /// Letter → (language index, weight: 3 exclusive, 1 typical) for every language that has it.
    private let letterWeights: [Character: [(language: Int, weight: Int)]]
    /// `letterWeights` of each one-scalar letter below `scalarTableEnd`, by scalar value (Latin, Greek and
    /// Cyrillic letters are found without hashing a `Character`); nil where no language has the letter.
    private let scalarWeights: [[(language: Int, weight: Int)]?]
    private static let scalarTableEnd: UInt32 = 0x530
    /// Which (UTF-8 length, first byte) shapes the NFC forms of the listed words have, by `shapeIndex`. A word
    /// made only of scalars below U+0300 is in NFC (no such scalar decomposes or composes with another), so it
    /// equals a listed word only when it has the bytes of that word's NFC form: a word of no listed shape is passed
    /// over without hashing it, and most words of a text are not listed.
    private let listedShapes: [Bool]

    public init(profiles: LanguageProfiles, minimumScore: Int = 4, minimumLead: Int = 3) {
        self.profiles = profiles
        self.minimumScore = minimumScore
        self.minimumLead = minimumLead
        let sorted = profiles.profiles.sorted { $0.key < $1.key }
        languages = sorted.map { ($0.key, $0.value.script) }
        var words: [String: [Int]] = [:]
        var letters: [Character: [(language: Int, weight: Int)]] = [:]
        for (index, (_, profile)) in sorted.enumerated() {
            for word in Set(profile.words.map { $0.lowercased() }) { words[word, default: []].append(index) }
            let exclusive = Set(profile.exclusive)
            for char in exclusive.union(profile.letters) {
                letters[char, default: []].append((index, exclusive.contains(char) ? 3 : 1))
            }
        }
        wordLanguages = words
        var shapes = [Bool](repeating: false, count: 64 * 256)
        for word in words.keys {
            let normalized = word.precomposedStringWithCanonicalMapping
            guard let first = normalized.utf8.first else { continue }
            shapes[Self.shapeIndex(length: normalized.utf8.count, firstByte: first)] = true
        }
        listedShapes = shapes
        letterWeights = letters
        scalarWeights = (0..<Self.scalarTableEnd).map { value in Unicode.Scalar(value).flatMap { letters[Character($0)] } }
    }

    /// Lengths from 63 bytes up share one slot.
    private static func shapeIndex(length: Int, firstByte: UInt8) -> Int {
        min(length, 63) << 8 | Int(firstByte)
    }

    /// Whether the word `text[start..<end]` may be listed: false only for a word of scalars below U+0300 (`plain`)
    /// whose shape no listed word has.
    private func mayBeListed(_ text: String, from start: String.Index, to end: String.Index, plain: Bool) -> Bool {
        guard plain else { return true }
        let bytes = text.utf8
        return listedShapes[Self.shapeIndex(length: bytes.distance(from: start, to: end), firstByte: bytes[start])]
    }

    /// The weights of `scalar` as a letter (the same as `letterWeights[Character(scalar)]`).
    private func weights(of scalar: Unicode.Scalar) -> [(language: Int, weight: Int)]? {
        scalar.value < Self.scalarTableEnd ? scalarWeights[Int(scalar.value)] : letterWeights[Character(scalar)]
    }

    /// The ISO 639-1 language of `text`, or nil when the evidence is too thin or split.
    public func detect(_ text: String) -> String? {
        // The first two of `scores(text)`, without sorting every candidate: the best score (ties to the first code,
        // as candidates are in code order) and the best of the others.
        let candidates = scoredCandidates(text)
        var top: (language: String, score: Int)?
        var second = 0
        for candidate in candidates {
            guard let best = top else { top = candidate; continue }
            if candidate.score > best.score {
                second = best.score
                top = candidate
            } else {
                second = max(second, candidate.score)
            }
        }
        guard let top, top.score >= minimumScore else { return nil }
        return top.score - second >= minimumLead ? top.language : nil
    }

    /// `text.prefix(sampleLength).lowercased()`, from tables where it can be (`TextLowercasing`).
    static func lowercasedSample(_ text: String) -> String {
        TextLowercasing.lowercasedPrefix(text, characters: sampleLength)
    }

    /// Every candidate language with its score, best first (ties by code, for determinism).
    ///
    /// One pass over the text; each word and non-ASCII letter adds to the score of every language listing it.
    public func scores(_ text: String) -> [(language: String, score: Int)] {
        scoredCandidates(text).sorted { $0.score != $1.score ? $0.score > $1.score : $0.language < $1.language }
    }

    /// Every candidate language (of the text's script) with its score, in code order.
    private func scoredCandidates(_ text: String) -> [(language: String, score: Int)] {
        // The first `sampleLength` characters settle the language of a shop text; long descriptions only repeat it.
        let lowered = Self.lowercasedSample(text)
        var cyrillic = 0, latin = 0
        var scores = [Int](repeating: 0, count: languages.count)
        var wordStart: String.Index?
        // Whether every scalar of the current word is below U+0300 (`mayBeListed`).
        var plainWord = true
        let scalars = lowered.unicodeScalars
        var index = scalars.startIndex
        // Scalar by scalar: ASCII is decided without Unicode property look-ups, which dominate on long texts. Each
        // word and letter is looked up once in tables that list every language having it.
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            let isLetter = value < 0x80 ? (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) : scalar.properties.isAlphabetic
            if isLetter || value == 0x27 || value == 0x2019 {
                if wordStart == nil {
                    wordStart = index
                    plainWord = true
                }
                if value >= 0x300 { plainWord = false }
                if isLetter {
                    if (0x0400...0x04FF).contains(value) { cyrillic += 1 } else if value < 0x0250 { latin += 1 }
                    if value >= 0x80, let weights = weights(of: scalar) {
                        for entry in weights { scores[entry.language] += entry.weight }
                    }
                }
            } else if let start = wordStart {
                if mayBeListed(lowered, from: start, to: index, plain: plainWord),
                   let found = wordLanguages[String(lowered[start..<index])] { for language in found { scores[language] += 3 } }
                wordStart = nil
            }
            index = scalars.index(after: index)
        }
        if let start = wordStart, mayBeListed(lowered, from: start, to: lowered.endIndex, plain: plainWord),
           let found = wordLanguages[String(lowered[start...])] { for language in found { scores[language] += 3 } }
        guard cyrillic + latin > 0 else { return [] }
        let script = cyrillic > latin ? "cyrillic" : "latin"
        var result: [(language: String, score: Int)] = []
        result.reserveCapacity(languages.count)
        for (language, entry) in languages.enumerated() where entry.script == script {
            result.append((entry.code, scores[language]))
        }
        return result
    }
}
