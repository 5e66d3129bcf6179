import KatalogCore

/// Receives what a reader finds, as soon as it finds it, so large inputs stream with flat memory.
public protocol RecordSink: AnyObject {
    /// One complete input record. Every record a reader sees must be handed over, even a broken one.
    /// `consuming`: a sink that keeps or forwards the record takes it over, without copying it.
    func accept(_ record: consuming RawRecord)
    /// A finding about the file rather than one record (parser recovery, encoding, truncation).
    func report(_ diagnostic: Diagnostic)
    /// The character encoding the document was decoded with, for the report. Called at most once per document.
    func noteEncoding(_ encoding: TextEncodingInfo)
}

extension RecordSink {
    public func noteEncoding(_ encoding: TextEncodingInfo) {}
}

/// Reads one kind of input. Knows its syntax and nothing about normalization.
public protocol RecordReader: Sendable {
    /// Reads `document`, handing each record and file-level diagnostic to `sink` in document order.
    ///
    /// Malformed content is reported to the sink and reading goes on; this throws only when the file cannot be
    /// read at all (missing, permission denied, an I/O error), and records handed over before that still count.
    func read(_ document: SourceDocument, into sink: RecordSink) throws
}

/// The file could not be opened or read.
public struct InputUnreadable: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot read input: \(reason)" }
}

/// A sink that keeps everything in memory; for tests and small documents.
public final class CollectingSink: RecordSink {
    public private(set) var records: [RawRecord] = []
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var encoding: TextEncodingInfo?

    public init() {}

    public func noteEncoding(_ encoding: TextEncodingInfo) { self.encoding = encoding }

    public func accept(_ record: consuming RawRecord) { records.append(record) }
    public func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
