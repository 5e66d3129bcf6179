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

    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        do {
            let data = try Data(contentsOf: url(name))
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            fatalError("KatalogCore resource Resources/\(name).json is malformed: \(error)")
        }
    }
}
