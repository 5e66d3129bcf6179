import Foundation
import KatalogCore

/// Writes a run's outputs into one folder, streaming, and makes them appear together at the end:
/// `catalog.json`, `catalog.jsonl`, `catalog.csv`, `rejects.jsonl`, `report.json`.
///
/// Records go out in the order they are given. Each file is written under a temporary name and renamed into
/// place only by `finish`, so an interrupted run leaves the previous outputs untouched. The CSV's attribute
/// columns are known only at the end, so its rows are spooled to a temporary file and copied out by `finish`.
public final class CatalogOutput {
    public static let fileNames = ["catalog.json", "catalog.jsonl", "catalog.csv", "rejects.jsonl", "report.json"]

    /// Which of the five files a run writes (`katalog import --outputs`); files not asked for are neither encoded
    /// nor written, and a previous run's copy in the folder is left as it was.
    public struct Files: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let json = Files(rawValue: 1)
        public static let jsonLines = Files(rawValue: 2)
        public static let csv = Files(rawValue: 4)
        public static let rejects = Files(rawValue: 8)
        public static let report = Files(rawValue: 16)
        public static let all: Files = [.json, .jsonLines, .csv, .rejects, .report]
        /// The names `--outputs` takes, each with its file.
        public static let names: [(name: String, file: Files, fileName: String)] = [
            ("json", .json, "catalog.json"), ("jsonl", .jsonLines, "catalog.jsonl"), ("csv", .csv, "catalog.csv"),
            ("rejects", .rejects, "rejects.jsonl"), ("report", .report, "report.json"),
        ]

