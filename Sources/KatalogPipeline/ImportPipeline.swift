import Foundation
import KatalogCore
import KatalogReaders

/// Receives a run's results in input order: the catalog writer, or a validator that only reports.
public protocol ImportConsumer: AnyObject {
    /// Work on one imported record that depends on nothing but the record (encoding it, say), which the pipeline
    /// may run on worker threads, in any order, before handing the record on with `consume(_:prepared:)`.
    /// nil (the default): no such work.
    var preparation: RecordPreparation? { get }
    func consume(_ product: Product) throws
    /// Receives an imported record with what `preparation` made of it, or nil when the record was not prepared
    /// or has changed since (a run rule added a diagnostic). The default calls `consume(_:)`.
    func consume(_ product: Product, prepared: (any Sendable)?) throws
    func consume(_ rejected: RejectedRecord) throws
    func consume(_ diagnostic: Diagnostic) throws
    /// Receives one diagnostic of an imported record with what `preparation` made of it, or nil. The default
    /// calls `consume(_:)`.
    func consume(_ diagnostic: Diagnostic, prepared: (any Sendable)?) throws
}

extension ImportConsumer {
    public var preparation: RecordPreparation? { nil }
    public func consume(_ product: Product, prepared: (any Sendable)?) throws { try consume(product) }
    public func consume(_ diagnostic: Diagnostic, prepared: (any Sendable)?) throws { try consume(diagnostic) }
}

/// A consumer's per-record work that may run on worker threads (see `ImportConsumer.preparation`): one result for
/// the record and one for each of its diagnostics.
public struct RecordPreparation: Sendable {
    public struct Prepared: Sendable {
        public var record: any Sendable
        /// One per diagnostic of the record, in the same order.
        public var diagnostics: [any Sendable]

        public init(record: any Sendable, diagnostics: [any Sendable]) {
            self.record = record
            self.diagnostics = diagnostics
        }
    }

    public let prepare: @Sendable (Product) -> Prepared

    public init(_ prepare: @escaping @Sendable (Product) -> Prepared) { self.prepare = prepare }
}

/// discover → sniff → read → normalize → validate → hand on, for a list of input paths.
///
/// Files are processed in parallel (`jobs` workers) and their results handed on strictly in input order, so
/// outputs are byte-identical whatever the number of workers. A file larger than `streamingThreshold` bytes is
/// read alone and streamed record by record, so memory stays flat however large a feed is.
public struct ImportPipeline: Sendable {
    public var tables: NormalizationTables
    public var validator: RecordValidator
    public var registry: ReaderRegistry
    public var jobs: Int
    public var streamingThreshold: Int
    /// Per-source locale defaults (currency, country, language, units) from a configuration file.
    public var sourceDefaults = SourceDefaults()
    /// Converts every record's prices into a base currency after normalization (`--rates`), when set.
    public var conversion: PriceConversion?

