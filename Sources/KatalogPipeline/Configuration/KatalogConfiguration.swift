import Foundation
import KatalogCore

/// What a configuration file (`katalog.yml`) sets: rule severities and disabled rules, the rejection policy,
/// required fields, limits, and per-source defaults. See `docs/validate.md` for the format.
public struct KatalogConfiguration: Sendable, Hashable {
    public var policy = FindingPolicy()
    public var settings = RuleSettings()
    public var sources = SourceDefaults()

    public init() {}

    /// Reads and checks the configuration at `path`. Throws `ConfigurationError` (with line and column) for
    /// unreadable files, bad YAML, unknown keys, unknown rule codes and values of the wrong kind; keys, currencies
    /// and units are checked against `tables`.
    public static func load(path: String, tables: NormalizationTables = .builtIn) throws -> KatalogConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, message: "cannot read the configuration file: \((error as NSError).localizedDescription)")
        }
        return try ConfigurationParser(file: path, tables: tables).parse(text)
    }

    /// The validator this configuration describes, over the normalizer's `tables`.
    public func validator(tables: NormalizationTables = .builtIn) -> RecordValidator {
        RecordValidator(policy: policy, settings: settings, tables: tables)
    }

    /// True when the file at `path` is a Katalog configuration file rather than a product source: named
    /// `katalog.yml`/`katalog.yaml`, or a `.yml`/`.yaml` file whose first key is `katalog:`.
    public static func looksLikeConfiguration(path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        if name == "katalog.yml" || name == "katalog.yaml" || name == ".katalog.yml" { return true }
        guard name.hasSuffix(".yml") || name.hasSuffix(".yaml"), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: 4096)) ?? Data()
        let text = String(decoding: prefix, as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---" { continue }
            return trimmed.hasPrefix("katalog:")
        }
        return false
    }
}
