import Foundation
import KatalogCore

/// Expands the paths a user gave into input files, in a stable order.
///
/// Folders are walked recursively; entries are sorted by their UTF-8 bytes at every level, so the order is the
/// same on every machine. Hidden files and folders (`.git`, `.DS_Store`) are skipped. Paths keep the form the
/// user typed (`Samples/text/seed.txt`), which is how outputs name them.
public struct InputDiscovery: Sendable {
    public struct Input: Sendable, Hashable {
        /// Path as shown in outputs.
        public var displayPath: String
        /// Path used to open the file.
        public var path: String
    }

    public enum Problem: Sendable, Hashable {
        case missing(String)
        case unreadableFolder(String, reason: String)
    }

    public init() {}

    /// The files under `paths`, and the paths that could not be found or listed.
    public func discover(_ paths: [String]) -> (inputs: [Input], problems: [Problem]) {
        var inputs: [Input] = []
        var problems: [Problem] = []
        let manager = FileManager.default
        func walk(_ path: String, display: String) {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(.missing(display))
                return
            }
            guard isDirectory.boolValue else {
                inputs.append(Input(displayPath: display, path: path))
                return
            }
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: path)
            } catch {
                problems.append(.unreadableFolder(display, reason: (error as NSError).localizedDescription))
                return
            }
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
                walk(path + "/" + name, display: display.hasSuffix("/") ? display + name : display + "/" + name)
            }
        }
        for path in paths {
            let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            walk(trimmed, display: trimmed)
        }
        return (inputs, problems)
    }
}
