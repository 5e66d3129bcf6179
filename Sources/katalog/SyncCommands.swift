import ArgumentParser
import Foundation
import KatalogPipeline
import KatalogSync
import KatalogWriters

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Import like `import`, then compare with the last run's state: changes.jsonl and a `changes` section in report.json.",
        discussion: """
        The state (--state, an SQLite file created on the first run) holds last night's records. Each record is \
        recognised by its identity key: source + sku, else valid GTIN, else brand + MPN, else a fingerprint of \
        title, URL and brand (--identity to change the chain). See docs/sync.md.

        Exit codes: as `import` (0 written, 1 with --strict a file imported nothing, 2 usage, 3 an input unreadable, \
        4 the output folder cannot be written), and 5 the state cannot be used (not a Katalog state, newer \
        schema, damaged, or held by another sync); with 4 and 5 the previous outputs and state are left untouched.
        """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var conversion: ConversionOptions

    @Option(name: .long, help: ArgumentHelp("The state database (SQLite); created on the first run.", valueName: "file"))
    var state: String

    @Option(name: .long, help: ArgumentHelp("Folder to write the catalog and changes.jsonl into (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("The identity chain, comma-separated steps of sku, gtin, mpn, fingerprint (default: sku,gtin,mpn,fingerprint; the fingerprint always ends it).", valueName: "steps"))
    var identity: String?

    @Option(name: .long, help: ArgumentHelp("The catalog files to write, as for import (default: all five). changes.jsonl is always written.", valueName: "list"))
    var outputs: String?

    @Flag(name: .long, help: "Exit 1 when a file gave records but imported none of them (file.nothing-imported).")
    var strict = false

    func validate() throws {
        if let outputs, CatalogOutput.Files(names: outputs) == nil {
            throw ValidationError("--outputs takes a comma-separated list of json, jsonl, csv, rejects, report (got \"\(outputs)\").")
        }
        if let identity, IdentityChain(names: identity) == nil {
            throw ValidationError("--identity takes a comma-separated list of sku, gtin, mpn, fingerprint (got \"\(identity)\").")
        }
    }

    func run() throws {
        AllocatorTuning.apply()
        var pipeline = try input.pipeline()
        pipeline.conversion = try conversion.conversion()
        let options = CatalogSync.Options(
            files: outputs.flatMap(CatalogOutput.Files.init(names:)) ?? .all,
            identity: identity.flatMap(IdentityChain.init(names:)) ?? .standard
        )
        let outcome: CatalogSync.Outcome
        do {
            outcome = try CatalogSync.run(input.inputs, state: state, outputDirectory: URL(fileURLWithPath: out), pipeline: pipeline, options: options)
        } catch let error as StateUnusable {
            FileHandle.standardError.write(Data("katalog: \(error)\n".utf8))
            throw ExitCode(ExitStatus.stateUnusable.rawValue)
        } catch {
            FileHandle.standardError.write(Data("katalog: \(error)\n".utf8))
            throw ExitCode(ExitStatus.outputFailure.rawValue)
        }
        let report = outcome.report
        FileHandle.standardError.write(Data((CatalogImport.summaryLine(report, output: out) + "\n" + Self.changeLine(outcome.changes) + "\n").utf8))
        if !report.unreadableFiles.isEmpty { throw ExitCode(ExitStatus.unreadableInput.rawValue) }
        if strict && !report.filesWithNothingImported.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    static func changeLine(_ changes: ChangeSummary) -> String {
        if changes.firstRun { return "katalog: first run: \(changes.added) records added to the state" }
        return "katalog: changes since the last run: \(changes.added) added, \(changes.changed) changed, \(changes.renamed) renamed, "
            + "\(changes.removed) removed, \(changes.rejected) now rejected, \(changes.unchanged) unchanged"
    }
}
