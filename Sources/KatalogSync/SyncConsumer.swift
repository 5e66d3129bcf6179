import Foundation
import KatalogCore
import KatalogPipeline
import KatalogReaders
import KatalogWriters

/// What a worker thread makes of one imported record for `sync`: its catalog bytes, and the facts the state
/// keeps (identity facts, compared fields).
public struct SyncPreparedRecord: Sendable {
    let encoded: EncodedProduct
    /// nil when the catalog line could not be read back (a bug); the reduction then reports it.
    let staged: StagedFacts?
}

/// The identifying facts and compared fields of one record, read from its catalog line.
struct StagedFacts: Sendable {
    var identity: RecordIdentityFacts
    var fields: RecordFields

    /// Reads the facts from the record's `catalog.jsonl` line (the members neither uses are checked, not built).
    init(catalogLine: [UInt8]) throws {
        let record = try ParsedJSON.parseStrict(catalogLine, skipping: RecordFields.skippedTopLevel.subtracting(RecordIdentityFacts.members))
        identity = RecordIdentityFacts(record: record)
        fields = RecordFields(record: record)
    }
}

/// The pipeline's consumer for `sync`: writes the catalog as `import` does and stages every record in the state,
/// in input order, under its identity key.
final class SyncConsumer: ImportConsumer {
    let output: CatalogOutput
    let state: SyncState
    let sources: SourceNames
    let identity: IdentityChain
    private var position = 0
    /// Whether the current file's records were carried over from the last run (`SyncState.carryOver`): they are
    /// written to the catalog but not staged one by one.
    private var carriedOver = false
    /// Called after each staged record, with how many are staged (fault injection for the kill tests).
    var afterStaging: (Int) -> Void = { _ in }

    init(output: CatalogOutput, state: SyncState, sources: SourceNames, identity: IdentityChain) {
        self.output = output
        self.state = state
        self.sources = sources
        self.identity = identity
    }

    var preparation: RecordPreparation<SyncPreparedRecord, EncodedDiagnostic>? {
        // The state is built from the catalog line, so it is made even when catalog.jsonl is not written.
        let files = output.files.union(.jsonLines), layout = output.layout
        return RecordPreparation(record: { product in
            let encoded = CatalogOutput.encode(product, files: files, layout: layout)
            return SyncPreparedRecord(encoded: encoded, staged: try? StagedFacts(catalogLine: encoded.jsonLine))
        }, replayedRecord: { product in
            // A replayed file's records are usually carried over as last night staged them; when they are not, the
            // facts are read on the reduction thread.
            SyncPreparedRecord(encoded: CatalogOutput.encode(product, files: files, layout: layout), staged: nil)
        }, diagnostic: CatalogOutput.encode)
    }

    func beginFile(_ path: String, replayed: Bool) throws {
        carriedOver = false
        if replayed { carriedOver = try state.carryOver(source: sources.name(of: path), from: position, identity: identity) != nil }
    }

    func consume(_ product: Product) throws {
        let encoded = CatalogOutput.encode(product, files: output.files.union(.jsonLines), layout: output.layout)
        if carriedOver {
            try output.write(encoded)
            position += 1
            return
        }
        try consume(product, prepared: SyncPreparedRecord(encoded: encoded, staged: try StagedFacts(catalogLine: encoded.jsonLine)))
    }

    func consume(_ product: Product, prepared: SyncPreparedRecord) throws {
        try output.write(prepared.encoded)
        if carriedOver {
            position += 1
            return
        }
        let source = sources.name(of: product.source.file)
        let facts = try prepared.staged ?? StagedFacts(catalogLine: prepared.encoded.jsonLine)
        try state.stage(
            key: identity.key(of: facts.identity, source: source), source: source, recordID: product.id, position: position,
            gtin14: facts.identity.validGTIN14, fields: facts.fields
        )
        position += 1
        afterStaging(position)
    }

    func consume(_ rejected: RejectedRecord) throws {
        try output.write(rejected)
        // A carried-over file's rejections were last night's too: no record of last night can be "now rejected" by them.
        guard !carriedOver else { return }
        let line = CatalogOutput.encode(rejected.product, files: .jsonLines).jsonLine
        let facts = try StagedFacts(catalogLine: line)
        let source = sources.name(of: rejected.product.source.file)
        try state.stageRejected(key: identity.key(of: facts.identity, source: source), recordID: rejected.product.id, reasons: rejected.reasons.map(\.rawValue))
    }

    func consume(_ diagnostic: Diagnostic) throws {
        // A stored record that could not be read back: the file is read again next run instead of trusting its
        // stored outcome (tonight's catalog lacks the record, and the error says so).
        if diagnostic.code == .inputReplayFailed { state.distrustStoredFile(source: sources.name(of: diagnostic.location.file)) }
        try output.write(diagnostic)
    }
    func consume(_ diagnostic: Diagnostic, prepared: EncodedDiagnostic) throws { try output.write(prepared) }
}
