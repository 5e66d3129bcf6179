/// Writes JSON tokens straight into byte buffers, in one pass, in the compact form (one line, no spaces), the
/// pretty form (two-space indentation, `": "`), or both at once. This is the only place that lays JSON out;
/// `JSONValue` and the record encoders all write through it.
///
/// Object keys must be given in byte order (the files' documented key order); debug builds check it.
struct JSONWriter {
    /// The compact form; empty unless asked for.
    var compact: [UInt8] { compactBuffer.bytes }
    /// The pretty form; empty unless asked for.
    var pretty: [UInt8] { prettyBuffer.bytes }
    private let compactBuffer: ByteBuffer
    private let prettyBuffer: ByteBuffer
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
        compactBuffer = ByteBuffer(capacity: writesCompact ? capacity : 0)
        prettyBuffer = ByteBuffer(capacity: writesPretty ? capacity * 2 : 0)
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
        if writesCompact { compactBuffer.append(decimal: value) }
        if writesPretty { prettyBuffer.append(decimal: value) }
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
        // Static keys are plain ASCII names (`gtin14`, `rate_date`): nothing to escape.
        name.withUTF8Buffer { name in
            checkOrder(name)
            appendPlainKey(name)
        }
    }

    /// A key known only at run time (a provenance field name), escaped; it must sort after the previous key.
    /// Disfavored so that a literal (`json.key("price")`) takes the static path above: `String`, the default type of
    /// a literal, would otherwise win, and every literal key would be checked for escaping.
    @_disfavoredOverload
    mutating func key(_ name: String) {
        #if DEBUG
        var copy = name
        copy.withUTF8 { checkOrder($0) }
        #endif
        // Field names are plain ASCII (`package_length`): then they go in as static keys do. The buffers read the
        // string's bytes themselves: a closure here would capture the writer, a retain and a release a key.
        let separated = position == .afterItem
        if writesCompact, !writesPretty, compactBuffer.appendKey(ifPlain: name, afterComma: separated, spaced: false) {
            position = .afterKey
            return
        }
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

    /// `"name":` after the separator `beginItem` writes; in the compact form, comma and key with one capacity
    /// check.
    @inline(__always)
    private mutating func appendPlainKey(_ name: UnsafeBufferPointer<UInt8>) {
        let separated = position == .afterItem
        if writesCompact { compactBuffer.appendKey(name, afterComma: separated, spaced: false) }
        if writesPretty {
            if separated { prettyBuffer.append(UInt8(ascii: ",")) }
            if position != .start && position != .afterKey { newline() }
            prettyBuffer.appendKey(name, afterComma: false, spaced: true)
        }
        position = .afterKey
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
        if writesPretty { prettyBuffer.append(0x20) }
        position = .afterKey
    }

    private mutating func newline() {
        let spaces = 2 * level
        if spaces < Self.lineStart.utf8CodeUnitCount {
            // A StaticString: no reference counting, unlike an array slice.
            Self.lineStart.withUTF8Buffer { prettyBuffer.append(UnsafeBufferPointer(rebasing: $0[0...spaces])) }
        } else {
            prettyBuffer.append(0x0A)
            prettyBuffer.append(repeating: 0x20, count: spaces)
        }
    }

    /// A newline and the indentation of up to 16 levels, appended as one slice.
    private static let lineStart: StaticString = "\n                                "

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

    @inline(__always)
    private mutating func emit(_ byte: UInt8) {
        if writesCompact { compactBuffer.append(byte) }
        if writesPretty { prettyBuffer.append(byte) }
    }

    private mutating func emit(_ bytes: UnsafeRawBufferPointer) {
        if writesCompact { compactBuffer.append(bytes) }
        if writesPretty { prettyBuffer.append(bytes) }
    }

    private mutating func emit(_ text: StaticString) {
        text.withUTF8Buffer { emit(UnsafeRawBufferPointer($0)) }
    }

    /// Escapes into one form and copies the result to the other.
    private mutating func appendEscaped(_ text: String) {
        if writesCompact {
            let start = compactBuffer.count
            Self.escape(text, into: compactBuffer)
            if writesPretty { prettyBuffer.append(contentsOf: compactBuffer, from: start) }
        } else {
            Self.escape(text, into: prettyBuffer)
        }
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, U+2028/U+2029
    /// escaped for JavaScript consumers, everything else as UTF-8. Runs of plain bytes are copied whole.
    static func escape(_ text: String, into out: ByteBuffer) {
        // The string's own bytes where it has them (every native string): `withUTF8` needs a copy of the string,
        // a retain and a release for each of the fifty-odd strings of a record.
        if text.utf8.withContiguousStorageIfAvailable({ escape($0, into: out) }) == nil {
            var text = text
            text.withUTF8 { escape($0, into: out) }
        }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: ByteBuffer) {
        // Most strings need nothing escaped: one test a word, then the string and its quotes in one append.
        if !ByteWord.any(of: bytes, mayNeedEscape) { return out.appendQuoted(bytes) }
        out.append(0x22)
        var runStart = 0, index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time while none of them needs a look (most text).
            if index + 8 <= count, !mayNeedEscape(ByteWord.load(bytes, at: index)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2 {
                index += 1
                continue
            }
            // U+2028 / U+2029 are E2 80 A8 / E2 80 A9; any other E2 sequence (€, –) is copied.
            var length = 1
            if byte == 0xE2 {
                guard index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                length = 3
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendEscape(length == 3 ? (bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029) : UInt16(byte), to: out)
            index += length
            runStart = index
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        out.append(0x22)
    }

    /// Whether any of the eight bytes of `word` is one `escape` stops at: below 0x20, `"`, `\`, DEL, or 0xE2 (which
    /// may start U+2028/U+2029).
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        ByteWord.matches(below: 0x20, in: word) | ByteWord.matches(0x22, in: word) | ByteWord.matches(0x5C, in: word)
            | ByteWord.matches(0x7F, in: word) | ByteWord.matches(0xE2, in: word) != 0
    }

    /// The escape of one character: a short form (`\n`, `\"`) where JSON has one, else `\u` and four hex digits.
    private static func appendEscape(_ scalar: UInt16, to out: ByteBuffer) {
        out.append(0x5C)
        switch scalar {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            out.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigit(UInt8((scalar >> UInt16(shift)) & 0x0F))) }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
