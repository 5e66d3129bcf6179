import Foundation
import KatalogCore

/// How a record is recognised from one night to the next: the first step of a chain that the record can satisfy.
///
/// Every key is scoped by the record's source (`SourceNames`), so two feeds that both carry SKU `A-1` stay two
/// records; joining the same product across sources is the merge's job (`CatalogMerge`).
public enum IdentityStep: String, Sendable, CaseIterable {
    /// The source's own SKU: `sku:<source>:<sku>`.
    case sku
    /// A GTIN whose checksum is valid, as GTIN-14: `gtin:<source>:<gtin14>`.
    case gtin
    /// The manufacturer part number with the brand (case-folded): `mpn:<source>:<brand>:<mpn>`.
    case mpn
    /// A fingerprint of title, URL and brand: `fp:<source>:<16 hex digits>`. Any edit of the title makes it a new
    /// record, so it is the last resort.
    case fingerprint
}

/// The ordered chain of identity steps; the first one a record satisfies gives its key.
public struct IdentityChain: Sendable, Hashable, CustomStringConvertible {
    public var steps: [IdentityStep]

    /// source + sku, else valid GTIN, else brand + MPN, else the content fingerprint.
    public static let standard = IdentityChain(steps: [.sku, .gtin, .mpn, .fingerprint])

    public init(steps: [IdentityStep]) {
        // The fingerprint always ends the chain, so every record has a key.
        self.steps = steps.filter { $0 != .fingerprint } + [.fingerprint]
    }

    /// Parses `sku,gtin,mpn,fingerprint` (any order, a subset); nil when a name is unknown.
    public init?(names: String) {
        var steps: [IdentityStep] = []
        for name in names.split(separator: ",") {
            guard let step = IdentityStep(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            if !steps.contains(step) { steps.append(step) }
        }
        guard !steps.isEmpty else { return nil }
        self.init(steps: steps)
    }

    public var description: String { steps.map(\.rawValue).joined(separator: ",") }

    /// The key of `record` (facts read from its catalog line) within `source`.
    func key(of record: RecordIdentityFacts, source: String) -> String {
        for step in steps {
            switch step {
            case .sku:
                if let sku = record.sku { return "sku:\(source):\(sku)" }
            case .gtin:
                if let gtin = record.validGTIN14 { return "gtin:\(source):\(gtin)" }
            case .mpn:
                if let mpn = record.mpn, let brand = record.brand { return "mpn:\(source):\(brand.lowercased()):\(mpn)" }
            case .fingerprint:
                let print = Fingerprint(record.title, record.url, record.brand?.lowercased()).value
                let hex = String(print, radix: 16)
                return "fp:\(source):" + String(repeating: "0", count: 16 - hex.count) + hex
            }
        }
        return "fp:\(source):"
    }
}

/// The identifying facts of a catalog record, read from its line.
struct RecordIdentityFacts: Sendable, Hashable {
    var id: String
    var file: String
    var sku: String?
    var validGTIN14: String?
    var mpn: String?
    var brand: String?
    var title: String?
    var url: String?

    /// The members of a catalog record the facts are read from.
    static let members: Set<String> = ["id", "source", "sku", "mpn", "brand", "title", "url", "gtin"]

    init(record: ParsedJSON) {
        func text(_ value: ParsedJSON?) -> String? {
            guard let text = value?.scalarText?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return text
        }
        id = text(record["id"]) ?? ""
        file = text(record["source"]?["file"]) ?? ""
        sku = text(record["sku"])
        mpn = text(record["mpn"])
        brand = text(record["brand"])
        title = text(record["title"])
        url = text(record["url"])
        if let gtin = record["gtin"], gtin["valid"] == .bool(true) { validGTIN14 = text(gtin["gtin14"]) }
    }

    /// The record's merge (and partition) key.
    var mergeKey: MergeKey { MergeKey(validGTIN14: validGTIN14, brand: brand, mpn: mpn, file: file, recordID: id) }
}
