import ArgumentParser
import Foundation
import KatalogCore
import KatalogPipeline
import KatalogWriters

extension FindingsFormat: ExpressibleByArgument {}

/// `--fail-on`: which findings make `katalog validate` exit 1.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never

    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .never: nil
        }
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check inputs against the rule catalog without writing a catalog.",
        discussion: """
        Runs discover → read → normalize → validate with the same rules and policy as `katalog import` and prints \
        the findings. Exit codes: 0 no findings at or above --fail-on; 1 findings at or above --fail-on; 2 usage \
        error (bad flags, unreadable or invalid --config); 3 an input could not be read (takes precedence over 1). \
        See docs/validate.md and docs/rules.md.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output format: text (compiler-style lines), json, junit (JUnit XML), github (workflow annotations), sarif (SARIF 2.1.0).")
    var format: FindingsFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when there are findings at or above this severity: error, warning, or never.")
    var failOn: FailThreshold = .error

    @Option(name: .customLong("max-errors"), help: ArgumentHelp("List at most N error findings (counts stay complete).", valueName: "N"))
    var maxErrors: Int?

    @Option(name: .long, help: ArgumentHelp("Write the findings to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try input.requireInputs()
        if let maxErrors, maxErrors < 0 { throw ValidationError("--max-errors must be 0 or more.") }
    }

    func run() throws {
        AllocatorTuning.apply()
        let pipeline = try input.pipeline()
        let document = CatalogValidation.run(input.inputs, pipeline: pipeline, threshold: failOn.severity, maxErrors: maxErrors)
        let rendered = format.render(document)
        if let output {
            do {
                // Written to a temporary file and renamed into place; a device or pipe (`/dev/stdout`) in place.
                let file = try AtomicFile(destination: URL(fileURLWithPath: output))
                try file.write(rendered)
                try file.commit()
            } catch {
                FileHandle.standardError.write(Data("katalog: \(error)\n".utf8))
                throw ExitCode(ExitStatus.outputFailure.rawValue)
            }
            FileHandle.standardError.write(Data(("katalog: " + TextFindings.summary(document.report) + " → \(output)\n").utf8))
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        if !document.report.unreadableFiles.isEmpty { throw ExitCode(ExitStatus.unreadableInput.rawValue) }
        if document.hasFindingsAtThreshold { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}


extension InputOptions {
    /// Loads `--config` (if given) into `pipeline`: the validator's policy and settings, and per-source defaults.
    /// A configuration that cannot be used is a usage error (exit 2), reported with its line and column.
    func applyConfiguration(to pipeline: inout ImportPipeline) throws {
        guard let config else { return }
        let configuration: KatalogConfiguration
        do {
            configuration = try KatalogConfiguration.load(path: config, tables: pipeline.tables)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        pipeline.validator = configuration.validator(tables: pipeline.tables)
        pipeline.sourceDefaults = configuration.sources
    }
}
