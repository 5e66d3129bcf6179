import CLibXML2
import Foundation

/// A gzip- or xz-compressed input (`feed.xml.gz`, `export.csv.xz`: feeds are often published so), decompressed as a
/// stream through libxml2's own input layer. Debian's libxml2 is built with zlib and liblzma, so no second C library
/// is wrapped for it.
///
/// Only a file whose first bytes are a gzip or xz header is opened here, and only by an absolute path: libxml2 would
/// take a name that starts with `http://` or `ftp://` for a URL. A `.tar.gz` decompresses to a tar archive, which the
/// sniffer then finds binary and skips.
public final class CompressedFile {
    /// The compression formats recognised by their first bytes.
    public enum Format: String, Sendable {
        case gzip, xz
    }

    /// Why the decompressed bytes ended early.
    public struct Damaged: Error, CustomStringConvertible {
        /// libxml2's or the compression library's own words.
        public let reason: String
        public var description: String { reason }
    }

    /// The format of a file that starts with `prefix`, or nil when it is not compressed.
    public static func format(prefix: some Collection<UInt8>) -> Format? {
        let head = Array(prefix.prefix(6))
        if head.count >= 3, head[0] == 0x1F, head[1] == 0x8B, head[2] == 0x08 { return .gzip }
        if head == [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00] { return .xz }
        return nil
    }

    /// The format of the file at `path` by its first bytes; nil when it is not compressed or cannot be opened (the
    /// reader then says why).
    public static func format(ofFileAt path: String) -> Format? {
        format(prefix: FileHead.of(path: path))
    }

    /// The name of the file inside: `feed.csv.gz` → `feed.csv`, `export.xz` → `export`; a name without the
    /// format's extension is kept as it is.
    public static func innerName(of name: String) -> String {
        for suffix in [".gz", ".gzip", ".xz", ".tgz"] where name.count > suffix.count && name.lowercased().hasSuffix(suffix) {
            let inner = String(name.dropLast(suffix.count))
            return suffix == ".tgz" ? inner + ".tar" : inner
        }
        return name
    }

    private let input: xmlParserInputBufferPtr
    private let capture = ParserMessageCapture()
    private var ended = false
    private var delivered = 0
    private let format: Format

    /// Opens `path`, compressed in `format`, for decompression; throws when it cannot be opened.
    public init(path: String, format: Format) throws {
        self.format = format
        LibXML2Runtime.ensureInitialized()
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard let input = capture.run({ xmlParserInputBufferCreateFilename(absolute, XML_CHAR_ENCODING_NONE) }) else {
            throw Damaged(reason: capture.messages.first?.text ?? "it cannot be opened")
        }
        self.input = input
    }

    deinit { xmlFreeParserInputBuffer(input) }

    /// Hands the next decompressed bytes (up to about `maximum`) to `body`; returns false at the end of the data.
    /// Throws `Damaged` when the compressed data is cut short or corrupt; the bytes before were handed on.
    public func next(upTo maximum: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        guard !ended else { return false }
        let count = capture.run { xmlParserInputBufferRead(input, Int32(clamping: maximum)) }
        if let buffer = input.pointee.buffer, xmlBufUse(buffer) > 0, let content = xmlBufContent(buffer) {
            let used = xmlBufUse(buffer)
            try body(UnsafeRawBufferPointer(start: content, count: used))
            xmlBufShrink(buffer, used)
            delivered += used
        }
        if count < 0 || input.pointee.error != 0 {
            ended = true
            // libxml2's own message names the failed call with the errno of the moment, which says nothing here.
            throw Damaged(reason: "the \(format.rawValue) data stops being readable after \(delivered) decompressed bytes")
        }
        if count == 0 {
            ended = true
            return false
        }
        return true
    }
}
