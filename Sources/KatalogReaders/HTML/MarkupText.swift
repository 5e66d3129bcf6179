/// Plain text from parts of a `MarkupTree`, with whitespace collapsed the way a browser shows it.
enum MarkupText {
    /// Elements that start a new line of text when rendered.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    /// The text below `index` on one line: whitespace runs (and block boundaries) become single spaces.
    static func collapsed(_ tree: MarkupTree, _ index: Int) -> String {
        let node = tree[index]
        if node.kind == .text { return collapse(node.value) }
        var builder = CollapsingBuilder()
        for position in tree.descendants(of: index) {
            let current = tree[position]
            if current.kind == .text {
                builder.append(current.value)
            } else if blockElements.contains(current.value) {
                builder.appendSpace()
            }
        }
        return builder.result
    }

    static func collapse(_ text: String) -> String {
        var builder = CollapsingBuilder()
        builder.append(text)
        return builder.result
    }

    /// Appends text, folding whitespace (including no-break spaces) into single spaces, no leading/trailing space.
    /// Works on UTF-8 bytes: description text is the bulk of a page.
    struct CollapsingBuilder {
        private var bytes: [UInt8] = []
        private var pendingSpace = false

        mutating func append(_ piece: String) {
            var piece = piece
            piece.withUTF8 { buffer in
                var index = 0
                let count = buffer.count
                while index < count {
                    let byte = buffer[index]
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                        pendingSpace = true
                        index += 1
                        continue
                    }
                    if byte == 0xC2, index + 1 < count, buffer[index + 1] == 0xA0 {
                        pendingSpace = true
                        index += 2
                        continue
                    }
                    if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(byte)
                    index += 1
                }
            }
        }

        mutating func appendSpace() { pendingSpace = true }

        var result: String { String(decoding: bytes, as: UTF8.self) }
        var isEmpty: Bool { bytes.isEmpty }
    }
}
