/// A JSON value as parsed by `JSONParser` (a page's JSON-LD, a feed item, a catalog line, a bundled table): numbers
/// keep their source text, object members keep their order and line. Not to be confused with KatalogWriters'
/// `JSONValue`, a value to write.
public enum ParsedJSON: Sendable, Hashable {
    /// An object's member.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: ParsedJSON
        /// 1-based line of the member inside the parsed text.
        public var line: Int

        public init(key: String, value: ParsedJSON, line: Int) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    case object([Member])
    case array([ParsedJSON])
    case string(String)
    /// The number exactly as written (`58.99`, `1e3`), so no precision is lost before normalization.
    case number(String)
    case bool(Bool)
    case null

    /// The first member named `key`, when `self` is an object.
    public subscript(key: String) -> ParsedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// An object's members in document order; empty for anything else.
    public var members: [Member] {
        if case .object(let members) = self { return members }
        return []
    }

    /// `self` as a list: an array's elements, or `[self]`.
    public var elements: [ParsedJSON] {
        if case .array(let values) = self { return values }
        return [self]
    }

    /// A scalar rendered as text (`true`, `58.99`, the string); nil for objects, arrays and null.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .object, .array, .null: return nil
        }
    }

    /// Whether `self` is an object.
    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

extension ParsedJSON {
    /// Parses one strict JSON document (a line of Katalog's own `catalog.jsonl`, say): numbers keep their text,
    /// members their order. Throws a description of the fault with its line.
    public static func parseStrict(_ bytes: [UInt8]) throws -> ParsedJSON {
        var parser = JSONParser(bytes: bytes, mode: .strict)
        return try strictly { () throws(JSONParser.SyntaxError) in try parser.parse() }
    }

    /// The strict JSON object in `bytes` with only its members named in `names` (parsed, in order); the others are
    /// checked but not built: a catalog line's identifying fields, say, at a fraction of parsing the whole line.
    public static func parseStrict(_ bytes: [UInt8], keeping names: Set<String>) throws -> ParsedJSON {
        var parser = JSONParser(bytes: bytes, mode: .strict)
        return .object(try strictly { () throws(JSONParser.SyntaxError) in try parser.topLevelMembers(where: names.contains) })
    }

    /// The strict JSON object in `bytes` without its members named in `names` (checked, not built).
    public static func parseStrict(_ bytes: [UInt8], skipping names: Set<String>) throws -> ParsedJSON {
        var parser = JSONParser(bytes: bytes, mode: .strict)
        return .object(try strictly { () throws(JSONParser.SyntaxError) in try parser.topLevelMembers { !names.contains($0) } })
    }

    /// `parse`'s result, its syntax error turned into a `JSONSyntaxError`.
    static func strictly<T>(_ parse: () throws(JSONParser.SyntaxError) -> T) throws -> T {
        let result: Result<T, JSONParser.SyntaxError>
        do throws(JSONParser.SyntaxError) {
            result = .success(try parse())
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw JSONSyntaxError(line: error.line, message: error.message, offset: error.offset)
        }
    }
}

/// Why a strict JSON document could not be parsed.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable {
    /// 1-based line of the fault.
    public var line: Int
    public var message: String
    /// Byte offset of the fault.
    public var offset: Int
    public var description: String { "line \(line): \(message)" }
}
