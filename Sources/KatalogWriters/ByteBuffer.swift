import Foundation

/// A growable byte buffer written through a pointer: an append is a capacity check and a copy, without the
/// uniqueness check and the generic sequence path `Array.append(contentsOf:)` takes for raw bytes. `JSONWriter`
/// writes every token through one (several appends per token, millions of tokens per feed).
///
/// A reference type that owns its memory: the writer holding it is used by one thread and never copied while
/// writing; `bytes` copies the result out once.
///
/// The appends a token makes are forced inline (`@inline(__always)`): called some 150 times a record, a call and
/// its overflow checks cost about as much as the few bytes they write.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toAtLeast: count + bytes.count) }
        Self.copy(source, to: base + count, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    /// `"name":`, after a comma when `afterComma`, and a space after the colon when `spaced`: a JSON key that needs
    /// no escaping, with one capacity check.
    @inline(__always)
    func appendKey(_ name: UnsafeBufferPointer<UInt8>, afterComma: Bool, spaced: Bool) {
        let needed = name.count + 5  // at most: comma, two quotes, colon, space
        if count + needed > capacity { grow(toAtLeast: count + needed) }
        var at = base + count
        if afterComma {
            at[0] = 0x2C
            at += 1
        }
        at[0] = 0x22
        if let source = name.baseAddress { Self.copy(UnsafeRawPointer(source), to: at + 1, count: name.count) }
        at += name.count + 1
        at[0] = 0x22
        at[1] = 0x3A
        at += 2
        if spaced {
            at[0] = 0x20
            at += 1
        }
        count = at - base
    }

    /// `appendKey` for a name known only at run time, when it needs no escaping (printable ASCII without `"` and
    /// `\`); false, having appended nothing, when it does.
    func appendKey(ifPlain name: String, afterComma: Bool, spaced: Bool) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { bytes in
            guard !ByteWord.any(of: bytes, { JSONWriter.mayNeedEscape($0) || ByteWord.nonASCII(in: $0) != 0 }) else {
                return false
            }
            appendKey(bytes, afterComma: afterComma, spaced: spaced)
            return true
        } ?? false
    }

    /// `bytes` between double quotes, with one capacity check: a JSON string that needs no escaping.
    @inline(__always)
    func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        let needed = bytes.count + 2
        if count + needed > capacity { grow(toAtLeast: count + needed) }
        base[count] = 0x22
        if let source = bytes.baseAddress { Self.copy(UnsafeRawPointer(source), to: base + count + 1, count: bytes.count) }
        base[count + needed - 1] = 0x22
        count += needed
    }

    /// The UTF-8 bytes of `text`.
    func append(_ text: String) {
        // The string's own bytes where it has them (every native string): `withUTF8` would need a copy of the
        // string, a retain and a release a cell.
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    /// `value` in decimal digits, with a `-` when negative: counted first, then written back to front in place.
    func append(decimal value: Int) {
        var length = value < 0 ? 2 : 1
        var rest = value.magnitude / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        if count + length > capacity { grow(toAtLeast: count + length) }
        var magnitude = value.magnitude
        var at = base + count + length
        repeat {
            at -= 1
            at.pointee = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if value < 0 { (at - 1).pointee = UInt8(ascii: "-") }
        count += length
    }

    /// `count` copies of `byte`.
    func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        if count + repeats > capacity { grow(toAtLeast: count + repeats) }
        (base + count).update(repeating: byte, count: repeats)
        count += repeats
    }

    /// Appends the bytes of `other` from `offset` on (the part of one form the other form repeats).
    func append(contentsOf other: ByteBuffer, from offset: Int) {
        append(UnsafeRawBufferPointer(start: other.base + offset, count: other.count - offset))
    }

    /// Calls `body` with the bytes from `offset` on, to read them or rewrite them in place.
    func withBytes<Result>(from offset: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Result) -> Result {
        precondition(offset >= 0 && offset <= count, "offset out of range")
        return body(UnsafeMutableBufferPointer(start: base + offset, count: count - offset))
    }

    /// Drops the bytes from `offset` on.
    func removeAll(from offset: Int) {
        precondition(offset >= 0 && offset <= count, "offset out of range")
        count = offset
    }

    /// Copies `count` bytes that do not overlap the target. Up to 16 bytes (keys, codes, most values) go as two
    /// overlapping loads and stores, each inside both ranges: a call to `memmove` for them cost about 30
    /// instructions, more than the rest of an append.
    @inline(__always)
    private static func copy(_ source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
        switch count {
        case 8...16:
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        case 0..<4:
            for offset in 0..<count { target.storeBytes(of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self) }
        default:
            target.copyMemory(from: source, byteCount: count)
        }
    }

    private func grow(toAtLeast needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
