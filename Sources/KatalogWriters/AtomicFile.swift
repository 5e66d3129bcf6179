import Foundation
import Synchronization

/// A file written to a temporary name in its destination folder and renamed into place by `commit()`, so
/// readers never see a half-written file. If `commit()` is never called (a crash, an error), the temporary file is
/// removed by `discard()` or left as `.<name>.tmp-<pid>` and the old file stays.
///
/// Writes are buffered and written behind: a full buffer (1 MiB) goes to the file on a serial queue of the file's
/// own while the caller fills the next one, so the kernel's copy of the bytes (a quarter of a large import's CPU,
/// all of it on the pipeline's one serial thread before) runs beside the caller. At most one buffer per file is in
/// flight, so memory stays bounded. A failed write is reported by the next `write`, `seal` or `commit`.
/// Not thread-safe: one caller at a time (the pipeline's reduction).
public final class AtomicFile {
    public let destination: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false
    private var sealed = false
    private static let bufferLimit = 1 << 20
    /// The queue that writes this file's full buffers, in order.
    private let writer = DispatchQueue(label: "katalog.output-file")
    /// Entered while a buffer is being written.
    private let inFlight = DispatchGroup()
    private let handBack = HandBack()

    /// What the writer queue hands back: the first failed write behind, and the written buffer, for reuse.
    private final class HandBack: Sendable {
        private let state = Mutex<(failure: OutputError?, spare: [UInt8])>((nil, []))

        func put(_ written: consuming [UInt8], failure: OutputError?) {
            state.withLock { state in
                if state.failure == nil { state.failure = failure }
                state.spare = written
            }
        }

        /// The written buffer; throws the first failure.
        func take() throws -> [UInt8] {
            try state.withLock { state in
                if let failure = state.failure { throw failure }
                defer { state.spare = [] }
                return state.spare
            }
        }
    }

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

    /// Hands the buffer to the writer queue once the previous one is written, and goes on with that one's storage.
    private func flush() throws {
        guard !buffer.isEmpty else { return }
        var next = try awaitWrite()
        next.removeAll(keepingCapacity: true)
        let full = buffer
        buffer = next
        inFlight.enter()
        writer.async { [handle, destination, handBack, inFlight] in
            var failed: OutputError?
            do {
                try handle.write(contentsOf: full)
            } catch {
                failed = OutputError(path: destination.path, reason: error.localizedDescription)
            }
            handBack.put(full, failure: failed)
            inFlight.leave()
        }
    }

    /// Waits until the buffer in flight is written; rethrows its error; returns its storage for reuse.
    private func awaitWrite() throws -> [UInt8] {
        inFlight.wait()
        return try handBack.take()
    }

    /// Flushes, syncs and closes the temporary file and checks that the destination can be replaced (it is not a
    /// folder); renames nothing. Sealing every file of a set before committing any means a failure that can be
    /// foreseen leaves all the previous files in place, not a mix of old and new.
    public func seal() throws {
        guard !sealed, !finished else { return }
        try flush()
        _ = try awaitWrite()
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
        inFlight.wait()
        if !sealed { try? handle.close() }
        try? FileManager.default.removeItem(at: temporary)
    }

    deinit { discard() }
}

/// An output file could not be written. The run cannot go on.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
