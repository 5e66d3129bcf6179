import Foundation

/// A JSON value as read back from a run's output files (`catalog.jsonl`, `rejects.jsonl`, `report.json`).
///
/// The report reads the files a run wrote rather than the pipeline's types, so it only needs to agree with the
/// documented output schema. Numbers keep the text they had when they were integers; other numbers are printed
/// back from a `Double` (the catalog writes money as strings, so no amount goes through a float).
enum JSONNode: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(String(value))
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONNode].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONNode].self))
        }
    }

    /// Parses one JSON text; throws when it is not JSON.
    static func parse(_ data: Data) throws -> JSONNode {
        try JSONDecoder().decode(JSONNode.self, from: data)
    }

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
