import Foundation
import KatalogCore

/// Per-source defaults from the configuration: inputs whose path matches a pattern get these locale hints
/// (currency, country, language, units) where the source itself says nothing.
public struct SourceDefaults: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// A shell-style pattern over the input path as shown in outputs (`feeds/pl/*`, `*.csv`); `*` also
        /// matches `/`. A pattern without wildcards matches that file or everything under that folder.
        public var pattern: String
        public var hints: SourceHints

        public init(pattern: String, hints: SourceHints) {
            self.pattern = pattern
            self.hints = hints
        }

        func matches(_ path: String) -> Bool {
            if !pattern.contains(where: { "*?[".contains($0) }) {
                let folder = pattern.hasSuffix("/") ? pattern : pattern + "/"
                return path == pattern || path.hasPrefix(folder)
            }
            return fnmatch(pattern, path, 0) == 0
        }
    }

    public var entries: [Entry] = []
    /// `--currency` / `--country` from the command line: the weakest stated hints, used for every input where
    /// neither the source itself nor a configuration entry says otherwise.
    public var commandLine = SourceHints()

    public init(entries: [Entry] = []) { self.entries = entries }

    /// The hints for the input at `path`: the first matching entry wins for each hint.
    public func hints(for path: String) -> SourceHints {
        var hints = SourceHints()
        for entry in entries where entry.matches(path) {
            hints = hints.filling(from: Self.stating(entry.hints, .sourceConfig, "the configuration for \(entry.pattern)"))
        }
        return hints.filling(from: Self.stating(commandLine, .commandLine, "the command line"))
    }

    /// `hints` with its currency and country also as stated evidence, so a price they decide names where from.
    private static func stating(_ hints: SourceHints, _ basis: CurrencyEvidence.Basis, _ source: String) -> SourceHints {
        var stated = hints
        if let currency = hints.currency { stated.currencyEvidence.append(CurrencyEvidence(basis, currency: currency, detail: "\(source): currency \(currency)")) }
        if let country = hints.country { stated.currencyEvidence.append(CurrencyEvidence(basis, country: country, detail: "\(source): country \(country)")) }
        return stated
    }
}
