/// Remembers, for each 64-bit key, the first 16-byte value stored under it — the state behind the duplicate rules —
/// in bounded memory whatever the number of keys.
///
/// Up to `memoryCapacity` keys live in a hash table. When it is full, its entries are sorted and spilled to a
/// temporary file as one immutable run (24 bytes per key) and the table starts empty again; every eight runs are
/// merged into one. A key is then looked up in the table, then in each run; a run is read from disk only when its
/// Bloom filter (10 bits per key, about 1 % false positives) says the key may be there, and then with one 3 KiB
/// block read found through a sparse in-memory index. A run whose filter would exceed `maximumFilterBytes` (4 MB,
/// about 3.3 million keys) has none and is read on every lookup instead (one block from the page cache). So memory
/// stays under about 8 MB per index whatever the number of keys (3 MB of table, at most 4 MB of filter for the
/// large run plus 1 MB for the small ones, and 8 bytes of sparse index per 128 keys), where a dictionary would
/// take about 50 bytes per key.
///
/// If a run cannot be written (no temporary space), the index keeps growing in memory instead: answers never
/// change, only the memory bound is lost.
public final class FirstSeenIndex {
    /// The value stored under a key.
    public struct Value: Equatable, Sendable {
        public var first: UInt64
        public var second: UInt64

        public init(_ first: UInt64, _ second: UInt64) {
            self.first = first
            self.second = second
        }
    }

    /// Keys held in memory before a spill: 98,304 fill a 2¹⁷-bucket table (about 3 MB) to its maximum load.
    public static let defaultMemoryCapacity = 98_304

    /// The Bloom filter budget of one spilled run (4 MB).
    public static let defaultMaximumFilterBytes = 4 << 20

    private let memoryCapacity: Int
    private let maximumFilterBytes: Int
    private var memory: KeyTable
    private var runs: [SpilledKeyRun] = []
    private var spillingFailed = false

    public init(memoryCapacity: Int = FirstSeenIndex.defaultMemoryCapacity, maximumFilterBytes: Int = FirstSeenIndex.defaultMaximumFilterBytes) {
        self.memoryCapacity = max(1, memoryCapacity)
        self.maximumFilterBytes = maximumFilterBytes
        memory = KeyTable(minimumCapacity: min(self.memoryCapacity, 1 << 12))
    }

    /// Number of spilled keys whose run has no Bloom filter (for tests).
    var unfilteredKeyCount: Int { runs.filter { !$0.hasFilter }.reduce(0) { $0 + $1.count } }

    /// Number of keys spilled to disk so far (for tests and diagnostics).
    public var spilledKeyCount: Int { runs.reduce(0) { $0 + $1.count } }

    /// The value first stored under `key`, or nil after storing `value` as the first.
    public func firstValue(for key: UInt64, storingIfAbsent value: Value) -> Value? {
        let bucket: Int
        switch memory.find(key) {
        case .found(let found): return found
        case .absent(let free): bucket = free
        }
        for run in runs.reversed() {
            if let found = run.value(for: key) { return found }
        }
        memory.insert(key, value, at: bucket)
        if memory.count >= memoryCapacity && !spillingFailed { spill() }
        return nil
    }

    /// Forgets every key and deletes the spilled runs.
    public func removeAll() {
        memory.removeAll()
        runs.removeAll()
    }

    private func spill() {
        let entries = memory.entries.sorted { $0.key < $1.key }
        guard let run = SpilledKeyRun(sortedEntries: entries, maximumFilterBytes: maximumFilterBytes) else {
            spillingFailed = true
            return
        }
        runs.append(run)
        memory.removeAll()
        // Few runs keep lookups cheap: once there are `maximumRuns`, they are merged into one.
        if runs.count >= Self.maximumRuns, let merged = SpilledKeyRun.merging(runs, maximumFilterBytes: maximumFilterBytes) { runs = [merged] }
    }

    /// Runs kept before they are merged into one.
    static let maximumRuns = 8
}

extension FirstSeenIndex {
    /// The keys held in memory: an open-addressing table with linear probing. The keys are fingerprints, so one
    /// multiplication spreads them over the buckets; a `Dictionary` hashed every key again with SipHash, looked it up
    /// twice on a miss and checked exclusive access at run time: 900 instructions a lookup on the pipeline's serial
    /// thread, against a few dozen here.
    struct KeyTable {
        private var keys: [UInt64]
        private var values: [Value]
        /// Whether a bucket holds a key (every 64-bit value is a possible key, so none can mark an empty bucket).
        private var used: [Bool]
        private(set) var count = 0
        private var shift: UInt64

        init(minimumCapacity: Int) {
            // At most three quarters full: a power of two of at least 4/3 of the capacity.
            var buckets = 16
            while buckets * 3 < minimumCapacity * 4 { buckets *= 2 }
            keys = Array(repeating: 0, count: buckets)
            values = Array(repeating: Value(0, 0), count: buckets)
            used = Array(repeating: false, count: buckets)
            shift = UInt64(64 - buckets.trailingZeroBitCount)
        }

        enum Lookup {
            case found(Value)
            /// The bucket where the key goes.
            case absent(Int)
        }

        func find(_ key: UInt64) -> Lookup {
            let mask = keys.count - 1
            // Fibonacci hashing: the multiplication's high bits depend on every bit of the key.
            var bucket = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while used[bucket] {
                if keys[bucket] == key { return .found(values[bucket]) }
                bucket = (bucket + 1) & mask
            }
            return .absent(bucket)
        }

        /// Stores `value` under `key` in `bucket`, which `find(key)` gave with nothing inserted since.
        mutating func insert(_ key: UInt64, _ value: Value, at bucket: Int) {
            keys[bucket] = key
            values[bucket] = value
            used[bucket] = true
            count += 1
            if count * 4 > keys.count * 3 { grow() }
        }

        /// Every key and its value, in bucket order.
        var entries: [SpilledKeyRun.Entry] {
            keys.indices.filter { used[$0] }.map { SpilledKeyRun.Entry(key: keys[$0], value: values[$0]) }
        }

        mutating func removeAll() {
            guard count > 0 else { return }
            for index in used.indices { used[index] = false }
            count = 0
        }

        private mutating func grow() {
            let old = entries
            self = KeyTable(minimumCapacity: keys.count * 2 * 3 / 4 + 1)
            for entry in old {
                if case .absent(let bucket) = find(entry.key) { insert(entry.key, entry.value, at: bucket) }
            }
        }
    }
}
