import Foundation

/// Canonical values for words shops write in many languages (`Roczny` → `annual`, `Taip` → `yes`),
/// from `Resources/vocabulary.json` plus user dictionary files.
public struct ValueVocabulary: Sendable {
    public struct Match: Sendable, Hashable {
        public var value: String
        /// Languages in which the word is listed.
        public var languages: [String]
    }

    /// vocabulary → folded word → (canonical value, languages)
    private var words: [String: [String: Match]] = [:]

    public init() {}

    public static let builtIn: ValueVocabulary = {
        var vocabulary = ValueVocabulary()
        let bundled = BundledData.read("vocabulary") { try $0.required("vocabularies", LabelDictionary.File.vocabularies) }
        vocabulary.merge(bundled, overriding: false)
        // Label files may carry the value vocabularies of their own vocabulary (schema.org enumerations).
        for file in BundledData.labelFiles {
            if let vocabularies = file.vocabularies { vocabulary.merge(vocabularies, overriding: false) }
        }
        return vocabulary
    }()

    /// Adds vocabularies (`{name: {canonical: {language: [word]}}}`); with `overriding` they win on conflicts.
    public mutating func merge(_ vocabularies: [String: [String: [String: [String]]]], overriding: Bool) {
        for (name, values) in vocabularies.sorted(by: { $0.key < $1.key }) {
            for (canonical, byLanguage) in values.sorted(by: { $0.key < $1.key }) {
                for (language, list) in byLanguage.sorted(by: { $0.key < $1.key }) {
                    for word in list {
                        let folded = TextFolding.fold(word)
                        if var existing = words[name]?[folded] {
                            if existing.value == canonical {
                                if !existing.languages.contains(language) { existing.languages.append(language) }
                                existing.languages.sort()
                                words[name, default: [:]][folded] = existing
                                continue
                            }
                            if !overriding { continue }
                        }
                        words[name, default: [:]][folded] = Match(value: canonical, languages: [language])
                    }
                }
            }
        }
    }

    /// The canonical value of `text` in `vocabulary`, or nil when the word is not listed.
    public func lookup(_ text: String, in vocabulary: String) -> Match? {
        words[vocabulary]?[TextFolding.fold(text)]
    }

    /// Every word of a vocabulary, in folded form.
    public func foldedWords(in vocabulary: String) -> [String] {
        Array((words[vocabulary] ?? [:]).keys)
    }

    /// Whether a vocabulary of this name exists.
    public func has(_ vocabulary: String) -> Bool { words[vocabulary] != nil }
}