        /// `jsonl,csv,report` → those files; nil for an unknown name or an empty list.
        public init?(names list: String) {
            var files: Files = []
            for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let entry = Self.names.first(where: { $0.name == name }) else { return nil }
                files.insert(entry.file)
            }
            guard !files.isEmpty else { return nil }
            self = files
        }
    }

    /// How `catalog.json` lays its records out (`katalog import --pretty`).
    public enum JSONLayout: Sendable, Hashable {
        /// One record per line, each the record's `catalog.jsonl` line, inside `[` `]`: the same bytes encoded once
        /// for both files, a third fewer bytes than `pretty` (the default).
        case compact
        /// Two-space indentation, one field per line, for people reading the file.
        case pretty
    }

    public let files: Files
    /// The layout of `catalog.json`.
    public let layout: JSONLayout
    private let directory: URL
    private let catalogJSON: AtomicFile?
    private let catalogLines: AtomicFile?
    private let catalogCSV: AtomicFile?
    private let rejects: AtomicFile?
    private let report: AtomicFile?
    private let csvSpool: AtomicFile?
    /// With `--partitions N`: `partitions/part-<k>-of-<N>.jsonl`, each record's line in the file of its partition.
    public let partitioning: Partitioning?
    private let partitionFiles: [AtomicFile]
    private var productCount = 0
    private var diagnosticCount = 0
    /// How many threads lay out `catalog.csv`'s rows in the final pass (the run's `--jobs`).
    public let finalPassThreads: Int
    /// About how many spooled bytes each thread of the final pass lays out at a time (bounds its memory).
    var finalPassSegmentBytes = 1 << 20
    /// The keys of the `attr.<key>` columns seen so far.
    private var attributeKeys = Set<String>()
    /// Held until this output is freed: no other run writes the folder meanwhile.
    private let folderLock: OutputFolderLock

    /// Creates `directory` if needed and opens the temporary files of `files`; throws `OutputError` when it cannot.
    /// `finalPassThreads` threads lay out `catalog.csv` at the end (the run's `--jobs`; the bytes are the same).
    public init(directory: URL, files: Files = .all, layout: JSONLayout = .compact, partitioning: Partitioning? = nil, finalPassThreads: Int = 1) throws {
        self.directory = directory
        self.finalPassThreads = max(1, finalPassThreads)
        self.files = files
        self.layout = layout
        self.partitioning = partitioning
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: directory.path, reason: (error as NSError).localizedDescription)
        }
        folderLock = try OutputFolderLock(directory)
        func open(_ file: Files, _ name: String) throws -> AtomicFile? {
            files.contains(file) ? try AtomicFile(destination: directory.appendingPathComponent(name)) : nil
        }
        catalogJSON = try open(.json, "catalog.json")
        catalogLines = try open(.jsonLines, "catalog.jsonl")
        catalogCSV = try open(.csv, "catalog.csv")
        rejects = try open(.rejects, "rejects.jsonl")
        report = try open(.report, "report.json")
        // The spool is read back as soon as the run ends: its bytes stay in the page cache, and are never synced
        // (the catalog made from them is).
        csvSpool = files.contains(.csv)
            ? try AtomicFile(destination: directory.appendingPathComponent(".catalog.csv.spool"), directWrites: false, synced: false) : nil
        if let partitioning {
            let folder = directory.appendingPathComponent("partitions")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: folder.path, reason: (error as NSError).localizedDescription)
            }
            partitionFiles = try (0..<partitioning.count).map { index in
                try AtomicFile(destination: folder.appendingPathComponent(Self.partitionName(index, of: partitioning.count)))
            }
        } else {
            partitionFiles = []
        }
        try catalogJSON?.write("[")
        try report?.write("{\n  \"diagnostics\": [")
    }

    /// Encodes one record for every catalog file. Pure and thread-safe: run it on any thread, then hand the
    /// results to `write(_:)` in record order.
    public static func encode(_ product: Product) -> EncodedProduct { EncodedProduct(product, files: .all) }

    /// Encodes one record for the catalog files of `files` only, `catalog.json` in `layout` (and its partition with
    /// `partitioning`).
    public static func encode(_ product: Product, files: Files, layout: JSONLayout = .compact, partitioning: Partitioning? = nil) -> EncodedProduct {
        EncodedProduct(product, files: files, layout: layout, partitioning: partitioning)
    }

    /// `part-00003-of-00016.jsonl`.
    public static func partitionName(_ index: Int, of count: Int) -> String {
        func padded(_ number: Int) -> String { String(repeating: "0", count: max(0, 5 - String(number).count)) + String(number) }
        return "part-\(padded(index))-of-\(padded(count)).jsonl"
    }

    /// One rejected record as its `rejects.jsonl` line (newline included). Pure and thread-safe.
    public static func rejectLine(_ rejected: RejectedRecord) -> [UInt8] {
        var json = JSONWriter(compact: true, prettyIndent: nil, capacity: 4096)
        ProductJSON.write(rejected, to: &json)
        return json.compact + [0x0A]
    }

    /// One diagnostic as a compact JSON object (no newline), as `report.json` lists it. Pure and thread-safe.
    public static func compactDiagnostic(_ diagnostic: Diagnostic) -> [UInt8] {
        var json = JSONWriter(compact: true, prettyIndent: nil, capacity: 256)
        ProductJSON.write(diagnostic, to: &json)
        return json.compact
    }

    /// Encodes one diagnostic for `report.json`. Pure and thread-safe, like `encode(_:)` for records.
    public static func encode(_ diagnostic: Diagnostic) -> EncodedDiagnostic { EncodedDiagnostic(diagnostic) }

    /// Appends one imported record to the catalog files.
    public func write(_ product: Product) throws {
        try write(Self.encode(product, files: files, layout: layout, partitioning: partitioning))
    }

    /// Appends one record encoded by `encode(_:)`; only copies bytes.
    public func write(_ encoded: EncodedProduct) throws {
        if let catalogJSON {
            switch layout {
            case .pretty:
                try catalogJSON.write(productCount == 0 ? "\n  " : ",\n  ")
                try catalogJSON.write(bytes: encoded.prettyJSON)
            case .compact:
                try catalogJSON.write(productCount == 0 ? "\n" : ",\n")
                try catalogJSON.write(bytes: encoded.jsonLine.dropLast())
            }
        }
        if files.contains(.jsonLines) { try catalogLines?.write(bytes: encoded.jsonLine) }
        if let partition = encoded.partition, partition < partitionFiles.count { try partitionFiles[partition].write(bytes: encoded.jsonLine) }
        if let csvSpool {
            for key in encoded.attributeKeys { attributeKeys.insert(key) }
            try csvSpool.write(bytes: encoded.csvSpoolRow)
        }
        productCount += 1
    }

    /// Appends one rejected record to `rejects.jsonl`.
    public func write(_ rejected: RejectedRecord) throws {
        guard let rejects else { return }
        try rejects.write(bytes: Self.rejectLine(rejected))
    }

    /// Appends one diagnostic to the report's list.
    public func write(_ diagnostic: Diagnostic) throws {
        guard report != nil else { return }
        try write(Self.encode(diagnostic))
    }

    /// Appends one diagnostic encoded by `encode(_:)`; only copies bytes.
    public func write(_ encoded: EncodedDiagnostic) throws {
        guard let report else { return }
        try report.write(diagnosticCount == 0 ? "\n    " : ",\n    ")
        try report.write(bytes: encoded.prettyJSON)
        diagnosticCount += 1
    }

    /// Completes every file and renames them all into place.
    ///
    /// `sections` are added to the report's summary (`sync` adds `changes`); `alongside` are other files of the run
    /// (`changes.jsonl`), written by the caller, which are sealed and renamed with the catalog's.
    public func finish(summary: ImportReport, sections: [String: JSONValue] = [:], alongside: [AtomicFile] = []) throws {
        try catalogJSON?.write(productCount == 0 ? "]\n" : "\n]\n")
        if let report {
            try report.write(diagnosticCount == 0 ? "]" : "\n  ]")
            let rest = JSONValue.object(ReportJSON.summary(summary).merging(sections) { $1 }).pretty()
            try report.write("," + rest.dropFirst() + "\n")
        }
        try writeCSV()
        let files = [catalogJSON, catalogLines, catalogCSV, rejects, report].compactMap { $0 } + partitionFiles + alongside
        // Every file is complete and its destination checked before the first rename.
        for file in files { try file.seal() }
        for file in files { try file.commit() }
    }

    /// Removes the temporary files; the folder's previous outputs stay as they were.
    public func discard() {
        for file in [catalogJSON, catalogLines, catalogCSV, rejects, report, csvSpool] { file?.discard() }
        for file in partitionFiles { file.discard() }
    }

    private func writeCSV() throws {
        guard let catalogCSV, let csvSpool else { return }
        let columns = attributeKeys.map(ProductCSV.attributeColumn).sorted(by: JSONValue.byteOrder)
        // UTF-8 BOM so spreadsheet programs read the file as UTF-8.
        try catalogCSV.write("\u{FEFF}" + ProductCSV.line(ProductCSV.coreColumns + columns))
        // Read back under its temporary name and removed by `discard`, never renamed: an interruption while the
        // rows are laid out leaves nothing behind.
        try csvSpool.seal()
        defer { csvSpool.discard() }
        var reader = try CSVRowSpool.Reader(path: csvSpool.temporaryPath)
        let index = CSVRowSpool.ColumnIndex(columns)
        // Runs of whole rows are laid out by `finalPassThreads` threads at once, each part into its own buffer, and
        // written in order: the bytes are the same for any number of threads.
        let parts = (0..<min(finalPassThreads, 16)).map { _ in FinalPassPart(columns: index) }
        while let rows = try reader.nextRows(about: parts.count * max(1, finalPassSegmentBytes)) {
            let cuts = [0] + CSVRowSpool.cuts(of: rows, parts: parts.count) + [rows.count]
            let corrupt = reader.corrupt()
            if parts.count == 1 {
                parts[0].layOut(rows, from: cuts[0], to: cuts[1], corrupt: corrupt)
            } else {
                DispatchQueue.concurrentPerform(iterations: parts.count) { part in
                    parts[part].layOut(rows, from: cuts[part], to: cuts[part + 1], corrupt: corrupt)
                }
            }
            for part in parts {
                if let failure = part.failure { throw failure }
                try catalogCSV.write(bytes: part.lines)
            }
        }
    }

    /// One thread's share of the CSV's final pass: its layout (with its own column guesses) and the lines it made.
    private final class FinalPassPart: @unchecked Sendable {
        private var layout: CSVRowSpool.LineLayout
        private(set) var lines: [UInt8] = []
        private(set) var failure: Error?

        init(columns: CSVRowSpool.ColumnIndex) { layout = CSVRowSpool.LineLayout(columns: columns) }

        /// Lays out the rows in `rows[start..<end]` (whole rows) into `lines`, replacing what was there.
        func layOut(_ rows: [UInt8], from start: Int, to end: Int, corrupt: OutputError) {
            lines.removeAll(keepingCapacity: true)
            do {
                try layout.appendLines(of: rows, from: start, to: end, to: &lines) { corrupt }
            } catch {
                failure = error
            }
        }
    }
}
