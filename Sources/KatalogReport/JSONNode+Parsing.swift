import Foundation
import KatalogCore

extension JSONNode {
    /// Parses one JSON text with the strict parser (`ParsedJSON.parseStrict`: numbers keep their text, depth is
    /// limited, trailing content is an error) and takes it as the report's view of JSON. Throws `JSONSyntaxError`.
    static func parse(_ data: Data) throws -> JSONNode {
        try parse(Array(data))
    }

    /// `parse(_:)` of bytes (a line of a run's JSON Lines files).
    static func parse(_ bytes: [UInt8]) throws -> JSONNode {
        JSONNode(try ParsedJSON.parseStrict(bytes))
    }

    /// The same value; an object's repeated key keeps its last value.
    init(_ value: ParsedJSON) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let text): self = .number(text)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONNode.init))
        case .object(let members):
            var object: [String: JSONNode] = [:]
            object.reserveCapacity(members.count)
            for member in members { object[member.key] = JSONNode(member.value) }
            self = .object(object)
        }
    }
}
