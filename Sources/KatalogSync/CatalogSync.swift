import Foundation
import KatalogCore
import KatalogPipeline
import KatalogWriters

/// `katalog sync`: imports like `import`, compares tonight's records with the state of the last run, writes
/// `changes.jsonl` and a `changes` section in `report.json`, then makes tonight's records the state.
///
/// Order of effects, so that a run killed anywhere loses nothing: the state's transaction is opened first; the
/// outputs (catalog files, `changes.jsonl`) are renamed into place together; the state is committed last. A run
/// killed before the outputs are renamed leaves outputs and state as they were; one killed between the rename and
/// the commit leaves the new outputs and the old state, so the next run reports tonight's changes again (changes
/// are delivered at least once, never lost).
public enum CatalogSync {
    /// Where a test may stop the process (`KATALOG_SYNC_FAULT=<point>` kills it with SIGKILL there).
    public enum FaultPoint: String, CaseIterable, Sendable {
        /// After the first record is staged in the state's open transaction.
        case staged = "after-first-record"
        /// After the changes are computed and written to the temporary `changes.jsonl`.
        case changesWritten = "after-changes"
        /// After the outputs are renamed into place, before the state is committed.
        case outputsRenamed = "after-outputs"
        /// After the state is committed.
        case committed = "after-commit"
    }

    public struct Options: Sendable {
        public var files: CatalogOutput.Files = .all
        /// The layout of `catalog.json` (`--pretty`).
        public var layout: CatalogOutput.JSONLayout = .compact
        public var identity: IdentityChain = .standard
        /// Read every file, even those unchanged since the last run.
        public var full = false
        /// A fingerprint of everything besides a file's bytes that decides its outcome (Katalog's build, the
        /// dictionaries, configuration, rates, --currency/--country): a file is skipped only when it is the same.
        public var settings = ""
        /// How many of last night's records the night may take out of the catalog (`--max-removed`); nil: any.
        public var maxRemoved: RemovalLimit?

        public init(files: CatalogOutput.Files = .all, layout: CatalogOutput.JSONLayout = .compact, identity: IdentityChain = .standard, full: Bool = false, settings: String = "", maxRemoved: RemovalLimit? = nil) {
            self.files = files
            self.layout = layout
            self.identity = identity
            self.full = full
            self.settings = settings
            self.maxRemoved = maxRemoved
        }
    }

    /// What a sync did: the import's report and the change counts.
    public struct Outcome: Sendable {
        public var report: ImportReport
        public var changes: ChangeSummary
        /// Files unchanged since the last run, whose records were taken from the state.
        public var skippedFiles: [String]
    }

    /// Runs one night. Throws `StateUnusable` when the state cannot be used (nothing is written then),
    /// `RemovalLimit.Exceeded` when the night takes more records out than `options.maxRemoved` allows (nothing is
    /// written, the state is left as it was) and `OutputError` when the output folder cannot be written (the state is
    /// left as it was).
    public static func run(_ paths: [String], state statePath: String, outputDirectory: URL, pipeline: ImportPipeline, options: Options = Options()) throws -> Outcome {
        let state = try SyncState(path: statePath)
        let firstRun = !(try state.hasPreviousRun)
        try state.begin()
        let output: CatalogOutput
        do {
            output = try CatalogOutput(directory: outputDirectory, files: options.files, layout: options.layout, finalPassThreads: pipeline.jobs)
        } catch {
            state.rollback()
            throw error
        }
        var changesFile: AtomicFile?
        do {
            let sources = SourceNames(inputs: paths)
            let consumer = SyncConsumer(output: output, state: state, sources: sources, identity: options.identity)
            consumer.afterStaging = { count in if count == 1 { fault(.staged) } }
            let cache = try SyncReadCache(state: state, sources: sources, settings: options.settings, full: options.full)
            var pipeline = pipeline
            pipeline.writtenByThisRun += [outputDirectory.path, statePath, statePath + "-journal", statePath + "-wal", statePath + "-shm"]
            let report = try pipeline.run(paths, into: consumer, cache: cache)
            try cache.stageSkippedFiles()
            // A file that could not be read tonight, or only in part, keeps last night's records it did not give.
            let unreadable = report.files.filter(\.unreadable)
            try state.markUnread(sources: unreadable.map { sources.name(of: $0.file) })
            // An input argument that is missing or cannot be listed (an unmounted share, a download folder that was
            // never made) held sources the run cannot name: every source not read tonight keeps its records.
            if unreadable.contains(where: { sources.isInputOfUnknownSources($0.file) }) {
                let readTonight = Set(report.files.lazy.filter { !$0.unreadable }.map { sources.name(of: $0.file) })
                try state.markUnread(sources: try state.previousSources().filter { !readTonight.contains($0) })
            }
            let changes = try AtomicFile(destination: outputDirectory.appendingPathComponent("changes.jsonl"))
            changesFile = changes
            var summary = try ChangeSetWriter(state: state).write(to: changes, firstRun: firstRun)
            if let limit = options.maxRemoved, limit.isExceeded(leaving: summary.removed + summary.rejected, of: summary.previousRecords) {
                throw RemovalLimit.Exceeded(limit: limit, removed: summary.removed, rejected: summary.rejected, previous: summary.previousRecords)
            }
            summary.skippedFiles = cache.skippedPaths
            fault(.changesWritten)
            try output.finish(summary: report, sections: summary.reportSection, alongside: [changes])
            fault(.outputsRenamed)
            try state.commit(summary: summary, identity: options.identity)
            fault(.committed)
            return Outcome(report: report, changes: summary, skippedFiles: summary.skippedFiles)
        } catch {
            output.discard()
            changesFile?.discard()
            state.rollback()
            throw error
        }
    }

    /// The content hash `sync` uses to tell a file is unchanged (64-bit FNV-1a of its bytes, hexadecimal).
    public static func contentHash(of path: String) -> String? {
        FileContentHash.of(path: path).map { "\($0.hash)-\($0.bytes)" }
    }

    private static func fault(_ point: FaultPoint) {
        guard ProcessInfo.processInfo.environment["KATALOG_SYNC_FAULT"] == point.rawValue else { return }
        kill(getpid(), SIGKILL)
    }
}
