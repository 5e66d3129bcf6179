/// The stable dotted identifier of a kind of finding (`gtin.checksum`, `price.ambiguous-decimal`), which users
/// filter on and configurations name. Every code is a static member (`FindingCode.gtinChecksum`, in
/// `FindingCodes.swift`); there is no string literal conversion, so a misspelt code does not compile.
///
/// Encoded as its dotted string, as a value and as a dictionary key, so outputs read exactly as plain strings.
public struct FindingCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The dotted string, as written in outputs.
    public let rawValue: String

    /// A code from its dotted string: for the declarations, for decoding, and for tests. To turn a user's text
    /// into a code Katalog knows, use `RuleCatalog.code(named:)`.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The group the code belongs to (`gtin` for `gtin.checksum`).
    public var group: String { String(rawValue.prefix { $0 != "." }) }

    public var description: String { rawValue }

    public static func < (lhs: FindingCode, rhs: FindingCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension FindingCode: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension FindingCode: CodingKeyRepresentable {
    public var codingKey: any CodingKey { rawValue.codingKey }

    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }
}
