import ArgumentParser
import Foundation
import KatalogReport
import KatalogWriters

/// `katalog import … --html`: also write report.html once the run's files are in place.
struct HTMLReportOptions: ParsableArguments {
    @Flag(name: .long, help: "Also write report.html: a self-contained review page built from catalog.jsonl, rejects.jsonl and report.json.")
    var html = false

    /// `--html` reads the run's catalog.jsonl and report.json, so `--outputs` must keep them.
    func validate(outputs: CatalogOutput.Files?) throws {
        guard html, let outputs, !outputs.isSuperset(of: [.jsonLines, .report]) else { return }
        throw ValidationError("--html builds report.html from catalog.jsonl and report.json: add jsonl,report to --outputs.")
    }

    /// Writes report.html into `out` when `--html` was given; a failure is an output failure (exit 4).
    func write(into out: String) throws {
        guard html else { return }
        try ReportCommand.writeReport(in: out)
    }
}

/// `katalog report <out dir>`: (re)build report.html from the outputs of an earlier run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html into an output folder from its catalog.jsonl, rejects.jsonl and report.json.",
        discussion: "Exit codes: 0 written; 2 the folder does not hold a run's outputs; 4 report.html could not be written."
    )

    @Argument(help: ArgumentHelp("The folder a `katalog import --out` run wrote.", valueName: "out dir"))
    var outputDirectory: String

    func run() throws {
        try Self.writeReport(in: outputDirectory)
    }

    static func writeReport(in directory: String) throws {
        let url: URL
        do {
            url = try ReportPage.write(outputDirectory: URL(fileURLWithPath: directory))
        } catch let error as RunOutputs.ReadError {
            FileHandle.standardError.write(Data("katalog: \(error)\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        } catch {
            FileHandle.standardError.write(Data("katalog: \(error)\n".utf8))
            throw ExitCode(ExitStatus.outputFailure.rawValue)
        }
        FileHandle.standardError.write(Data("katalog: wrote \(url.path)\n".utf8))
    }
}

/// `katalog explain <record id or sku> <out dir>`: the provenance of one record, in the terminal.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print where each field of a record came from (origin, line, label, raw and normalized value, assumption).",
        discussion: "Looks the record up by id (file#record) or SKU in the folder's catalog.jsonl and rejects.jsonl. Exit codes: 0 found; 2 not found (close matches are listed) or the folder holds no run's outputs."
    )

    @Argument(help: ArgumentHelp("A record id such as Samples/text/000_6e65ef817e1cc529.txt#1, or a SKU.", valueName: "record id or sku"))
    var record: String

    @Argument(help: ArgumentHelp("The folder a `katalog import --out` run wrote.", valueName: "out dir"))
    var outputDirectory: String

    func run() throws {
        let lookup: Explanation.Lookup
        do {
            lookup = try Explanation.lookup(record, in: RunOutputs(directory: URL(fileURLWithPath: outputDirectory)))
        } catch {
            FileHandle.standardError.write(Data("katalog: \(error)\n".utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        switch lookup {
        case .found(let text):
            print(text, terminator: "")
        case .notFound(let close):
            var message = "katalog: no record with id or SKU \"\(record)\" in \(outputDirectory)\n"
            if !close.isEmpty {
                message += "close matches:\n" + close.map { "  \($0)\n" }.joined()
            }
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
