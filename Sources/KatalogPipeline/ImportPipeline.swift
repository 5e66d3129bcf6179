import Foundation
import KatalogCore
import KatalogReaders

/// discover → sniff → read → map (normalize → enrich → validate → prepare) → reduce (run rules, counts, consumer),
/// for a list of input paths: one ordered pipeline for every input size and every `--jobs`.
///
/// Work goes to one `OrderedExecutor`: files up to `streamingThreshold` bytes are read and mapped on a worker, a few
/// consecutive ones to a task; a larger file is read on the caller's thread, which gathers its evidence in order and hands batches of
/// records to the workers, so memory stays flat however large a feed is. Results are reduced strictly in input
/// order, so outputs are byte-identical whatever the number of workers.
public struct ImportPipeline: Sendable {
    public var tables: NormalizationTables
    public var validator: RecordValidator
    public var registry: ReaderRegistry
    public var jobs: Int
    public var streamingThreshold: Int
    /// Per-source locale defaults (currency, country, language, units) from a configuration file and the command line.
    public var sourceDefaults = SourceDefaults()
    /// Converts every record's prices into a base currency after normalization (`--rates`), when set.
    public var conversion: PriceConversion?
    /// Steps run on every normalized record before validation, after the conversion.
    public var enrichments: [any RecordEnrichment] = []
    /// `--shard k/n`: only every n-th input file, starting at the k-th (0-based), of the files discovered in order,
    /// so n machines (a Kubernetes Indexed Job) share one input list without overlap.
    public var shard: (index: Int, count: Int)?
    /// What this run writes (its output folder, its state file): skipped when a folder walk meets it, so outputs
    /// inside the input folders are not read back as inputs.
    public var writtenByThisRun: [String] = []

    public init(
        tables: NormalizationTables = .builtIn,
        validator: RecordValidator = RecordValidator(),
        registry: ReaderRegistry = .standard,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        streamingThreshold: Int = 1 << 20
    ) {
        self.tables = tables
        self.validator = validator
        self.registry = registry
        self.jobs = max(1, jobs)
        self.streamingThreshold = streamingThreshold
    }

    /// Tasks (files or batches) in flight per worker: enough to keep every worker busy while one is delivered.
    static let tasksInFlightPerWorker = 4
    /// At most this many small files, and about this many bytes of them, make one task (a file over the bytes is a
    /// task of its own). Small enough that a folder of a few dozen pages still keeps every worker busy.
    static let smallFilesPerTask = 16
    static let smallBytesPerTask = 512 << 10

