/// Katalog's one JSON parser, over UTF-8 bytes, depth-limited (nesting deeper than `maxDepth` is an error, not a
/// stack overflow), keeping number literals as written and members in order with their lines.
///
/// Three modes:
/// - `.lenient` accepts what shops really publish in JSON-LD and says what it repaired (each in `repairs`): raw
///   control characters inside strings, trailing commas, a trailing `;`, several top-level values in one block
///   (read as an array), invalid escapes.
/// - `.strict` (for feeds) turns the structural repairs (trailing commas, `;`, several values) into a
///   `SyntaxError`, so a damaged feed item is reported rather than silently patched; raw control characters and
///   unknown escapes are read as in lenient mode.
/// - `.exact` (for the bundled data tables) is RFC 8259 to the letter: on top of strict, raw control characters,
///   unknown escapes, unpaired surrogates, invalid UTF-8 and malformed numbers (`01`, `1.`, `-`) are errors, and a
///   leading UTF-8 byte order mark is skipped.
///
/// A `SyntaxError` carries the line and byte offset where parsing stopped, and whether the input simply ended
/// (a truncated document) rather than being malformed.
public struct JSONParser {
    /// How much damage the parser reads through (see the type's documentation).
    public enum Mode: Sendable {
        case strict
        case lenient
        case exact
    }

    /// Where and why parsing stopped.
    public struct SyntaxError: Error, Sendable {
        /// 1-based line of the fault.
        public var line: Int
        public var message: String
        /// Byte offset of the fault.
        public var offset: Int
        /// True when the input ended before the value did.
        public var truncated: Bool
    }

    /// The deepest nesting read; deeper is a `SyntaxError`.
    public static let maxDepth = 128

    private let bytes: [UInt8]
    private let mode: Mode
    private var position = 0
    private var line = 1
    /// What lenient mode repaired, each told once, in the order first met.
    public private(set) var repairs: [String] = []

    /// A parser of `text`'s UTF-8.
    public init(_ text: String, mode: Mode = .lenient) {
        bytes = Array(text.utf8)
        self.mode = mode
    }

    /// A parser of a copy of `bytes`.
    public init(bytes: UnsafeBufferPointer<UInt8>, mode: Mode) {
        self.bytes = Array(bytes)
        self.mode = mode
    }

    /// A parser of `bytes`.
    public init(bytes: [UInt8], mode: Mode) {
        self.bytes = bytes
        self.mode = mode
    }

