/// Writes JSON tokens straight into byte buffers, in one pass, in the compact form (one line, no spaces), the
/// pretty form (two-space indentation, `": "`), or both at once. This is the only place that lays JSON out;
/// `JSONValue` and the record encoders all write through it.
///
/// Object keys must be given in byte order (the files' documented key order); debug builds check it.
struct JSONWriter {
    /// The compact form; empty unless asked for.
    private(set) var compact: [UInt8] = []
    /// The pretty form; empty unless asked for.
    private(set) var pretty: [UInt8] = []
    private let writesCompact: Bool
    private let writesPretty: Bool
    /// Current nesting depth in the pretty form (starts at the requested indentation).
    private var level: Int
    private var position = Position.start
    #if DEBUG
    /// The last key written in each open object, to check the key order.
    private var lastKeys: [[UInt8]?] = []
    #endif

    private enum Position { case start, firstInContainer, afterItem, afterKey }

    /// - Parameters:
    ///   - compact: write the compact form.
    ///   - prettyIndent: write the pretty form too, its first line at this nesting level (nil: no pretty form).
    ///   - capacity: bytes to reserve per form.
    init(compact: Bool, prettyIndent: Int?, capacity: Int = 1024) {
        writesCompact = compact
        writesPretty = prettyIndent != nil
        level = prettyIndent ?? 0
        if writesCompact { self.compact.reserveCapacity(capacity) }
        if writesPretty { pretty.reserveCapacity(capacity * 2) }
    }

    // MARK: Values

    mutating func null() {
        beginItem()
        emit("null")
        position = .afterItem
    }

    mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        beginItem()
        emit(value ? "true" : "false")
        position = .afterItem
    }

    mutating func int(_ value: Int?) {
        guard let value else { return null() }
        beginItem()
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 bytes, enough for any Int
        withUnsafeMutableBytes(of: &digits) { buffer in
            var magnitude = value.magnitude
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            emit(UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
        position = .afterItem
    }

    /// A number given as exact decimal text (`58.99`); null when nil.
    mutating func number(_ text: String?) {
        guard var text else { return null() }
        beginItem()
        text.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        position = .afterItem
    }

    mutating func string(_ text: String?) {
        guard let text else { return null() }
        beginItem()
        appendEscaped(text)
        position = .afterItem
    }

    // MARK: Containers

    mutating func beginObject() {
        open(UInt8(ascii: "{"))
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    mutating func endObject() {
        close(UInt8(ascii: "}"))
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An array of `items`, each written by `element`.
    mutating func array<Items: Sequence>(_ items: Items, _ element: (Items.Element, inout JSONWriter) -> Void) {
        beginArray()
        for item in items { element(item, &self) }
        endArray()
    }

    /// An array of strings.
    mutating func array(_ strings: [String]) {
        beginArray()
        for text in strings { string(text) }
        endArray()
    }

    /// `value` written by `write`, or null when nil.
    mutating func optional<Value>(_ value: Value?, _ write: (Value, inout JSONWriter) -> Void) {
        if let value { write(value, &self) } else { null() }
    }

    // MARK: Keys

    /// The key of the next member of the open object; it must sort after the previous key.
    mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { name in
            checkOrder(name)
            beginItem()
            // Static keys are plain ASCII names (`gtin14`, `rate_date`): nothing to escape.
            emit(UInt8(ascii: "\""))
            emit(UnsafeRawBufferPointer(name))
        }
        emit(UInt8(ascii: "\""))
        endKey()
    }

    /// A key known only at run time (a provenance field name), escaped; it must sort after the previous key.
    mutating func key(_ name: String) {
        var name = name
        name.withUTF8 { checkOrder($0) }
        beginItem()
        appendEscaped(name)
        endKey()
    }

    // Shorthands: a key and its value.
    mutating func string(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func int(_ name: StaticString, _ value: Int?) { key(name); int(value) }
    mutating func number(_ name: StaticString, _ value: String?) { key(name); number(value) }
    mutating func bool(_ name: StaticString, _ value: Bool?) { key(name); bool(value) }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        beginItem()
        emit(bracket)
        level += 1
        position = .firstInContainer
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        if position != .firstInContainer, writesPretty { newline() }
        emit(bracket)
        position = .afterItem
    }

    /// The separator before a value or key: nothing after a key, else a comma (not before the first item) and,
    /// when pretty, a new indented line.
    private mutating func beginItem() {
        switch position {
        case .start, .afterKey: return
        case .firstInContainer: break
        case .afterItem: emit(UInt8(ascii: ","))
        }
        if writesPretty { newline() }
    }

    private mutating func endKey() {
        emit(UInt8(ascii: ":"))
        if writesPretty { pretty.append(0x20) }
        position = .afterKey
    }

    private mutating func newline() {
        pretty.append(0x0A)
        var spaces = 2 * level
        while spaces > 0 {
            let run = min(spaces, Self.spaces.count)
            pretty.append(contentsOf: Self.spaces[0..<run])
            spaces -= run
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 32)

    /// Debug builds: checks that `name` sorts after the open object's previous key, and remembers it.
    private mutating func checkOrder(_ name: UnsafeBufferPointer<UInt8>) {
        #if DEBUG
        guard !lastKeys.isEmpty else { return }
        if let previous = lastKeys[lastKeys.count - 1] {
            assert(previous.lexicographicallyPrecedes(name), "JSON keys out of byte order: \(String(decoding: name, as: UTF8.self))")
        }
        lastKeys[lastKeys.count - 1] = Array(name)
        #endif
    }

    // MARK: Bytes

    private mutating func emit(_ byte: UInt8) {
        if writesCompact { compact.append(byte) }
        if writesPretty { pretty.append(byte) }
    }

    private mutating func emit(_ bytes: UnsafeRawBufferPointer) {
        if writesCompact { compact.append(contentsOf: bytes) }
        if writesPretty { pretty.append(contentsOf: bytes) }
    }

    private mutating func emit(_ text: StaticString) {
        text.withUTF8Buffer { emit(UnsafeRawBufferPointer($0)) }
    }

    /// Escapes into one form and copies the result to the other.
    private mutating func appendEscaped(_ text: String) {
        if writesCompact {
            let start = compact.count
            Self.escape(text, into: &compact)
            if writesPretty { pretty.append(contentsOf: compact[start...]) }
        } else {
            Self.escape(text, into: &pretty)
        }
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, U+2028/U+2029
    /// escaped for JavaScript consumers, everything else as UTF-8.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.append(0x22)
            // Fast path: copy the whole string when no byte needs escaping (0xE2 may start U+2028/U+2029).
            if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
                out.append(contentsOf: bytes)
            } else {
                escapeSlowly(bytes, into: &out)
            }
            out.append(0x22)
        }
    }

    private static func escapeSlowly(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var previous2: UInt8 = 0, previous1: UInt8 = 0
        for byte in bytes {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20, 0x7F:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            case 0xA8 where previous2 == 0xE2 && previous1 == 0x80, 0xA9 where previous2 == 0xE2 && previous1 == 0x80:
                // U+2028 / U+2029: replace the two bytes already written (E2 80) with the escape.
                out.removeLast(2)
                out.append(contentsOf: (byte == 0xA8 ? "\\u2028" : "\\u2029").utf8)
            default:
                out.append(byte)
            }
            previous2 = previous1
            previous1 = byte
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