    /// Runs over `paths`, handing every result to `consumer` in input order; returns the report. Throws only what the
    /// consumer or the cache throws (an output or a state that cannot be written).
    ///
    /// With a `cache`, a file the cache has a stored read for is replayed instead of read, and the events of every
    /// file read are handed to the cache.
    public func run<Consumer: ImportConsumer>(_ paths: [String], into consumer: Consumer, cache: (any ReadCache)? = nil) throws -> ImportReport {
        var map = RecordMap(enrichments: (conversion.map { [$0] } ?? []) + enrichments, validator: validator, preparation: consumer.preparation)
        map.storesEvents = cache != nil
        let reduction = Reduction(consumer: consumer, policy: validator.policy, links: ServicePlanLinkIndex(suffixes: tables.servicePlans.modelSuffixTokens), cache: cache)
        let discovery = InputDiscovery(writtenByThisRun: writtenByThisRun)
        // Kept until every input is read: it holds the links to names that are not UTF-8.
        defer { withExtendedLifetime(discovery) {} }
        var (inputs, problems) = discovery.discover(paths)
        if let shard { inputs = inputs.enumerated().filter { $0.offset % shard.count == shard.index }.map(\.element) }
        for problem in problems { try reduction.reportDiscoveryProblem(problem) }

        let workers = (0..<jobs).map { _ in ProductNormalizer(tables: tables) }
        let executor = OrderedExecutor<ProductNormalizer, Chunk<Consumer.PreparedRecord, Consumer.PreparedDiagnostic>>(
            states: workers, maximumInFlight: jobs * Self.tasksInFlightPerWorker
        ) { chunk in reduction.reduce(chunk) }
        // Consecutive small files go to the workers together, up to `smallFilesPerTask` of them or
        // `smallBytesPerTask` bytes: one task per page cost a wake-up each way for each page (the kernel had 16 % of
        // a 2-job import of 600 pages, against 5 % on one job).
        var group: [(input: InputDiscovery.Input, size: Int)] = []
        var groupBytes = 0
        func submitGroup() {
            guard !group.isEmpty else { return }
            let files = group
            group.removeAll()
            groupBytes = 0
            executor.submit { normalizer in
                .files(files.map { input, size in
                    map.eventsOfWholeFile(normalizer: normalizer, policy: validator.policy) { sink in read(input, size: size, into: sink) { sink.encoding } }
                })
            }
        }
        func submitUnreadable(_ display: String, reason: String) {
            executor.submit { normalizer in
                .files([map.eventsOfWholeFile(normalizer: normalizer, policy: validator.policy) { sink in
                    var report = FileReport(file: display, kind: .unknown)
                    report.unreadable = true
                    sink.report(.inputUnreadable(display, reason: reason))
                    return report
                }])
            }
        }
        // A problem met while inputs are read (a zip's member named twice, an office document, a hidden worksheet)
        // goes through the executor, so it takes its place among the files in input order whatever `--jobs` is:
        // reported at once, it came before or after the files still on the workers as they happened to run.
        func submitProblem(_ problem: InputDiscovery.Problem) {
            let (path, diagnostic) = Reduction<Consumer>.diagnostic(for: problem)
            executor.submit { normalizer in
                .files([map.eventsOfWholeFile(normalizer: normalizer, policy: validator.policy) { sink in
                    var report = FileReport(file: path, kind: .unknown)
                    report.unreadable = diagnostic.code == .inputUnreadable
                    sink.report(diagnostic)
                    return report
                }])
            }
        }
        // A zip archive's members take its place here, in the order of their names (see `ArchiveListing`). The
        // sheets of a workbook that was extracted from an archive or decompressed are read from that copy (`backing`),
        // which lives while they do.
        var pending = inputs.map { (input: $0, member: ZipArchive.Member?.none, backing: InputSpool?.none) }[...]
        // A workbook's hidden worksheets, reported in their place among its sheets and not read.
        var hiddenSheets: Set<String> = []
        // A workbook's visible worksheets take its place, in tab order, read from `backing` when it is a copy.
        func queueSheets(of workbook: InputDiscovery.Input, backing: InputSpool?) throws {
            let sheets = try WorkbookSheets(workbook)
            hiddenSheets.formUnion(sheets.hidden)
            pending = sheets.inputs.map { ($0, ZipArchive.Member?.none, backing) }[...] + pending
        }
        // An archive or workbook that cannot be opened is unreadable with its reason; any other error stops the run
        // (false).
        func reportUnreadable(_ error: Error, of path: String) -> Bool {
            switch error {
            case let unreadable as ArchiveListing.Unreadable: submitUnreadable(path, reason: unreadable.reason)
            case let unreadable as WorkbookSheets.Unreadable: submitUnreadable(path, reason: unreadable.reason)
            default:
                reduction.fail(error)
                return false
            }
            return true
        }
        while let next = pending.popFirst() {
            var input = next.input
            let member = next.member
            guard !reduction.failed else { break }
            if input.part != nil, hiddenSheets.contains(input.displayPath) {
                submitGroup()
                submitProblem(.hiddenSheet(input.displayPath))
                continue
            }
            // A file's first bytes tell a zip archive, a gzip or an xz file, whatever its name.
            let head = input.isStream || member != nil || input.part != nil ? [] : FileHead.of(path: input.path)
            if ZipArchive.isArchive(prefix: head) {
                submitGroup()
                do {
                    let listing = try ArchiveListing(input)
                    // An Excel workbook's visible worksheets are inputs of their own, in tab order.
                    if listing.isExcelWorkbook {
                        try queueSheets(of: input, backing: nil)
                        continue
                    }
                    // Another office document (.docx, .ods) is a zip too: one warning, not its XML parts read as feeds.
                    if let document = listing.officeDocument {
                        submitProblem(.officeDocument(input.displayPath, what: document.what, advice: document.advice))
                        continue
                    }
                    for problem in listing.problems { submitProblem(problem) }
                    pending = listing.members.map { ($0.input, Optional($0.member), InputSpool?.none) }[...] + pending
                } catch {
                    guard reportUnreadable(error, of: input.displayPath) else { break }
                }
                continue
            }
            // A pipe or device is copied to a temporary file first, so that sniffing, hashing and reading each see
            // it from its start; a gzip or xz file is decompressed into one named like the file inside, and a zip
            // member extracted into one named like the member (`temporaryCopy`). The copy is read on this thread and
            // removed when the loop moves on.
            // A sheet of a copied workbook is read from the copy, on this thread as any copy is.
            var spool: InputSpool? = next.backing
            defer { withExtendedLifetime(spool) {} }
            let compression = CompressedFile.format(prefix: head)
            // A sync run looks up a gzip or xz file by its compressed bytes, before decompressing it: an unchanged
            // feed is then not decompressed at all (a 13 MB gzip of a 300 MB feed took 2–3 s to decompress and hash).
            // Any other input is looked up as it will be read (a pipe's or a zip member's copy).
            let looksUpCompressedBytes = compression != nil
            func replayIfStored() throws -> Bool {
                guard let stored = try cache?.storedRead(of: input) else { return false }
                submitGroup()
                try replay(stored, of: input, map: map, executor: executor, stopped: { reduction.failed })
                return true
            }
            if looksUpCompressedBytes {
                do {
                    if try replayIfStored() { continue }
                } catch {
                    reduction.fail(error)
                    break
                }
            }
            if input.isStream || compression != nil || member != nil {
                submitGroup()
                do {
                    let copy = try Self.temporaryCopy(of: input, member: member, compression: compression)
                    input.path = copy.path
                    input.byteCount = copy.byteCount
                    spool = copy
                } catch {
                    submitUnreadable(input.displayPath, reason: "\(error)")
                    continue
                }
                // An Excel workbook in a zip archive (a supplier's price lists, zipped) or compressed: its visible
                // worksheets take its place, as a workbook's beside the archive do, read from the copy.
                if let copy = spool, copy.damage == nil, ZipArchive.isArchive(prefix: FileHead.of(path: copy.path)) {
                    do {
                        if try ArchiveListing(input).isExcelWorkbook {
                            try queueSheets(of: input, backing: copy)
                            continue
                        }
                    } catch {
                        guard reportUnreadable(error, of: input.displayPath) else { break }
                        continue
                    }
                }
            }
            do {
                if !looksUpCompressedBytes, try replayIfStored() { continue }
            } catch {
                reduction.fail(error)
                break
            }
            // The size of the file itself, through symbolic links: a link's own size (its target's name) once sent a
            // linked 9 MB feed down the small-file path, read whole into memory (528 MB) on one worker.
            let size = input.byteCount
            if size > streamingThreshold || spool != nil {
                submitGroup()
                readInBatches(input, size: size, damage: spool?.damage, map: map, executor: executor, stopped: { reduction.failed })
            } else {
                if groupBytes + size > Self.smallBytesPerTask { submitGroup() }
                group.append((input, size))
                groupBytes += size
                if group.count >= Self.smallFilesPerTask { submitGroup() }
            }
        }
        submitGroup()
        executor.finish()
        return try reduction.finish()
    }

