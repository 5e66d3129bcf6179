import Foundation
import KatalogCore
import KatalogWriters
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
        /// The part of the file that is this input: a worksheet of an Excel workbook (`xl/worksheets/sheet2.xml`),
        /// which the pipeline makes an input of its own, `book.xlsx/Sheet name`. Nil for a whole file.
        public var part: String? = nil
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
        /// `path` is a zip that is an office document (`what`: "an Excel workbook (.xlsx)"), not an archive of
        /// product files: its parts are not read; `advice` says what to do instead.
        case officeDocument(String, what: String, advice: String)
        /// `path` (`book.xlsx/Sheet name`) is a hidden worksheet of an Excel workbook: not read.
        case hiddenSheet(String)
    }

    /// Paths this run writes; a walk skips them. A path given by itself (not met in a folder) is still read.
    public var writtenByThisRun: [String]
    /// Links, with UTF-8 names, to the entries whose names are not UTF-8 (see `NameLinks`). They live as long as
    /// this value: keep it until the inputs are read.
    private let links = NameLinks()

    public init(writtenByThisRun: [String] = []) {
        self.writtenByThisRun = writtenByThisRun
    }

    /// The files under `paths`, and the paths that could not be found or listed, or were reached twice.
    public func discover(_ paths: [String]) -> (inputs: [Input], problems: [Problem]) {
        var inputs: [Input] = []
        var problems: [Problem] = []
        var seen: [FileIdentity: String] = [:]
        let written = Set(writtenByThisRun.compactMap { FileIdentity.status(of: $0)?.identity })
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
            let entries: [DirectoryEntry]
            do {
                entries = try DirectoryEntry.list(path)
            } catch {
                problems.append(.unreadableFolder(display, reason: error.reason))
                return
            }
            for entry in entries.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) where entry.bytes.first != UInt8(ascii: ".") {
                let shown = display.hasSuffix("/") ? display + entry.name : display + "/" + entry.name
                if entry.isUTF8 {
                    walk(path + "/" + entry.name, display: shown, inFolder: true)
                } else if let link = links.link(to: Array(path.utf8) + [UInt8(ascii: "/")] + entry.bytes) {
                    walk(link, display: shown, inFolder: true)
                } else {
                    problems.append(.unreadableFolder(shown, reason: "its name is not UTF-8 and no link to it could be made in the temporary folder"))
                }
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

/// One entry of a folder, by the bytes of its name: a name that is not UTF-8 (a ZIP made on Windows, `prek\xEBs.csv`
/// in code page 1257) cannot be a Swift `String` and so cannot be opened by one.
struct DirectoryEntry {
    /// The name as the file system has it.
    let bytes: [UInt8]
    /// The name to show: the bytes themselves when they are UTF-8, else with every invalid byte written `\xNN`.
    let name: String
    var isUTF8: Bool { name.utf8.elementsEqual(bytes) }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if let text = String(validating: bytes, as: UTF8.self) {
            name = text
        } else {
            name = Self.escaped(bytes)
        }
    }

    /// The entries of `folder` (without `.` and `..`), in the order the file system gives them.
    static func list(_ folder: String) throws(ListingFailure) -> [DirectoryEntry] {
        guard let directory = opendir(folder) else { throw ListingFailure(reason: String(cString: strerror(errno))) }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: &entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            entries.append(DirectoryEntry(bytes: bytes))
        }
        return entries
    }

    /// `bytes` decoded as UTF-8 where they are valid, each byte of an invalid sequence as `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                text += String(decoding: bytes[index..<index + length], as: UTF8.self)
                index += length
            } else {
                text += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return text
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        for length in 1...4 where index + length <= bytes.count {
            if String(validating: bytes[index..<index + length], as: UTF8.self) != nil { return length }
        }
        return 0
    }

    struct ListingFailure: Error {
        let reason: String
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Symbolic links with UTF-8 names, in a temporary folder of their own, to files and folders whose names are not
/// UTF-8, so that they are read like any other (and shown with their invalid bytes as `\xNN`). The folder is made
/// on the first such name, registered with `TemporaryFiles` so an interrupted run removes it, and removed when this
/// value is freed.
final class NameLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var folder: String?
    private var made: [String] = []

    /// A link to the raw path `target`; nil when none can be made.
    func link(to target: [UInt8]) -> String? {
        lock.withLock {
            if folder == nil { folder = TemporaryFiles.makeFolder(prefix: "katalog-names-") }
            guard let folder else { return nil }
            let path = folder + "/\(made.count)"
            let linked = TemporaryFiles.make { () -> (String, path: String)? in
                let result = (target + [0]).withUnsafeBufferPointer { raw in
                    raw.withMemoryRebound(to: CChar.self) { symlink($0.baseAddress!, path) }
                }
                return result == 0 ? (path, path) : nil
            }
            if linked != nil { made.append(path) }
            return linked
        }
    }

    deinit {
        for path in made {
            unlink(path)
            TemporaryFiles.unregister(path)
        }
        if let folder {
            rmdir(folder)
            TemporaryFiles.unregister(folder)
        }
    }
}
