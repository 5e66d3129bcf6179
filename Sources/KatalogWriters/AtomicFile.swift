import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file written to a temporary name in its destination folder and renamed into place by `commit()`, so
/// readers never see a half-written file. If `commit()` is never called (a crash, an error), the temporary file is
/// removed by `discard()` or left as `.<name>.tmp-<pid>` and the old file stays.
///
/// Writes are buffered and written behind: a full block (1 MiB) goes to the file on a serial queue of the file's
/// own while the caller fills the next one, so writing runs beside the caller. At most one block per file is in
/// flight, so memory stays bounded. A failed write is reported by the next `write`, `seal` or `commit`.
///
/// Where the file system takes them (ext4, XFS, btrfs on Linux), full blocks are written with `O_DIRECT`: from the
/// block straight to the device, without a copy into the page cache. `seal()` syncs every file before the
/// renames anyway, so the page cache only added work: the kernel's copy of each byte (a quarter of a large feed
/// import's CPU) and its write-back. A file system that refuses direct writes (tmpfs on older kernels, some
/// network file systems) is written through the page cache as before; so is a file opened with
/// `directWrites: false` (one read back at once, like the CSV spool). Not thread-safe: one caller at a time (the
/// pipeline's reduction).
///
/// A destination that is a device or a pipe (`--findings /dev/null`, `/dev/stdout`) is written in place: there is
/// nothing to rename, and a rename would replace the device with a regular file (as root, `/dev/null` itself).
///
/// A run that is stopped leaves no temporary files: each is registered with `TemporaryFiles`, which the command
/// line empties when it is interrupted (SIGINT, SIGTERM, SIGHUP), and a run killed outright (SIGKILL, out of memory, power loss) leaves
/// them only until the next run writes the same destination, which removes those of processes no longer running.
public final class AtomicFile {
    public let destination: URL
    private let temporary: URL
    /// True when the destination is a device or a pipe, written as it is, without a temporary file.
    private let writesInPlace: Bool
    private let descriptor: Descriptor
    private var block: OutputBlock
    private var finished = false
    private var sealed = false
    /// The size of a block written behind: a multiple of any device's logical block size, as direct writes need.
    static let blockSize = 1 << 20
    /// The queue that writes this file's full blocks, in order.
    private let writer = DispatchQueue(label: "katalog.output-file")
    /// Entered while a block is being written.
    private let inFlight = DispatchGroup()
    private let handBack = HandBack()

    /// Whether `seal()` syncs the file to the device (false for a scratch file that only this run reads back).
    private let synced: Bool

    /// Creates the temporary file; throws when the folder is not writable. `directWrites: false` keeps the file's
    /// bytes in the page cache (for a file read back soon); `synced: false` skips the sync at `seal()` (for a
    /// scratch file that no crash can leave behind as an output, like the CSV spool).
    public init(destination: URL, directWrites: Bool = true, synced: Bool = true) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        writesInPlace = Self.isDeviceOrPipe(destination.path)
        // A pipe or device has nothing to sync (fsync refuses a pipe).
        self.synced = synced && !writesInPlace
        if writesInPlace {
            temporary = destination
            guard let descriptor = Descriptor(openingInPlace: destination.path) else {
                throw OutputError(path: destination.path, reason: "cannot open it for writing: \(String(cString: strerror(errno)))")
            }
            self.descriptor = descriptor
            block = OutputBlock(capacity: Self.blockSize)
            return
        }
        temporary = folder.appendingPathComponent(Self.temporaryPrefix(of: destination) + "\(getpid())")
        Self.removeAbandoned(beside: destination)
        let path = temporary.path
        guard let descriptor = TemporaryFiles.make({ Descriptor(creating: path, direct: directWrites).map { ($0, path) } }) else {
            throw OutputError(path: destination.path, reason: "cannot create a file in \(folder.path): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        block = OutputBlock(capacity: Self.blockSize)
    }

    /// Where the bytes are until `commit()` renames them (the destination itself for a device or pipe); a sealed
    /// file can be read back from here.
    public var temporaryPath: String { temporary.path }

    /// Whether full blocks go to the device without the page cache (false once the file system refused them).
    public var writesDirectly: Bool {
        inFlight.wait()
        return descriptor.direct
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    public func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    public func write(bytes: ArraySlice<UInt8>) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try append($0) }
    }

