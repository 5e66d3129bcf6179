import Foundation

/// The fuzz input written to a file, for readers that read from a path (as the pipeline does).
///
/// One private folder per process, made once; the file is rewritten for every input, so each harness run costs
/// one small write.
public enum ScratchInput {
    /// The process's scratch folder (under `$TMPDIR`, else `/tmp`).
    public static let folder: String = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array("\(base)/katalog-fuzz-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed") }
        return String(cString: made)
    }()

    /// Writes `data` as `folder/name` and returns the path.
    public static func write(_ data: UnsafeRawBufferPointer, named name: String) -> String {
        let path = folder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        invariant(descriptor >= 0, "cannot create \(path)")
        var offset = 0
        while offset < data.count {
            let written = Foundation.write(descriptor, data.baseAddress! + offset, data.count - offset)
            invariant(written > 0, "cannot write \(path)")
            offset += written
        }
        close(descriptor)
        return path
    }
}
