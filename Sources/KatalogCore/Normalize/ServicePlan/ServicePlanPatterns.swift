import Foundation

/// The patterns and vocabularies that recognise service plans and read their terms, compiled from
/// `Resources/service-plans.json` (see that file and `docs/service-plans.md`).
///
/// Patterns are regular-expression fragments over folded text (see `ServicePlanText`). A malformed bundled file
/// is a packaging bug and stops the program naming the file; a malformed pattern is skipped, never guessed at.
/// Regular expressions are compiled on first use (`SharedLazy`), once per table whichever thread asks first: most
/// records never get past `kindPrefilter`, so a run that meets no service plan compiles none. Compiled regular
/// expressions are immutable and safe to share between threads.
public struct ServicePlanPatterns: @unchecked Sendable {
    /// A named group of phrases in several languages, compiled on first use.
    struct CueGroup: Sendable {
        struct Compiled {
            var patterns: [(language: String, regex: NSRegularExpression)] = []
            /// All languages in one expression, one named group (`l0`, `l1`, …) per language, so a sentence is
            /// searched once rather than once per language.
            var combined: NSRegularExpression?
        }

        private let compiled: SharedLazy<Compiled>

        /// A group that matches nothing.
        init() { compiled = SharedLazy { Compiled() } }

        /// The phrases of `lists` (language → pattern fragments), compiled when the group is first used.
        init(_ lists: ByLanguage) { compiled = SharedLazy { ServicePlanPatterns.compileGroup(lists) } }

        /// Each language whose patterns compiled, with its expression, in alphabetical order.
        var patterns: [(language: String, regex: NSRegularExpression)] { compiled.value.patterns }

        /// The earliest phrase found in `text`: its language and range. At one position the first language in
        /// alphabetical order wins, unless the same words are also listed in `preferring` (`abonement` is lt
        /// and lv; a record with Latvian attributes gets lv).
        func firstMatch(in text: ServicePlanText, preferring preferred: String? = nil) -> (language: String, range: NSRange)? {
            let compiled = compiled.value
            guard let combined = compiled.combined, let match = combined.firstMatch(in: text.folded, range: text.fullRange) else { return nil }
            let patterns = compiled.patterns
            var language = patterns.first?.language ?? ""
            for (index, entry) in patterns.enumerated() where match.range(withName: "l\(index)").location != NSNotFound {
                language = entry.language
                break
            }
            if let preferred, preferred != language, let entry = patterns.first(where: { $0.language == preferred }),
               let other = entry.regex.firstMatch(in: text.folded, range: match.range), NSEqualRanges(other.range, match.range) {
                language = preferred
            }
            return (language, match.range)
        }

        func matches(_ text: ServicePlanText) -> Bool { firstMatch(in: text) != nil }
    }

    struct Programme {
        private let compiled: SharedLazy<NSRegularExpression?>
        var name: String
        var provider: String?

        init(pattern: String, name: String, provider: String?) {
            compiled = SharedLazy { ServicePlanPatterns.compile("\\b(?:\(pattern))") }
            self.name = name
            self.provider = provider
        }

        /// The programme's expression; nil when its pattern does not compile (the programme is then skipped).
        var regex: NSRegularExpression? { compiled.value }
    }

    var threshold = 3
    var titleWeight = 3
    var descriptionWeight = 1
    var attributeWeights = AttributeWeights([:])
    var kinds: [(kind: ServicePlan.Kind, cues: CueGroup)] = []
    /// Which of `kinds` may match a text (bit `i` for `kinds[i]`), without running their expressions.
    var kindPrefilter = ServicePlanPrefilter(groups: [])
    var programmes: [Programme] = []
    var coveredModelKeys: [String] = []
    var coveredGTINKeys: [String] = []
    var planTermValues: [String: Int] = [:]
    /// Folded number word → value.
    var numbers: [String: Int] = [:]
    private let durationRegex: SharedLazy<NSRegularExpression?>
    /// The duration expression (`3 years`, `a month`, `zwei Jahre`).
    var duration: NSRegularExpression? { durationRegex.value }
    /// Term words by months, longest term first.
    var termWords: [(months: Int, cues: CueGroup)] = []
    /// The claim-count expression; its group `l<i>` holds the noun of `claimLanguages[i]`.
    private let claimsRegex: SharedLazy<NSRegularExpression?>
    var claims: NSRegularExpression? { claimsRegex.value }
    var claimLanguages: [String] = []
    var cues: [String: CueGroup] = [:]
    var modelSuffixes: Set<String> = []

    /// Title tokens that, right after a covered model's words, make another model (`RS 4` + `Mini`).
    public var modelSuffixTokens: Set<String> { modelSuffixes }

    /// The bundled patterns.
    public static let builtIn: ServicePlanPatterns = ServicePlanPatterns(file: BundledData.read("service-plans", File.init(table:)))

