/// Native whitespace trimming. Foundation's `trimmingCharacters(in:)` bridges through NSString and was the
/// single largest cost of feed normalization; these give the same results for `.whitespacesAndNewlines` and
/// `.whitespaces` without leaving Swift's string storage.
extension StringProtocol {
    /// The text without leading and trailing white space and line breaks (Unicode White_Space).
    public func trimmingWhitespace() -> String {
        trimming(where: { $0.isWhitespace })
    }

    /// The text without leading and trailing spaces and tabs; line breaks at the ends are kept.
    public func trimmingSpaces() -> String {
        trimming(where: { $0.isWhitespace && !$0.isNewline })
    }

    /// The text without the leading and trailing characters for which `isTrimmed` is true.
    public func trimming(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return "" }
        guard let last = lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(self[first...last])
    }
}
