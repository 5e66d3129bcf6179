import KatalogCore

/// Reads label/value pairs that pages show without structured markup: two-cell table rows (`th`/`td` or
/// `td`/`td`), `dt`/`dd` pairs, and list items or paragraphs of the form `Label: value`.
///
/// Labels are returned as written (a trailing `:` removed); the label dictionary decides what they mean. Rows in
/// page chrome are skipped, as are implausible labels (longer than 60 characters, or sentences in `Label: value`
/// text).
struct SpecTableExtractor {
    static let maxLabelLength = 60
    static let maxInlineLabelWords = 5
    static let maxInlineValueLength = 250

    func fields(in tree: MarkupTree, chrome: [Bool]) -> [RawField] {
        var fields: [RawField] = []
        var index = 0
        while index < tree.count {
            let node = tree[index]
            guard node.isElement, !chrome[index] else {
                index += 1
                continue
            }
            switch node.value {
            case "tr":
                tableRow(tree, index, into: &fields)
                index = Int(node.end)
            case "dl":
                definitionList(tree, index, into: &fields)
                index = Int(node.end)
            case "li", "p":
                if hasColon(tree, index), !containsBlock(tree, index) { inlinePair(tree, index, into: &fields) }
                index += 1
            default:
                index += 1
            }
        }
        return fields
    }

    private func tableRow(_ tree: MarkupTree, _ row: Int, into fields: inout [RawField]) {
        let cells = tree.children(of: row).filter { tree[$0].value == "td" || tree[$0].value == "th" }
        guard cells.count == 2 else { return }
        append(label: MarkupText.collapsed(tree, cells[0]), value: MarkupText.collapsed(tree, cells[1]), line: tree[row].line, into: &fields)
    }

    private func definitionList(_ tree: MarkupTree, _ list: Int, into fields: inout [RawField]) {
        var pendingLabel: (text: String, line: Int32)?
        // `dt`/`dd` may be wrapped in `div`s inside the `dl`.
        for index in tree.descendants(of: list) where tree[index].isElement {
            switch tree[index].value {
            case "dt":
                pendingLabel = (MarkupText.collapsed(tree, index), tree[index].line)
            case "dd":
                if let label = pendingLabel {
                    append(label: label.text, value: MarkupText.collapsed(tree, index), line: label.line, into: &fields)
                }
            default:
                break
            }
        }
    }

    /// `<li>Waga: 1,2 kg</li>`, `<p><strong>Gamintojas:</strong> DJI</p>`.
    private func inlinePair(_ tree: MarkupTree, _ index: Int, into fields: inout [RawField]) {
        let text = MarkupText.collapsed(tree, index)
        guard let colon = text.firstIndex(of: ":") else { return }
        let label = String(text[..<colon])
        let value = String(text[text.index(after: colon)...])
        guard label.first?.isLetter == true, label.split(separator: " ").count <= Self.maxInlineLabelWords,
              value.count <= Self.maxInlineValueLength,
              !label.contains(where: { ".!?,;".contains($0) }),
              !value.hasPrefix("//") else { return }
        append(label: label, value: value, line: tree[index].line, into: &fields)
    }

    private func hasColon(_ tree: MarkupTree, _ index: Int) -> Bool {
        // On the text's contiguous bytes: the generic walk of a `UTF8View` cost 3k instructions per text node.
        tree.descendants(of: index).contains { node in
            guard tree[node].kind == .text else { return false }
            let text = tree[node].value.utf8
            return text.withContiguousStorageIfAvailable { $0.contains(0x3A) } ?? text.contains(0x3A)
        }
    }

    private func containsBlock(_ tree: MarkupTree, _ index: Int) -> Bool {
        tree.descendants(of: index).contains { tree[$0].isElement && tree[$0].value != "br" && MarkupText.isBlock(tree[$0].value) }
    }

    private func append(label rawLabel: String, value rawValue: String, line: Int32, into fields: inout [RawField]) {
        var label = MarkupText.trimmed(rawLabel)
        while label.hasSuffix(":") { label.removeLast() }
        label = MarkupText.trimmed(label)
        let value = MarkupText.trimmed(rawValue)
        guard !label.isEmpty, !value.isEmpty, label.count <= Self.maxLabelLength,
              label.contains(where: \.isLetter) else { return }
        fields.append(RawField(role: .labelled, label: label, value: value, origin: .specTable, line: line > 0 ? Int(line) : nil))
    }
}
