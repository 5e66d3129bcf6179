import Foundation

/// A JSON value as read back from a run's output files (`catalog.jsonl`, `rejects.jsonl`, `report.json`).
///
/// The report reads the files a run wrote rather than the pipeline's types, so it only needs to agree with the
/// documented output schema. Numbers keep their text exactly as written (`JSONNode+Parsing.swift`).
enum JSONNode: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])

    /// The member `key` of an object; nil for a missing key, a JSON null, or a value that is not an object.
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = self, let value = members[key], value != .null else { return nil }
        return value
    }

    /// A string, or a number's text; nil otherwise.
    var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value
        case .bool(let value): value ? "yes" : "no"
        default: nil
        }
    }

    var int: Int? {
        if case .number(let value) = self { return Int(value) }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [JSONNode] {
        if case .array(let items) = self { return items }
        return []
    }

    var members: [String: JSONNode] {
        if case .object(let members) = self { return members }
        return [:]
    }
}
