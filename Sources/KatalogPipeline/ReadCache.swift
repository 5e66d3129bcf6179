import Foundation
import KatalogCore

/// One event of a file's outcome as a `ReadCache` keeps it: enough for the pipeline to hand the file on again
/// without reading it. Products are stored as the map made them, before the run rules, which run again.
public enum StoredEvent: Codable, Sendable, Hashable {
    case fileDiagnostic(Diagnostic)
    case imported(Product)
    case rejected(RejectedRecord)

    /// The event as bytes, in `CompactCoding`'s binary form (decimals stay exact).
    public var encoded: [UInt8] {
        // Encoding a value of our own model cannot fail: every member is Codable and the coder throws nothing itself.
        (try? CompactCoding.encode(self)) ?? []
    }

    /// The event of a file that was stored as `old` and is now found at `new` (a night's folder has another
    /// name): record ids and every location name the new path.
    public func relocated(from old: String, to new: String) -> StoredEvent {
        guard old != new else { return self }
        func move(_ location: inout SourceLocation) { if location.file == old { location.file = new } }
        func move(_ diagnostic: Diagnostic) -> Diagnostic {
            var moved = diagnostic
            move(&moved.location)
            return moved
        }
        func move(_ product: Product) -> Product {
            var moved = product
            if moved.id.hasPrefix(old + "#") { moved.id = new + moved.id.dropFirst(old.count) }
            move(&moved.source)
            moved.diagnostics = moved.diagnostics.map(move)
            moved.columnNotes = moved.columnNotes.map(move)
            return moved
        }
        switch self {
        case .fileDiagnostic(let diagnostic):
            return .fileDiagnostic(move(diagnostic))
        case .imported(let product):
            return .imported(move(product))
        case .rejected(let rejected):
            var record = rejected.record
            move(&record.location)
            return .rejected(RejectedRecord(record: record, product: move(rejected.product), reasons: rejected.reasons))
        }
    }

    /// Reads an event written by `encoded`.
    public init(encoded bytes: [UInt8]) throws {
        self = try CompactCoding.decode(StoredEvent.self, from: bytes)
    }
}

/// A file's stored outcome: its report skeleton (kind, encoding) and its events in input order, fetched in batches.
public struct StoredRead {
    /// The file's report skeleton, named by its path tonight.
    public var skeleton: FileReport
    /// The file's path when its events were stored (ids and locations are moved to tonight's path).
    public var storedPath: String
    /// Returns the next batch of encoded events, or nil after the last one.
    public var nextBatch: () throws -> [[UInt8]]?

    public init(skeleton: FileReport, storedPath: String, nextBatch: @escaping () throws -> [[UInt8]]?) {
        self.skeleton = skeleton
        self.storedPath = storedPath
        self.nextBatch = nextBatch
    }
}

/// Lets a run skip files whose outcome is already known (`katalog sync`'s unchanged files): the pipeline asks for a
/// stored read before reading each file, and tells the cache every event of the files it did read, in order, so the
/// next run can skip them in turn. Replayed files go through the same reduction (run rules, counts, service-plan
/// links, the consumer) as read ones, so outputs are the same as if the file had been read.
public protocol ReadCache: AnyObject {
    /// On the reading thread, in input order: the stored outcome of `input` when it may stand for reading it.
    func storedRead(of input: InputDiscovery.Input) throws -> StoredRead?
    /// On the reduction thread, in input order, for each file that was read (not replayed).
    func beginRecording(_ file: String) throws
    func record(_ event: [UInt8]) throws
    func endRecording(_ skeleton: FileReport) throws
}
