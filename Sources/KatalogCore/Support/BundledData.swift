import Foundation

/// Loads the data tables that ship with KatalogCore (`Resources/*.json`).
///
/// Tables are data, not code, so users can read and extend them; a missing or malformed bundled table is a
/// packaging bug, so it stops the program with a message naming the file.
///
/// Public so that another target loads its own bundle's tables the same way (`decode(_:from:in:owner:)`, with that
/// target's `Bundle.module`).
public enum BundledData {
    static func url(_ name: String) -> URL { url(name, in: .module, owner: "KatalogCore") }

    private static func url(_ name: String, in bundle: Bundle, owner: String) -> URL {
        guard let url = bundle.url(forResource: name, withExtension: "json", subdirectory: "Resources") else {
            fatalError("\(owner) resource Resources/\(name).json is missing from the bundle")
        }
        return url
    }

    /// The bundled table `name` parsed by `ParsedJSON.parseTable` and mapped by `read` (for the big string tables).
    static func read<T>(_ name: String, _ map: (ParsedJSON) throws -> T) -> T {
        read(url(name), label: "Resources/\(name).json", map)
    }

    /// The bundled file at `url` parsed by `ParsedJSON.parseTable` and mapped by `read`; `label` names it in a failure.
    static func read<T>(_ url: URL, label: String, _ map: (ParsedJSON) throws -> T) -> T {
        do {
            return try map(ParsedJSON.parseTable(Data(contentsOf: url)))
        } catch {
            fatalError("KatalogCore resource \(label) is malformed: \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        decode(type, from: name, in: .module, owner: "KatalogCore")
    }

    /// `Resources/<name>.json` of `bundle` decoded with `JSONDecoder`; `owner` (the target) names it in a failure.
    public static func decode<T: Decodable>(_ type: T.Type, from name: String, in bundle: Bundle, owner: String) -> T {
        do {
            let data = try Data(contentsOf: url(name, in: bundle, owner: owner))
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            fatalError("\(owner) resource Resources/\(name).json is malformed: \(error)")
        }
    }
}
