/// Plain text from parts of a `MarkupTree`, with whitespace collapsed the way a browser shows it.
enum MarkupText {
    /// Whether an element starts a new line of text when rendered.
    static func isBlock(_ name: String) -> Bool {
        switch name {
        case "p", "div", "li", "br", "tr", "td", "th", "dd", "dt", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
             "table", "tbody", "thead", "tfoot", "section", "article", "main", "header", "footer", "nav", "aside",
             "blockquote", "pre", "figure", "figcaption", "caption", "address", "fieldset", "form", "hr":
            return true
        default:
            return false
        }
    }

    /// The text below `index` on one line: whitespace runs (and block boundaries) become single spaces.
    static func collapsed(_ tree: MarkupTree, _ index: Int) -> String {
        let node = tree[index]
        if node.kind == .text { return collapse(node.value) }
        var builder = CollapsingBuilder()
        for position in tree.descendants(of: index) {
            let current = tree[position]
            if current.kind == .text {
                builder.append(current.value)
            } else if isBlock(current.value) {
                builder.appendSpace()
            }
        }
        return builder.result
    }

    /// Whether any text below `index` is more than whitespace.
    static func hasText(_ tree: MarkupTree, _ index: Int) -> Bool {
        tree.descendants(of: index).contains { tree[$0].kind == .text && tree[$0].value != " " }
    }

    static func collapse(_ text: String) -> String {
        var builder = CollapsingBuilder()
        builder.append(text)
        return builder.result
    }

    /// `text` without leading and trailing whitespace (no Foundation, no bridging).
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first ... last])
    }

    /// Whether `haystack` contains `needle`, comparing UTF-8 bytes (both already lower case).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let hay = haystack.utf8
        let pin = needle.utf8
        guard let first = pin.first, hay.count >= pin.count else { return pin.isEmpty }
        var start = hay.startIndex
        let lastStart = hay.index(hay.endIndex, offsetBy: -pin.count)
        while start <= lastStart {
            if hay[start] == first, hay[start...].starts(with: pin) { return true }
            start = hay.index(after: start)
        }
        return false
    }

    /// ASCII-lower-cased `text` (non-ASCII kept); cheap when there is nothing to change.
    static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// Appends text, folding whitespace (including no-break spaces) into single spaces, no leading/trailing space.
    /// Works on UTF-8 bytes: description text is the bulk of a page.
    struct CollapsingBuilder {
        private var bytes: [UInt8] = []
        private var pendingSpace = false

        mutating func append(_ piece: String) {
            var piece = piece
            piece.withUTF8 { buffer in
                var index = 0, runStart = 0
                let count = buffer.count
                // Runs of kept bytes are copied whole; a run ends at white space (ASCII or U+00A0).
                func flushRun(upTo end: Int) {
                    guard end > runStart else { return }
                    if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<end]))
                }
                while index < count {
                    let byte = buffer[index]
                    let spaceLength: Int
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                        spaceLength = 1
                    } else if byte == 0xC2, index + 1 < count, buffer[index + 1] == 0xA0 {
                        spaceLength = 2
                    } else {
                        index += 1
                        continue
                    }
                    flushRun(upTo: index)
                    pendingSpace = true
                    index += spaceLength
                    runStart = index
                }
                flushRun(upTo: count)
            }
        }

        mutating func appendSpace() { pendingSpace = true }

        var result: String { String(decoding: bytes, as: UTF8.self) }
        var isEmpty: Bool { bytes.isEmpty }
    }
}
