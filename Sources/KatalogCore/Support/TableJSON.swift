import Foundation

/// A JSON value as read by `TableJSON`: a small reader for the big bundled string tables (labels, vocabularies).
///
/// `JSONDecoder` spends most of its time on a short run in generic `Codable` machinery (type metadata and
/// conformance look-ups) rather than on the bytes; the label and vocabulary files are nested objects of string
/// lists, so reading them into this tree and walking it is several times cheaper. Other tables, and users' files,
/// keep `Decodable`.
enum TableJSON: Equatable {
    case string(String)
    /// A number, as written.
    case number(String)
    case bool(Bool)
    case null
    case array([TableJSON])
    /// Members in document order; a repeated name keeps its last value when read as a dictionary.
    case object([(name: String, value: TableJSON)])

    struct SyntaxError: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "JSON syntax error at byte \(offset): \(reason)" }
    }

    /// The mismatch between a table file's shape and what the code expects.
    struct ShapeError: Error, CustomStringConvertible {
        var path: String
        var expected: String
        var description: String { "\(path.isEmpty ? "top level" : path): expected \(expected)" }
    }

    /// Reads one JSON document (RFC 8259; a UTF-8 byte order mark is skipped).
    static func parse(_ data: Data) throws -> TableJSON {
        try data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            return try reader.document()
        }
    }

    static func == (lhs: TableJSON, rhs: TableJSON) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)), let (.number(a), .number(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        default: return false
        }
    }

    // MARK: - Reading values
    //
    // A shape error names where it happened (`labels.sku.en`): each level adds its member name or index as the
    // error passes through, so nothing is spent on paths while the file is well formed.

    /// The members of an object by name (the last of a repeated name wins), each read by `read`.
    func dictionary<Value>(_ read: (TableJSON) throws -> Value) throws -> [String: Value] {
        guard case .object(let members) = self else { throw ShapeError(path: "", expected: "an object") }
        var result: [String: Value] = [:]
        result.reserveCapacity(members.count)
        for member in members { result.updateValue(try Self.within(member.name) { try read(member.value) }, forKey: member.name) }
        return result
    }

    /// The items of an array, each read by `read`.
    func array<Value>(_ read: (TableJSON) throws -> Value) throws -> [Value] {
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
    func optional<Value>(_ name: String, _ read: (TableJSON) throws -> Value) throws -> Value? {
        guard let value = member(name) else { return nil }
        return try Self.within(name) { try read(value) }
    }

    /// Member `name` read by `read`; a shape error when it is absent or null.
    func required<Value>(_ name: String, _ read: (TableJSON) throws -> Value) throws -> Value {
        guard let value = member(name) else { throw ShapeError(path: name, expected: "a value") }
        return try Self.within(name) { try read(value) }
    }

    /// The value of member `name`, nil when absent or null.
    func member(_ name: String) -> TableJSON? {
        guard case .object(let members) = self, let value = members.last(where: { $0.name == name })?.value else { return nil }
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

    // MARK: - Reader

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func document() throws -> TableJSON {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
            let value = try self.value(depth: 0)
            skipSpace()
            guard index == bytes.count else { throw error("text after the document") }
            return value
        }

        private func error(_ reason: String) -> SyntaxError { SyntaxError(offset: index, reason: reason) }

        private mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        private mutating func expect(_ byte: UInt8) throws {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { throw error("expected \"\(Character(Unicode.Scalar(byte)))\"") }
            index += 1
        }

        /// Consumes `byte` (after white space) when it comes next.
        private mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func value(depth: Int) throws -> TableJSON {
            guard depth < 256 else { throw error("nesting too deep") }
            skipSpace()
            guard index < bytes.count else { throw error("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(name: String, value: TableJSON)] = []
                if take(UInt8(ascii: "}")) { return .object(members) }
                repeat {
                    skipSpace()
                    let name = try string()
                    try expect(UInt8(ascii: ":"))
                    members.append((name, try value(depth: depth + 1)))
                } while take(UInt8(ascii: ","))
                try expect(UInt8(ascii: "}"))
                return .object(members)
            case UInt8(ascii: "["):
                index += 1
                var items: [TableJSON] = []
                if take(UInt8(ascii: "]")) { return .array(items) }
                repeat { items.append(try value(depth: depth + 1)) } while take(UInt8(ascii: ","))
                try expect(UInt8(ascii: "]"))
                return .array(items)
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default:
                return .number(try number())
            }
        }

        private mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] }) else { throw error("unknown literal") }
            index += count
        }

        private mutating func number() throws -> String {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            let first = index
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > first else { throw error("expected a value") }
            guard bytes[first] != 0x30 || index == first + 1 else { throw error("leading zero") }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        /// A string; the common case (no escapes) is one slice of the input.
        private mutating func string() throws -> String {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string") }
            index += 1
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    return try validated(slice)
                }
                if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
                if byte < 0x20 { throw error("control character in a string") }
                index += 1
            }
            throw error("unterminated string")
        }

        private func validated(_ slice: UnsafeBufferPointer<UInt8>) throws -> String {
            guard let text = String(validating: slice, as: UTF8.self) else { throw error("invalid UTF-8") }
            return text
        }

        private mutating func escapedString(from start: Int) throws -> String {
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return try buffer.withUnsafeBufferPointer { try validated($0) }
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw error("unterminated string") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                                throw error("unpaired surrogate")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw error("unpaired surrogate")
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid escape") }
                        buffer.append(contentsOf: String(unicode).utf8)
                    default:
                        throw error("invalid escape")
                    }
                default:
                    if byte < 0x20 { throw error("control character in a string") }
                    buffer.append(byte)
                }
            }
            throw error("unterminated string")
        }

        private mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("invalid escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw error("invalid escape")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}
