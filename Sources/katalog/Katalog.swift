import ArgumentParser
import Foundation
import KatalogCore
import KatalogPipeline
import KatalogWriters

/// Exit codes, documented in README.md.
enum ExitStatus: Int32 {
    case success = 0
    case findings = 1
    case usage = 2
    case unreadableInput = 3
    case outputFailure = 4
    /// `sync`: the state database cannot be used.
    case stateUnusable = 5
}

@main
struct Katalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "katalog",
        abstract: "Import product catalogs (text pages, HTML, CSV/TSV, XML feeds, JSON) into one canonical catalog.",
        subcommands: [ImportCommand.self, SyncCommand.self, DiffCommand.self, MergeCommand.self, MapCommand.self, ValidateCommand.self, RulesCommand.self, ReportCommand.self, ExplainCommand.self]
    )

    /// Parses, runs, and exits with the documented codes (ArgumentParser's own usage code is 64; ours is 2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            let isUsage = code == .validationFailure || error is ValidationError
            Foundation.exit(isUsage ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}

/// Options shared by commands that read inputs.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files or folders to read. Folders are walked recursively in sorted order.")
    var inputs: [String] = []

    @Option(name: .long, help: ArgumentHelp("A dictionary file (labels and value vocabularies) merged over the built-in one.", valueName: "file"))
    var labels: String?

    @Option(name: .long, help: ArgumentHelp("A configuration file (YAML): rule severities, rejection policy, required fields, per-source defaults. See docs/validate.md.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Files processed in parallel (default: the number of cores). Output is the same for any value.")
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("ISO 4217 currency of prices that name none, for every input where neither the source nor the configuration says otherwise (e.g. USD).", valueName: "code"))
    var currency: String?

    @Option(name: .long, help: ArgumentHelp("ISO 3166 country of the inputs (e.g. SE): decides shared symbols (kr, $) and bare prices where the source says nothing.", valueName: "code"))
    var country: String?

    /// Commands that need inputs call this from their `validate()` (`map` may read them from stdin instead).
    func requireInputs() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one input file or folder.") }
    }

    @Option(name: .long, help: ArgumentHelp("Read only every n-th input file, from the k-th (0-based), of the files found in order: one machine's share (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX/n).", valueName: "k/n"))
    var shard: String?

    /// `--shard k/n` as numbers.
    var shardIndex: (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (0..<parts[1]).contains(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }

    func validate() throws {
        if shard != nil && shardIndex == nil { throw ValidationError("--shard takes k/n with 0 ≤ k < n, e.g. 0/4.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let currency, !CurrencyTable.builtIn.isKnown(currency.uppercased()) {
            throw ValidationError("--currency \(currency) is not an ISO 4217 currency code Katalog knows (e.g. EUR, USD, PLN).")
        }
        if let country, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw ValidationError("--country must be a two-letter ISO 3166 code such as SE.")
        }
    }

    func pipeline() throws -> ImportPipeline {
        var tables = NormalizationTables.builtIn
        if let labels {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: labels))
            } catch {
                throw ValidationError("Cannot read the dictionary file \(labels): \((error as NSError).localizedDescription)")
            }
            do {
                tables = tables.merging(userFile: try JSONDecoder().decode(LabelDictionary.File.self, from: data))
            } catch {
                throw ValidationError("The dictionary file \(labels) is not valid: \(error)")
            }
        }
        var pipeline = ImportPipeline(tables: tables, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        pipeline.shard = shardIndex
        try applyConfiguration(to: &pipeline)
        pipeline.sourceDefaults.commandLine = SourceHints(country: country?.uppercased(), currency: currency?.uppercased())
        return pipeline
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read inputs and write catalog.json, catalog.jsonl, catalog.csv, rejects.jsonl and report.json.",
        discussion: """
        Exit codes: 0 the catalog was written; 1 with --strict, a file imported nothing; 2 usage error; 3 an input could not be read (the others were \
        imported and the catalog was written); 4 the output folder could not be written (previous outputs are \
        left untouched).
        """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var conversion: ConversionOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write the catalog into (created if missing).", valueName: "dir"))
    var out: String

    @Flag(name: .long, help: "Exit 1 when a file gave records but imported none of them (file.nothing-imported); the catalog is still written.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("The files to write, comma-separated, of json (catalog.json), jsonl, csv, rejects, report (default: all five). A nightly job that reads catalog.jsonl can skip the rest: --outputs jsonl,rejects,report.", valueName: "list"))
    var outputs: String?

    @Flag(name: .long, help: "Write catalog.json indented, one field per line, for reading (default: one record per line, each the record's catalog.jsonl line).")
    var pretty = false

    @OptionGroup var htmlReport: HTMLReportOptions

    @OptionGroup var partitions: PartitionOptions

    func validate() throws {
        try input.requireInputs()
        if let outputs, CatalogOutput.Files(names: outputs) == nil {
            throw ValidationError("--outputs takes a comma-separated list of json, jsonl, csv, rejects, report (got \"\(outputs)\").")
        }
        try htmlReport.validate(outputs: outputs.flatMap(CatalogOutput.Files.init(names:)))
    }

    func run() throws {
        AllocatorTuning.apply()
        var pipeline = try input.pipeline()
        pipeline.conversion = try conversion.conversion()
        let report: ImportReport
        do {
            let files = outputs.flatMap(CatalogOutput.Files.init(names:)) ?? .all
            report = try CatalogImport.run(input.inputs, outputDirectory: URL(fileURLWithPath: out), pipeline: pipeline, files: files,
                                           layout: pretty ? .pretty : .compact, partitioning: partitions.partitioning)
        } catch {
            FileHandle.standardError.write(Data("katalog: \(error)\n".utf8))
            throw ExitCode(ExitStatus.outputFailure.rawValue)
        }
        FileHandle.standardError.write(Data((CatalogImport.summaryLine(report, output: out) + "\n").utf8))
        try htmlReport.write(into: out)
        if !report.unreadableFiles.isEmpty {
            throw ExitCode(ExitStatus.unreadableInput.rawValue)
        }
        if strict && !report.filesWithNothingImported.isEmpty {
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }
}

/// `--rates <file> --base-currency EUR [--rates-date YYYY-MM-DD]`: convert every price with ECB reference rates.
struct ConversionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("ECB euro reference-rates XML (daily or historical) to convert prices with.", valueName: "file"))
    var rates: String?

    @Option(name: .long, help: ArgumentHelp("Currency to convert prices into (default EUR). Needs --rates.", valueName: "code"))
    var baseCurrency: String?

    @Option(name: .long, help: ArgumentHelp("Use the newest rates on or before this day of a historical file.", valueName: "YYYY-MM-DD"))
    var ratesDate: String?

    func validate() throws {
        if rates == nil && (baseCurrency != nil || ratesDate != nil) {
            throw ValidationError("--base-currency and --rates-date need --rates <file>.")
        }
        if let ratesDate, ratesDate.count != 10 || ratesDate.split(separator: "-").count != 3 {
            throw ValidationError("--rates-date must be a day written YYYY-MM-DD.")
        }
    }

    /// The conversion step, or nil without --rates. A rates file that cannot be used is a usage error.
    func conversion() throws -> PriceConversion? {
        guard let rates else { return nil }
        do {
            return try ExchangeRatesLoading.conversion(ratesPath: rates, baseCurrency: baseCurrency ?? "EUR", on: ratesDate)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
