import Foundation

/// Tells the language of short shop texts (titles, descriptions) from letters and frequent words; no model files.
///
/// Scores every language of the text's script: a word on the language's list counts 3, a letter only that language
/// uses counts 3, a letter typical of it counts 1. A language is returned only when it has at least `minimumScore`
/// and leads the next by `minimumLead`; otherwise nil — an untagged text is better than a wrongly tagged one.
/// Baltic and Slavic texts are told apart by their exclusive letters (ė į ų / ā ē ī ķ ļ ņ / ł ś ż / ě ř ů / ô ľ).
public struct LanguageDetection: Sendable {
    public var profiles: LanguageProfiles
    public var minimumScore: Int
    public var minimumLead: Int

    public static let shared = LanguageDetection(profiles: .shared)

    /// How much of a text is scored.
    public static let sampleLength = 2_000

    private let wordSets: [String: Set<String>]
    private let letterSets: [String: Set<Character>]
    private let exclusiveSets: [String: Set<Character>]

    public init(profiles: LanguageProfiles, minimumScore: Int = 4, minimumLead: Int = 3) {
        self.profiles = profiles
        self.minimumScore = minimumScore
        self.minimumLead = minimumLead
        wordSets = profiles.profiles.mapValues { Set($0.words.map { $0.lowercased() }) }
        letterSets = profiles.profiles.mapValues { Set($0.letters) }
        exclusiveSets = profiles.profiles.mapValues { Set($0.exclusive) }
    }

    /// The ISO 639-1 language of `text`, or nil when the evidence is too thin or split.
    public func detect(_ text: String) -> String? {
        let ranking = scores(text)
        guard let top = ranking.first, top.score >= minimumScore else { return nil }
        let second = ranking.dropFirst().first?.score ?? 0
        return top.score - second >= minimumLead ? top.language : nil
    }

    /// Every candidate language with its score, best first (ties by code, for determinism).
    ///
    /// One pass over the text builds a histogram of its non-ASCII letters and its words; each language is then
    /// scored against those histograms, so the cost is one scan plus a small amount per language.
    public func scores(_ text: String) -> [(language: String, score: Int)] {
        // The first `sampleLength` characters settle the language of a shop text; long descriptions only repeat it.
        let lowered = text.prefix(Self.sampleLength).lowercased()
        var cyrillic = 0, latin = 0
        var letters: [Character: Int] = [:]
        var words: [Substring: Int] = [:]
        var wordStart: String.Index?
        let scalars = lowered.unicodeScalars
        var index = scalars.startIndex
        // Scalar by scalar: ASCII is decided without Unicode property look-ups, which dominate on long texts.
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            let isLetter = value < 0x80 ? (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) : scalar.properties.isAlphabetic
            if isLetter || value == 0x27 || value == 0x2019 {
                if wordStart == nil { wordStart = index }
                if isLetter {
                    if (0x0400...0x04FF).contains(value) { cyrillic += 1 } else if value < 0x0250 { latin += 1 }
                    if value >= 0x80 { letters[Character(scalar), default: 0] += 1 }
                }
            } else if let start = wordStart {
                words[lowered[start..<index], default: 0] += 1
                wordStart = nil
            }
            index = scalars.index(after: index)
        }
        if let start = wordStart { words[lowered[start...], default: 0] += 1 }
        guard cyrillic + latin > 0 else { return [] }
        let script = cyrillic > latin ? "cyrillic" : "latin"
        var result: [(language: String, score: Int)] = []
        for (language, profile) in profiles.profiles where profile.script == script {
            var score = 0
            let list = wordSets[language] ?? []
            for (word, count) in words where list.contains(String(word)) { score += 3 * count }
            let exclusive = exclusiveSets[language] ?? [], typical = letterSets[language] ?? []
            for (char, count) in letters {
                if exclusive.contains(char) { score += 3 * count } else if typical.contains(char) { score += count }
            }
            result.append((language, score))
        }
        return result.sorted { $0.score != $1.score ? $0.score > $1.score : $0.language < $1.language }
    }
}