    /// The temporary file an input is read from when it is not a plain file: a decompressed gzip or xz file, an
    /// extracted zip member, or a copy of a pipe or device. A compressed stream (`katalog import /dev/stdin <
    /// feed.xml.gz`) or member (`feed.xml.gz` in a zip) is decompressed in turn.
    private static func temporaryCopy(of input: InputDiscovery.Input, member: ZipArchive.Member?, compression: CompressedFile.Format?) throws -> InputSpool {
        let name = (input.displayPath as NSString).lastPathComponent
        if let compression {
            return try InputSpool(decompressing: input.path, format: compression, name: name, compressedSize: input.byteCount)
        }
        let copy = if let member { try InputSpool(extracting: member, fromArchive: input.path, name: name) } else { try InputSpool(copying: input.path) }
        guard copy.damage == nil, let format = CompressedFile.format(ofFileAt: copy.path) else { return copy }
        return try InputSpool(decompressing: copy.path, format: format, name: name, compressedSize: copy.byteCount)
    }

    /// Hands a file's stored events to the workers in batches (decoded and prepared there), in the shape of a large
    /// file's read, so the reduction treats them as read.
    private func replay<Record: Sendable, Finding: Sendable>(_ stored: StoredRead, of input: InputDiscovery.Input, map: RecordMap<Record, Finding>, executor: OrderedExecutor<ProductNormalizer, Chunk<Record, Finding>>, stopped: () -> Bool) throws {
        executor.submit { _ in .start(input.displayPath, replayed: true) }
        let storedPath = stored.storedPath
        while !stopped(), let batch = try stored.nextBatch() {
            executor.submit { _ in
                .events(batch.map { bytes in
                    do {
                        return map.replayed(try StoredEvent(encoded: bytes).relocated(from: storedPath, to: input.displayPath))
                    } catch {
                        return .fileDiagnostic(.replayFailed(input.displayPath, reason: "\(error)"))
                    }
                })
            }
        }
        executor.submit { _ in .end(stored.skeleton) }
    }

