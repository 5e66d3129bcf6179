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
    public func scores(_ text: String) -> [(language: String, score: Int)] {
        let lowered = text.lowercased()
        var cyrillic = 0, latin = 0
        for scalar in lowered.unicodeScalars where scalar.properties.isAlphabetic {
            if (0x0400...0x04FF).contains(scalar.value) { cyrillic += 1 } else if scalar.value < 0x0250 { latin += 1 }
        }
        guard cyrillic + latin > 0 else { return [] }
        let script = cyrillic > latin ? "cyrillic" : "latin"
        let words = lowered.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }).map(String.init)
        var result: [(language: String, score: Int)] = []
        for (language, profile) in profiles.profiles where profile.script == script {
            var score = 0
            let list = wordSets[language] ?? []
            for word in words where list.contains(word) { score += 3 }
            let exclusive = exclusiveSets[language] ?? [], letters = letterSets[language] ?? []
            for char in lowered {
                if exclusive.contains(char) { score += 3 } else if letters.contains(char) { score += 1 }
            }
            result.append((language, score))
        }
        return result.sorted { $0.score != $1.score ? $0.score > $1.score : $0.language < $1.language }
    }
}
