import KatalogCore
import KatalogWriters

/// A JSON value as written to Katalog's outputs (sorted keys, deterministic bytes).
typealias OutputJSON = KatalogWriters.JSONValue

extension ParsedJSON {
    /// The same value for writing: members become sorted keys (a repeated key keeps its last value).
    var output: OutputJSON {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return .number(text)
        case .string(let text): return .string(text)
        case .array(let values): return .array(values.map(\.output))
        case .object(let members):
            var object: [String: OutputJSON] = [:]
            for member in members { object[member.key] = member.value.output }
            return .object(object)
        }
    }
}
