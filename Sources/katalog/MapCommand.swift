import ArgumentParser
import Foundation
import KatalogCore
import KatalogPipeline

/// `--partition-by FIELD --partitions N`, shared by `import` and `map`.
struct PartitionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Split the records into N partitions by a stable hash of their key (docs/scale.md): import writes partitions/part-K-of-N.jsonl, map prefixes each line with K and a tab.", valueName: "N"))
    var partitions: Int?

    @Option(name: .long, help: ArgumentHelp("The key partitions are made by: key (the merge key: valid GTIN, else brand + MPN, else the record), gtin, or sku (default: key).", valueName: "field"))
    var partitionBy: String?

    func validate() throws {
        if let partitions, !(1...65_536).contains(partitions) { throw ValidationError("--partitions must be between 1 and 65536.") }
        if let partitionBy {
            guard Partitioning.Field(rawValue: partitionBy) != nil else { throw ValidationError("--partition-by takes key, gtin or sku (got \"\(partitionBy)\").") }
            if partitions == nil { throw ValidationError("--partition-by needs --partitions N.") }
        }
    }

    var partitioning: Partitioning? {
        partitions.map { Partitioning(field: partitionBy.flatMap(Partitioning.Field.init(rawValue:)) ?? .key, count: $0) }
    }
}

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Stream canonical records as JSON Lines on stdout: the mapper for Spark's RDD.pipe and Hadoop Streaming.",
        discussion: """
        Inputs are the arguments, else the paths read from stdin (one per line, as RDD.pipe hands a partition's \
        elements), or with --stdin-data one feed's bytes on stdin. Records go to stdout as catalog.jsonl lines (with \
        --partitions, prefixed with the partition and a tab); diagnostics, rejected records and a summary go to \
        --findings as JSON Lines (default: standard error). Nothing is written to disk and no state is kept; \
        normalization, rules and configuration are those of import. Exit codes: 0 the records were streamed (an \
        unreadable input is a finding, so a pipe is never killed by bad data), 2 usage error, 4 stdout or the \
        findings file cannot be written. See docs/scale.md.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var conversion: ConversionOptions
    @OptionGroup var partitions: PartitionOptions

    @Flag(name: .long, help: "Read one feed's bytes from stdin instead of paths.")
    var stdinData = false

    @Option(name: .long, help: ArgumentHelp("With --stdin-data: the name the records' ids and locations give the input (default: stdin).", valueName: "name"))
    var stdinName = "stdin"

    @Option(name: .long, help: ArgumentHelp("Where diagnostics, rejected records and the summary go: a file, - for stdout among the records (each finding line starts with {\"diagnostic\", {\"rejected\" or {\"summary\"), or nothing for standard error.", valueName: "file"))
    var findings: String?

    func validate() throws {
        if stdinData && !input.inputs.isEmpty { throw ValidationError("--stdin-data reads the input from stdin; give no input paths with it.") }
        if stdinName.isEmpty || stdinName.contains("/") { throw ValidationError("--stdin-name must be a file name (no /).") }
    }

    func run() throws {
        AllocatorTuning.apply()
        var pipeline = try input.pipeline()
        pipeline.conversion = try conversion.conversion()
        var paths = input.inputs
        var temporary: URL?
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        if stdinData {
            // The bytes are kept in a private folder only while they are read (readers work on files), under the
            // name records are to show; the folder is the working directory so ids carry no temporary path.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-map-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            temporary = folder
            try FileHandle.standardInput.readDataToEndOfFile().write(to: folder.appendingPathComponent(stdinName))
            guard FileManager.default.changeCurrentDirectoryPath(folder.path) else {
                FileHandle.standardError.write(Data("katalog: cannot enter the temporary folder \(folder.path) for the stdin data.\n".utf8))
                throw ExitCode(ExitStatus.unreadableInput.rawValue)
            }
            paths = [stdinName]
        } else if paths.isEmpty {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            paths = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let records = FileDescriptorStream(FileHandle.standardOutput)
        let findingsStream: ByteStream
        switch findings {
        case nil: findingsStream = FileDescriptorStream(FileHandle.standardError)
        case "-": findingsStream = records
        case let path?:
            do { findingsStream = try FileDescriptorStream(path: path) } catch {
                FileHandle.standardError.write(Data("katalog: \(error)\n".utf8))
                throw ExitCode(ExitStatus.outputFailure.rawValue)
            }
        }
        let output = MapOutput(records: records, findings: findingsStream, partitioning: partitions.partitioning)
        if let findings, findings != "-" { pipeline.writtenByThisRun.append(findings) }
        do {
            let report = try pipeline.run(paths, into: output)
            try output.finish(report)
        } catch {
            FileHandle.standardError.write(Data("katalog: cannot write the records: \(error)\n".utf8))
            throw ExitCode(ExitStatus.outputFailure.rawValue)
        }
    }
}