    /// The members of the top-level object whose names `include` accepts, parsed, in document order; the other
    /// members are only stepped over (checked as strict JSON, nothing built).
    public mutating func topLevelMembers(where include: (String) -> Bool) throws(SyntaxError) -> [ParsedJSON.Member] {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { throw error("expected an object") }
        position += 1
        var found: [ParsedJSON.Member] = []
        var first = true
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw error("an object is not closed") }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                skipWhitespace()
                guard position == bytes.count else { throw error("unexpected text after the JSON value") }
                return found
            }
            if !first {
                guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or '}' in an object") }
                position += 1
                skipWhitespace()
            }
            first = false
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a quoted property name") }
            let keyLine = line
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after a property name") }
            position += 1
            if include(key) {
                found.append(ParsedJSON.Member(key: key, value: try parseValue(depth: 1), line: keyLine))
            } else {
                try skipValue(depth: 1)
            }
        }
    }

    /// Steps over one value, checking it as strict JSON without building it.
    private mutating func skipValue(depth: Int) throws(SyntaxError) {
        guard depth < Self.maxDepth else { throw error("JSON nested more than \(Self.maxDepth) levels") }
        skipWhitespace()
        guard position < bytes.count else { throw error("the JSON ends too early") }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = bytes[position] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            position += 1
            var first = true
            while true {
                skipWhitespace()
                guard position < bytes.count else { throw error("a list or object is not closed") }
                if bytes[position] == close {
                    position += 1
                    return
                }
                if !first {
                    guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' in a list or object") }
                    position += 1
                    skipWhitespace()
                }
                first = false
                if isObject {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a quoted property name") }
                    try skipString()
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after a property name") }
                    position += 1
                }
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
            while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        default:
            _ = try parseValue(depth: depth)
        }
    }

    /// Steps over a string (the cursor on its opening quote); escapes are checked as `parseEscape` reads them.
    private mutating func skipString() throws(SyntaxError) {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"):
                var ignored: [UInt8] = []
                try parseEscape(into: &ignored)
            case 0x0A:
                line += 1
                position += 1
            default:
                position += 1
            }
        }
        throw error("a string is not closed")
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    /// The document's value (lenient mode: several top-level values are read as an array).
    public mutating func parse() throws(SyntaxError) -> ParsedJSON {
        if mode == .exact, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        var values = [try parseValue(depth: 0)]
        while true {
            skipWhitespace()
            guard position < bytes.count else { break }
            if bytes[position] == UInt8(ascii: ";") {
                position += 1
                try note("a trailing ';' after the JSON was ignored", fault: "a ';' after the value")
                continue
            }
            if bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "[") {
                try note("several JSON values in one block were read as a list", fault: "several values where one was expected")
                values.append(try parseValue(depth: 0))
                continue
            }
            throw error("unexpected text after the JSON value")
        }
        return values.count == 1 ? values[0] : .array(values)
    }

    /// Lenient: records `repair`. Strict: a structural `fault` is the error; character-level oddities (raw
    /// control characters, unknown escapes) are read the same way as in lenient mode, as feeds carry them too.
    /// Exact: every fault is the error.
    private mutating func note(_ repair: String, fault: String, structural: Bool = true) throws(SyntaxError) {
        if mode == .exact || mode == .strict && structural { throw error(fault) }
        if !repairs.contains(repair) { repairs.append(repair) }
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, message: message, offset: position, truncated: position >= bytes.count)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte > 0x20 { return }  // most calls stop at once, on a token
            if byte == 0x0A {
                line += 1
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                return
            }
            position += 1
        }
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> ParsedJSON {
        guard depth < Self.maxDepth else { throw error("JSON nested more than \(Self.maxDepth) levels") }
        skipWhitespace()
        guard position < bytes.count else { throw error("the JSON ends too early") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[position])))'")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: ParsedJSON) throws(SyntaxError) -> ParsedJSON {
        let utf8 = Array(word.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position ..< position + utf8.count]) == utf8 else {
            throw error("unexpected word, expected '\(word)'")
        }
        position += utf8.count
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> ParsedJSON {
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        if mode == .exact, !Self.isNumberLiteral(bytes[start ..< position]) { throw error("a malformed number") }
        return .number(String(decoding: bytes[start ..< position], as: UTF8.self))
    }

    /// Whether `text` is a number as RFC 8259 writes it: `-`? (`0` | [1-9] digits) (`.` digits)? ([eE] [+-]? digits)?
    private static func isNumberLiteral(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        func digits() -> Int {
            let first = index
            while index < text.endIndex, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") { index += 1 }
            return index - first
        }
        if index < text.endIndex, text[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || text[integerStart] != UInt8(ascii: "0") else { return false }
        if index < text.endIndex, text[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < text.endIndex, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            if index < text.endIndex, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == text.endIndex
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> ParsedJSON {
        position += 1
        var members: [ParsedJSON.Member] = []
        while try !reachedEnd(of: "an object", at: UInt8(ascii: "}"), first: members.isEmpty) {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a quoted property name") }
            let keyLine = line
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after \"\(key)\"") }
            position += 1
            let value = try parseValue(depth: depth + 1)
            members.append(ParsedJSON.Member(key: key, value: value, line: keyLine))
        }
        return .object(members)
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> ParsedJSON {
        position += 1
        var values: [ParsedJSON] = []
        while try !reachedEnd(of: "an array", at: UInt8(ascii: "]"), first: values.isEmpty) {
            values.append(try parseValue(depth: depth + 1))
        }
        return .array(values)
    }

    /// Between the items of `container` (an object or array, closed by `close`): true after stepping over the
    /// closing byte (a trailing comma before it repaired or refused as the mode says); false after stepping over
    /// the `,` before the next item, none before the first.
    @inline(__always)
    private mutating func reachedEnd(of container: StaticString, at close: UInt8, first: Bool) throws(SyntaxError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw error("\(container) is not closed") }
        if bytes[position] == close {
            position += 1
            return true
        }
        guard !first else { return false }
        guard bytes[position] == UInt8(ascii: ",") else {
            throw error("expected ',' or '\(Character(Unicode.Scalar(close)))' in \(container)")
        }
        position += 1
        skipWhitespace()
        guard position < bytes.count, bytes[position] == close else { return false }
        try note("a trailing comma was removed", fault: "a trailing comma")
        position += 1
        return true
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        // Most strings hold no escape: they are made straight from the input's bytes.
        let start = position + 1
        let end = bytes.withUnsafeBufferPointer { all in
            var end = start
            while end < all.count, all[end] != UInt8(ascii: "\""), all[end] != UInt8(ascii: "\\"), all[end] >= 0x20 { end += 1 }
            return end
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            position = end + 1
            return try bytes.withUnsafeBufferPointer { (all) throws(SyntaxError) in try text(UnsafeBufferPointer(rebasing: all[start ..< end])) }
        }
        let decoded = try parseStringBytes()
        return try decoded.withUnsafeBufferPointer { (all) throws(SyntaxError) in try text(all) }
    }

    /// A string's text; invalid UTF-8 becomes U+FFFD, except in exact mode, where it is an error.
    private func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> String {
        guard mode == .exact else { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
        return text
    }

    /// A string's bytes, escapes decoded (the cursor on its opening quote).
    private mutating func parseStringBytes() throws(SyntaxError) -> [UInt8] {
        position += 1
        var output: [UInt8] = []
        var runStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                output.append(contentsOf: bytes[runStart ..< position])
                position += 1
                return output
            }
            if byte == UInt8(ascii: "\\") {
                output.append(contentsOf: bytes[runStart ..< position])
                try parseEscape(into: &output)
                runStart = position
                continue
            }
            if byte < 0x20 {
                // Raw control characters are invalid JSON but common (pasted descriptions); keep them as text.
                try note("raw control characters inside a string were accepted", fault: "a raw control character inside a string", structural: false)
                if byte == 0x0A { line += 1 }
            }
            position += 1
        }
        throw error("a string is not closed")
    }

    private mutating func parseEscape(into output: inout [UInt8]) throws(SyntaxError) {
        position += 1
        guard position < bytes.count else { throw error("a string is not closed") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalarValue = try parseHex4()
            if (0xD800 ..< 0xDC00).contains(scalarValue), position + 6 <= bytes.count,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                position += 2
                let low = try parseHex4()
                if (0xDC00 ..< 0xE000).contains(low) {
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    try note("an invalid \\u escape became U+FFFD", fault: "an invalid \\u escape", structural: false)
                    scalarValue = 0xFFFD
                }
            }
            if mode == .exact, Unicode.Scalar(scalarValue) == nil { throw error("an unpaired surrogate in a \\u escape") }
            let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            // `\'`, `\x`…: keep the character itself.
            try note("an invalid escape '\\\(Character(Unicode.Scalar(escape)))' was read as the character itself", fault: "an invalid escape", structural: false)
            output.append(escape)
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("a \\u escape is cut short") }
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape has a non-hex digit")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }
}
