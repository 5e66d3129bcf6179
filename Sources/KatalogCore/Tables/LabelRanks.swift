import Foundation

/// Which label wins when several columns of one record give the same canonical key (`Resources/label-ranks.json`):
/// for a SKU, the shop's SKU beats a reference, a variant SKU and an internal row id, in that order.
///
/// A label the table does not list has rank 1 (best). The normalizer keeps the best-ranked value as the field and
/// every worse-ranked value as an attribute (`keepAs`), so nothing is lost and nothing is a conflict; only labels
/// of the same rank that disagree are reported as `field.conflict`.
public struct LabelRanks: Sendable {
    /// A label's place among the labels of its key.
    public struct Rank: Sendable, Hashable {
        public var rank: Int
        /// In words, for messages: `internal row id`.
        public var role: String
        /// The attribute key an outranked value is kept under (nil: the label's slug).
        public var keepAs: String?
    }

    /// `label-ranks.json`; the bundled file is read through `ParsedJSON.parseTable` (`init(table:)`).
    struct File: Decodable, Equatable {
        struct Entry: Decodable, Equatable {
            var rank: Int
            var role: String
            var labels: [String]
            var keepAs: String?
            enum CodingKeys: String, CodingKey {
                case rank, role, labels
                case keepAs = "keep_as"
            }
        }
        var keys: [String: [Entry]]

        init(table: ParsedJSON) throws {
            keys = try table.required("keys") { try $0.dictionary { try $0.array { entry in
                Entry(rank: try entry.required("rank") { try $0.int() },
                      role: try entry.required("role") { try $0.string() },
                      labels: try entry.required("labels") { try $0.strings() },
                      keepAs: try entry.optional("keep_as") { try $0.string() })
            } } }
        }
    }

    /// Key → folded label → rank.
    private var ranks: [String: [String: Rank]] = [:]

    public init() {}

    /// The built-in ranking.
    public static let builtIn: LabelRanks = {
        var table = LabelRanks()
        for (key, entries) in BundledData.read("label-ranks", File.init(table:)).keys {
            for entry in entries {
                for label in entry.labels {
                    table.ranks[key, default: [:]][TextFolding.fold(label)] = Rank(rank: entry.rank, role: entry.role, keepAs: entry.keepAs)
                }
            }
        }
        return table
    }()

    /// Whether any label of `key` is ranked below another (so a record's labels of `key` need comparing).
    public func ranksLabels(of key: String) -> Bool { ranks[key] != nil }

    /// The rank of `label` (as written; its unit suffix is ignored) among the labels of `key`.
    public func rank(of label: String, key: String) -> Rank? {
        guard let byLabel = ranks[key] else { return nil }
        let (base, _) = LabelDictionary.splitSuffix(label)
        return byLabel[TextFolding.fold(base)] ?? byLabel[TextFolding.fold(label)]
    }
}
