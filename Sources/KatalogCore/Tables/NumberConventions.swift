import Foundation

/// How numbers are written in each country: decimal mark and grouping marks (`Resources/number-formats.json`).
///
/// Used only to decide a single ambiguous separator (`3.350`, `1,234`). An unknown country or language has no
/// convention (`nil`); callers then fall back to other evidence and say they guessed.
public struct NumberConventions: Sendable {
    public struct Convention: Decodable, Sendable, Hashable {
        /// `,` or `.`.
        public var decimal: String
        /// Marks used between groups of three digits (`" "`, `"."`, `"'"`).
        public var grouping: [String]

        public var decimalMark: Character? { decimal.first }
    }

    /// `number-formats.json`; the bundled file is read through `ParsedJSON.parseTable` (`init(table:)`).
    struct File: Decodable, Equatable {
        var countries: [String: Convention]
        var languages: [String: String]

        init(table: ParsedJSON) throws {
            countries = try table.required("countries") { try $0.dictionary { convention in
                Convention(decimal: try convention.required("decimal") { try $0.string() },
                           grouping: try convention.required("grouping") { try $0.strings() })
            } }
            languages = try table.required("languages") { try $0.dictionary { try $0.string() } }
        }
    }

    private let countries: [String: Convention]
    private let languages: [String: String]

    public static let builtIn: NumberConventions = {
        let file = BundledData.read("number-formats", File.init(table:))
        return NumberConventions(countries: file.countries, languages: file.languages)
    }()

    init(countries: [String: Convention], languages: [String: String]) {
        self.countries = countries
        self.languages = languages
    }

    /// The convention of an ISO 3166 country (`LT`), case-insensitive; nil when not listed.
    public func convention(country: String) -> Convention? { countries[country.uppercased()] }

    /// The convention a language implies (`de` → Germany's), from its primary subtag (`de-CH` → `de`).
    public func convention(language: String) -> Convention? {
        let primary = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return languages[primary].flatMap { countries[$0] }
    }
}
