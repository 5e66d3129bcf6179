/// A sink that also wants to hear how far a long read has got (for a progress line on a terminal).
///
/// Readers call `progress` every few thousand records and once at the end; a sink that does not conform
/// costs nothing.
public protocol ProgressSink: RecordSink {
    /// `items` records handed over so far; `bytesRead` of the input consumed, when the reader knows it.
    func progress(items: Int, bytesRead: Int?)
}
