import Foundation
import KatalogCore

/// A JSON value with exact numbers, serialized deterministically (sorted keys, fixed escaping).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as exact decimal text (`58.99`, `140`); never a binary float.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func int(_ value: Int?) -> JSONValue { value.map { .number(String($0)) } ?? .null }
    public static func decimal(_ text: String?) -> JSONValue { text.map(JSONValue.number) ?? .null }

    /// Pretty-printed: two-space indentation, keys sorted by their UTF-8 bytes, `/` not escaped.
    public func pretty(indent: Int = 0) -> String {
        String(decoding: prettyBytes(indent: indent), as: UTF8.self)
    }

    /// One line, no spaces, keys sorted.
    public var compact: String {
        String(decoding: compactBytes, as: UTF8.self)
    }

    /// `pretty(indent:)` as UTF-8 bytes, ready to write.
    public func prettyBytes(indent: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out, pretty: true, level: indent)
        return out
    }

    /// `compact` as UTF-8 bytes, ready to write.
    public var compactBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(to: &out, pretty: false, level: 0)
        return out
    }

    func write(to out: inout [UInt8], pretty: Bool, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): Self.escape(text, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, level + 1) }
                item.write(to: &out, pretty: pretty, level: level + 1)
            }
            if pretty { Self.newline(&out, level) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: Self.byteOrder).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, level + 1) }
                Self.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                members[key, default: .null].write(to: &out, pretty: pretty, level: level + 1)
            }
            if pretty { Self.newline(&out, level) }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    private static func newline(_ out: inout [UInt8], _ level: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, U+2028/U+2029
    /// escaped for JavaScript consumers, everything else as UTF-8.
    static func escape(_ text: String, into out: inout [UInt8]) {
        // Fast path: copy the whole string when no byte needs escaping (0xE2 may start U+2028/U+2029).
        var text = text
        let clean = text.withUTF8 { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }
        }
        if clean {
            out.append(0x22)
            text.withUTF8 { out.append(contentsOf: $0) }
            out.append(0x22)
            return
        }
        out.append(0x22)
        var previous2: UInt8 = 0, previous1: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20, 0x7F:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            case 0xA8 where previous2 == 0xE2 && previous1 == 0x80, 0xA9 where previous2 == 0xE2 && previous1 == 0x80:
                // U+2028 / U+2029: replace the two bytes already written (E2 80) with the escape.
                out.removeLast(2)
                out.append(contentsOf: (byte == 0xA8 ? "\\u2028" : "\\u2029").utf8)
            default:
                out.append(byte)
            }
            previous2 = previous1
            previous1 = byte
        }
        out.append(0x22)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
