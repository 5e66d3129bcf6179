/// A record kept out of the catalog: its raw fields as read, what could be understood, and why it was rejected.
public struct RejectedRecord: Sendable, Hashable, Codable {
    public var record: RawRecord
    /// What the normalizer made of it (for a merchandiser to see what was understood).
    public var product: Product
    /// The codes of the diagnostics that made the policy reject it.
    public var reasons: [FindingCode]

    public init(record: RawRecord, product: Product, reasons: [FindingCode]) {
        self.record = record
        self.product = product
        self.reasons = reasons
    }
}
