import Foundation

/// Per-language evidence for `LanguageDetection` (`Resources/languages.json`): script, typical letters, letters no
/// other language of the same script uses, and frequent short words.
public struct LanguageProfiles: Sendable {
    public struct Profile: Decodable, Sendable, Hashable {
        public var script: String
        public var letters: String
        public var exclusive: String
        public var words: [String]
    }

    private struct File: Decodable { var languages: [String: Profile] }

    /// ISO 639-1 code → profile.
    public let profiles: [String: Profile]

    public static let builtIn = LanguageProfiles(profiles: BundledData.decode(File.self, from: "languages").languages)

    public init(profiles: [String: Profile]) { self.profiles = profiles }
}