    /// Reads a large file on this thread, handing its records to the workers in batches, then closes the file.
    private func readInBatches<Record: Sendable, Finding: Sendable>(_ input: InputDiscovery.Input, size: Int, damage: String?, map: RecordMap<Record, Finding>, executor: OrderedExecutor<ProductNormalizer, Chunk<Record, Finding>>, stopped: @escaping () -> Bool) {
        executor.submit { _ in .start(input.displayPath, replayed: false) }
        let sink = BatchingSink(observer: ProductNormalizer(tables: tables), policy: validator.policy, submit: { batch in
            executor.submit { normalizer in .events(map.events(of: batch, normalizer: normalizer)) }
        }, stopped: stopped)
        var skeleton = read(input, size: size, into: sink) { sink.encoding }
        if let damage {
            // Reported after the records read from the bytes before the damage.
            skeleton.unreadable = true
            sink.report(.compressedInputDamaged(input.displayPath, reason: damage))
        }
        // What the reader left in the last batch, its failure included, goes before the file's end.
        sink.flush()
        executor.submit { _ in .end(skeleton) }
    }

    /// Sniffs and reads one file into `sink`; returns the file's report skeleton (kind, encoding, unreadable). Record
    /// and diagnostic counts are added when its events are reduced.
    private func read(_ input: InputDiscovery.Input, size: Int, into sink: RecordSink & AnyObject, encoding: () -> TextEncodingInfo?) -> FileReport {
        var report = FileReport(file: input.displayPath, kind: .unknown)
        let location = SourceLocation(file: input.displayPath)
        if KatalogConfiguration.looksLikeConfiguration(path: input.path) {
            sink.report(.configurationSkipped(input.displayPath))
            return report
        }
        let kind: InputKind
        do {
            // A workbook's worksheet is known for one from its listing; its file is a zip, which sniffs as binary.
            kind = input.part != nil ? .xlsx : try InputSniffer().sniff(path: input.path)
        } catch {
            report.unreadable = true
            sink.report(.inputUnreadable(input.displayPath, reason: "\(error)"))
            return report
        }
        report.kind = kind
        guard let reader = registry.reader(for: kind) else {
            sink.report(.noReader(kind, at: location))
            return report
        }
        let document = SourceDocument(fileURL: input.path, displayPath: input.displayPath, kind: kind, hints: sourceDefaults.hints(for: input.displayPath), part: input.part)
        do {
            try reader.read(document, into: TerminalProgressSink.wrapping(sink, file: input.displayPath, size: size))
        } catch {
            // Records read before a failure are handed on before the failure is reported.
            report.unreadable = true
            let reason = (error as? InputUnreadable)?.reason ?? "\(error)"
            sink.report(.inputUnreadable(input.displayPath, reason: reason))
        }
        report.encoding = encoding()
        return report
    }
}

