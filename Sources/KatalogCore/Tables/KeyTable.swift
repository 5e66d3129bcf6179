import Foundation

/// The canonical keys and how their values are parsed (`Resources/keys.json`).
public struct KeyTable: Sendable {
    public enum Target: String, Decodable, Sendable {
        case field, package, attribute
    }

    public enum ValueType: String, Decodable, Sendable {
        case text, identifier, gtin, money, currency, vocabulary, url, length, weight, dimensions, integer
    }

    public struct Key: Decodable, Sendable, Hashable {
        public var target: Target
        public var type: ValueType
        public var vocabulary: String?
        public var defaultUnit: String?

        enum CodingKeys: String, CodingKey {
            case target, type, vocabulary
            case defaultUnit = "default_unit"
        }
    }

    private struct File: Decodable { var keys: [String: Key] }

    public let keys: [String: Key]

    public static let builtIn = KeyTable(keys: BundledData.decode(File.self, from: "keys").keys)

    public init(keys: [String: Key]) { self.keys = keys }

    public subscript(key: String) -> Key? { keys[key] }
}
