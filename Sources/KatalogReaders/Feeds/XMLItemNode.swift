import KatalogCore

/// One element of a feed item, built while streaming and dropped as soon as the item is emitted.
///
/// Only the current item (tens of nodes) is ever held, so memory does not grow with the feed.
final class XMLItemNode {
    /// Qualified name as written (`g:price`, `PRICE_VAT`).
    let name: String
    let attributes: [XMLStreamAttribute]
    /// 1-based line of the start tag.
    let line: Int
    private(set) var children: [XMLItemNode] = []
    private var rawText = ""

    init(name: String, attributes: [XMLStreamAttribute], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    func append(child: XMLItemNode) { children.append(child) }
    func append(text: String) { rawText += text }

    /// The element's own character data with surrounding whitespace (indentation) removed.
    var text: String { rawText.trimmedXMLWhitespace() }

    /// The name without its namespace prefix (`g:price` → `price`).
    var localName: Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    var isLeaf: Bool { children.isEmpty }

    /// The value of attribute `name`, when present.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child whose qualified or local name is `name` (case-insensitive).
    func child(_ name: String) -> XMLItemNode? {
        children.first { $0.name.caseInsensitiveCompare(name) == .orderedSame || $0.localName.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Every field under this node, labelled with element names as written: attributes of the node itself
    /// (`xml-attribute`), then leaf children (`xml-element`), nested containers labelled `outer/inner`.
    /// Empty values are left out (an empty element carries no value).
    func plainFields(includeOwnAttributes: Bool = true) -> [RawField] {
        var fields: [RawField] = []
        if includeOwnAttributes {
            for attribute in attributes where !attribute.value.isEmpty {
                fields.append(RawField(label: attribute.name, value: attribute.value, origin: .xmlAttribute, line: line))
            }
        }
        for child in children { child.appendFields(prefix: "", to: &fields) }
        return fields
    }

    /// Appends this element's fields (see `plainFields`) with labels under `prefix`.
    func appendFields(prefix: String, to fields: inout [RawField]) {
        let label = prefix.isEmpty ? name : prefix + "/" + name
        if isLeaf {
            let value = text
            if !value.isEmpty {
                fields.append(RawField(label: label, value: value, origin: .xmlElement, line: line))
            }
            for attribute in attributes where !attribute.value.isEmpty {
                fields.append(RawField(label: label + "@" + attribute.name, value: attribute.value, origin: .xmlAttribute, line: line))
            }
            return
        }
        for attribute in attributes where !attribute.value.isEmpty {
            fields.append(RawField(label: label + "@" + attribute.name, value: attribute.value, origin: .xmlAttribute, line: line))
        }
        for child in children { child.appendFields(prefix: label, to: &fields) }
    }
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF). Cheap when there is none.
    func trimmedXMLWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        if !isSpace(first) && !isSpace(last) { return self }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = utf8.lastIndex(where: { !isSpace($0) }) ?? start
        return String(self[start...end])
    }
}
