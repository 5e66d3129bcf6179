/// A check across the records of a run (duplicates). Rules keep state, so they see records one at a time, in
/// input order, on one thread; state is kept as 64-bit fingerprints in `FirstSeenIndex`es, which spill to disk, so memory stays bounded on feeds of any size.
public protocol RunRule: AnyObject {
    var info: RuleInfo { get }
    /// Called when the records of a new input file begin (`fileIndex` counts files from 0).
    func beginFile(_ file: String, index fileIndex: Int)
    /// The findings for `product`, given every record seen before it.
    func check(_ product: Product, fileIndex: Int) -> [Finding]
}

/// Where an earlier record was: enough to name it in a message, in 8 bytes.
struct RecordReference: Hashable {
    var fileIndex: UInt32
    var record: UInt32

    init(fileIndex: Int, record: Int?) {
        self.fileIndex = UInt32(clamping: fileIndex)
        self.record = UInt32(clamping: record ?? 0)
    }

    /// Both halves in one word, as `FirstSeenIndex` stores it.
    var packed: UInt64 { UInt64(fileIndex) << 32 | UInt64(record) }

    init(packed: UInt64) {
        fileIndex = UInt32(truncatingIfNeeded: packed >> 32)
        record = UInt32(truncatingIfNeeded: packed)
    }
}
