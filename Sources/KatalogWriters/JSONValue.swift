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
        var out = ""
        write(to: &out, pretty: true, level: indent)
        return out
    }

    /// One line, no spaces, keys sorted.
    public var compact: String {
        var out = ""
        write(to: &out, pretty: false, level: 0)
        return out
    }

    func write(to out: inout String, pretty: Bool, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): Self.escape(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(&out, level + 1) }
                item.write(to: &out, pretty: pretty, level: level + 1)
            }
            if pretty { Self.newline(&out, level) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, key) in members.keys.sorted(by: Self.byteOrder).enumerated() {
                if index > 0 { out += "," }
                if pretty { Self.newline(&out, level + 1) }
                Self.escape(key, into: &out)
                out += pretty ? ": " : ":"
                members[key, default: .null].write(to: &out, pretty: pretty, level: level + 1)
            }
            if pretty { Self.newline(&out, level) }
            out += "}"
        }
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    private static func newline(_ out: inout String, _ level: Int) {
        out += "\n"
        out += String(repeating: "  ", count: level)
    }

    static func escape(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
