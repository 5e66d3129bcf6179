/// Native whitespace trimming. Foundation's `trimmingCharacters(in:)` bridges through NSString and was the
/// single largest cost of feed normalization; these give the same results for `.whitespacesAndNewlines` and
/// `.whitespaces` without leaving Swift's string storage.
extension StringProtocol {
    /// The text without leading and trailing white space and line breaks (Unicode White_Space).
    public func trimmingWhitespace() -> String {
        if endsArePrintableASCII { return String(self) }
        return trimming(where: { $0.isWhitespace })
    }

    /// The text without leading and trailing spaces and tabs; line breaks at the ends are kept.
    public func trimmingSpaces() -> String {
        if endsArePrintableASCII { return String(self) }
        // ASCII spaces and tabs (the only ASCII white space that is not a line break) come off as bytes; when
        // printable ASCII is left at both ends, no Character can join across the cut, so that is the answer
        // (` kg` after a number: a walk over Characters cost 3k instructions).
        let bytes = utf8
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        if start == bytes.endIndex { return "" }
        // One forward walk finds the last byte that is not a space or tab (the view need not walk backwards).
        var lastKept = start, index = start
        while index < bytes.endIndex {
            if bytes[index] != 0x20 && bytes[index] != 0x09 { lastKept = index }
            index = bytes.index(after: index)
        }
        if (0x21...0x7E).contains(bytes[start]), (0x21...0x7E).contains(bytes[lastKept]) {
            return String(self[start...lastKept])
        }
        return trimming(where: { $0.isWhitespace && !$0.isNewline })
    }

    /// Whether the first and last bytes are printable ASCII (`!`…`~`): then neither end character is white space
    /// (a character ending in such a byte can only start with a non-space "prepend" mark), so nothing is trimmed.
    private var endsArePrintableASCII: Bool {
        let count = utf8.count
        guard count > 0, let first = utf8.first else { return false }
        let last = utf8[utf8.index(utf8.startIndex, offsetBy: count - 1)]
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }

    /// The text without the leading and trailing characters for which `isTrimmed` is true.
    public func trimming(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return "" }
        guard let last = lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// `StringProtocol.trimmingWhitespace` for a string: its ends looked at on its own bytes, and the string itself
    /// returned when they are printable ASCII (every field value of a feed passes here; the generic form walked the
    /// UTF-8 view's indices, some 200 instructions a value).
    public func trimmingWhitespace() -> String {
        let printableEnds = utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
        }
        if printableEnds == true { return self }
        return trimming(where: { $0.isWhitespace })
    }
}
