import Foundation
import KatalogCore
import KatalogReaders
import KatalogWriters

/// `katalog diff`: the changes between two `catalog.jsonl` files, for jobs that keep no state. The same identity
/// chain, comparison and `changes.jsonl` lines as `sync`; each catalog's sources are named relative to the folder
/// its files share (`SourceNames(catalogFiles:)`).
///
/// Memory stays flat: both catalogs are staged in a temporary SQLite file, never held in memory.
public enum CatalogDiff {
    /// Writes the changes from `old` to `new` to `output`; returns the counts. Throws `CatalogFileError` for a file
    /// that cannot be read or holds a line that is not a catalog record.
    public static func run(old: String, new: String, output: AtomicFile, identity: IdentityChain = .standard) throws -> ChangeSummary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try SyncState(path: folder.appendingPathComponent("diff.db").path)
        try state.begin()
        try stage(old, into: state, identity: identity)
        try state.commit(summary: ChangeSummary(), identity: identity)
        try state.begin()
        try stage(new, into: state, identity: identity)
        let summary = try ChangeSetWriter(state: state).write(to: output, firstRun: false)
        state.rollback()
        return summary
    }

    /// Stages every record of the catalog at `path`, in file order.
    static func stage(_ path: String, into state: SyncState, identity: IdentityChain) throws {
        let sources = SourceNames(catalogFiles: try sourceFiles(of: path))
        var position = 0
        try ParallelLines.forEach(try LineFileReader.catalog(path), map: { try StagedFacts(catalogLine: $0) }) { _, lineNumber, parsed in
            let facts: StagedFacts
            do {
                facts = try parsed.get()
            } catch {
                throw CatalogFileError(path: path, reason: "line \(lineNumber) is not a catalog record: \(error)")
            }
            let source = sources.name(of: facts.identity.file)
            try state.stage(key: identity.key(of: facts.identity, source: source), source: source, recordID: facts.identity.id,
                            position: position, gtin14: facts.identity.validGTIN14, fields: facts.fields)
            position += 1
        }
    }

    /// The distinct `source.file` values of a catalog, in first-seen order (a first pass).
    static func sourceFiles(of path: String) throws -> [String] {
        var seen = Set<String>(), files: [String] = []
        try ParallelLines.forEach(try LineFileReader.catalog(path), map: { try ParsedJSON.parseStrict($0, keeping: ["source"])["source"]?["file"]?.scalarText }) { _, lineNumber, parsed in
            guard case .success(let found) = parsed, let file = found else {
                throw CatalogFileError(path: path, reason: "line \(lineNumber) is not a catalog record (no source.file)")
            }
            if seen.insert(file).inserted { files.append(file) }
        }
        return files
    }
}
