import Foundation

/// Maps labels as written in sources (`Prekės kodas`, `Waga brutto (kg)`, `g:price`) to canonical keys.
///
/// Built from every `Resources/labels/*.json` file (sorted by name) plus user files merged over them. A label is
/// matched in its folded form (see `TextFolding`) after a unit or currency suffix such as `(kg)`, `[cm]` or
/// `(EUR)` is taken off and returned as a hint. Tags that are ISO 639-1 codes are languages; other tags
/// (`schema.org`, `google`) name vocabularies and carry no language.
public struct LabelDictionary: Sendable {
    /// The result of looking a label up.
    public struct Match: Sendable, Hashable {
        public var key: String
        /// Languages whose label lists contain this label (empty for vocabulary tags like `schema.org`).
        public var languages: [String]
        /// A unit named in the label itself (`Svoris (kg)` → `kg`).
        public var unitHint: String?
        /// A currency named in the label itself (`Kaina (EUR)` → `EUR`).
        public var currencyHint: String?
    }

    /// A dictionary file: `{"labels": {key: {tag: [label]}}, "vocabularies": {...}}`; both sections optional.
    public struct File: Decodable, Sendable, Equatable {
        public var labels: [String: [String: [String]]]?
        public var vocabularies: [String: [String: [String: [String]]]]?

        public init(labels: [String: [String: [String]]]? = nil, vocabularies: [String: [String: [String: [String]]]]? = nil) {
            self.labels = labels
            self.vocabularies = vocabularies
        }

        /// The file read from a `ParsedJSON` tree (the bundled files; what `Decodable` gives for the same text).
        init(table: ParsedJSON) throws {
            labels = try table.optional("labels") { try $0.dictionary { try $0.dictionary { try $0.strings() } } }
            vocabularies = try table.optional("vocabularies", Self.vocabularies)
        }

        /// `{name: {canonical: {language: [word]}}}`.
        static func vocabularies(_ table: ParsedJSON) throws -> [String: [String: [String: [String]]]] {
            try table.dictionary { try $0.dictionary { try $0.dictionary { try $0.strings() } } }
        }
    }

    private struct Entry: Sendable, Hashable {
        var key: String
        var tag: String
    }

    /// Folded label → entries, the first entry winning when keys conflict.
    private var entries: [String: [Entry]] = [:]
    /// Folded label → what `lookup` gives without a platform, made when the label is added (a lookup then costs
    /// one hash instead of a filter, a set and a sort of the label's languages).
    private var plainMatches: [String: Match] = [:]

    public init() {}

    /// The built-in dictionary from the bundled resources.
    public static let builtIn: LabelDictionary = {
        var dictionary = LabelDictionary()
        for file in BundledData.labelFiles {
            dictionary.merge(file, overriding: false)
        }
        return dictionary
    }()

    /// Adds every label of `file`. With `overriding`, its entries win over existing ones for the same label.
    public mutating func merge(_ file: File, overriding: Bool) {
        var touched = Set<String>()
        for (key, byTag) in (file.labels ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (tag, labels) in byTag.sorted(by: { $0.key < $1.key }) {
                for label in labels {
                    let folded = TextFolding.fold(label)
                    guard !folded.isEmpty else { continue }
                    let entry = Entry(key: key, tag: tag)
                    Self.add(entry, to: &entries[folded, default: []], overriding: overriding)
                    touched.insert(folded)
                }
            }
        }
        for folded in touched { plainMatches[folded] = entries[folded].flatMap { Self.match(of: $0, platform: nil) } }
    }

    /// Adds `entry` to a label's list in place (no copy of the list per label).
    private static func add(_ entry: Entry, to list: inout [Entry], overriding: Bool) {
        guard !list.contains(entry) else { return }
        if overriding {
            list.removeAll { $0.key != entry.key }
            list.insert(entry, at: 0)
        } else {
            list.append(entry)
        }
    }

