/// One sorted, immutable batch of `FirstSeenIndex` entries in a `ScratchFile`, with what is needed to find a key
/// again cheaply: a Bloom filter and the first key of every block.
final class SpilledKeyRun {
    struct Entry {
        var key: UInt64
        var value: FirstSeenIndex.Value
    }

    /// Entries per block; a block (3 KiB) is what one lookup reads.
    static let blockEntries = 128
    private static let wordsPerEntry = 3
    private static let bloomProbes = 7

    let count: Int
    private let file: ScratchFile
    private let blockFirstKeys: [UInt64]
    private let bloom: [UInt64]
    private let bloomMask: UInt64

    /// Writes `sortedEntries` (ascending keys, no repeats) to a new temporary file; nil when that fails.
    /// A run gets a Bloom filter only when it fits in `maximumFilterBytes`; a larger run is looked up on disk
    /// every time (one block read), so memory stays bounded whatever the number of keys.
    convenience init?(sortedEntries entries: [Entry], maximumFilterBytes: Int) {
        var iterator = entries.makeIterator()
        self.init(count: entries.count, maximumFilterBytes: maximumFilterBytes) { iterator.next() }
    }

    /// Merges `runs` (whose keys are disjoint) into one new run, reading each sequentially; nil when that fails.
    static func merging(_ runs: [SpilledKeyRun], maximumFilterBytes: Int) -> SpilledKeyRun? {
        var cursors = runs.map(Cursor.init)
        return SpilledKeyRun(count: runs.reduce(0) { $0 + $1.count }, maximumFilterBytes: maximumFilterBytes) {
            var smallest: Int?
            for index in cursors.indices {
                guard let key = cursors[index].peek()?.key else { continue }
                if smallest.map({ key < cursors[$0].peek()!.key }) ?? true { smallest = index }
            }
            return smallest.flatMap { cursors[$0].next() }
        }
    }

    /// Writes the `count` entries `next` gives (ascending keys, no repeats) to a new temporary file.
    private init?(count: Int, maximumFilterBytes: Int, entries next: () -> Entry?) {
        guard let file = ScratchFile() else { return nil }
        // About 10 bits per key, rounded up to a power of two: ≤ 1 % false positives with 7 probes. Too large a
        // filter: none (an empty filter means "look on disk").
        var bits: UInt64 = 64
        while bits < UInt64(count) * 10 { bits <<= 1 }
        let filtered = bits / 8 <= UInt64(max(0, maximumFilterBytes))
        var filter = [UInt64](repeating: 0, count: filtered ? Int(bits / 64) : 0)
        let mask = bits - 1
        var firstKeys: [UInt64] = []
        var buffer: [UInt64] = []
        buffer.reserveCapacity(Self.blockEntries * Self.wordsPerEntry * 64)
        var written = 0
        func flush() -> Bool {
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer.withUnsafeBytes { file.append($0) }
        }
        while written < count, let entry = next() {
            if written % Self.blockEntries == 0 { firstKeys.append(entry.key) }
            if filtered { Self.forEachProbe(of: entry.key, mask: mask) { bit in filter[Int(bit >> 6)] |= 1 << (bit & 63) } }
            buffer.append(entry.key.littleEndian)
            buffer.append(entry.value.first.littleEndian)
            buffer.append(entry.value.second.littleEndian)
            written += 1
            if buffer.count == buffer.capacity, !flush() { return nil }
        }
        guard written == count, flush() else { return nil }
        self.file = file
        self.count = count
        blockFirstKeys = firstKeys
        bloom = filter
        bloomMask = mask
    }

    /// Reads a run's entries in order, a block at a time.
    private struct Cursor {
        let run: SpilledKeyRun
        var block: [Entry] = []
        var position = 0
        var nextBlock = 0

        init(_ run: SpilledKeyRun) { self.run = run }

        mutating func peek() -> Entry? {
            if position == block.count {
                guard nextBlock < run.blockFirstKeys.count, let loaded = run.readBlock(nextBlock) else { return nil }
                block = loaded
                position = 0
                nextBlock += 1
            }
            return block[position]
        }

        mutating func next() -> Entry? {
            let entry = peek()
            if entry != nil { position += 1 }
            return entry
        }
    }

    /// The value stored under `key` in this run, if it is there.
    func value(for key: UInt64) -> FirstSeenIndex.Value? {
        guard mayContain(key) else { return nil }
        // The last block whose first key is ≤ key.
        var low = 0, high = blockFirstKeys.count
        while low < high {
            let middle = (low + high) / 2
            if blockFirstKeys[middle] <= key { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        guard let entries = readBlock(low - 1) else { return nil }
        var lower = 0, upper = entries.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if entries[middle].key == key { return entries[middle].value }
            if entries[middle].key < key { lower = middle + 1 } else { upper = middle }
        }
        return nil
    }

    /// The entries of block `block`, or nil if it cannot be read back.
    private func readBlock(_ block: Int) -> [Entry]? {
        let first = block * Self.blockEntries
        let entryCount = min(Self.blockEntries, count - first)
        var words = [UInt64](repeating: 0, count: entryCount * Self.wordsPerEntry)
        guard words.withUnsafeMutableBytes({ file.read(into: $0, at: first * Self.wordsPerEntry * 8) }) else { return nil }
        return (0..<entryCount).map { index in
            let base = index * Self.wordsPerEntry
            return Entry(
                key: UInt64(littleEndian: words[base]),
                value: FirstSeenIndex.Value(UInt64(littleEndian: words[base + 1]), UInt64(littleEndian: words[base + 2]))
            )
        }
    }

    /// Whether this run keeps a Bloom filter (false for runs too large for the filter budget).
    var hasFilter: Bool { !bloom.isEmpty }

    private func mayContain(_ key: UInt64) -> Bool {
        guard hasFilter else { return true }
        var present = true
        Self.forEachProbe(of: key, mask: bloomMask) { bit in
            if bloom[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { present = false }
        }
        return present
    }

    /// Double hashing over a SplitMix64 scramble of the key (keys are FNV-1a values, whose low bits are weak).
    private static func forEachProbe(of key: UInt64, mask: UInt64, _ body: (UInt64) -> Void) {
        var z = key &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let h1 = z, h2 = (z >> 32) | 1
        for probe in 0..<UInt64(bloomProbes) { body((h1 &+ probe &* h2) & mask) }
    }
}
