import Foundation

/// Reading the bundled data tables (labels, vocabularies, currencies…): parsed in `.exact` mode, then walked by hand.
///
/// `JSONDecoder` spends most of its time on a short run in generic `Codable` machinery (type metadata and
/// conformance look-ups) rather than on the bytes; the tables are nested objects of string lists, so parsing them
/// into a `ParsedJSON` tree and walking it is several times cheaper. Users' files keep `Decodable`.
extension ParsedJSON {
    /// The mismatch between a table file's shape and what the code expects.
    struct ShapeError: Error, CustomStringConvertible {
        var path: String
        var expected: String
        var description: String { "\(path.isEmpty ? "top level" : path): expected \(expected)" }
    }

    /// Reads one table file: RFC 8259 to the letter (`JSONParser.Mode.exact`: a UTF-8 byte order mark is skipped,
    /// invalid UTF-8 is an error). Throws `JSONSyntaxError`.
    static func parseTable(_ data: Data) throws -> ParsedJSON {
        var parser = JSONParser(bytes: [UInt8](data), mode: .exact)
        return try strictly { () throws(JSONParser.SyntaxError) in try parser.parse() }
    }

    // MARK: - Reading values
    //
    // A shape error names where it happened (`labels.sku.en`): each level adds its member name or index as the
    // error passes through, so nothing is spent on paths while the file is well formed.

    /// The members of an object by name (the last of a repeated name wins), each read by `read`.
    func dictionary<Value>(_ read: (ParsedJSON) throws -> Value) throws -> [String: Value] {
        guard case .object(let members) = self else { throw ShapeError(path: "", expected: "an object") }
        var result: [String: Value] = [:]
        result.reserveCapacity(members.count)
        for member in members { result.updateValue(try Self.within(member.key) { try read(member.value) }, forKey: member.key) }
        return result
    }

    /// The items of an array, each read by `read`.
    func array<Value>(_ read: (ParsedJSON) throws -> Value) throws -> [Value] {
        guard case .array(let items) = self else { throw ShapeError(path: "", expected: "an array") }
        var result: [Value] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() { result.append(try Self.within("[\(index)]") { try read(item) }) }
        return result
    }

    /// The items of an array of strings.
    func strings() throws -> [String] {
        guard case .array(let items) = self else { throw ShapeError(path: "", expected: "an array of strings") }
        return try items.map { item in
            guard case .string(let text) = item else { throw ShapeError(path: "", expected: "an array of strings") }
            return text
        }
    }

    func string() throws -> String {
        guard case .string(let text) = self else { throw ShapeError(path: "", expected: "a string") }
        return text
    }

    func int() throws -> Int {
        guard case .number(let text) = self, let value = Int(text) else { throw ShapeError(path: "", expected: "a whole number") }
        return value
    }

    /// Member `name` read by `read`; nil when it is absent or null.
    func optional<Value>(_ name: String, _ read: (ParsedJSON) throws -> Value) throws -> Value? {
        guard let value = member(name) else { return nil }
        return try Self.within(name) { try read(value) }
    }

    /// Member `name` read by `read`; a shape error when it is absent or null.
    func required<Value>(_ name: String, _ read: (ParsedJSON) throws -> Value) throws -> Value {
        guard let value = member(name) else { throw ShapeError(path: name, expected: "a value") }
        return try Self.within(name) { try read(value) }
    }

    /// The value of member `name` (the last of a repeated name, unlike `subscript(key:)`), nil when absent or null.
    func member(_ name: String) -> ParsedJSON? {
        guard case .object(let members) = self, let value = members.last(where: { $0.key == name })?.value else { return nil }
        if case .null = value { return nil }
        return value
    }

    /// Runs `read`, putting `step` in front of the path of a shape error it throws.
    private static func within<Value>(_ step: String, _ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch var error as ShapeError {
            error.path = error.path.isEmpty ? step : error.path.hasPrefix("[") ? step + error.path : step + "." + error.path
            throw error
        }
    }
}
