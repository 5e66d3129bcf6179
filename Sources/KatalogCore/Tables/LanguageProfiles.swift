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

    /// `languages.json`; the bundled file is read through `ParsedJSON.parseTable` (`init(table:)`).
    struct File: Decodable, Equatable {
        var languages: [String: Profile]

        init(table: ParsedJSON) throws {
            languages = try table.required("languages") { try $0.dictionary { profile in
                Profile(script: try profile.required("script") { try $0.string() },
                        letters: try profile.required("letters") { try $0.string() },
                        exclusive: try profile.required("exclusive") { try $0.string() },
                        words: try profile.required("words") { try $0.strings() })
            } }
        }
    }

    /// ISO 639-1 code → profile.
    public let profiles: [String: Profile]

    public static let builtIn = LanguageProfiles(profiles: BundledData.read("languages", File.init(table:)).languages)

    public init(profiles: [String: Profile]) { self.profiles = profiles }
}
