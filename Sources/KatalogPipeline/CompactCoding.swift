import Foundation

/// A compact, self-describing binary form of `Codable` values: how a `ReadCache` stores a file's outcome events.
///
/// About 2.6 times cheaper to decode than Foundation's JSON (no text to scan, no per-object key dictionary to build)
/// for the same information (`katalog-bench events`): every value carries a one-byte tag, keyed containers keep their keys as strings, so any
/// `Codable` type round-trips — synthesized conformances, hand-written ones and dictionaries — and a decoder that
/// asks for keys in the order they were written (every synthesized conformance does) reads the bytes once, front
/// to back. A key asked for out of order is looked up in its container. Decimals are kept as their exact text.
///
/// Layout: a version byte, then one value. A value is a tag and its payload: `null`, `false`, `true`; `int`
/// (zigzag LEB128) and `uint` (LEB128); `double` and `float` (IEEE 754, little-endian); `string` and `decimal`
/// (LEB128 byte count, UTF-8); `keyed` (entries of LEB128 key length + 1, key bytes, value; closed by a 0 byte);
/// `unkeyed` (values, closed by `unkeyedEnd`).
///
/// Decoding damaged or hostile bytes throws `DecodingError.dataCorrupted` naming the byte offset; it never reads
/// past the buffer and refuses nesting deeper than `maximumDepth`.
public enum CompactCoding {
    /// The first byte of every encoded value: a later, incompatible layout gets another.
    static let version: UInt8 = 1
    /// How deep containers may nest when decoding (the model nests a few levels; damaged bytes could claim more).
    static let maximumDepth = 200

    enum Tag: UInt8 {
        case null = 0xC0, `false`, `true`, int, uint, double, float, string, decimal, keyed, unkeyed
    }

    /// Closes an unkeyed container (never a tag).
    static let unkeyedEnd: UInt8 = 0xFF
    /// Closes a keyed container where the next key's length would be.
    static let keyedEnd: UInt8 = 0x00

    /// `value` in the compact form.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try encode(value, fastPaths: true)
    }

    /// `fastPaths: false` writes `CompactCodable` values through `Codable` too (tests compare the two).
    static func encode<T: Encodable>(_ value: T, fastPaths: Bool) throws -> [UInt8] {
        let encoder = CompactEncoder()
        encoder.fastPaths = fastPaths
        encoder.bytes.append(version)
        try encoder.encodeValue(value)
        encoder.close(downTo: 0)
        return encoder.bytes
    }

    /// A value written by `encode`. Throws `DecodingError` when the bytes are not such a value of type `T`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            let decoder = CompactDecoder(buffer)
            guard buffer.first == version else { throw decoder.corrupted("not a compact value of version \(version)", at: 0) }
            decoder.cursor = 1
            let value = try decoder.decodeValue(T.self)
            guard decoder.cursor == buffer.count else { throw decoder.corrupted("\(buffer.count - decoder.cursor) bytes after the value", at: decoder.cursor) }
            return value
        }
    }
}

// MARK: - Encoding

