import KatalogReaders

/// A catalog file that cannot be read or is not a Katalog catalog.
public struct CatalogFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

extension LineFileReader {
    /// Opens a catalog for `diff` and `merge`; a file that cannot be opened is a `CatalogFileError`.
    static func catalog(_ path: String) throws -> LineFileReader {
        do {
            return try LineFileReader(path: path)
        } catch let error as InputUnreadable {
            throw CatalogFileError(path: path, reason: error.reason)
        }
    }
}
