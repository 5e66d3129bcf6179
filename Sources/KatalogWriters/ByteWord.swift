/// Eight bytes at a time: the usual word-at-a-time tests (a byte equal to c, a byte below n), exact about whether
/// such a byte is there, so scanners skip clean text a word per step instead of a byte per step.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `index` on, in memory order; `bytes` must hold them.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        precondition(index >= 0 && index + 8 <= bytes.count, "a word past the end")
        return UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether `test` holds for a word of `bytes`: eight bytes at a time, the last word overlapping the one before
    /// it rather than a byte at a time for the rest. Fewer than eight bytes are padded with `filler`, a byte `test`
    /// does not look for.
    @inline(__always)
    static func any(of bytes: UnsafeBufferPointer<UInt8>, filler: UInt8 = UInt8(ascii: "A"), _ test: (UInt64) -> Bool) -> Bool {
        let count = bytes.count
        guard count >= 8 else {
            var word = (ones &* UInt64(filler)) << (8 * count)
            for index in 0..<count { word |= UInt64(bytes[index]) << (8 * index) }
            return test(word)
        }
        var index = 0
        while index + 8 < count {
            if test(load(bytes, at: index)) { return true }
            index += 8
        }
        return test(load(bytes, at: count - 8))
    }

    /// Nonzero when some byte of `word` is `byte`: the usual zero-byte test on `word` XOR `byte` repeated. The
    /// results of several tests can be ORed and compared with zero once.
    @inline(__always)
    static func matches(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let zeroWhereEqual = word ^ (ones &* UInt64(byte))
        return (zeroWhereEqual &- ones) & ~zeroWhereEqual & highs
    }

    /// Nonzero when some byte of `word` is not ASCII.
    @inline(__always)
    static func nonASCII(in word: UInt64) -> UInt64 { word & highs }

    /// Nonzero when some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    static func matches(below limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }
}
