import Foundation

/// Loads the data tables that ship with KatalogCore (`Resources/*.json`).
///
/// Tables are data, not code, so users can read and extend them; a missing or malformed bundled table is a
/// packaging bug, so it stops the program with a message naming the file.
enum BundledData {
    static func url(_ name: String) -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources") else {
            fatalError("KatalogCore resource Resources/\(name).json is missing from the bundle")
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
        do {
            let data = try Data(contentsOf: url(name))
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            fatalError("KatalogCore resource Resources/\(name).json is malformed: \(error)")
        }
    }
}
