import Foundation
import KatalogCore
import Yams

/// Turns the YAML of a configuration file into a `KatalogConfiguration`, strictly: every key must be known and
/// every value of the right kind, and each error points at its line and column.
struct ConfigurationParser {
    let file: String
    /// The keys, currencies and units the configuration may name.
    let tables: NormalizationTables

    static let topKeys = ["katalog", "rules", "reject", "required", "limits", "sources"]
    static let ruleKeys = ["severity", "enabled"]
    static let limitKeys = ["title_max", "description_max", "max_dimension_mm", "max_weight_g"]
    static let sourceKeys = ["path", "currency", "country", "language", "units"]
    static let unitKeys = ["length", "weight"]

    func parse(_ text: String) throws -> KatalogConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error)
        }
        var configuration = KatalogConfiguration()
        guard let root else { throw ConfigurationError(file: file, line: 1, column: 1, message: "the configuration file is empty; it must start with `katalog: 1`") }
        let top = try mapping(root, at: "the configuration")
        guard let version = top.first(where: { $0.key == "katalog" }) else {
            throw error(at: root, "the configuration must start with `katalog: 1` (the format version)")
        }
        guard version.value.int == 1 else { throw error(at: version.value, "unsupported configuration version \"\(version.value.string ?? "")\"; this Katalog reads version 1") }
        for (key, value, keyNode) in top {
            switch key {
            case "katalog": continue
            case "rules": try parseRules(value, into: &configuration)
            case "reject":
                configuration.policy.rejecting = Set(try codes(value, at: "reject"))
            case "required":
                let fields = try strings(value, at: "required")
                for (field, node) in fields where !RuleSettings.checkableFields.contains(field) && tables.keys[field] == nil {
                    throw error(at: node, "unknown field \"\(field)\" in required (expected a canonical key such as \(RuleSettings.checkableFields.prefix(6).joined(separator: ", ")))")
                }
                configuration.settings.requiredFields = fields.map(\.0)
            case "limits": try parseLimits(value, into: &configuration.settings)
            case "sources": configuration.sources = try parseSources(value)
            default: throw unknownKey(key, at: keyNode, in: "the configuration", expected: Self.topKeys)
            }
        }
        return configuration
    }

    // MARK: - Sections

    private func parseRules(_ node: Node, into configuration: inout KatalogConfiguration) throws {
        for (name, value, keyNode) in try mapping(node, at: "rules") {
            guard let code = RuleCatalog.code(named: name) else {
                throw error(at: keyNode, "unknown rule \"\(name)\" in rules\(suggestion(name, among: RuleCatalog.all.map(\.code.rawValue))); `katalog rules` lists them")
            }
            if case .scalar = value {
                // Shorthand: `code: error|warning|info|off|on`.
                let word = value.string ?? ""
                if ["off", "false", "no"].contains(word) { configuration.policy.disabled.insert(code); continue }
                if ["on", "true", "yes"].contains(word) { continue }
                configuration.policy.severityOverrides[code] = try severity(value, at: "rules.\(code)")
                continue
            }
            for (key, entry, entryKey) in try mapping(value, at: "rules.\(code)") {
                switch key {
                case "severity": configuration.policy.severityOverrides[code] = try severity(entry, at: "rules.\(code).severity")
                case "enabled":
                    guard let enabled = entry.bool else { throw error(at: entry, "rules.\(code).enabled must be true or false") }
                    if !enabled { configuration.policy.disabled.insert(code) }
                default: throw unknownKey(key, at: entryKey, in: "rules.\(code)", expected: Self.ruleKeys)
                }
            }
        }
    }

    private func parseLimits(_ node: Node, into settings: inout RuleSettings) throws {
        for (key, value, keyNode) in try mapping(node, at: "limits") {
            guard let number = value.int, number > 0 else {
                if Self.limitKeys.contains(key) { throw error(at: value, "limits.\(key) must be a whole number above 0") }
                throw unknownKey(key, at: keyNode, in: "limits", expected: Self.limitKeys)
            }
            switch key {
            case "title_max": settings.titleMaxLength = number
            case "description_max": settings.descriptionMaxLength = number
            case "max_dimension_mm": settings.maxDimensionMillimetres = Decimal(number)
            case "max_weight_g": settings.maxWeightGrams = Decimal(number)
            default: throw unknownKey(key, at: keyNode, in: "limits", expected: Self.limitKeys)
            }
        }
    }

    private func parseSources(_ node: Node) throws -> SourceDefaults {
        guard case .sequence(let sequence) = node else { throw error(at: node, "sources must be a list of `- path: …` entries") }
        var defaults = SourceDefaults()
        for (index, item) in sequence.enumerated() {
            let at = "sources[\(index + 1)]"
            var pattern: String?
            var hints = SourceHints()
            for (key, value, keyNode) in try mapping(item, at: at) {
                switch key {
                case "path": pattern = try scalar(value, at: "\(at).path")
                case "currency":
                    let code = try scalar(value, at: "\(at).currency").uppercased()
                    guard tables.currencies.isKnown(code) else { throw error(at: value, "\(at).currency \"\(code)\" is not an ISO 4217 currency Katalog knows") }
                    hints.currency = code
                case "country":
                    let country = try scalar(value, at: "\(at).country").uppercased()
                    guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw error(at: value, "\(at).country must be a two-letter ISO 3166 code such as LT") }
                    hints.country = country
                case "language":
                    let language = try scalar(value, at: "\(at).language").lowercased()
                    guard LabelDictionary.isLanguageTag(language) else { throw error(at: value, "\(at).language must be a language code such as lt") }
                    hints.language = language
                case "units":
                    for (dimension, unitNode, unitKey) in try mapping(value, at: "\(at).units") {
                        let spelling = try scalar(unitNode, at: "\(at).units.\(dimension)")
                        switch dimension {
                        case "length":
                            guard tables.units.unit(spelling, in: .length) != nil else { throw error(at: unitNode, "\(at).units.length \"\(spelling)\" is not a length unit (mm, cm, m, in)") }
                            hints.lengthUnit = spelling
                        case "weight":
                            guard tables.units.unit(spelling, in: .mass) != nil else { throw error(at: unitNode, "\(at).units.weight \"\(spelling)\" is not a weight unit (g, kg, lb, oz)") }
                            hints.weightUnit = spelling
                        default: throw unknownKey(dimension, at: unitKey, in: "\(at).units", expected: Self.unitKeys)
                        }
                    }
                default: throw unknownKey(key, at: keyNode, in: at, expected: Self.sourceKeys)
                }
            }
            guard let pattern else { throw error(at: item, "\(at) needs a `path:` pattern saying which inputs it applies to") }
            defaults.entries.append(SourceDefaults.Entry(pattern: pattern, hints: hints))
        }
        return defaults
    }

    // MARK: - Values

    private func mapping(_ node: Node, at path: String) throws -> [(key: String, value: Node, keyNode: Node)] {
        guard case .mapping(let mapping) = node else { throw error(at: node, "\(path) must be a mapping of `key: value` lines") }
        var seen = Set<String>()
        var pairs: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(at: keyNode, "keys in \(path) must be plain words") }
            guard seen.insert(key).inserted else { throw error(at: keyNode, "\"\(key)\" appears twice in \(path)") }
            pairs.append((key, value, keyNode))
        }
        return pairs
    }

    private func scalar(_ node: Node, at path: String) throws -> String {
        guard case .scalar = node, let string = node.string, !string.isEmpty else { throw error(at: node, "\(path) must be a single value") }
        return string
    }

    private func strings(_ node: Node, at path: String) throws -> [(String, Node)] {
        guard case .sequence(let sequence) = node else { throw error(at: node, "\(path) must be a list such as [gtin, brand]") }
        return try sequence.map { (try scalar($0, at: path), $0) }
    }

    private func codes(_ node: Node, at path: String) throws -> [FindingCode] {
        try strings(node, at: path).map { name, codeNode in
            guard let code = RuleCatalog.code(named: name) else { throw error(at: codeNode, "unknown rule \"\(name)\" in \(path)\(suggestion(name, among: RuleCatalog.all.map(\.code.rawValue)))") }
            return code
        }
    }

    private func severity(_ node: Node, at path: String) throws -> Severity {
        guard let word = node.string, let severity = Severity(rawValue: word) else {
            throw error(at: node, "\(path) must be error, warning or info (or off to disable the rule)")
        }
        return severity
    }

    // MARK: - Errors

    private func error(at node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    private func unknownKey(_ key: String, at node: Node, in path: String, expected: [String]) -> ConfigurationError {
        error(at: node, "unknown key \"\(key)\" in \(path)\(suggestion(key, among: expected)) (expected: \(expected.joined(separator: ", ")))")
    }

    private func yamlError(_ yamlError: YamlError) -> ConfigurationError {
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return ConfigurationError(file: file, message: "not valid YAML: \(yamlError)")
        }
    }

    /// `; did you mean "severity"?` when a known word is one or two edits away.
    private func suggestion(_ word: String, among candidates: [String]) -> String {
        let best = candidates.map { ($0, Self.distance(word, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= 2 else { return "" }
        return "; did you mean \"\(best.0)\"?"
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
