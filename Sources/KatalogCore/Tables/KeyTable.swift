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
        /// As `init(from:)`, from a `ParsedJSON` tree.
        init(table: ParsedJSON) throws {
            func value<T: RawRepresentable<String>>(_ name: String) throws -> T {
                try table.required(name) { value in
                    guard let parsed = T(rawValue: try value.string()) else { throw ParsedJSON.ShapeError(path: "", expected: "a known \(name)") }
                    return parsed
                }
            }
            target = try value("target")
            type = try value("type")
            vocabulary = try table.optional("vocabulary") { try $0.string() }
            defaultUnit = try table.optional("default_unit") { try $0.string() }
            otherwise = try table.optional("otherwise") { try $0.string() }
        }

        public var target: Target
        public var type: ValueType
        public var vocabulary: String?
        public var defaultUnit: String?
        /// For an integer key: a vocabulary key that a value without digits is read as when it is one of that
        /// key's words (`stock_quantity` → `availability`: `InStock`). Other types do not use it.
        public var otherwise: String?

        enum CodingKeys: String, CodingKey {
            case target, type, vocabulary, otherwise
            case defaultUnit = "default_unit"
        }
    }

    /// `keys.json`; the bundled file is read through `ParsedJSON.parseTable` (`init(table:)`).
    struct File: Decodable, Equatable {
        var keys: [String: Key]

        init(table: ParsedJSON) throws {
            keys = try table.required("keys") { try $0.dictionary(Key.init(table:)) }
        }
    }

    public let keys: [String: Key]

    public static let builtIn = KeyTable(keys: BundledData.read("keys", File.init(table:)).keys)

    public init(keys: [String: Key]) { self.keys = keys }

    public subscript(key: String) -> Key? { keys[key] }
}
