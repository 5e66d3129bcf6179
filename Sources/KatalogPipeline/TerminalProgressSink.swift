import Foundation
import KatalogCore
import KatalogReaders

/// Forwards everything a reader finds to the real sink and, when stderr is a terminal, draws one progress line
/// for a large input: items read, MB/s and the time left. The line is redrawn at most four times a second and
/// erased when the file is done, so logs and redirected stderr never see it.
final class TerminalProgressSink: ProgressSink {
    /// Inputs smaller than this finish too fast to need a progress line.
    static let minimumBytes = 32 << 20

    private let target: RecordSink
    private let name: String
    private let totalBytes: Int
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drawn = false

    /// A progress sink around `target` when stderr is a terminal and the file is large; otherwise `target`.
    static func wrapping(_ target: RecordSink, file: String, size: Int) -> RecordSink {
        guard size >= minimumBytes, isatty(2) == 1 else { return target }
        return TerminalProgressSink(target: target, name: file, totalBytes: size)
    }

    private init(target: RecordSink, name: String, totalBytes: Int) {
        self.target = target
        self.name = name
        self.totalBytes = totalBytes
    }

    deinit {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    func accept(_ record: consuming RawRecord) { target.accept(record) }
    func report(_ diagnostic: Diagnostic) { target.report(diagnostic) }
    func noteEncoding(_ encoding: TextEncodingInfo) { target.noteEncoding(encoding) }

    func progress(items: Int, bytesRead: Int?) {
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(250) else { return }
        lastDraw = now
        let elapsed = now - start
        let seconds = max(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 0.001)
        var line = "\r\u{1B}[K\(name): \(items) items, \(Int(Double(items) / seconds)) items/s"
        if let bytesRead, bytesRead > 0 {
            let rate = Double(bytesRead) / seconds
            let left = Double(max(totalBytes - bytesRead, 0)) / max(rate, 1)
            line += String(format: ", %.1f MB/s, %d%%, ETA %ds", rate / 1_000_000, min(100, bytesRead * 100 / max(totalBytes, 1)), Int(left.rounded()))
        }
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }
}
