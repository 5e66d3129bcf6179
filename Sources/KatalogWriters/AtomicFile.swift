import Foundation

/// A file written to a temporary name in its destination folder and renamed into place by `commit()`, so
/// readers never see a half-written file. Writes are buffered. If `commit()` is never called (a crash, an
/// error), the temporary file is removed by `discard()` or left as `.<name>.tmp-<pid>` and the old file stays.
public final class AtomicFile {
    public let destination: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false
    private var sealed = false
    private static let bufferLimit = 1 << 20

    /// Creates the temporary file; throws when the folder is not writable.
    public init(destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw OutputError(path: destination.path, reason: "cannot create a file in \(folder.path)")
        }
        handle = try FileHandle(forWritingTo: temporary)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    public func write(bytes: ArraySlice<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    public func write(_ data: Data) throws {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw OutputError(path: destination.path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes the temporary file and checks that the destination can be replaced (it is not a
    /// folder); renames nothing. Sealing every file of a set before committing any means a failure that can be
    /// foreseen leaves all the previous files in place, not a mix of old and new.
    public func seal() throws {
        guard !sealed, !finished else { return }
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputError(path: destination.path, reason: error.localizedDescription)
        }
        sealed = true
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder), isFolder.boolValue {
            throw OutputError(path: destination.path, reason: "a folder of that name is in the way")
        }
    }

    /// Seals the file (if not yet) and renames the temporary file over the destination.
    public func commit() throws {
        guard !finished else { return }
        try seal()
        finished = true
        if rename(temporary.path, destination.path) != 0 {
            throw OutputError(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes the temporary file without touching the destination.
    public func discard() {
        guard !finished else { return }
        finished = true
        if !sealed { try? handle.close() }
        try? FileManager.default.removeItem(at: temporary)
    }

    deinit { discard() }
}

/// An output file could not be written. The run cannot go on.
public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
