import ArgumentParser
import Foundation
import KatalogCore
import KatalogPipeline
import KatalogWriters

/// `katalog import`: reads the inputs and writes the catalog, the rejects and the report (see README.md).
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
