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
        4 the output folder cannot be written), 5 the state cannot be used (not a Katalog state, newer \
        schema, damaged, or held by another sync), and 6 the night would take more records out of the catalog than \
        --max-removed allows; with 4, 5 and 6 the previous outputs and state are left untouched.
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

    @Flag(name: .long, help: "Write catalog.json indented, one field per line, for reading (default: one record per line), as for import.")
    var pretty = false

    @Flag(name: .long, help: "Exit 1 when a file gave records but imported none of them (file.nothing-imported).")
    var strict = false

    @Flag(name: .long, help: "Read every file, even those unchanged since the last run (whose records are otherwise taken from the state).")
    var full = false

    @Option(name: .long, help: ArgumentHelp("Refuse a night that takes more of last night's records out of the catalog (removed or now rejected) than this: a count (500) or a share (20%). Nothing is written then, the state is unchanged, and the exit code is 6 (default: no limit).", valueName: "N|P%"))
    var maxRemoved: String?

    @Flag(name: .long, help: "Also merge tonight's records across sources into merged.jsonl and merge-report.json (as `katalog merge`).")
    var merge = false

    @Option(name: .long, help: ArgumentHelp("With --merge: source classes best first, of feed, structured, text.", valueName: "list"))
    var precedence: String?

    func validate() throws {
        try input.requireInputs()
        if let outputs, CatalogOutput.Files(names: outputs) == nil {
            throw ValidationError("--outputs takes a comma-separated list of json, jsonl, csv, rejects, report (got \"\(outputs)\").")
        }
        if let identity, IdentityChain(names: identity) == nil {
            throw ValidationError("--identity takes a comma-separated list of sku, gtin, mpn, fingerprint (got \"\(identity)\").")
        }
        if let maxRemoved, RemovalLimit(maxRemoved) == nil {
            throw ValidationError("--max-removed takes a number of records (500) or a share of last night's records up to 100% (20%) (got \"\(maxRemoved)\").")
        }
        if let precedence, SourcePrecedence(names: precedence) == nil {
            throw ValidationError("--precedence takes a comma-separated list of feed, structured, text (got \"\(precedence)\").")
        }
        if merge, let outputs, CatalogOutput.Files(names: outputs)?.contains(.jsonLines) == false {
            throw ValidationError("--merge reads tonight's catalog.jsonl: add jsonl to --outputs.")
        }
    }

    func run() throws {
        AllocatorTuning.apply()
        var pipeline = try input.pipeline()
        pipeline.conversion = try conversion.conversion()
        let options = CatalogSync.Options(
            files: outputs.flatMap(CatalogOutput.Files.init(names:)) ?? .all,
            layout: pretty ? .pretty : .compact,
            identity: identity.flatMap(IdentityChain.init(names:)) ?? .standard,
            full: full,
            settings: settingsFingerprint(),
            maxRemoved: maxRemoved.flatMap(RemovalLimit.init)
        )
        let outcome: CatalogSync.Outcome
        do {
            outcome = try CatalogSync.run(input.inputs, state: state, outputDirectory: URL(fileURLWithPath: out), pipeline: pipeline, options: options)
        } catch let error as StateUnusable {
            throw exitWith(.stateUnusable, "\(error)")
        } catch let error as RemovalLimit.Exceeded {
            throw exitWith(.tooManyRemovals, "\(error)")
        } catch {
            throw exitWith(.outputFailure, "\(error)")
        }
        let report = outcome.report
        FileHandle.standardError.write(Data((CatalogImport.summaryLine(report, output: out) + "\n" + Self.changeLine(outcome.changes) + "\n").utf8))
        if merge {
            let folder = URL(fileURLWithPath: out)
            let order = precedence.flatMap(SourcePrecedence.init(names:)) ?? .standard
            let summary = try MergeCommand.merge([folder.appendingPathComponent("catalog.jsonl").path], into: folder, precedence: order)
            FileHandle.standardError.write(Data("katalog: \(summary.records) records merged into \(summary.products) products (\(summary.joined) from several records)\n".utf8))
        }
        if !report.unreadableFiles.isEmpty { throw ExitCode(ExitStatus.unreadableInput.rawValue) }
        if strict && !report.filesWithNothingImported.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    /// Everything besides an input's bytes that decides its records: this build of Katalog (its executable's bytes),
    /// the dictionary, configuration and rates files, and the options that change normalization. A file is taken
    /// from the state only when this is the same as when it was stored.
    func settingsFingerprint() -> String {
        var parts = [
            "currency=\(input.currency ?? "")", "country=\(input.country ?? "")",
            "base=\(conversion.baseCurrency ?? "")", "rates-date=\(conversion.ratesDate ?? "")",
        ]
        let files = [("katalog", "/proc/self/exe"), ("labels", input.labels), ("config", input.config), ("rates", conversion.rates)]
        for (name, path) in files {
            guard let path else { parts.append("\(name)=none"); continue }
            let hash = CatalogSync.contentHash(of: path) ?? "unreadable"
            parts.append("\(name)=\(hash)")
        }
        return parts.joined(separator: ";")
    }

    static func changeLine(_ changes: ChangeSummary) -> String {
        let skipped = changes.skippedFiles.isEmpty ? "" : "; \(changes.skippedFiles.count) unchanged file\(changes.skippedFiles.count == 1 ? "" : "s") taken from the state"
        if changes.firstRun { return "katalog: first run: \(changes.added) records added to the state" + skipped }
        return "katalog: changes since the last run: \(changes.added) added, \(changes.changed) changed, \(changes.renamed) renamed, "
            + "\(changes.removed) removed, \(changes.rejected) now rejected, \(changes.unchanged) unchanged"
            + (changes.kept == 0 ? "" : ", \(changes.kept) kept (their file or folder could not be read)") + skipped
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "The changes between two catalog.jsonl files, as changes.jsonl lines (for jobs that keep no state).",
        discussion: """
        Records are matched by the same identity chain as `sync`; each catalog's sources are named relative to the \
        folder its files share. Exit codes: 0 no changes, 1 changes found (like diff(1)), 2 usage error, 3 a \
        catalog cannot be read or is not a Katalog catalog.jsonl, 4 --out cannot be written.
        """
    )

    @Argument(help: "The older catalog.jsonl.") var old: String
    @Argument(help: "The newer catalog.jsonl.") var new: String

    @Option(name: .long, help: ArgumentHelp("Write the changes to this file (atomically) instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("The identity chain, as for sync.", valueName: "steps"))
    var identity: String?

    func validate() throws {
        if let identity, IdentityChain(names: identity) == nil {
            throw ValidationError("--identity takes a comma-separated list of sku, gtin, mpn, fingerprint (got \"\(identity)\").")
        }
    }

    func run() throws {
        let chain = identity.flatMap(IdentityChain.init(names:)) ?? .standard
        let destination = out.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("katalog-diff-\(UUID().uuidString).jsonl")
        let summary: ChangeSummary
        do {
            let output = try AtomicFile(destination: destination)
            do {
                summary = try CatalogDiff.run(old: old, new: new, output: output, identity: chain)
                try output.seal()
                try output.commit()
            } catch {
                output.discard()
                throw error
            }
        } catch let error as CatalogFileError {
            throw exitWith(.unreadableInput, "\(error)")
        } catch let error as StateUnusable {
            throw exitWith(.outputFailure, "cannot stage the catalogs: \(error.reason)")
        } catch {
            throw exitWith(.outputFailure, "\(error)")
        }
        if out == nil {
            defer { try? FileManager.default.removeItem(at: destination) }
            FileHandle.standardOutput.write(try Data(contentsOf: destination))
        }
        let line = "katalog: \(summary.added) added, \(summary.changed) changed, \(summary.renamed) renamed, \(summary.removed) removed, \(summary.unchanged) unchanged"
        FileHandle.standardError.write(Data((line + "\n").utf8))
        if summary.added + summary.changed + summary.renamed + summary.removed + summary.rejected > 0 { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the records of catalog.jsonl files that are the same product (same valid GTIN, else brand + MPN) into merged.jsonl.",
        discussion: """
        Each field comes from the source whose origin ranks best (--precedence; default feed,structured,text: a \
        structured feed over a page's structured data over a page's text), ties broken by file and record id, so \
        the result does not depend on the order of the inputs. Writes merged.jsonl (ordered by merge key) and \
        merge-report.json. See docs/sync.md. Exit codes: 0 written, 2 usage error, 3 a catalog cannot be read or \
        is not a Katalog catalog.jsonl, 4 the output folder cannot be written.
        """
    )

    @Argument(help: "catalog.jsonl files (of one run or several, in any order); - reads catalog lines from stdin (as a reducer behind RDD.pipe).") var catalogs: [String]

    @Option(name: .long, help: ArgumentHelp("Folder to write merged.jsonl and merge-report.json into (created if missing); - writes the merged lines to stdout and the counts to stderr.", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Source classes best first, of feed, structured, text.", valueName: "list"))
    var precedence: String?

    func validate() throws {
        if catalogs.isEmpty { throw ValidationError("Give at least one catalog.jsonl.") }
        if let precedence, SourcePrecedence(names: precedence) == nil {
            throw ValidationError("--precedence takes a comma-separated list of feed, structured, text (got \"\(precedence)\").")
        }
    }

    func run() throws {
        let order = precedence.flatMap(SourcePrecedence.init(names:)) ?? .standard
        let inputs = catalogs.map { $0 == "-" ? "/dev/stdin" : $0 }
        if out == "-" {
            let summary: CatalogMerge.Summary
            do {
                summary = try CatalogMerge.run(inputs, output: FileDescriptorStream(FileHandle.standardOutput), precedence: order)
            } catch let error as CatalogFileError {
                throw exitWith(.unreadableInput, "\(error)")
            }
            FileHandle.standardError.write(Data("katalog: \(summary.records) records merged into \(summary.products) products (\(summary.joined) from several records)\n".utf8))
            return
        }
        let summary = try Self.merge(inputs, into: URL(fileURLWithPath: out), precedence: order)
        FileHandle.standardError.write(Data("katalog: \(summary.records) records merged into \(summary.products) products (\(summary.joined) from several records) → \(out)\n".utf8))
    }

    /// Writes merged.jsonl and merge-report.json into `folder`, both atomically, mapping failures to exit codes.
    static func merge(_ catalogs: [String], into folder: URL, precedence: SourcePrecedence) throws -> CatalogMerge.Summary {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let merged = try AtomicFile(destination: folder.appendingPathComponent("merged.jsonl"))
            let report = try AtomicFile(destination: folder.appendingPathComponent("merge-report.json"))
            do {
                let summary = try CatalogMerge.run(catalogs, output: merged, precedence: precedence)
                try report.write(bytes: CatalogMerge.report(summary, precedence: precedence))
                for file in [merged, report] { try file.seal() }
                for file in [merged, report] { try file.commit() }
                return summary
            } catch {
                merged.discard()
                report.discard()
                throw error
            }
        } catch let error as CatalogFileError {
            throw exitWith(.unreadableInput, "\(error)")
        } catch {
            throw exitWith(.outputFailure, "\(error)")
        }
    }
}

/// Says `message` on stderr (as `katalog: …`) and gives the exit code to throw.
func exitWith(_ status: ExitStatus, _ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("katalog: \(message)\n".utf8))
    return ExitCode(status.rawValue)
}
