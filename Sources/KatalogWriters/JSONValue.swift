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
        var json = JSONWriter(compact: false, prettyIndent: indent)
        write(to: &json)
        return json.pretty
    }

    /// `compact` as UTF-8 bytes, ready to write.
    public var compactBytes: [UInt8] {
        var json = JSONWriter(compact: true, prettyIndent: nil, capacity: 512)
        write(to: &json)
        return json.compact
    }

    func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let value): json.bool(value)
        case .number(let text): json.number(text)
        case .string(let text): json.string(text)
        case .array(let items): json.array(items) { $0.write(to: &$1) }
        case .object(let members):
            json.beginObject()
            for (key, value) in members.sorted(by: { Self.byteOrder($0.key, $1.key) }) {
                json.key(key)
                value.write(to: &json)
            }
            json.endObject()
        }
    }

    /// Whether `a` sorts before `b` by their UTF-8 bytes (the key order of every file).
    public static func byteOrder(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }
}
