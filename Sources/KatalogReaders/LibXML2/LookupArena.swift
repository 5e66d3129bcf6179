/// Memory for lookup tables that many threads read at once, freed with the arena.
///
/// A Swift array read on two cores has its buffer's reference count incremented and decremented by both, so
/// the cache line holding that count moves between the cores at every read. The HTML tree assembler reads its
/// name tables several times per element; shared as arrays, the counting alone took 2.4 % of a two-job HTML
/// import, against almost nothing on one job. Copied here once, the tables are read through plain pointers.
///
/// Only filled while its owner is being built (one thread) and read-only afterwards, hence `@unchecked Sendable`.
final class LookupArena: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []
    private var strings: [UnsafeMutableBufferPointer<String>] = []

    /// A copy of `values` that lives as long as the arena.
    func copy<Element: BitwiseCopyable>(_ values: [Element]) -> UnsafePointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
        blocks.append(UnsafeMutableRawPointer(buffer.baseAddress!))
        return UnsafePointer(buffer.baseAddress!)
    }

    /// A copy of `values` that lives (and keeps its strings alive) as long as the arena.
    func copy(_ values: [String]) -> UnsafePointer<String> {
        let buffer = UnsafeMutableBufferPointer<String>.allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
        strings.append(UnsafeMutableBufferPointer(rebasing: buffer[0 ..< values.count]))
        return UnsafePointer(buffer.baseAddress!)
    }

    deinit {
        for buffer in strings {
            buffer.deinitialize()
            buffer.deallocate()
        }
        for block in blocks { block.deallocate() }
    }
}

/// Byte strings laid end to end in a `LookupArena`; indexable without touching a reference count.
struct ByteWordList: RandomAccessCollection, BitwiseCopyable, @unchecked Sendable {
    private let bytes: UnsafePointer<UInt8>
    /// `count + 1` offsets: word `i` is `bytes[starts[i] ..< starts[i + 1]]`.
    private let starts: UnsafePointer<Int32>
    let endIndex: Int
    var startIndex: Int { 0 }

    init(_ words: [[UInt8]], in arena: LookupArena) {
        var offsets: [Int32] = [0]
        for word in words { offsets.append(offsets[offsets.count - 1] + Int32(word.count)) }
        bytes = arena.copy(words.flatMap { $0 })
        starts = arena.copy(offsets)
        endIndex = words.count
    }

    subscript(position: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(position >= 0 && position < endIndex, "ByteWordList index out of range")
        let start = Int(starts[position])
        return UnsafeBufferPointer(start: bytes + start, count: Int(starts[position + 1]) - start)
    }
}