    // MARK: - File

    typealias ByLanguage = [String: [String]]

    /// `service-plans.json`. The bundled file is read through `ParsedJSON.parseTable` (`init(table:)`); `Decodable`
    /// stays as the reference the tests compare it with.
    struct File: Decodable, Equatable {
        struct Classification: Decodable, Equatable {
            var threshold: Int
            var title: Int
            var description: Int
            var attributes: [String: Int]
            var kinds: [String: ByLanguage]
        }
        struct Programmes: Decodable, Equatable {
            struct Entry: Decodable, Equatable { var pattern: String; var name: String; var provider: String? }
            var entries: [Entry]
        }
        struct Attributes: Decodable, Equatable {
            var coveredModels: [String]
            var coveredGtins: [String]
            enum CodingKeys: String, CodingKey { case coveredModels = "covered_models", coveredGtins = "covered_gtins" }
        }
        struct Durations: Decodable, Equatable {
            var units: [String: ByLanguage]
            var articles: ByLanguage
            var fillers: ByLanguage
        }
        struct Suffixes: Decodable, Equatable { var tokens: [String] }

        var classification: Classification
        var programmes: Programmes
        var attributes: Attributes
        var planTermValues: [String: Int]
        var numbers: [String: [String: Int]]
        var durations: Durations
        var termWords: [String: ByLanguage]
        var claimNouns: ByLanguage
        var cues: [String: ByLanguage]
        var modelSuffixes: Suffixes

        enum CodingKeys: String, CodingKey {
            case classification, programmes, attributes, numbers, durations, cues
            case planTermValues = "plan_term_values", termWords = "term_words", claimNouns = "claim_nouns", modelSuffixes = "model_suffixes"
        }

        init(table: ParsedJSON) throws {
            func byLanguage(_ value: ParsedJSON) throws -> ByLanguage { try value.dictionary { try $0.strings() } }
            func ints(_ value: ParsedJSON) throws -> [String: Int] { try value.dictionary { try $0.int() } }
            classification = try table.required("classification") { value in
                Classification(threshold: try value.required("threshold") { try $0.int() },
                               title: try value.required("title") { try $0.int() },
                               description: try value.required("description") { try $0.int() },
                               attributes: try value.required("attributes", ints),
                               kinds: try value.required("kinds") { try $0.dictionary(byLanguage) })
            }
            programmes = try table.required("programmes") { value in
                Programmes(entries: try value.required("entries") { try $0.array { entry in
                    Programmes.Entry(pattern: try entry.required("pattern") { try $0.string() },
                                     name: try entry.required("name") { try $0.string() },
                                     provider: try entry.optional("provider") { try $0.string() })
                } })
            }
            attributes = try table.required("attributes") { value in
                Attributes(coveredModels: try value.required("covered_models") { try $0.strings() },
                           coveredGtins: try value.required("covered_gtins") { try $0.strings() })
            }
            planTermValues = try table.required("plan_term_values", ints)
            numbers = try table.required("numbers") { try $0.dictionary(ints) }
            durations = try table.required("durations") { value in
                Durations(units: try value.required("units") { try $0.dictionary(byLanguage) },
                          articles: try value.required("articles", byLanguage),
                          fillers: try value.required("fillers", byLanguage))
            }
            termWords = try table.required("term_words") { try $0.dictionary(byLanguage) }
            claimNouns = try table.required("claim_nouns", byLanguage)
            cues = try table.required("cues") { try $0.dictionary(byLanguage) }
            modelSuffixes = try table.required("model_suffixes") { Suffixes(tokens: try $0.required("tokens") { try $0.strings() }) }
        }
    }

