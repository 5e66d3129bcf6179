import CLibXML2

/// Delivers the nodes libxml2 parsed but the text reader never handed out because a fatal error came first.
///
/// `xmlTextReader` parses ahead of what it returns; when the parser hits a fault, `xmlTextReaderRead` returns
/// -1 at once and the items parsed just before the fault would be lost. Their nodes are still in the reader's
/// partial tree, so this walks that tree forward from the last delivered node, in document order, and turns
/// it into the same events. An element gets an end event only when it is provably closed (it or an ancestor
/// has a following sibling); elements still open at the fault get none, so the caller sees them as cut off.
enum XMLStreamTreeTail {
    /// Where the reader stopped.
    enum Position {
        /// Nothing was delivered: start with the document's first child.
        case documentStart(xmlDocPtr)
        /// The start tag of this non-empty element was delivered: continue with its children.
        case insideElement(xmlNodePtr)
        /// This node (a leaf, an empty element or an end tag) was delivered: continue after it.
        case after(xmlNodePtr)
    }

    /// Walks at most `limit` nodes (the reader's look-ahead is small; this only bounds a pathological tree).
    static func deliver<Consumer: XMLStreamConsumer>(from position: Position, names: inout XMLStreamNameCache, limit: Int = 1_000_000, into consumer: inout Consumer) {
        var next: xmlNodePtr?
        var current: xmlNodePtr?
        switch position {
        case let .documentStart(doc): next = doc.pointee.children
        case let .insideElement(node): current = node; next = node.pointee.children
        case let .after(node): current = node; next = nil
        }
        var budget = limit
        while budget > 0 {
            budget -= 1
            if let node = next {
                current = node
                next = emitStart(node, names: &names, into: &consumer)
                continue
            }
            // Climb: leave `current`, then take its next sibling, closing parents that are provably closed.
            guard let node = current else { return }
            if let sibling = node.pointee.next {
                next = sibling
                continue
            }
            guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return }
            if isClosed(parent) { consumer.endElement() }
            current = parent
        }
    }

    /// Emits the start of `node`; returns its first child when the walk should descend.
    private static func emitStart<Consumer: XMLStreamConsumer>(_ node: xmlNodePtr, names: inout XMLStreamNameCache, into consumer: inout Consumer) -> xmlNodePtr? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var attributes: [XMLStreamAttribute] = []
            var property = node.pointee.properties
            while let attribute = property {
                let name = qualifiedAttributeName(attribute, names: &names)
                var value = ""
                if let text = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) {
                    defer { katalog_xmlFree(text) }
                    value = String(cString: text)
                }
                attributes.append(XMLStreamAttribute(name: name, value: value))
                property = attribute.pointee.next
            }
            let children = node.pointee.children
            let isEmpty = children == nil && isClosed(node)
            consumer.startElement(name: qualifiedName(node, names: &names), attributes: attributes, isEmpty: isEmpty, line: Int(xmlGetLineNo(node)))
            if children == nil, !isEmpty { return nil }
            return children
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { consumer.text(CString.utf8(content)) }
            return nil
        case XML_ENTITY_REF_NODE:
            consumer.entityReference(name: node.pointee.name.map { String(cString: $0) } ?? "", line: Int(xmlGetLineNo(node)))
            return nil
        default: // DTD, comments, processing instructions
            return nil
        }
    }

    /// True when `node` or one of its ancestors has a following sibling, so its end tag was parsed.
    private static func isClosed(_ node: xmlNodePtr) -> Bool {
        var candidate: xmlNodePtr? = node
        while let current = candidate, current.pointee.type == XML_ELEMENT_NODE {
            if current.pointee.next != nil { return true }
            candidate = current.pointee.parent
        }
        return false
    }

    private static func qualifiedName(_ node: xmlNodePtr, names: inout XMLStreamNameCache) -> String {
        let local = names.name(node.pointee.name)
        guard let ns = node.pointee.ns, let prefix = ns.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }

    private static func qualifiedAttributeName(_ attribute: xmlAttrPtr, names: inout XMLStreamNameCache) -> String {
        let local = names.name(attribute.pointee.name)
        guard let ns = attribute.pointee.ns, let prefix = ns.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }
}