    public init(
        tables: NormalizationTables = NormalizationTables(),
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

    /// Runs over `paths`, handing every result to `consumer`; returns the report. Throws only what the consumer
    /// throws (an output that cannot be written).
    public func run(_ paths: [String], into consumer: ImportConsumer) throws -> ImportReport {
        var report = ImportReport()
        let runValidator = RunValidator(policy: validator.policy)
        let links = ServicePlanLinkIndex(suffixes: tables.servicePlans.modelSuffixTokens)
        let (inputs, problems) = InputDiscovery().discover(paths)
        for problem in problems {
            let path: String, message: String
            switch problem {
            case .missing(let missing):
                path = missing
                message = "\(missing): no such file or folder."
            case .unreadableFolder(let folder, let reason):
                path = folder
                message = "\(folder): the folder cannot be listed: \(reason)"
            }
            var file = FileReport(file: path, kind: .unknown)
            file.unreadable = true
            let diagnostic = Diagnostic(.error, "input.unreadable", message, at: SourceLocation(file: path))
            file.count(diagnostic)
            try consumer.consume(diagnostic)
            report.files.append(file)
        }

        var pending: [InputDiscovery.Input] = []
        var pendingBytes = 0
        func flushPending() throws {
            guard !pending.isEmpty else { return }
            let results = processConcurrently(pending, preparation: consumer.preparation)
            for result in results {
                try deliver(result.events, file: result.report, into: consumer, report: &report, runValidator: runValidator, links: links)
            }
            pending.removeAll()
            pendingBytes = 0
        }
        for input in inputs {
            let size = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0
            if size > streamingThreshold || jobs == 1 {
                try flushPending()
                try processStreaming(input, into: consumer, report: &report, runValidator: runValidator, links: links)
            } else {
                pending.append(input)
                pendingBytes += size
                // Buffered results cost many times their input size; a batch holds at most `streamingThreshold`
                // bytes of input per worker.
                if pending.count >= jobs * 8 || pendingBytes >= streamingThreshold * jobs { try flushPending() }
            }
        }
        try flushPending()
        report.servicePlanLinks = links.links()
        report.servicePlanLinksComplete = links.isComplete
        return report
    }

    // MARK: - One file

    private struct FileResult {
        var report: FileReport
        var events: [ProcessingEvent]
    }

    /// Processes small files on `jobs` threads, keeping each file's events in memory until it is handed on.
    private func processConcurrently(_ inputs: [InputDiscovery.Input], preparation: RecordPreparation?) -> [FileResult] {
        let results = ResultSlots<FileResult>(count: inputs.count)
        let next = AtomicCounter()
        let workers = min(jobs, inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let normalizer = ProductNormalizer(tables: tables)
            while true {
                let index = next.increment()
                guard index < inputs.count else { return }
                var events: [ProcessingEvent] = []
                let report = process(inputs[index], normalizers: [normalizer], preparation: preparation) { events.append($0) }
                results[index] = FileResult(report: report, events: events)
            }
        }
        return results.values
    }

    private func processStreaming(_ input: InputDiscovery.Input, into consumer: ImportConsumer, report: inout ImportReport, runValidator: RunValidator, links: ServicePlanLinkIndex) throws {
        var counted = FileReport(file: input.displayPath, kind: .unknown)
        var unmapped: [String: Int] = [:]
        var columnNotes = FileFindings()
        var deliveryError: Error?
        // A large file is read alone: its records are normalized on every core, in batches, in document order.
        // With several jobs: one normalizer that observes decimal marks on the reading thread, one per worker.
        let normalizers = (0..<(jobs > 1 ? jobs + 1 : 1)).map { _ in ProductNormalizer(tables: tables) }
        let skeleton = process(input, normalizers: normalizers, preparation: normalizers.count > 1 ? consumer.preparation : nil) { event in
            guard deliveryError == nil else { return }
            do {
                try Self.hand(event, to: consumer, counting: &counted, unmapped: &unmapped, columnNotes: &columnNotes, runValidator: runValidator, links: links)
            } catch {
                deliveryError = error
                throw error
            }
        }
        if let deliveryError { throw deliveryError }
        counted.kind = skeleton.kind
        try Self.closeFile(counted: &counted, findings: columnNotes, into: consumer)
        report.unmappedLabels.merge(unmapped, uniquingKeysWith: +)
        report.files.append(skeleton.merging(counts: counted))
    }

    private func deliver(_ events: [ProcessingEvent], file skeleton: FileReport, into consumer: ImportConsumer, report: inout ImportReport, runValidator: RunValidator, links: ServicePlanLinkIndex) throws {
        var counted = FileReport(file: skeleton.file, kind: skeleton.kind)
        var unmapped: [String: Int] = [:]
        var columnNotes = FileFindings()
        for event in events {
            try Self.hand(event, to: consumer, counting: &counted, unmapped: &unmapped, columnNotes: &columnNotes, runValidator: runValidator, links: links)
        }
        try Self.closeFile(counted: &counted, findings: columnNotes, into: consumer)
        report.unmappedLabels.merge(unmapped, uniquingKeysWith: +)
        report.files.append(skeleton.merging(counts: counted))
    }

    /// Sniffs and reads one file, sending each event to `emit`. Returns the file's report skeleton (kind,
    /// encoding, unreadable); record and diagnostic counts are added when the events are handed on.
    private func process(_ input: InputDiscovery.Input, normalizers: [ProductNormalizer], preparation: RecordPreparation?, emit: @escaping (ProcessingEvent) throws -> Void) -> FileReport {
        var report = FileReport(file: input.displayPath, kind: .unknown)
        let location = SourceLocation(file: input.displayPath)
        if KatalogConfiguration.looksLikeConfiguration(path: input.path) {
            try? emit(.fileDiagnostic(.configurationSkipped(input.displayPath)))
            return report
        }
        let kind: InputKind
        do {
            kind = try InputSniffer().sniff(path: input.path)
        } catch {
            report.unreadable = true
            try? emit(.fileDiagnostic(.inputUnreadable(input.displayPath, reason: "\(error)")))
            return report
        }
        report.kind = kind
        guard let reader = registry.reader(for: kind) else {
            try? emit(.fileDiagnostic(.noReader(kind, at: location)))
            return report
        }
        let document = SourceDocument(fileURL: input.path, displayPath: input.displayPath, kind: kind, hints: sourceDefaults.hints(for: input.displayPath))
        let processor = RecordProcessor(normalizers: normalizers, validator: validator, conversion: conversion, preparation: preparation, emit: emit)
        var failure: Error?
        do {
            let size = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0
            try reader.read(document, into: TerminalProgressSink.wrapping(processor, file: input.displayPath, size: size))
        } catch {
            failure = error
        }
        // Records read before a failure are handed on before the failure is reported.
        processor.finish()
        if let failure {
            report.unreadable = true
            let reason = (failure as? InputUnreadable)?.reason ?? "\(failure)"
            try? emit(.fileDiagnostic(.inputUnreadable(input.displayPath, reason: reason)))
        }
        report.encoding = processor.encoding
        return report
    }

    private static func hand(_ event: ProcessingEvent, to consumer: ImportConsumer, counting file: inout FileReport, unmapped: inout [String: Int], columnNotes: inout FileFindings, runValidator: RunValidator, links: ServicePlanLinkIndex) throws {
        switch event {
        case .fileDiagnostic(let diagnostic):
            file.count(diagnostic)
            try consumer.consume(diagnostic)
        case .record(let outcome, let prepared):
            file.records.read += 1
            let product: Product
            switch outcome {
            case .imported(var imported):
                let added = runValidator.check(&imported)
                product = imported
                file.records.imported += 1
                links.add(imported)
                // A run rule's diagnostic changes the record, so it is encoded again; its own diagnostics are not.
                try consumer.consume(imported, prepared: added.isEmpty ? prepared?.record : nil)
            case .rejected(let rejected):
                product = rejected.product
                file.records.rejected += 1
                columnNotes.countRejection(rejected)
                try consumer.consume(rejected)
            }
            for attribute in product.attributes where !attribute.isMapped { unmapped[attribute.label, default: 0] += 1 }
            let preparedDiagnostics = prepared?.diagnostics ?? []
            for (index, diagnostic) in product.diagnostics.enumerated() {
                file.count(diagnostic)
                try consumer.consume(diagnostic, prepared: index < preparedDiagnostics.count ? preparedDiagnostics[index] : nil)
            }
            for note in product.columnNotes where columnNotes.isFirst(note) {
                file.count(note)
                try consumer.consume(note)
            }
        }
    }

    /// The file-level verdict once every record of a file is handed on: a file that gave records and imported
    /// none gets one `file.nothing-imported` error naming the most frequent cause and its fix.
    private static func closeFile(counted: inout FileReport, findings: FileFindings, into consumer: ImportConsumer) throws {
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
    private var seen = Set<String>()
    /// For each error code, how many rejected records carry it (once per record).
    private var rejectionCauses: [String: Int] = [:]

    mutating func isFirst(_ note: Diagnostic) -> Bool {
        seen.insert(note.code + "\u{0}" + (note.location.field ?? "")).inserted
    }

    mutating func countRejection(_ rejected: RejectedRecord) {
        let codes = Set((rejected.product.diagnostics + rejected.product.columnNotes).filter { $0.severity == .error }.map(\.code))
        for code in codes { rejectionCauses[code, default: 0] += 1 }
    }

    /// The error most rejected records share, preferring the underlying finding (`price.currency-missing`) to the
    /// rejection it led to (`record.no-usable-price`); ties go to the code first in byte order.
    var mostFrequentCause: (code: String, records: Int)? {
        let ranked = rejectionCauses.sorted { lhs, rhs in
            let (left, right) = (lhs.key.hasPrefix("record.") ? 1 : 0, rhs.key.hasPrefix("record.") ? 1 : 0)
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
    static func nothingImported(_ path: String, records: Int, cause: (code: String, records: Int)?) -> Diagnostic {
        let all = records == 1 ? "its only record was rejected" : "all \(records) records were rejected"
        var message = "Nothing was imported from \(path): \(all)"
        if let cause {
            let share = cause.records == records ? (records == 1 ? "it has" : "all have") : "\(cause.records) of them have"
            message += "; \(share) \(cause.code)"
            switch cause.code {
            case "price.currency-missing", "price.currency-ambiguous":
                message += " (prices without a currency Katalog could decide): pass --currency CODE or set `currency:` for this source in the configuration"
            case "price.currency-unknown":
                message += ": the currency code is not ISO 4217; fix the source or set `currency:` for it"
            case "record.unidentified":
                message += " (no SKU, GTIN or title): check the column names against the label dictionary (see label.unmapped) or add a --labels file"
            default:
                message += "; see rejects.jsonl for each record's reasons"
            }
        }
        return Diagnostic(.error, "file.nothing-imported", message + ".", at: SourceLocation(file: path))
    }

    static func inputUnreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(.error, "input.unreadable", "\(path) cannot be read: \(reason). No records were taken from it.", at: SourceLocation(file: path))
    }

    static func configurationSkipped(_ path: String) -> Diagnostic {
        Diagnostic(.info, "input.configuration-skipped", "\(path) is a Katalog configuration file, not a product source; it was skipped. Pass it with --config to use it.", at: SourceLocation(file: path))
    }

    static func noReader(_ kind: InputKind, at location: SourceLocation) -> Diagnostic {
        if kind == .exchangeRates {
            return Diagnostic(.info, "input.not-a-catalog", "The file holds ECB exchange rates, not products; it was skipped. Pass it with --rates to convert prices.", at: location)
        }
        if kind == .unknown {
            return Diagnostic(.warning, "input.unsupported", "The file is empty, binary or of a kind Katalog does not read; it was skipped.", at: location)
        }
        return Diagnostic(.error, "input.no-reader", "The file looks like \(kind.rawValue), which this build of Katalog cannot read; it was skipped.", at: location)
    }
}