/// What a task gives the reduction: a whole small file, or one piece of a large file read in batches.
enum Chunk<Record: Sendable, Finding: Sendable> {
    /// Small files read as one task, in input order: each one's report skeleton and every event.
    case files([(FileReport, [ProcessingEvent<Record, Finding>])])
    /// A large file begins; `replayed` when its events come from a `ReadCache`.
    case start(String, replayed: Bool)
    /// The next events of the large file being read.
    case events([ProcessingEvent<Record, Finding>])
    /// The large file is done: its report skeleton.
    case end(FileReport)
}

/// The ordered reduce: run rules, counts, the consumer. Runs on the executor's delivery queue, one chunk at a time
/// in input order; the caller reads it only after the executor has finished.
final class Reduction<Consumer: ImportConsumer>: @unchecked Sendable {
    private let consumer: Consumer
    private let runValidator: RunValidator
    private let links: ServicePlanLinkIndex
    private var report = ImportReport()
    private var counted = FileReport(file: "", kind: .unknown)
    private var unmapped: [String: Int] = [:]
    private var findings = FileFindings()
    private var firstError: Error?
    private let lock = NSLock()
    private let cache: (any ReadCache)?
    /// Whether the file being handed on is recorded in the cache (read, not replayed).
    private var recording = false

    init(consumer: Consumer, policy: FindingPolicy, links: ServicePlanLinkIndex, cache: (any ReadCache)? = nil) {
        self.consumer = consumer
        runValidator = RunValidator(policy: policy)
        self.links = links
        self.cache = cache
    }

    /// True once the consumer (or the cache) has thrown: later results are dropped and reading stops.
    var failed: Bool { lock.withLock { firstError != nil } }

    /// Stops the run with `error` (the first one wins).
    func fail(_ error: Error) {
        lock.withLock { if firstError == nil { firstError = error } }
    }

    func reportDiscoveryProblem(_ problem: InputDiscovery.Problem) throws {
        let (path, diagnostic) = Self.diagnostic(for: problem)
        var file = FileReport(file: path, kind: .unknown)
        file.unreadable = diagnostic.code == .inputUnreadable
        file.count(diagnostic)
        try consumer.consume(diagnostic)
        report.files.append(file)
    }

