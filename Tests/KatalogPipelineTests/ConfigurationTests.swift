import Foundation
import KatalogCore
@testable import KatalogPipeline
import Testing

/// The configuration file: the sample loads and means what it says; every mistake is an error with its position.
struct ConfigurationTests {
    static func parse(_ yaml: String) throws -> KatalogConfiguration {
        try ConfigurationParser(file: "katalog.yml", tables: .builtIn).parse(yaml)
    }

    @Test func theSampleConfigurationLoads() throws {
        let configuration = try KatalogConfiguration.load(path: TestSupport.packageRoot.appendingPathComponent("Samples/invalid/katalog.yml").path)
        #expect(configuration.policy.severityOverrides == [.gtinRestrictedCirculation: .error, .priceAmbiguousDecimal: .error])
        #expect(configuration.policy.disabled == [.textReplacementCharacter, .labelUnmapped])
        #expect(configuration.policy.rejecting == [.recordUnidentified, .recordNoUsablePrice, .priceNegative])
        #expect(configuration.settings.requiredFields == ["brand"])
        #expect(configuration.sources.hints(for: "Samples/invalid/text/price-zero.txt").statedOnly == SourceHints(language: "lt", country: "LT"))
        #expect(configuration.sources.hints(for: "Samples/invalid/text/implausible-package.txt").statedOnly == SourceHints(lengthUnit: "mm", weightUnit: "g"))
        #expect(configuration.sources.hints(for: "Samples/text/seed.txt").statedOnly == SourceHints())
    }

    @Test func sourceDefaultsMatchFoldersAndPatterns() throws {
        let configuration = try Self.parse("""
        katalog: 1
        sources:
          - path: feeds/pl
            currency: pln
            units: { length: cm, weight: kg }
          - path: "*.tsv"
            currency: EUR
            country: lv
        """)
        #expect(configuration.sources.hints(for: "feeds/pl/produkty.csv").statedOnly == SourceHints(currency: "PLN", lengthUnit: "cm", weightUnit: "kg"))
        #expect(configuration.sources.hints(for: "feeds/plus.csv").statedOnly == SourceHints())
        #expect(configuration.sources.hints(for: "feeds/lv/preces.tsv").statedOnly == SourceHints(country: "LV", currency: "EUR"))
        // What the configuration states is also evidence, so a price it decides names it in its provenance.
        #expect(configuration.sources.hints(for: "feeds/lv/preces.tsv").currencyEvidence.map(\.basis) == [.sourceConfig, .sourceConfig])
        #expect(configuration.sources.hints(for: "feeds/pl/preces.tsv").currency == "PLN", "the first matching entry wins")
    }

    @Test(arguments: [
        ("rules: {}\n", "katalog.yml:1:1: error: the configuration must start with `katalog: 1` (the format version)"),
        ("katalog: 2\n", "katalog.yml:1:10: error: unsupported configuration version \"2\"; this Katalog reads version 1"),
        ("katalog: 1\nrulez: {}\n", "katalog.yml:2:1: error: unknown key \"rulez\" in the configuration; did you mean \"rules\"? (expected: katalog, rules, reject, required, limits, sources)"),
        ("katalog: 1\nrules:\n  gtin.checksun: warning\n", "katalog.yml:3:3: error: unknown rule \"gtin.checksun\" in rules; did you mean \"gtin.checksum\"?; `katalog rules` lists them"),
        ("katalog: 1\nrules:\n  gtin.checksum: fatal\n", "katalog.yml:3:18: error: rules.gtin.checksum must be error, warning or info (or off to disable the rule)"),
        ("katalog: 1\nrules:\n  gtin.checksum:\n    enabled: maybe\n", "katalog.yml:4:14: error: rules.gtin.checksum.enabled must be true or false"),
        ("katalog: 1\nreject: [record.unidentified, price.zer0]\n", "katalog.yml:2:31: error: unknown rule \"price.zer0\" in reject; did you mean \"price.zero\"?"),
        ("katalog: 1\nrequired: [colour_name]\n", "katalog.yml:2:12: error: unknown field \"colour_name\" in required (expected a canonical key such as title, description, sku, mpn, brand, gtin)"),
        ("katalog: 1\nlimits:\n  title_max: -5\n", "katalog.yml:3:14: error: limits.title_max must be a whole number above 0"),
        ("katalog: 1\nlimits:\n  title_length: 100\n", "katalog.yml:3:3: error: unknown key \"title_length\" in limits (expected: title_max, description_max, max_dimension_mm, max_weight_g)"),
        ("katalog: 1\nsources:\n  - currency: EUR\n", "katalog.yml:3:5: error: sources[1] needs a `path:` pattern saying which inputs it applies to"),
        ("katalog: 1\nsources:\n  - path: a\n    currency: EURO\n", "katalog.yml:4:15: error: sources[1].currency \"EURO\" is not an ISO 4217 currency Katalog knows"),
        ("katalog: 1\nsources:\n  - path: a\n    units: { length: furlong }\n", "katalog.yml:4:22: error: sources[1].units.length \"furlong\" is not a length unit (mm, cm, m, in)"),
        ("katalog: 1\nsources:\n  - path: a\n    locale: lt_LT\n", "katalog.yml:4:5: error: unknown key \"locale\" in sources[1] (expected: path, currency, country, language, units)"),
        ("katalog: 1\nrules:\n  gtin.checksum: warning\n  gtin.checksum: info\n", "katalog.yml:4:3: error: \"gtin.checksum\" appears twice in rules"),
        ("katalog: 1\nrules: [\n", "katalog.yml:3:1: error: not valid YAML: did not find expected node content"),
    ])
    func mistakesAreErrorsWithPositions(_ yaml: String, _ expected: String) {
        #expect(throws: ConfigurationError.self) { try Self.parse(yaml) }
        do {
            _ = try Self.parse(yaml)
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test func configurationFilesAreRecognisedAndSkippedDuringDiscovery() throws {
        let root = TestSupport.packageRoot.path
        #expect(KatalogConfiguration.looksLikeConfiguration(path: root + "/Samples/invalid/katalog.yml"))
        #expect(!KatalogConfiguration.looksLikeConfiguration(path: root + "/Samples/invalid/text/gtin-checksum.txt"))
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("ci-settings.yaml")
        try "# CI\n\nkatalog: 1\nrequired: [gtin]\n".write(to: other, atomically: true, encoding: .utf8)
        #expect(KatalogConfiguration.looksLikeConfiguration(path: other.path))
        let notOurs = folder.appendingPathComponent("docker-compose.yml")
        try "services:\n  web: {}\n".write(to: notOurs, atomically: true, encoding: .utf8)
        #expect(!KatalogConfiguration.looksLikeConfiguration(path: notOurs.path))
    }
}
