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
    /// `sync`: the night would take more records out of the catalog than `--max-removed` allows.
    case tooManyRemovals = 6
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
            InterruptCleanup.install()
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
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var tables = NormalizationTables.builtIn(decodingOn: jobs)
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
        var pipeline = ImportPipeline(tables: tables, jobs: jobs)
        pipeline.shard = shardIndex
        try applyConfiguration(to: &pipeline)
        pipeline.sourceDefaults.commandLine = SourceHints(country: country?.uppercased(), currency: currency?.uppercased())
        return pipeline
    }
}
