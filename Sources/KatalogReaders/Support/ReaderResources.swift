import Foundation

/// Loads the data tables that ship with KatalogReaders (`Resources/*.json`): the conventions only the page readers
/// use. A missing or malformed bundled table is a packaging bug, so it stops the program with a message naming
/// the file.
enum ReaderResources {
    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources") else {
            fatalError("KatalogReaders resource Resources/\(name).json is missing from the bundle")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            fatalError("KatalogReaders resource Resources/\(name).json is malformed: \(error)")
        }
    }
}