/// Writes values front to back into one buffer. Containers nest strictly (a value's containers are closed when its
/// `encode(to:)` returns; a nested container is closed when its parent writes again), so no container is buffered.
final class CompactEncoder: Encoder {
    // Unchecked exclusivity: the encoder is used by one thread and never lends its buffer out (`inout`) while
    // writing to it; the dynamic checks on every append were 40% of encoding (callgrind, katalog-bench events).
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// The open containers, innermost last: `true` for keyed.
    @exclusivity(unchecked) private var open: [Bool] = []
    /// The depth of the container the value being encoded opened, if it has opened one.
    @exclusivity(unchecked) private var valueContainer: Int?
    /// Whether `CompactCodable` values are written field by field (else through `Codable`, to the same bytes).
    var fastPaths = true

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() { bytes.reserveCapacity(4096) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CompactKeyedEncoding<Key>(encoder: self, depth: valueContainerDepth(keyed: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CompactUnkeyedEncoding(encoder: self, depth: valueContainerDepth(keyed: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CompactSingleValueEncoding(encoder: self, depth: open.count)
    }

    /// The container of the value being encoded: opened on the first request, the same one on later requests.
    private func valueContainerDepth(keyed: Bool) -> Int {
        if let valueContainer {
            close(downTo: valueContainer)
            return valueContainer
        }
        let depth = openContainer(keyed: keyed)
        valueContainer = depth
        return depth
    }

    /// Writes a container's tag and opens it; returns its depth.
    func openContainer(keyed: Bool) -> Int {
        bytes.append(keyed ? CompactCoding.Tag.keyed.rawValue : CompactCoding.Tag.unkeyed.rawValue)
        open.append(keyed)
        return open.count
    }

    /// Closes the containers nested deeper than `depth`, innermost first.
    func close(downTo depth: Int) {
        while open.count > depth {
            bytes.append(open.removeLast() ? CompactCoding.keyedEnd : CompactCoding.unkeyedEnd)
        }
    }

    /// Writes `value`: scalars directly, anything else through its own `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self { return writeString(unsafeBitCast(value, to: String.self)) }
        if T.self == Decimal.self { return writeDecimal(unsafeBitCast(value, to: Decimal.self)) }
        if T.self == Int.self { return writeInt(Int64(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return writeBool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Double.self { return writeDouble(unsafeBitCast(value, to: Double.self)) }
        if fastPaths, let fast = T.self as? any CompactCodable.Type {
            // The same bytes `Codable` would give, written without its containers.
            bytes.append(CompactCoding.Tag.keyed.rawValue)
            try fast.encodeFields(of: value, to: self)
            bytes.append(CompactCoding.keyedEnd)
            return
        }
        if fastPaths, let dictionary = T.self as? any CompactStringKeyedDictionary.Type {
            bytes.append(CompactCoding.Tag.keyed.rawValue)
            try dictionary.encodeEntries(of: value, to: self)
            bytes.append(CompactCoding.keyedEnd)
            return
        }
        let depth = open.count, before = bytes.count
        let outer = valueContainer
        valueContainer = nil
        defer { valueContainer = outer }
        try value.encode(to: self)
        close(downTo: depth)
        // A value that wrote nothing is an empty keyed container, as JSON's `{}`.
        if bytes.count == before { bytes.append(contentsOf: [CompactCoding.Tag.keyed.rawValue, CompactCoding.keyedEnd]) }
    }

    func writeKey(_ key: some CodingKey) { writeKey(key.stringValue) }

    func writeKey(_ name: String) {
        var name = name
        name.withUTF8 { utf8 in
            writeLength(utf8.count + 1)
            bytes.append(contentsOf: utf8)
        }
    }

    func writeNull() { bytes.append(CompactCoding.Tag.null.rawValue) }
    func writeBool(_ value: Bool) { bytes.append(value ? CompactCoding.Tag.true.rawValue : CompactCoding.Tag.false.rawValue) }

    func writeInt(_ value: Int64) {
        bytes.append(CompactCoding.Tag.int.rawValue)
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    func writeUInt(_ value: UInt64) {
        bytes.append(CompactCoding.Tag.uint.rawValue)
        writeVarint(value)
    }

    func writeDouble(_ value: Double) {
        bytes.append(CompactCoding.Tag.double.rawValue)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func writeFloat(_ value: Float) {
        bytes.append(CompactCoding.Tag.float.rawValue)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func writeString(_ value: String) {
        var value = value
        bytes.append(CompactCoding.Tag.string.rawValue)
        value.withUTF8 { utf8 in
            writeLength(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A decimal as its exact text (`Decimal(string:)` reads it back unchanged).
    func writeDecimal(_ value: Decimal) {
        let text = value.description
        bytes.append(CompactCoding.Tag.decimal.rawValue)
        writeLength(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    private func writeLength(_ count: Int) { writeVarint(UInt64(count)) }

    private func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

private struct CompactKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: CompactEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    /// Closes what a nested container left open and writes `key`: the start of every entry.
    private func entry(_ key: Key) {
        encoder.close(downTo: depth)
        encoder.writeKey(key)
    }

    mutating func encodeNil(forKey key: Key) throws { entry(key); encoder.writeNull() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { entry(key); encoder.writeBool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { entry(key); encoder.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { entry(key); encoder.writeDouble(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { entry(key); encoder.writeFloat(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { entry(key); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { entry(key); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { entry(key); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { entry(key); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { entry(key); encoder.writeInt(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { entry(key); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { entry(key); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { entry(key); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { entry(key); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { entry(key); encoder.writeUInt(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { entry(key); try encoder.encodeValue(value) }

    // An absent optional is written as null, so the keys a synthesized decoder asks for stay in step with the bytes.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        entry(key)
        return KeyedEncodingContainer(CompactKeyedEncoding<NestedKey>(encoder: encoder, depth: encoder.openContainer(keyed: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        entry(key)
        return CompactUnkeyedEncoding(encoder: encoder, depth: encoder.openContainer(keyed: false))
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("CompactCoding does not support superEncoder()") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("CompactCoding does not support superEncoder(forKey:)") }
}

private struct CompactUnkeyedEncoding: UnkeyedEncodingContainer {
    let encoder: CompactEncoder
    let depth: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: CompactEncoder, depth: Int) {
        self.encoder = encoder
        self.depth = depth
    }

    /// Closes what a nested container left open: the start of every element.
    private mutating func element() {
        encoder.close(downTo: depth)
        count += 1
    }

    mutating func encodeNil() throws { element(); encoder.writeNull() }
    mutating func encode(_ value: Bool) throws { element(); encoder.writeBool(value) }
    mutating func encode(_ value: String) throws { element(); encoder.writeString(value) }
    mutating func encode(_ value: Double) throws { element(); encoder.writeDouble(value) }
    mutating func encode(_ value: Float) throws { element(); encoder.writeFloat(value) }
    mutating func encode(_ value: Int) throws { element(); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int8) throws { element(); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int16) throws { element(); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int32) throws { element(); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64) throws { element(); encoder.writeInt(value) }
    mutating func encode(_ value: UInt) throws { element(); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { element(); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { element(); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { element(); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { element(); encoder.writeUInt(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { element(); try encoder.encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element()
        return KeyedEncodingContainer(CompactKeyedEncoding<NestedKey>(encoder: encoder, depth: encoder.openContainer(keyed: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element()
        return CompactUnkeyedEncoding(encoder: encoder, depth: encoder.openContainer(keyed: false))
    }

    mutating func superEncoder() -> any Encoder { preconditionFailure("CompactCoding does not support superEncoder()") }
}

private struct CompactSingleValueEncoding: SingleValueEncodingContainer {
    let encoder: CompactEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func value() { encoder.close(downTo: depth) }

    mutating func encodeNil() throws { value(); encoder.writeNull() }
    mutating func encode(_ value: Bool) throws { self.value(); encoder.writeBool(value) }
    mutating func encode(_ value: String) throws { self.value(); encoder.writeString(value) }
    mutating func encode(_ value: Double) throws { self.value(); encoder.writeDouble(value) }
    mutating func encode(_ value: Float) throws { self.value(); encoder.writeFloat(value) }
    mutating func encode(_ value: Int) throws { self.value(); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int8) throws { self.value(); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int16) throws { self.value(); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int32) throws { self.value(); encoder.writeInt(Int64(value)) }
    mutating func encode(_ value: Int64) throws { self.value(); encoder.writeInt(value) }
    mutating func encode(_ value: UInt) throws { self.value(); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { self.value(); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { self.value(); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { self.value(); encoder.writeUInt(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { self.value(); encoder.writeUInt(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { self.value(); try encoder.encodeValue(value) }
}

// MARK: - Decoding

/// A dictionary with `String` keys, written and read straight from its entries (the bytes `Codable` gives):
/// `Dictionary.init(from:)` would first step over every entry to list `allKeys`, then read them, and make a coding
/// key for each.
protocol CompactStringKeyedDictionary {
    /// Writes the entries of `value`, which is of this type.
    static func encodeEntries<T>(of value: T, to encoder: CompactEncoder) throws
    /// Reads the entries into a value of type `T`, which is this type.
    static func decodeEntries<T>(from decoder: CompactDecoder, as type: T.Type) throws -> T
}

extension Dictionary: CompactStringKeyedDictionary where Key == String, Value: Codable {
    static func encodeEntries<T>(of value: T, to encoder: CompactEncoder) throws {
        precondition(T.self == Self.self)
        for (key, entry) in unsafeBitCast(value, to: Self.self) {
            encoder.writeKey(key)
            try encoder.encodeValue(entry)
        }
    }

    static func decodeEntries<T>(from decoder: CompactDecoder, as type: T.Type) throws -> T {
        precondition(T.self == Self.self)
        try decoder.expect(.keyed)
        var entries: Self = [:]
        while let key = try decoder.readKey() { entries[key] = try decoder.decodeValue(Value.self) }
        return unsafeBitCast(entries, to: T.self)
    }
}

/// Reads values front to back from one buffer, mirroring `CompactEncoder`: the open containers form a stack, and
/// reading at a container's depth first skips whatever its nested containers left unread.
final class CompactDecoder: Decoder {
    /// One open container: where its entries start, and, for one entered out of order, where reading resumes when it
    /// is closed.
    struct OpenContainer {
        var keyed: Bool
        var entriesStart: Int
        var resumeAt: Int?
    }

    let buffer: UnsafeBufferPointer<UInt8>
    var cursor = 0
    // Unchecked exclusivity, as in `CompactEncoder`: one thread, never lent out; the checks on the container stack
    // were 1.5% of an unchanged sync rerun (callgrind).
    @exclusivity(unchecked) private var open: [OpenContainer] = []
    /// The depth of the container the value being decoded opened, if it has opened one.
    @exclusivity(unchecked) private var valueContainer: Int?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    func corrupted(_ reason: String, at offset: Int) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "Compact value: \(reason) at byte \(offset)"))
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(CompactKeyedDecoding<Key>(decoder: self, depth: try valueContainerDepth(keyed: true)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        CompactUnkeyedDecoding(decoder: self, depth: try valueContainerDepth(keyed: false))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        CompactSingleValueDecoding(decoder: self, depth: open.count)
    }

    private func valueContainerDepth(keyed: Bool) throws -> Int {
        if let valueContainer {
            guard open[valueContainer - 1].keyed == keyed else { throw corrupted("a value read as both keyed and unkeyed", at: cursor) }
            try close(downTo: valueContainer)
            return valueContainer
        }
        let depth = try enterContainer(keyed: keyed, resumeAt: nil)
        valueContainer = depth
        return depth
    }

    /// Enters the container whose tag is at the cursor; returns its depth.
    func enterContainer(keyed: Bool, resumeAt: Int?) throws -> Int {
        guard open.count < CompactCoding.maximumDepth else { throw corrupted("containers nested deeper than \(CompactCoding.maximumDepth)", at: cursor) }
        let expected = keyed ? CompactCoding.Tag.keyed : CompactCoding.Tag.unkeyed
        let tag = try readTag()
        guard tag == expected else { throw corrupted("expected a \(keyed ? "keyed" : "unkeyed") container, found \(tag)", at: cursor - 1) }
        open.append(OpenContainer(keyed: keyed, entriesStart: cursor, resumeAt: resumeAt))
        return open.count
    }

    /// Closes the containers deeper than `depth`, innermost first: the cursor moves past their unread entries (or
    /// back to where an out-of-order container was entered from).
    func close(downTo depth: Int) throws {
        while open.count > depth {
            let container = open.removeLast()
            if let resume = container.resumeAt {
                cursor = resume
            } else if container.keyed {
                while let length = try readKeyLength() {
                    cursor += length
                    try skipValue()
                }
            } else {
                while try peek() != CompactCoding.unkeyedEnd { try skipValue() }
                cursor += 1
            }
        }
    }

    func entriesStart(ofDepth depth: Int) -> Int { open[depth - 1].entriesStart }

    // MARK: Values

    /// Reads one value: scalars directly, anything else through its own `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return unsafeBitCast(try readString(), to: T.self) }
        if T.self == Decimal.self { return unsafeBitCast(try readDecimal(), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try readInteger(Int.self), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try readBool(), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try readDouble(), to: T.self) }
        if let dictionary = T.self as? any CompactStringKeyedDictionary.Type {
            guard open.count < CompactCoding.maximumDepth else { throw corrupted("values nested deeper than \(CompactCoding.maximumDepth)", at: cursor) }
            return try dictionary.decodeEntries(from: self, as: T.self)
        }
        if let fast = T.self as? any CompactCodable.Type {
            try expect(.keyed)
            let value = try fast.decode(T.self, from: self)
            guard try readKeyLength() == nil else { throw corrupted("more fields than \(T.self) has", at: cursor) }
            return value
        }
        let depth = open.count, start = cursor
        guard depth < CompactCoding.maximumDepth else { throw corrupted("values nested deeper than \(CompactCoding.maximumDepth)", at: cursor) }
        let outer = valueContainer
        valueContainer = nil
        defer { valueContainer = outer }
        let value = try T(from: self)
        try close(downTo: depth)
        // A value that read nothing (an empty struct) still takes its bytes.
        if cursor == start { try skipValue() }
        return value
    }

    /// Reads the value at `offset` and comes back to the cursor: a key asked for out of order.
    func decodeValue<T: Decodable>(_ type: T.Type, at offset: Int) throws -> T {
        let resume = cursor
        cursor = offset
        defer { cursor = resume }
        return try decodeValue(T.self)
    }

    func peek() throws -> UInt8 {
        guard cursor < buffer.count else { throw corrupted("the value ends early", at: cursor) }
        return buffer[cursor]
    }

    func readTag() throws -> CompactCoding.Tag {
        let byte = try peek()
        guard let tag = CompactCoding.Tag(rawValue: byte) else { throw corrupted("unknown tag \(byte)", at: cursor) }
        cursor += 1
        return tag
    }

    func expect(_ expected: CompactCoding.Tag) throws {
        let tag = try readTag()
        guard tag == expected else { throw corrupted("expected \(expected), found \(tag)", at: cursor - 1) }
    }

    func isNull() throws -> Bool { try peek() == CompactCoding.Tag.null.rawValue }

    func readVarint() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = try peek()
            cursor += 1
            guard shift < 64 else { throw corrupted("a number longer than 64 bits", at: cursor - 1) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    func readLength() throws -> Int {
        let length = try readVarint()
        guard length <= UInt64(buffer.count - cursor) else { throw corrupted("a length of \(length) past the end", at: cursor) }
        return Int(length)
    }

    /// The next key's length, or nil (and the cursor past it) at the end of a keyed container.
    func readKeyLength() throws -> Int? {
        let stored = try readVarint()
        guard stored > 0 else { return nil }
        guard stored - 1 <= UInt64(buffer.count - cursor) else { throw corrupted("a key of \(stored - 1) bytes past the end", at: cursor) }
        return Int(stored - 1)
    }

    /// The next key, or nil (and the cursor past it) at the end of a keyed container.
    func readKey() throws -> String? {
        guard let length = try readKeyLength() else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: buffer[cursor ..< cursor + length]), as: UTF8.self)
        cursor += length
        return key
    }

    func readBool() throws -> Bool {
        switch try readTag() {
        case .true: return true
        case .false: return false
        case let tag: throw corrupted("expected a Bool, found \(tag)", at: cursor - 1)
        }
    }

    func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let start = cursor
        switch try readTag() {
        case .int:
            let zigzag = try readVarint()
            let value = Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
            guard let exact = T(exactly: value) else { throw corrupted("\(value) does not fit \(T.self)", at: start) }
            return exact
        case .uint:
            let value = try readVarint()
            guard let exact = T(exactly: value) else { throw corrupted("\(value) does not fit \(T.self)", at: start) }
            return exact
        case let tag:
            throw corrupted("expected an integer, found \(tag)", at: start)
        }
    }

    func readDouble() throws -> Double {
        let start = cursor
        switch try readTag() {
        case .double:
            return Double(bitPattern: try readFixed(UInt64.self))
        case .float:
            return Double(Float(bitPattern: try readFixed(UInt32.self)))
        case let tag:
            throw corrupted("expected a floating-point number, found \(tag)", at: start)
        }
    }

    func readFloat() throws -> Float {
        let start = cursor
        switch try readTag() {
        case .float:
            return Float(bitPattern: try readFixed(UInt32.self))
        case .double:
            return Float(Double(bitPattern: try readFixed(UInt64.self)))
        case let tag:
            throw corrupted("expected a floating-point number, found \(tag)", at: start)
        }
    }

    private func readFixed<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard buffer.count - cursor >= size else { throw corrupted("the value ends early", at: cursor) }
        var value: T = 0
        for index in 0..<size { value |= T(buffer[cursor + index]) << (8 * index) }
        cursor += size
        return value
    }

    func readString() throws -> String {
        try expect(.string)
        return try readText()
    }

    func readDecimal() throws -> Decimal {
        let start = cursor
        try expect(.decimal)
        let text = try readText()
        guard let value = Decimal(string: text) else { throw corrupted("\(text) is not a decimal", at: start) }
        return value
    }

    private func readText() throws -> String {
        let length = try readLength()
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[cursor ..< cursor + length]), as: UTF8.self)
        cursor += length
        return text
    }

    /// Whether the key at the cursor is `name`; consumes it when it is.
    func consumeKey(_ name: String) throws -> Bool {
        let start = cursor
        guard let length = try readKeyLength() else {
            cursor = start
            return false
        }
        var name = name
        let matches = name.withUTF8 { utf8 in
            utf8.count == length && (length == 0 || memcmp(utf8.baseAddress!, buffer.baseAddress! + cursor, length) == 0)
        }
        if matches { cursor += length } else { cursor = start }
        return matches
    }

    /// Each key of the keyed container whose entries start at `start`, with the offset of its value.
    func entries(from start: Int, _ body: (_ key: UnsafeBufferPointer<UInt8>, _ valueOffset: Int) throws -> Bool) throws {
        let resume = cursor
        defer { cursor = resume }
        cursor = start
        while let length = try readKeyLength() {
            let key = UnsafeBufferPointer(rebasing: buffer[cursor ..< cursor + length])
            cursor += length
            if try !body(key, cursor) { return }
            try skipValue()
        }
    }

    /// The offset of the value of `name` in the keyed container whose entries start at `start`.
    func find(_ name: String, from start: Int) throws -> Int? {
        var found: Int?
        let wanted = Array(name.utf8)
        try entries(from: start) { key, offset in
            if key.elementsEqual(wanted) { found = offset }
            return found == nil
        }
        return found
    }

    /// Moves past the value at the cursor.
    func skipValue(depth: Int = 0) throws {
        guard depth < CompactCoding.maximumDepth else { throw corrupted("values nested deeper than \(CompactCoding.maximumDepth)", at: cursor) }
        switch try readTag() {
        case .null, .false, .true: return
        case .int, .uint: _ = try readVarint()
        case .double: cursor += 8
        case .float: cursor += 4
        case .string, .decimal: cursor += try readLength()
        case .keyed:
            while let length = try readKeyLength() {
                cursor += length
                try skipValue(depth: depth + 1)
            }
        case .unkeyed:
            while try peek() != CompactCoding.unkeyedEnd { try skipValue(depth: depth + 1) }
            cursor += 1
        }
        guard cursor <= buffer.count else { throw corrupted("the value ends early", at: buffer.count) }
    }
}

private struct CompactKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: CompactDecoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        try? decoder.entries(from: decoder.entriesStart(ofDepth: depth)) { name, _ in
            if let key = Key(stringValue: String(decoding: name, as: UTF8.self)) { keys.append(key) }
            return true
        }
        return keys
    }

    func contains(_ key: Key) -> Bool {
        guard (try? decoder.close(downTo: depth)) != nil else { return false }
        let resume = decoder.cursor
        defer { decoder.cursor = resume }
        return (try? locate(key)) != nil
    }

    /// Where the value of `key` is: at the cursor (its key consumed) when the keys are read in written order, else
    /// looked up in the container; nil when the container has no such key.
    private func locate(_ key: Key) throws -> (offset: Int, inOrder: Bool)? {
        try decoder.close(downTo: depth)
        let name = key.stringValue
        if try decoder.consumeKey(name) { return (decoder.cursor, true) }
        return try decoder.find(name, from: decoder.entriesStart(ofDepth: depth)).map { ($0, false) }
    }

    private func missing(_ key: Key) -> DecodingError {
        DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "Compact value: no \(key.stringValue) at byte \(decoder.cursor)"))
    }

    /// True when `key`'s value is null (and then consumed); a value that is not null stays to be read.
    func decodeNil(forKey key: Key) throws -> Bool {
        try decoder.close(downTo: depth)
        let before = decoder.cursor
        guard let found = try locate(key) else { throw missing(key) }
        guard decoder.buffer[found.offset] == CompactCoding.Tag.null.rawValue else {
            decoder.cursor = before
            return false
        }
        if found.inOrder { decoder.cursor += 1 }
        return true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let found = try locate(key) else { throw missing(key) }
        return found.inOrder ? try decoder.decodeValue(T.self) : try decoder.decodeValue(T.self, at: found.offset)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let found = try locate(key) else { return nil }
        if found.inOrder {
            if try decoder.isNull() {
                decoder.cursor += 1
                return nil
            }
            return try decoder.decodeValue(T.self)
        }
        if decoder.buffer[found.offset] == CompactCoding.Tag.null.rawValue { return nil }
        return try decoder.decodeValue(T.self, at: found.offset)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeScalar(key) { try $0.readBool() } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeScalar(key) { try $0.readString() } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeScalar(key) { try $0.readDouble() } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeScalar(key) { try $0.readFloat() } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeScalar(key) { try $0.readInteger(Int.self) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeScalar(key) { try $0.readInteger(Int8.self) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeScalar(key) { try $0.readInteger(Int16.self) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeScalar(key) { try $0.readInteger(Int32.self) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeScalar(key) { try $0.readInteger(Int64.self) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeScalar(key) { try $0.readInteger(UInt.self) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeScalar(key) { try $0.readInteger(UInt8.self) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeScalar(key) { try $0.readInteger(UInt16.self) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeScalar(key) { try $0.readInteger(UInt32.self) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeScalar(key) { try $0.readInteger(UInt64.self) } }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeScalarIfPresent(key) { try $0.readString() } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeScalarIfPresent(key) { try $0.readInteger(Int.self) } }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeScalarIfPresent(key) { try $0.readBool() } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeScalarIfPresent(key) { try $0.readDouble() } }

    private func decodeScalarIfPresent<T>(_ key: Key, _ read: (CompactDecoder) throws -> T) throws -> T? {
        guard let found = try locate(key) else { return nil }
        let resume = decoder.cursor
        if !found.inOrder { decoder.cursor = found.offset }
        defer { if !found.inOrder { decoder.cursor = resume } }
        if try decoder.isNull() {
            decoder.cursor += 1
            return nil
        }
        return try read(decoder)
    }

    private func decodeScalar<T>(_ key: Key, _ read: (CompactDecoder) throws -> T) throws -> T {
        guard let found = try locate(key) else { throw missing(key) }
        if found.inOrder { return try read(decoder) }
        let resume = decoder.cursor
        decoder.cursor = found.offset
        defer { decoder.cursor = resume }
        return try read(decoder)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(CompactKeyedDecoding<NestedKey>(decoder: decoder, depth: try enterNested(key, keyed: true)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        CompactUnkeyedDecoding(decoder: decoder, depth: try enterNested(key, keyed: false))
    }

    private func enterNested(_ key: Key, keyed: Bool) throws -> Int {
        guard let found = try locate(key) else { throw missing(key) }
        if found.inOrder { return try decoder.enterContainer(keyed: keyed, resumeAt: nil) }
        let resume = decoder.cursor
        decoder.cursor = found.offset
        return try decoder.enterContainer(keyed: keyed, resumeAt: resume)
    }

    func superDecoder() throws -> any Decoder { throw decoder.corrupted("superDecoder() is not supported", at: decoder.cursor) }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw decoder.corrupted("superDecoder(forKey:) is not supported", at: decoder.cursor) }
}

private struct CompactUnkeyedDecoding: UnkeyedDecodingContainer {
    let decoder: CompactDecoder
    let depth: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { nil }

    init(decoder: CompactDecoder, depth: Int) {
        self.decoder = decoder
        self.depth = depth
    }

    var isAtEnd: Bool {
        (try? decoder.close(downTo: depth)) == nil || (try? decoder.peek()) ?? CompactCoding.unkeyedEnd == CompactCoding.unkeyedEnd
    }

    /// Closes what a nested container left open; throws at the end of the container.
    private mutating func element() throws {
        try decoder.close(downTo: depth)
        guard try decoder.peek() != CompactCoding.unkeyedEnd else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: [], debugDescription: "Compact value: the list ends at byte \(decoder.cursor)"))
        }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        try decoder.close(downTo: depth)
        guard try decoder.peek() == CompactCoding.Tag.null.rawValue else { return false }
        decoder.cursor += 1
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element(); return try decoder.readBool() }
    mutating func decode(_ type: String.Type) throws -> String { try element(); return try decoder.readString() }
    mutating func decode(_ type: Double.Type) throws -> Double { try element(); return try decoder.readDouble() }
    mutating func decode(_ type: Float.Type) throws -> Float { try element(); return try decoder.readFloat() }
    mutating func decode(_ type: Int.Type) throws -> Int { try element(); return try decoder.readInteger(Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try element(); return try decoder.readInteger(Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try element(); return try decoder.readInteger(Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try element(); return try decoder.readInteger(Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try element(); return try decoder.readInteger(Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try element(); return try decoder.readInteger(UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element(); return try decoder.readInteger(UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element(); return try decoder.readInteger(UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element(); return try decoder.readInteger(UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element(); return try decoder.readInteger(UInt64.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try element(); return try decoder.decodeValue(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try element()
        return KeyedDecodingContainer(CompactKeyedDecoding<NestedKey>(decoder: decoder, depth: try decoder.enterContainer(keyed: true, resumeAt: nil)))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try element()
        return CompactUnkeyedDecoding(decoder: decoder, depth: try decoder.enterContainer(keyed: false, resumeAt: nil))
    }

    mutating func superDecoder() throws -> any Decoder { throw decoder.corrupted("superDecoder() is not supported", at: decoder.cursor) }
}

private struct CompactSingleValueDecoding: SingleValueDecodingContainer {
    let decoder: CompactDecoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        guard (try? decoder.isNull()) == true else { return false }
        decoder.cursor += 1
        return true
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.readBool() }
    func decode(_ type: String.Type) throws -> String { try decoder.readString() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.readDouble() }
    func decode(_ type: Float.Type) throws -> Float { try decoder.readFloat() }
    func decode(_ type: Int.Type) throws -> Int { try decoder.readInteger(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.readInteger(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.readInteger(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.readInteger(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.readInteger(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.readInteger(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.readInteger(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.readInteger(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.readInteger(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.readInteger(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(T.self) }
}