    /// The file a discovery problem is about and what it says.
    static func diagnostic(for problem: InputDiscovery.Problem) -> (path: String, diagnostic: Diagnostic) {
        let path: String, diagnostic: Diagnostic
        switch problem {
        case .missing(let missing):
            path = missing
            diagnostic = .inputUnreadable(missing, message: "\(missing): no such file or folder.")
        case .brokenLink(let link):
            path = link
            diagnostic = .inputUnreadable(link, message: "\(link): a symbolic link that leads nowhere (its target is missing, or links loop).")
        case .unreadableFolder(let folder, let reason):
            path = folder
            diagnostic = .inputUnreadable(folder, message: "\(folder): the folder cannot be listed: \(reason)")
        case .alreadyRead(let again, let firstPath):
            path = again
            diagnostic = .alreadyRead(again, firstPath: firstPath)
        case .writtenByThisRun(let written):
            path = written
            diagnostic = Diagnostic(.info, .inputWrittenByThisRun, "\(written) is written by this run (its output folder or state); it is not read as an input.", at: SourceLocation(file: written))
        case .officeDocument(let document, let what, let advice):
            path = document
            diagnostic = Diagnostic(.warning, .inputUnsupported, "\(document) is \(what), which Katalog does not read; it was skipped. \(advice)", at: SourceLocation(file: document))
        case .hiddenSheet(let sheet):
            path = sheet
            diagnostic = Diagnostic(.info, .xlsxSheetHidden, "\(sheet) is a hidden worksheet of its workbook (lookup lists or settings, as a rule); it is not read. Unhide it in the spreadsheet program to import its rows.", at: SourceLocation(file: sheet))
        }
        return (path, diagnostic)
    }

    func reduce(_ chunk: Chunk<Consumer.PreparedRecord, Consumer.PreparedDiagnostic>) {
        guard !failed else { return }
        do {
            switch chunk {
            case .files(let files):
                for (skeleton, events) in files {
                    try open(skeleton.file, replayed: false)
                    for index in events.indices { try hand(events[index]) }
                    try close(skeleton)
                }
            case .start(let file, let replayed):
                try open(file, replayed: replayed)
            case .events(let events):
                for index in events.indices { try hand(events[index]) }
            case .end(let skeleton):
                try close(skeleton)
            }
        } catch {
            fail(error)
        }
    }

    /// The report, once every chunk is reduced; rethrows the consumer's first error.
    func finish() throws -> ImportReport {
        if let error = lock.withLock({ firstError }) { throw error }
        report.servicePlanLinks = links.links()
        report.servicePlanLinksComplete = links.isComplete
        return report
    }

    private func open(_ file: String, replayed: Bool) throws {
        counted = FileReport(file: file, kind: .unknown)
        unmapped = [:]
        findings = FileFindings()
        recording = cache != nil && !replayed
        if recording { try cache?.beginRecording(file) }
        try consumer.beginFile(file, replayed: replayed)
    }

    private func close(_ skeleton: FileReport) throws {
        if recording { try cache?.endRecording(skeleton) }
        counted.kind = skeleton.kind
        try Self.closeFile(counted: &counted, findings: findings, into: consumer)
        report.unmappedLabels.merge(unmapped, uniquingKeysWith: +)
        report.files.append(skeleton.merging(counts: counted))
    }

    private func hand(_ event: ProcessingEvent<Consumer.PreparedRecord, Consumer.PreparedDiagnostic>) throws {
        switch event {
        case .fileDiagnostic(let diagnostic):
            if recording { try cache?.record(StoredEvent.fileDiagnostic(diagnostic).encoded) }
            counted.count(diagnostic)
            try consumer.consume(diagnostic)
        case .record(let processed):
            // The product is read where it is, a field of the processed record: bound out of an enum, it was copied.
            if recording, let cache {
                if let stored = processed.stored {
                    try cache.record(stored)
                } else {
                    switch processed.outcome {
                    case .imported(let product): try cache.record(StoredEvent.imported(product).encoded)
                    case .rejected(let rejected): try cache.record(StoredEvent.rejected(rejected).encoded)
                    }
                }
            }
            counted.records.read += 1
            if let rejection = processed.rejection {
                counted.records.rejected += 1
                let rejected = RejectedRecord(record: rejection.record, product: processed.product, reasons: rejection.reasons)
                findings.countRejection(rejected)
                try consumer.consume(rejected)
                try handFindings(of: processed.product, prepared: [])
                return
            }
            counted.records.imported += 1
            links.add(processed.product)
            // A run rule's diagnostic changes the record, so it is encoded again (its own diagnostics are not).
            let added = runValidator.findings(for: processed.product)
            if added.isEmpty {
                if let prepared = processed.prepared { try consumer.consume(processed.product, prepared: prepared.record) } else { try consumer.consume(processed.product) }
                try handFindings(of: processed.product, prepared: processed.prepared?.diagnostics ?? [])
            } else {
                var changed = processed.product
                changed.diagnostics += added
                try consumer.consume(changed)
                try handFindings(of: changed, prepared: processed.prepared?.diagnostics ?? [])
            }
        }
    }

