import Foundation

/// The name of a record's source, which scopes its identity: the file's path inside the folder it was found under,
/// so tonight's `feeds/shop.csv` is the same source as last night's wherever the job downloads the night's folder.
///
/// - `sync`: relative to the input argument it was found under (a file given by itself is named by its file name;
///   a member of a zip archive given by itself, by the archive's name and its path in it: `feed.zip/products.csv`,
///   so that an archive that cannot be read one night names the sources it holds).
/// - `diff`: catalogs do not carry the arguments, so the longest folder prefix shared by all of a catalog's files
///   is taken off (a catalog of one file names it by its file name).
public struct SourceNames: Sendable {
    private let roots: [String]
    /// The roots that are files (archives), not folders.
    private let fileRoots: Set<String>

    /// Names for files found under the input arguments `inputs`.
    public init(inputs: [String]) {
        roots = inputs.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        fileRoots = Set(roots.filter { root in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) && !isFolder.boolValue
        })
    }

    /// Names for the files of one catalog: relative to the folder all of them share.
    public init(catalogFiles files: [String]) {
        fileRoots = []
        guard var prefix = files.first.map(Self.folder) else { roots = []; return }
        for file in files.dropFirst() {
            while !prefix.isEmpty && !(Self.folder(file) + "/").hasPrefix(prefix + "/") {
                prefix = Self.folder(prefix)
            }
        }
        roots = prefix.isEmpty ? [] : [prefix]
    }

    /// The source name of `file` (a display path as outputs show it).
    public func name(of file: String) -> String {
        for root in roots {
            if file == root { return Self.fileName(file) }
            if file.hasPrefix(root + "/") {
                let inside = String(file.dropFirst(root.count + 1))
                return fileRoots.contains(root) ? Self.fileName(root) + "/" + inside : inside
            }
        }
        return file
    }

    /// Whether `file` is an input argument that is not a readable file (a folder, or a path that is missing or
    /// leads nowhere): when it cannot be read, the run does not know which sources it held.
    public func isInputOfUnknownSources(_ file: String) -> Bool {
        let path = file.count > 1 && file.hasSuffix("/") ? String(file.dropLast()) : file
        return roots.contains(path) && !fileRoots.contains(path)
    }

    private static func folder(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
