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

    /// Reads the facts from the record's `catalog.jsonl` line.
    init(catalogLine: [UInt8]) throws {
        let record = try ParsedJSON.parseStrict(catalogLine)
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
        let files = output.files.union(.jsonLines)
        return RecordPreparation(record: { product in
            let encoded = CatalogOutput.encode(product, files: files)
            return SyncPreparedRecord(encoded: encoded, staged: try? StagedFacts(catalogLine: encoded.jsonLine))
        }, diagnostic: CatalogOutput.encode)
    }

    func consume(_ product: Product) throws {
        let encoded = CatalogOutput.encode(product, files: output.files.union(.jsonLines))
        try consume(product, prepared: SyncPreparedRecord(encoded: encoded, staged: try StagedFacts(catalogLine: encoded.jsonLine)))
    }

    func consume(_ product: Product, prepared: SyncPreparedRecord) throws {
        try output.write(prepared.encoded)
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
        let line = CatalogOutput.encode(rejected.product, files: .jsonLines).jsonLine
        let facts = try StagedFacts(catalogLine: line)
        let source = sources.name(of: rejected.product.source.file)
        try state.stageRejected(key: identity.key(of: facts.identity, source: source), recordID: rejected.product.id, reasons: rejected.reasons)
    }

    func consume(_ diagnostic: Diagnostic) throws { try output.write(diagnostic) }
    func consume(_ diagnostic: Diagnostic, prepared: EncodedDiagnostic) throws { try output.write(prepared) }
}