    /// Looks `label` up; nil when no dictionary file knows it. With a `platform` (a tag such as `shopify`), that
    /// platform's own reading of the label wins over every other (WooCommerce's `ID` is its row id, not a SKU).
    /// A suffix in parentheses is a unit hint when `units` know it, else a currency hint when `currencies` do.
    public func match(_ label: String, platform: String? = nil, units: UnitTable = .builtIn, currencies: CurrencyTable = .builtIn) -> Match? {
        let (base, suffix) = Self.splitSuffix(label)
        // A label listed whole, parentheses and all (`Price (tax excl.)`, `Body (HTML)`), means what it is listed as,
        // before its base (`Price`) is looked up.
        if let suffix, let whole = lookup(TextFolding.fold(label), platform: platform) {
            var result = whole
            if units.unit(suffix) != nil { result.unitHint = suffix }
            return result
        }
        if let match = lookup(TextFolding.fold(base), platform: platform) {
            var result = match
            if let suffix {
                if units.unit(suffix) != nil {
                    result.unitHint = suffix
                } else if let code = currencies.candidates(for: suffix).first {
                    result.currencyHint = code
                }
            }
            return result
        }
        return nil
    }

    private func lookup(_ folded: String, platform: String?) -> Match? {
        guard let platform else { return plainMatches[folded] }
        return entries[folded].flatMap { Self.match(of: $0, platform: platform) }
    }

    /// The match a label's `list` of entries gives: the first entry's key (a `platform`'s own entry first), with
    /// the languages that list the label under that key.
    private static func match(of list: [Entry], platform: String?) -> Match? {
        guard var first = list.first else { return nil }
        if let platform, let own = list.first(where: { $0.tag == platform }) { first = own }
        let languages = list.filter { $0.key == first.key && isLanguageTag($0.tag) }.map(\.tag)
        return Match(key: first.key, languages: Array(Set(languages)).sorted(), unitHint: nil, currencyHint: nil)
    }

    /// `Svoris (kg)` → (`Svoris`, `kg`); `Length [cm]` → (`Length`, `cm`).
    public static func splitSuffix(_ label: String) -> (base: String, suffix: String?) {
        let trimmed = Self.trimmingColons(label.trimmingSpaces())
        // Most labels end in a letter: no suffix to look for.
        guard let last = trimmed.utf8.last, last == UInt8(ascii: ")") || last == UInt8(ascii: "]") else { return (trimmed, nil) }
        for (open, close) in [("(", ")"), ("[", "]")] where trimmed.hasSuffix(close) {
            guard let openIndex = trimmed.lastIndex(of: Character(open)) else { continue }
            let inner = trimmed[trimmed.index(after: openIndex)..<trimmed.index(before: trimmed.endIndex)]
            let base = trimmed[..<openIndex].trimmingSpaces()
            let suffix = inner.trimmingSpaces()
            if !base.isEmpty && !suffix.isEmpty && suffix.count <= 12 { return (base, suffix) }
        }
        return (trimmed, nil)
    }

    /// `text` without colons at either end (`Weight:` → `Weight`), as `trimmingCharacters(in: ":")` would give it,
    /// without building a `CharacterSet` per label.
    static func trimmingColons(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == ":" || scalars.last == ":" else { return text }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start] == ":" { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)] == ":" { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// ISO 639-1 codes are two lower-case letters; anything else (`schema.org`, `google`) is a vocabulary tag.
    public static func isLanguageTag(_ tag: String) -> Bool {
        tag.count == 2 && tag.allSatisfy { $0.isASCII && $0.isLowercase }
    }
}

extension BundledData {
    /// The built-in label files, sorted by name so the merge order is stable. Read once: the label dictionary and
    /// the value vocabularies both use them.
    static let labelFiles: [LabelDictionary.File] = labelFileURLs().map { url in
        read(url, label: "Resources/labels/\(url.lastPathComponent)", LabelDictionary.File.init(table:))
    }

    /// The bundled `Resources/labels/*.json`, sorted by name.
    static func labelFileURLs() -> [URL] {
        guard let base = Bundle.module.url(forResource: "labels", withExtension: nil, subdirectory: "Resources") else {
            fatalError("KatalogCore resource folder Resources/labels is missing from the bundle")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path), !names.isEmpty else {
            fatalError("KatalogCore resource folder Resources/labels at \(base.path) is empty or unreadable")
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { base.appendingPathComponent($0) }
    }
}
