import CLibXML2

/// Copies a libxml2 node tree into a `MarkupTree` without recursion.
///
/// Elements deeper than `maxDepth` are not copied as elements, but their text still is, attached to the deepest
/// copied ancestor, so a hostile page nested a million levels deep neither overflows the stack nor loses its text.
struct MarkupTreeBuilder {
    /// Attribute names to copy; nil copies every attribute.
    var keptAttributes: Set<String>?
    var maxDepth: Int
    /// Lower-case element names whose content is dropped (the element itself is kept, empty).
    var droppedContent: Set<String>
    /// Keep the text of a `<script>` only when its `type` contains one of these (e.g. `ld+json`).
    var keptScriptTypes: [String]
    var isHTML: Bool

    /// Number of elements that were deeper than `maxDepth` and flattened.
    private(set) var flattenedCount = 0

    mutating func build(from root: xmlNodePtr?) -> MarkupTree {
        var tree = MarkupTree()
        guard let root else { return tree }
        tree.nodes.reserveCapacity(1024)
        var openIndices: [Int32] = []   // arena indices of copied, still-open elements
        var openIsCopied: [Bool] = []   // per libxml2 depth: was that element copied?
        var node: xmlNodePtr? = root

        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let depth = openIsCopied.count
                let name = elementName(current)
                let parent = openIndices.last ?? -1
                if depth <= maxDepth {
                    let index = Int32(tree.nodes.count)
                    let attributeStart = Int32(tree.attributes.count)
                    copyAttributes(of: current, into: &tree)
                    tree.nodes.append(MarkupTree.Node(
                        kind: .element, value: name, line: lineNumber(current), parent: parent,
                        depth: Int32(openIndices.count), end: index + 1,
                        attributeStart: attributeStart, attributeCount: Int32(tree.attributes.count) - attributeStart
                    ))
                    let keepsContent = !droppedContent.contains(name) && (name != "script" || scriptIsData(index: Int(index), in: tree))
                    if keepsContent, current.pointee.children != nil {
                        openIndices.append(index)
                        openIsCopied.append(true)
                        descend = true
                    }
                } else {
                    flattenedCount += 1
                    if !droppedContent.contains(name), name != "script", current.pointee.children != nil {
                        openIsCopied.append(false)
                        descend = true
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    appendText(content, line: lineNumber(current), parent: openIndices.last ?? -1, depth: openIndices.count, into: &tree)
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
                if openIsCopied.popLast() == true, let index = openIndices.popLast() {
                    tree.nodes[Int(index)].end = Int32(tree.nodes.count)
                }
                climbing = parent
            }
        }
        // Close anything still open (only when the walk stopped early).
        while let index = openIndices.popLast() {
            tree.nodes[Int(index)].end = Int32(tree.nodes.count)
        }
        return tree
    }

    private func elementName(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        let string = String(cString: name)
        return isHTML ? string.lowercased() : string
    }

    private func lineNumber(_ node: xmlNodePtr) -> Int32 {
        let line = xmlGetLineNo(node)
        return line > 0 && line < Int(Int32.max) ? Int32(line) : 0
    }

    private func scriptIsData(index: Int, in tree: MarkupTree) -> Bool {
        guard let type = tree.attribute("type", of: index)?.lowercased() else { return false }
        return keptScriptTypes.contains { type.contains($0) }
    }

    private func copyAttributes(of node: xmlNodePtr, into tree: inout MarkupTree) {
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let rawName = current.pointee.name else { continue }
            var name = String(cString: rawName)
            if isHTML { name = name.lowercased() }
            if let kept = keptAttributes, !kept.contains(name) { continue }
            tree.attributes.append(MarkupTree.Attribute(name: name, value: attributeValue(current)))
        }
    }

    private func attributeValue(_ attribute: xmlAttrPtr) -> String {
        guard let children = attribute.pointee.children else { return "" }
        if children.pointee.next == nil, children.pointee.type == XML_TEXT_NODE, let content = children.pointee.content {
            return String(cString: content)
        }
        guard let joined = xmlNodeListGetString(attribute.pointee.doc, children, 1) else { return "" }
        defer { katalog_xmlFree(joined) }
        return String(cString: joined)
    }

    private func appendText(_ content: UnsafePointer<xmlChar>, line: Int32, parent: Int32, depth: Int, into tree: inout MarkupTree) {
        // Whitespace-only text is kept as a single space: it still separates inline words.
        var cursor = content
        var onlyWhitespace = true
        while cursor.pointee != 0 {
            let byte = cursor.pointee
            if byte != 0x20, byte != 0x0A, byte != 0x09, byte != 0x0D, byte != 0x0C {
                onlyWhitespace = false
                break
            }
            cursor += 1
        }
        if onlyWhitespace, cursor == content { return }
        let text = onlyWhitespace ? " " : String(cString: content)
        let index = Int32(tree.nodes.count)
        tree.nodes.append(MarkupTree.Node(
            kind: .text, value: text, line: line, parent: parent, depth: Int32(depth),
            end: index + 1, attributeStart: 0, attributeCount: 0
        ))
    }
}
