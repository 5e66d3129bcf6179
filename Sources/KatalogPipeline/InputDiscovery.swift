import Foundation
import KatalogCore
#if canImport(Glibc)
import Glibc
#endif

/// Expands the paths a user gave into input files, in a stable order.
///
/// Folders are walked recursively; entries are sorted by their UTF-8 bytes at every level, so the order is the
/// same on every machine. Hidden files and folders (`.git`, `.DS_Store`) are skipped. Paths keep the form the
/// user typed (`Samples/text/seed.txt`), which is how outputs name them.
///
/// Symbolic links are followed, and every file and folder is read once: one reached again (a link into the tree, a
/// link loop, a path given twice) is a `Problem.alreadyRead`, not a second copy of its records. What the run itself
/// writes (its output folder, a sync state) is not read when a walk meets it (`Problem.writtenByThisRun`): an output
/// folder inside the inputs once fed each night's catalog back into the next (16 records, then 240 by the fourth
/// run).
public struct InputDiscovery: Sendable {
    public struct Input: Sendable, Hashable {
        /// Path as shown in outputs.
        public var displayPath: String
        /// Path used to open the file.
        public var path: String
        /// The size in bytes of the file the path leads to (through symbolic links); 0 for a stream.
        public var byteCount: Int
        /// A pipe or a device (`<(zcat feed.csv.gz)`, `/dev/stdin`), not a regular file: it can be read once, and
        /// its size is known only at its end.
        public var isStream: Bool
    }

    public enum Problem: Sendable, Hashable {
        case missing(String)
        /// A symbolic link that leads nowhere: its target is missing, or links loop.
        case brokenLink(String)
        case unreadableFolder(String, reason: String)
        /// `path` leads to a file or folder already read as `firstPath`.
        case alreadyRead(String, firstPath: String)
        /// `path`, met while walking a folder, is written by this run (its output folder, its state).
        case writtenByThisRun(String)
    }

    /// Paths this run writes; a walk skips them. A path given by itself (not met in a folder) is still read.
    public var writtenByThisRun: [String]

    public init(writtenByThisRun: [String] = []) {
        self.writtenByThisRun = writtenByThisRun
    }

    /// The files under `paths`, and the paths that could not be found or listed, or were reached twice.
    public func discover(_ paths: [String]) -> (inputs: [Input], problems: [Problem]) {
        var inputs: [Input] = []
        var problems: [Problem] = []
        var seen: [FileIdentity: String] = [:]
        let written = Set(writtenByThisRun.compactMap { FileIdentity.status(of: $0)?.identity })
        let manager = FileManager.default
        func walk(_ path: String, display: String, inFolder: Bool) {
            guard let status = FileIdentity.status(of: path) else {
                problems.append(FileIdentity.isSymbolicLink(path) ? .brokenLink(display) : .missing(display))
                return
            }
            if inFolder, written.contains(status.identity) {
                problems.append(.writtenByThisRun(display))
                return
            }
            if let firstPath = seen[status.identity] {
                problems.append(.alreadyRead(display, firstPath: firstPath))
                return
            }
            seen[status.identity] = display
            guard status.isFolder else {
                inputs.append(Input(displayPath: display, path: path, byteCount: status.isRegularFile ? status.byteCount : 0,
                                    isStream: !status.isRegularFile))
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
                walk(path + "/" + name, display: display.hasSuffix("/") ? display + name : display + "/" + name, inFolder: true)
            }
        }
        for path in paths {
            let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            walk(trimmed, display: trimmed, inFolder: false)
        }
        return (inputs, problems)
    }
}

/// What identifies a file or folder whatever the path to it: its device and inode.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    /// The identity, kind and size of what `path` leads to, through symbolic links; nil when nothing does (no such
    /// path, a dangling link, a link loop).
    static func status(of path: String) -> (identity: FileIdentity, isFolder: Bool, isRegularFile: Bool, byteCount: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        return (FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), kind == S_IFDIR, kind == S_IFREG, Int(info.st_size))
    }

    /// Whether `path` itself is a symbolic link (not followed).
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }
}
