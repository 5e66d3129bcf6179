import Foundation
import KatalogCore

/// Reads a file in fixed-size chunks and hands them on as UTF-8, whatever the file's encoding: UTF-8 (BOM
/// skipped), UTF-16 LE/BE (Excel's "Unicode text"), or a single-byte code page known to `TextDecoding`
/// (windows-1257, windows-1250, ISO-8859-2, …). Memory is one chunk plus its transcoding.
///
/// Bytes that are invalid in the encoding become U+FFFD (counted in `invalidSequences`).
final class FeedTextSource {
    static let chunkSize = 1 << 20

    let encoding: TextEncodingInfo
    private let file: FileChunks
    private var pending: Data
    private let singleByte: [[UInt8]]?
    private(set) var bytesRead = 0
    private(set) var invalidSequences = 0
    /// A UTF-16 code unit half or a high surrogate carried to the next chunk.
    private var carry: [UInt8] = []

    /// Opens `path`; the first chunk is read to find the encoding (BOM, then `declared`, then a sniff).
    init(path: String, declared: TextEncodingInfo?) throws {
        guard let file = FileChunks(path: path) else {
            throw InputUnreadable(path: path, reason: "cannot open file")
        }
        self.file = file
        var first: Data
        do { first = try file.next(upTo: Self.chunkSize) } catch {
            throw InputUnreadable(path: path, reason: error.localizedDescription)
        }
        bytesRead = first.count
        let bom = first.withUnsafeBytes { TextDecoding.byteOrderMark($0) }
        if let bom {
            encoding = TextEncodingInfo(name: bom.name, source: "bom")
            first.removeFirst(bom.length)
        } else if let declared, declared.source != "default", let name = TextDecoding.canonicalName(declared.name) {
            encoding = TextEncodingInfo(name: name == "utf-16" ? "utf-16le" : name, source: declared.source)
        } else {
            encoding = TextDecoding.decode(first.prefix(256 * 1024)).encoding
        }
        pending = first
        singleByte = Self.singleByteTable(for: encoding.name)
    }

    /// The next chunk as UTF-8, or nil at the end of the file.
    func next() throws -> Data? {
        let raw: Data
        if !pending.isEmpty {
            raw = pending
            pending = Data()
        } else {
            guard case let chunk = try file.next(upTo: Self.chunkSize), !chunk.isEmpty else {
                if !carry.isEmpty { invalidSequences += 1; carry = []; return Data("\u{FFFD}".utf8) }
                return nil
            }
            bytesRead += chunk.count
            raw = chunk
        }
        switch encoding.name {
        case "utf-8": return raw
        case "utf-16le": return transcodeUTF16(raw, bigEndian: false)
        case "utf-16be": return transcodeUTF16(raw, bigEndian: true)
        default: return singleByte.map { transcodeSingleByte(raw, table: $0) } ?? raw
        }
    }

    /// UTF-8 bytes for 0x80…0xFF in a single-byte code page; nil for UTF-8/16.
    private static func singleByteTable(for name: String) -> [[UInt8]]? {
        guard !name.hasPrefix("utf-") else { return nil }
        let high = Data((0x80...0xFF).map { UInt8($0) })
        let decoded = high.withUnsafeBytes { TextDecoding.decode($0, as: name, source: "declared") }
        let scalars = Array(decoded.text.unicodeScalars)
        guard scalars.count == 128 else { return nil }
        return scalars.map { Array(String($0).utf8) }
    }

    private func transcodeSingleByte(_ raw: Data, table: [[UInt8]]) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(raw.count + raw.count / 4)
        for byte in raw {
            if byte < 0x80 { out.append(byte) } else {
                let bytes = table[Int(byte) - 0x80]
                if bytes == [0xEF, 0xBF, 0xBD] { invalidSequences += 1 }
                out.append(contentsOf: bytes)
            }
        }
        return Data(out)
    }

    private func transcodeUTF16(_ raw: Data, bigEndian: Bool) -> Data {
        var bytes = carry
        bytes.append(contentsOf: raw)
        carry = []
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        if index < bytes.count { carry = [bytes[index]] }
        // A high surrogate at the very end waits for its partner.
        if let last = units.last, (0xD800...0xDBFF).contains(last) {
            units.removeLast()
            let low = UInt8(truncatingIfNeeded: last), high = UInt8(truncatingIfNeeded: last >> 8)
            carry = (bigEndian ? [high, low] : [low, high]) + carry
        }
        var out = [UInt8]()
        out.reserveCapacity(units.count * 2)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): out.append(contentsOf: String(scalar).utf8)
            case .emptyInput: break loop
            case .error: invalidSequences += 1; out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
        }
        return Data(out)
    }
}
