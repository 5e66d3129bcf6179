import KatalogCore

/// Storage for one element of the item being built: an arena slot, linked by index, so building an item
/// allocates nothing once the arena has grown to the size of an item.
struct XMLItemSlot {
    var name: String
    var attributes: [XMLStreamAttribute]
    var line: Int32
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var nextSibling: Int32 = -1
    var rawText: String = ""

    init(name: String, attributes: [XMLStreamAttribute], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = Int32(clamping: line)
    }
}

/// A read-only view of one element of a feed item, valid only while the dialect builds the item's fields.
///
/// Only the current item (tens of elements) is ever held, so memory does not grow with the feed.
struct XMLItemNode {
    let slots: UnsafeBufferPointer<XMLItemSlot>
    let index: Int

    /// The slot, read in place (copying it would retain and release each of its strings).
    private var slot: UnsafePointer<XMLItemSlot> {
        // `index` is always a valid slot: nodes are only made by the engine and by `XMLItemChildren`.
        slots.baseAddress.unsafelyUnwrapped + index
    }

    /// Qualified name as written (`g:price`, `PRICE_VAT`).
    var name: String { slot.pointee.name }
    var attributes: [XMLStreamAttribute] { slot.pointee.attributes }
    /// 1-based line of the start tag.
    var line: Int { Int(slot.pointee.line) }
    var isLeaf: Bool { slot.pointee.firstChild < 0 }
    var children: XMLItemChildren { XMLItemChildren(slots: slots, first: Int(slot.pointee.firstChild)) }

    /// The element's own character data with surrounding whitespace (indentation) removed.
    var text: String { slot.pointee.rawText.trimmedXMLWhitespace() }

    /// The name without its namespace prefix (`g:price` → `price`).
    var localName: Substring {
        let name = slot.pointee.name
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name[...] }
        return name[name.utf8.index(after: colon)...]
    }

    /// The value of attribute `name`, when present.
    func attribute(_ name: String) -> String? {
        slot.pointee.attributes.first { $0.name == name }?.value
    }

    /// The first child whose qualified name is `name`.
    func child(_ name: String) -> XMLItemNode? {
        children.first { $0.name == name }
    }

    /// Every field under this node, labelled with element names as written: attributes of the node itself
    /// (`xml-attribute`), then leaf children (`xml-element`), nested containers labelled `outer/inner`.
    /// Empty values are left out (an empty element carries no value).
    func plainFields(includeOwnAttributes: Bool = true) -> [RawField] {
        var fields: [RawField] = []
        fields.reserveCapacity(24)
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
        let slot = self.slot
        let label = prefix.isEmpty ? slot.pointee.name : prefix + "/" + slot.pointee.name
        let line = Int(slot.pointee.line)
        let isLeaf = slot.pointee.firstChild < 0
        if isLeaf {
            let value = slot.pointee.rawText.trimmedXMLWhitespace()
            if !value.isEmpty {
                fields.append(RawField(label: label, value: value, origin: .xmlElement, line: line))
            }
        }
        if !slot.pointee.attributes.isEmpty {
            for attribute in slot.pointee.attributes where !attribute.value.isEmpty {
                fields.append(RawField(label: label + "@" + attribute.name, value: attribute.value, origin: .xmlAttribute, line: line))
            }
        }
        if !isLeaf {
            for child in children { child.appendFields(prefix: label, to: &fields) }
        }
    }
}

/// The child elements of an `XMLItemNode`, in document order.
struct XMLItemChildren: Sequence, IteratorProtocol {
    let slots: UnsafeBufferPointer<XMLItemSlot>
    private var upcoming: Int

    init(slots: UnsafeBufferPointer<XMLItemSlot>, first: Int) {
        self.slots = slots
        self.upcoming = first
    }

    mutating func next() -> XMLItemNode? {
        guard upcoming >= 0 else { return nil }
        let node = XMLItemNode(slots: slots, index: upcoming)
        upcoming = Int(slots[upcoming].nextSibling)
        return node
    }
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF). Cheap when there is none.
    func trimmedXMLWhitespace() -> String {
        var copy = self
        let (first, last): (UInt8?, UInt8?) = copy.withUTF8 { ($0.first, $0.last) }
        guard let first, let last else { return self }
        if !Self.isXMLSpace(first) && !Self.isXMLSpace(last) { return self }
        return slowTrimmedXMLWhitespace()
    }

    /// `String(decoding: utf8, as: UTF8.self).trimmedXMLWhitespace()`, or nil when that is empty; one `String`
    /// is made when the text has no surrounding whitespace.
    static func trimmedXMLWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.first, let last = bytes.last else { return nil }
        if !isXMLSpace(first) && !isXMLSpace(last) { return String(decoding: bytes, as: UTF8.self) }
        let value = String(decoding: bytes, as: UTF8.self).slowTrimmedXMLWhitespace()
        return value.isEmpty ? nil : value
    }

    @inline(__always) private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private func slowTrimmedXMLWhitespace() -> String {
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = utf8.lastIndex(where: { !isSpace($0) }) ?? start
        return String(self[start...end])
    }
}
