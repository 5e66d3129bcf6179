/// A JSON value as found in a page: numbers keep their source text, object members keep their order and line.
enum JSONValue: Sendable, Hashable {
    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONValue
        /// 1-based line of the member inside the parsed text.
        var line: Int
    }

    case object([Member])
    case array([JSONValue])
    case string(String)
    /// The number exactly as written (`58.99`, `1e3`), so no precision is lost before normalization.
    case number(String)
    case bool(Bool)
    case null

    /// The first member named `key`, when `self` is an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var members: [Member] {
        if case .object(let members) = self { return members }
        return []
    }

    /// `self` as a list: an array's elements, or `[self]`.
    var elements: [JSONValue] {
        if case .array(let values) = self { return values }
        return [self]
    }

    /// A scalar rendered as text (`true`, `58.99`, the string); nil for objects, arrays and null.
    var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .object, .array, .null: return nil
        }
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
