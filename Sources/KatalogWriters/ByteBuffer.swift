import Foundation

/// A growable byte buffer written through a pointer: an append is a capacity check and a copy, without the
/// uniqueness check and the generic sequence path `Array.append(contentsOf:)` takes for raw bytes. `JSONWriter`
/// writes every token through one (several appends per token, millions of tokens per feed).
///
/// A reference type that owns its memory: the writer holding it is used by one thread and never copied while
/// writing; `bytes` copies the result out once.
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

    func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toAtLeast: count + bytes.count) }
        (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    /// `"name":`, and a space after the colon when `spaced`: a JSON key that needs no escaping, with one capacity
    /// check.
    func appendKey(_ name: UnsafeBufferPointer<UInt8>, spaced: Bool) {
        let needed = name.count + (spaced ? 4 : 3)
        if count + needed > capacity { grow(toAtLeast: count + needed) }
        let start = base + count
        start[0] = 0x22
        if let source = name.baseAddress { (start + 1).update(from: source, count: name.count) }
        start[name.count + 1] = 0x22
        start[name.count + 2] = 0x3A
        if spaced { start[name.count + 3] = 0x20 }
        count += needed
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
