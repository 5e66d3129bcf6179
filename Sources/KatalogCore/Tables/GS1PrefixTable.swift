import Foundation

/// GS1 prefix ranges and what they mean (`Resources/gs1-prefixes.json`).
public struct GS1PrefixTable: Sendable {
    public struct Range: Decodable, Sendable, Hashable {
        public var from: String
        public var to: String
        /// `retail`, `restricted-circulation`, `coupon`, `refund-receipt`, `isbn`, `issn`, `gs1-reserved`, `demo`.
        public var `class`: String
        /// ISO 3166 country of the GS1 member organisation (where the prefix was licensed, not the origin).
        public var country: String?
        public var organisation: String?
    }

    private struct File: Decodable { var prefixes: [Range] }

    /// Indexed by the three-digit prefix as an integer.
    private let byPrefix: [Int: Range]

    public static let builtIn: GS1PrefixTable = {
        GS1PrefixTable(BundledData.decode(File.self, from: "gs1-prefixes").prefixes)
    }()

    init(_ ranges: [Range]) {
        var index: [Int: Range] = [:]
        for range in ranges {
            guard let low = Int(range.from), let high = Int(range.to), low <= high else { continue }
            for prefix in low...high where index[prefix] == nil { index[prefix] = range }
        }
        byPrefix = index
    }

    /// The range a three-digit prefix (`477`) falls in; nil when it is unassigned or not three digits.
    public func range(for prefix: String) -> Range? {
        guard prefix.count == 3, let value = Int(prefix) else { return nil }
        return byPrefix[value]
    }

    /// `range(for:)` of a three-digit prefix given as its value (`477`), 0–999.
    func range(forValue value: Int) -> Range? { byPrefix[value] }
}