    /// Copies `bytes` into the block, handing it to the writer each time it is full.
    private func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let taken = min(remaining, block.capacity - block.count)
            (block.base + block.count).copyMemory(from: source, byteCount: taken)
            block.count += taken
            source += taken
            remaining -= taken
            if block.count == block.capacity { try flush() }
        }
    }

    /// Hands the block to the writer queue once the previous one is written, and goes on in that one's storage.
    private func flush() throws {
        guard block.count > 0 else { return }
        let next = try awaitWrite() ?? OutputBlock(capacity: Self.blockSize)
        next.count = 0
        let full = block
        block = next
        inFlight.enter()
        writer.async { [descriptor, destination, handBack, inFlight] in
            let failure = descriptor.write(full).map { OutputError(path: destination.path, reason: $0) }
            handBack.put(full, failure: failure)
            inFlight.leave()
        }
    }

    /// Waits until the block in flight is written; rethrows its error; returns its storage for reuse.
    private func awaitWrite() throws -> OutputBlock? {
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
        if let failure = descriptor.close(syncing: synced) {
            throw OutputError(path: destination.path, reason: failure)
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
        if writesInPlace { return }
        defer { TemporaryFiles.unregister(temporary.path) }
        if rename(temporary.path, destination.path) != 0 {
            throw OutputError(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes the temporary file without touching the destination.
    public func discard() {
        guard !finished else { return }
        finished = true
        inFlight.wait()
        if !sealed { descriptor.close() }
        if !writesInPlace {
            try? FileManager.default.removeItem(at: temporary)
            TemporaryFiles.unregister(temporary.path)
        }
    }

    deinit { discard() }

    // MARK: Temporary files of stopped runs

    /// `.<name>.tmp-`: the temporary name of `destination` without the process number.
    static func temporaryPrefix(of destination: URL) -> String {
        ".\(destination.lastPathComponent).tmp-"
    }

    /// Removes the temporary files of `destination` left by runs killed outright: those whose process number is
    /// no longer a running process. A live process's (another run writing the same folder) are left alone.
    static func removeAbandoned(beside destination: URL) {
        let folder = destination.deletingLastPathComponent()
        let prefix = temporaryPrefix(of: destination)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Whether `path` leads (through links) to something that is neither a regular file nor a folder: a character
    /// device, a pipe, a socket.
    static func isDeviceOrPipe(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }
}

extension AtomicFile {
    /// A block of output bytes, aligned in memory as direct writes need. Owned by the caller while it is filled
    /// and by the writer queue while it is written, never by both.
    final class OutputBlock: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: Descriptor.alignment)
        }

        deinit { base.deallocate() }
    }

    /// What the writer queue hands back: the first failed write behind, and the written block, for reuse.
    final class HandBack: Sendable {
        private let state = Locked<(failure: OutputError?, spare: OutputBlock?)>((nil, nil))

        func put(_ written: OutputBlock, failure: OutputError?) {
            state.withLock { state in
                if state.failure == nil { state.failure = failure }
                state.spare = written
            }
        }

        /// The written block, if any; throws the first failure.
        func take() throws -> OutputBlock? {
            try state.withLock { state in
                if let failure = state.failure { throw failure }
                defer { state.spare = nil }
                return state.spare
            }
        }
    }

    /// The temporary file's descriptor, used on the writer queue, or by the caller once nothing is in flight.
    final class Descriptor: @unchecked Sendable {
        /// Direct writes need the memory, the length and the file offset aligned to the device's logical block
        /// size; 4 KiB covers every current device.
        static let alignment = 4096
        let fd: Int32
        private(set) var direct: Bool
        private var open = true

        /// `O_DIRECT`, which Swift's Glibc module does not export: its value depends on the architecture.
        private static var directFlag: Int32? {
            #if os(Linux) && (arch(x86_64) || arch(i386))
            return 0o40000
            #elseif os(Linux) && arch(arm64)
            return 0o200000
            #else
            return nil
            #endif
        }

        /// Creates (or empties) the file at `path`; with `direct`, asks for direct writes and goes without them
        /// where the file system refuses them. Nil, with `errno` set, when the file cannot be created.
        init?(creating path: String, direct: Bool) {
            let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
            var fd: Int32 = -1
            var isDirect = false
            if direct, let directFlag = Self.directFlag {
                fd = Glibc.open(path, flags | directFlag, 0o666)
                isDirect = fd >= 0
            }
            if fd < 0 { fd = Glibc.open(path, flags, 0o666) }
            guard fd >= 0 else { return nil }
            self.fd = fd
            self.direct = isDirect
        }

        /// Opens the device or pipe at `path` for writing as it is (not created, not emptied, no direct writes).
        init?(openingInPlace path: String) {
            let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            self.fd = fd
            direct = false
        }

        /// Writes the whole block; nil, or why it failed. Direct writes take the block's aligned length, and the
        /// file stops writing directly when the rest is not aligned (the last block) or the file system refuses.
        func write(_ block: OutputBlock) -> String? {
            var offset = 0
            while offset < block.count {
                var length = block.count - offset
                if direct {
                    length -= length % Self.alignment
                    if length == 0 {
                        stopWritingDirectly()
                        continue
                    }
                }
                let written = Glibc.write(fd, block.base + offset, length)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EINVAL, direct {
                        stopWritingDirectly()
                        continue
                    }
                    return String(cString: strerror(errno))
                }
                offset += written
                // A short direct write leaves the file offset unaligned: the rest goes through the page cache.
                if direct, written % Self.alignment != 0 { stopWritingDirectly() }
            }
            return nil
        }

        private func stopWritingDirectly() {
            direct = false
            if let directFlag = Self.directFlag {
                let flags = fcntl(fd, F_GETFL)
                if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~directFlag) }
            }
        }

        /// Syncs (with `syncing`) and closes the file; nil, or why it failed.
        func close(syncing: Bool) -> String? {
            guard open else { return nil }
            open = false
            if syncing, fsync(fd) != 0 {
                let reason = String(cString: strerror(errno))
                Glibc.close(fd)
                return reason
            }
            return Glibc.close(fd) == 0 ? nil : String(cString: strerror(errno))
        }

        func close() {
            guard open else { return }
            open = false
            Glibc.close(fd)
        }

        deinit { close() }
    }
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