    /// A handed-on record's unmapped labels, diagnostics (with what the preparation made of the first
    /// `prepared.count`) and column notes (each code and column once per file).
    private func handFindings(of product: Product, prepared: [Consumer.PreparedDiagnostic]) throws {
        for attribute in product.attributes where !attribute.isMapped { unmapped[attribute.label, default: 0] += 1 }
        for index in product.diagnostics.indices {
            counted.count(product.diagnostics[index])
            if index < prepared.count {
                try consumer.consume(product.diagnostics[index], prepared: prepared[index])
            } else {
                try consumer.consume(product.diagnostics[index])
            }
        }
        for note in product.columnNotes where findings.isFirst(note) {
            counted.count(note)
            try consumer.consume(note)
        }
    }

    /// The file-level verdict once every record of a file is handed on: a file that gave records and imported
    /// none gets one `file.nothing-imported` error naming the most frequent cause and its fix.
    private static func closeFile(counted: inout FileReport, findings: FileFindings, into consumer: Consumer) throws {
        // A page is one record: its rejection already says all. A feed or spreadsheet that imports nothing failed.
        guard counted.kind.repeatsLabels, counted.records.read > 0, counted.records.imported == 0 else { return }
        let diagnostic = Diagnostic.nothingImported(counted.file, records: counted.records.read, cause: findings.mostFrequentCause)
        counted.count(diagnostic)
        try consumer.consume(diagnostic)
    }
}

/// What the pipeline remembers about the file being handed on: the column notes already reported (each code and
/// column once, at its first record) and why its records were rejected.
struct FileFindings {
    /// A column note's identity: its code and column.
    private struct NoteKey: Hashable {
        var code: FindingCode
        var field: String
    }
    /// The notes reported so far while they are few (`listLimit`), in a list: a file repeats the same handful of
    /// column notes on every row, and comparing a note's code and column (short strings, or the header's own) with
    /// a few keys costs less than hashing both strings for every note of every row. Past the limit they move to
    /// `seen`. Either way a note is first exactly when an equal key was not reported before.
    private var recent: [NoteKey] = []
    private static let listLimit = 16
    private var seen = Set<NoteKey>()
    /// For each error code, how many rejected records carry it (once per record).
    private var rejectionCauses: [FindingCode: Int] = [:]

    mutating func isFirst(_ note: Diagnostic) -> Bool {
        // Most notes were seen (every row repeats its file's): looked up without the mutation `insert` needs.
        let key = NoteKey(code: note.code, field: note.location.field ?? "")
        if seen.isEmpty {
            if recent.contains(key) { return false }
            if recent.count < Self.listLimit {
                recent.append(key)
                return true
            }
            seen = Set(recent)
        }
        guard !seen.contains(key) else { return false }
        seen.insert(key)
        return true
    }

    mutating func countRejection(_ rejected: RejectedRecord) {
        let codes = Set((rejected.product.diagnostics + rejected.product.columnNotes).filter { $0.severity == .error }.map(\.code))
        for code in codes { rejectionCauses[code, default: 0] += 1 }
    }

