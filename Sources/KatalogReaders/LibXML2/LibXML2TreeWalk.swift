import CLibXML2

/// Feeds a parsed libxml2 document to a `MarkupTreeAssembler` in document order, without recursion: the
/// document element's subtree, each text or CDATA node as one text node (comments, processing instructions and
/// entity references are left out).
enum LibXML2TreeWalk {
    static func copy(_ root: xmlNodePtr?, into assembler: inout MarkupTreeAssembler) {
        guard let root else { return }
        var attributes = AttributeScratch()
        defer { attributes.release() }
        var node: xmlNodePtr? = root
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                guard let name = current.pointee.name else { break }
                attributes.collect(current)
                attributes.withPairs { assembler.startElement(name, attributes: $0, line: lineNumber(current)) }
                if current.pointee.children != nil { descend = true } else { assembler.endElement() }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    assembler.appendText(CString.utf8(content), line: lineNumber(current))
                    assembler.endText()
                }
            default:
                break
            }
            if descend {
                node = current.pointee.children
                continue
            }
            // Move to the next sibling, closing finished elements on the way up.
            var climbing = current
            node = nil
            while climbing != root {
                if let sibling = climbing.pointee.next {
                    node = sibling
                    break
                }
                guard let parent = climbing.pointee.parent else { break }
                assembler.endElement()
                climbing = parent
            }
        }
    }

    private static func lineNumber(_ node: xmlNodePtr) -> Int32 {
        let line = xmlGetLineNo(node)
        return line > 0 && line < Int(Int32.max) ? Int32(line) : 0
    }

    /// One element's attributes as SAX pairs. A value split by entity references is joined into a copy that
    /// lives until the next element.
    private struct AttributeScratch {
        private var pairs: [UnsafePointer<xmlChar>?] = []
        private var joined: [UnsafeMutablePointer<xmlChar>] = []

        mutating func collect(_ element: xmlNodePtr) {
            release()
            var attribute = element.pointee.properties
            while let current = attribute {
                defer { attribute = current.pointee.next }
                guard let name = current.pointee.name else { continue }
                pairs.append(name)
                pairs.append(value(of: current))
            }
            pairs.append(nil)
        }

        func withPairs(_ body: (MarkupAttributes) -> Void) {
            pairs.withUnsafeBufferPointer { body(MarkupAttributes(pairs: $0.baseAddress)) }
        }

        private mutating func value(of attribute: xmlAttrPtr) -> UnsafePointer<xmlChar>? {
            guard let children = attribute.pointee.children else { return nil }
            if children.pointee.next == nil, children.pointee.type == XML_TEXT_NODE, let content = children.pointee.content {
                return UnsafePointer(content)
            }
            guard let value = xmlNodeListGetString(attribute.pointee.doc, children, 1) else { return nil }
            joined.append(value)
            return UnsafePointer(value)
        }

        mutating func release() {
            pairs.removeAll(keepingCapacity: true)
            for value in joined { katalog_xmlFree(value) }
            joined.removeAll(keepingCapacity: true)
        }
    }
}