    init(file: File) {
        threshold = file.classification.threshold
        titleWeight = file.classification.title
        descriptionWeight = file.classification.description
        attributeWeights = AttributeWeights(file.classification.attributes)
        var kindPatterns: [[String]] = []
        for kind in ServicePlan.Kind.allCases {
            if let lists = file.classification.kinds[kind.rawValue] {
                kinds.append((kind, CueGroup(lists)))
                kindPatterns.append(Self.allPatterns(lists))
            }
        }
        kindPrefilter = ServicePlanPrefilter(groups: kindPatterns)
        programmes = file.programmes.entries.map { Programme(pattern: $0.pattern, name: $0.name, provider: $0.provider) }
        coveredModelKeys = file.attributes.coveredModels
        coveredGTINKeys = file.attributes.coveredGtins
        planTermValues = file.planTermValues
        for (_, words) in file.numbers.sorted(by: { $0.key < $1.key }) {
            for (word, value) in words { numbers[TextFolding.fold(word)] = value }
        }
        let numberWords = Self.alternation(numbers.keys.map(NSRegularExpression.escapedPattern(for:)))
        let unitGroups = ["hour", "day", "month", "year"].map { unit in
            "(?<\(unit)>\(Self.alternation(Self.allPatterns(file.durations.units[unit] ?? [:]))))"
        }.joined(separator: "|")
        let articles = Self.alternation(Self.allPatterns(file.durations.articles))
        let fillers = Self.alternation(Self.allPatterns(file.durations.fillers))
        let durationPattern = "(?:(?<![\\w.,])(?<n>\\d+|\\b(?:\(numberWords)))\\s*-?\\s*|\\b(?<art>\(articles))\\s+)(?:(?:\(fillers))\\s+)?(?:\(unitGroups))\\b"
        durationRegex = SharedLazy { Self.compile(durationPattern) }
        termWords = file.termWords.compactMap { key, lists in Int(key).map { ($0, CueGroup(lists)) } }
            .sorted { $0.months > $1.months }
        // One expression for all languages, one named group (`l0`, `l1`, …) per language's nouns.
        claimLanguages = file.claimNouns.keys.sorted().filter { !(file.claimNouns[$0] ?? []).isEmpty }
        let nounGroups = claimLanguages.enumerated().map { index, language in
            "(?<l\(index)>\(Self.alternation(file.claimNouns[language] ?? [])))"
        }.joined(separator: "|")
        let claimsPattern = "(?<![\\w.,])(?<n>\\d+|\\b(?:\(numberWords)))\\s+(?:[\\w-]+\\s+){0,2}?(?:\(nounGroups))\\b"
        claimsRegex = SharedLazy { Self.compile(claimsPattern) }
        for (name, lists) in file.cues { cues[name] = CueGroup(lists) }
        modelSuffixes = Set(file.modelSuffixes.tokens.map(TextFolding.fold))
    }

    /// Every pattern of the file that does not compile (empty for a good file): each is skipped at load time.
    static func invalidPatterns(in file: File) -> [String] {
        var all: [String] = file.programmes.entries.map(\.pattern)
        all += file.classification.kinds.values.flatMap(allPatterns)
        all += file.durations.units.values.flatMap(allPatterns) + allPatterns(file.durations.articles) + allPatterns(file.durations.fillers)
        all += file.termWords.values.flatMap(allPatterns) + allPatterns(file.claimNouns) + file.cues.values.flatMap(allPatterns)
        return all.filter { compile($0) == nil }
    }

    /// The bundled file, decoded but not compiled.
    static var bundledFile: File { BundledData.read("service-plans", File.init(table:)) }

    /// A cue group by name; an empty group (matching nothing) when the file has none of that name.
    func cue(_ name: String) -> CueGroup { cues[name] ?? Self.emptyGroup }

    private static let emptyGroup = CueGroup()

    // MARK: - Compiling

    /// Compiles a cue group: one expression per language, and all of them in one.
    fileprivate static func compileGroup(_ lists: ByLanguage) -> CueGroup.Compiled {
        var group = CueGroup.Compiled()
        for (language, patterns) in lists.sorted(by: { $0.key < $1.key }) where !patterns.isEmpty {
            if let regex = compile("\\b(?:\(alternation(patterns)))") { group.patterns.append((language, regex)) }
        }
        let sorted = lists.sorted(by: { $0.key < $1.key }).filter { !$0.value.isEmpty }
        // Only languages whose patterns compiled take part, so group numbers match `patterns`.
        let usable = sorted.filter { entry in group.patterns.contains { $0.language == entry.key } }
        let alternatives = usable.enumerated().map { index, entry in "(?<l\(index)>\(alternation(entry.value)))" }
        group.combined = alternatives.isEmpty ? nil : compile("\\b(?:" + alternatives.joined(separator: "|") + ")")
        return group
    }

    private static func allPatterns(_ lists: ByLanguage) -> [String] {
        lists.sorted(by: { $0.key < $1.key }).flatMap(\.value)
    }

    /// `a|b|c`, longest first so a longer phrase wins over its prefix.
    private static func alternation(_ patterns: [String]) -> String {
        var seen = Set<String>()
        return patterns.filter { seen.insert($0).inserted }
            .sorted { ($0.count, $0) > ($1.count, $1) }
            .joined(separator: "|")
    }

    fileprivate static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }
}

/// How much each mapped attribute key says that a record is a service plan (`plan`, `service`), by key and as a
/// list: the pre-filter compares the few keys in turn instead of hashing every mapped key of every record.
struct AttributeWeights: Sendable {
    let byKey: [String: Int]
    /// The same weights, in key order.
    let list: [(key: String, weight: Int)]

    init(_ byKey: [String: Int]) {
        self.byKey = byKey
        list = byKey.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    subscript(key: String) -> Int? { byKey[key] }
}