    /// The error most rejected records share, preferring the underlying finding (`price.currency-missing`) to the
    /// rejection it led to (`record.no-usable-price`); ties go to the code first in byte order.
    var mostFrequentCause: (code: FindingCode, records: Int)? {
        let ranked = rejectionCauses.sorted { lhs, rhs in
            let (left, right) = (lhs.key.group == "record" ? 1 : 0, rhs.key.group == "record" ? 1 : 0)
            if left != right { return left < right }
            return lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key < rhs.key
        }
        return ranked.first.map { ($0.key, $0.value) }
    }
}

extension FileReport {
    /// This file's identity (kind, encoding, unreadable) with the counts of `counted`.
    func merging(counts counted: FileReport) -> FileReport {
        var merged = self
        merged.records = counted.records
        merged.diagnostics = counted.diagnostics
        merged.codes = counted.codes
        return merged
    }
}

extension Diagnostic {
    static func nothingImported(_ path: String, records: Int, cause: (code: FindingCode, records: Int)?) -> Diagnostic {
        let all = records == 1 ? "its only record was rejected" : "all \(records) records were rejected"
        var message = "Nothing was imported from \(path): \(all)"
        if let cause {
            let share = cause.records == records ? (records == 1 ? "it has" : "all have") : "\(cause.records) of them have"
            message += "; \(share) \(cause.code)"
            switch cause.code {
            case .priceCurrencyMissing, .priceCurrencyAmbiguous:
                message += " (prices without a currency Katalog could decide): pass --currency CODE or set `currency:` for this source in the configuration"
            case .priceCurrencyUnknown:
                message += ": the currency code is not ISO 4217; fix the source or set `currency:` for it"
            case .recordUnidentified:
                message += " (no SKU, GTIN or title): check the column names against the label dictionary (see label.unmapped) or add a --labels file"
            default:
                message += "; see rejects.jsonl for each record's reasons"
            }
        }
        return Diagnostic(.error, .fileNothingImported, message + ".", at: SourceLocation(file: path))
    }

    static func inputUnreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.error, .inputUnreadable, "\(path) cannot be read: \(reason). No records were taken from it.", at: SourceLocation(file: path))
    }

    static func inputUnreadable(_ path: String, message: String) -> Diagnostic {
        Diagnostic(.error, .inputUnreadable, message, at: SourceLocation(file: path))
    }

    static func compressedInputDamaged(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.error, .inputCompressedDamaged, "\(path): the compressed data ends early or is corrupt (\(reason)). The records in the part before the damage were read; the rest of the file is missing.", at: SourceLocation(file: path))
    }

    static func alreadyRead(_ path: String, firstPath: String) -> Diagnostic {
        Diagnostic(.warning, .inputAlreadyRead, "\(path) leads to the same file or folder as \(firstPath), which is read once; its records are taken from \(firstPath) only.", at: SourceLocation(file: path))
    }

    static func replayFailed(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.error, .inputReplayFailed, "A record of \(path) stored by the last sync could not be read back (\(reason)); it is missing from this run. Run again with --full to read the file.", at: SourceLocation(file: path))
    }

    static func configurationSkipped(_ path: String) -> Diagnostic {
        Diagnostic(.info, .inputConfigurationSkipped, "\(path) is a Katalog configuration file, not a product source; it was skipped. Pass it with --config to use it.", at: SourceLocation(file: path))
    }

    static func noReader(_ kind: InputKind, at location: SourceLocation) -> Diagnostic {
        if kind == .exchangeRates {
            return Diagnostic(.info, .inputNotACatalog, "The file holds ECB exchange rates, not products; it was skipped. Pass it with --rates to convert prices.", at: location)
        }
        if kind == .unknown {
            return Diagnostic(.warning, .inputUnsupported, "The file is empty, binary or of a kind Katalog does not read; it was skipped.", at: location)
        }
        return Diagnostic(.error, .inputNoReader, "The file looks like \(kind.rawValue), which this build of Katalog cannot read; it was skipped.", at: location)
    }
}
