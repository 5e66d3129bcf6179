import Foundation
import KatalogCore
import KatalogWriters
#if canImport(Glibc)
import Glibc
#endif

/// Where `MapOutput` writes: standard output, a file, or a test's buffer.
public protocol ByteStream: AnyObject {
    func write(_ bytes: [UInt8]) throws
    func flush() throws
}

/// A buffered stream over a file descriptor (1 MiB). A closed pipe is an error, not a crash.
public final class FileDescriptorStream: ByteStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    public init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// Opens the file at `path` for writing, creating or emptying a regular file. A device or pipe
    /// (`--findings /dev/null`) is opened as it is: `FileManager.createFile` wrote an empty file beside it and renamed
    /// it over, which, run as root, replaced `/dev/null` with a regular file.
    public convenience init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "cannot be created: \(String(cString: strerror(errno)))")
        }
        self.init(FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension AtomicFile: ByteStream {
    public func write(_ bytes: [UInt8]) throws { try write(bytes: bytes) }
    /// Buffered bytes reach the file when it is sealed; nothing to do before.
    public func flush() throws {}
}

/// The consumer of `katalog map`: a streaming mapper for Spark's `RDD.pipe` and Hadoop Streaming. Every imported
/// record is one `catalog.jsonl` line on `records` (prefixed with its partition and a tab with `--partitions`, the
/// key/value form Hadoop Streaming splits on); every diagnostic and every rejected record is one line on `findings`
/// (`{"diagnostic":{…}}`, `{"rejected":{…}}`), and a last `{"summary":{…}}` line gives the counts, so read =
/// imported + rejected can be checked downstream. Nothing is buffered beyond 1 MiB and nothing is written to disk.
public final class MapOutput: ImportConsumer {
    private let records: ByteStream
    private let findings: ByteStream?
    private let partitioning: Partitioning?
    private var counts = RecordCounts()

    public init(records: ByteStream, findings: ByteStream?, partitioning: Partitioning?) {
        self.records = records
        self.findings = findings
        self.partitioning = partitioning
    }

    public var preparation: RecordPreparation<EncodedProduct, [UInt8]>? {
        let partitioning = self.partitioning
        return RecordPreparation(record: { CatalogOutput.encode($0, files: .jsonLines, partitioning: partitioning) }, diagnostic: Self.findingLine)
    }

    /// `{"diagnostic":{…}}` and a newline.
    static func findingLine(_ diagnostic: Diagnostic) -> [UInt8] {
        Array(#"{"diagnostic":"#.utf8) + CatalogOutput.compactDiagnostic(diagnostic) + Array("}\n".utf8)
    }

    public func consume(_ product: Product) throws {
        try consume(product, prepared: CatalogOutput.encode(product, files: .jsonLines, partitioning: partitioning))
    }

    public func consume(_ product: Product, prepared: EncodedProduct) throws {
        counts.read += 1
        counts.imported += 1
        if let partition = prepared.partition { try records.write(Array("\(partition)\t".utf8)) }
        try records.write(prepared.jsonLine)
    }

    public func consume(_ rejected: RejectedRecord) throws {
        counts.read += 1
        counts.rejected += 1
        try findings?.write(Array(#"{"rejected":"#.utf8) + CatalogOutput.rejectLine(rejected).dropLast() + Array("}\n".utf8))
    }

    public func consume(_ diagnostic: Diagnostic) throws {
        try findings?.write(Self.findingLine(diagnostic))
    }

    public func consume(_ diagnostic: Diagnostic, prepared: [UInt8]) throws {
        try findings?.write(prepared)
    }

    /// Writes the summary line and flushes both streams.
    public func finish(_ report: ImportReport) throws {
        let total = report.totalRecords
        let summary = #"{"summary":{"files":\#(report.files.count),"imported":\#(total.imported),"read":\#(total.read),"rejected":\#(total.rejected),"unreadable_files":\#(report.unreadableFiles.count)}}"# + "\n"
        try findings?.write(Array(summary.utf8))
        try records.flush()
        try findings?.flush()
    }
}
