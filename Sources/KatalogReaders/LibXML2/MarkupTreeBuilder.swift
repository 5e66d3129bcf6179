import CLibXML2

/// Copies a libxml2 node tree into a `MarkupTree` without recursion.
///
/// Elements deeper than `maxDepth` are not copied as elements, but their text still is, attached to the deepest
/// copied ancestor, so a hostile page nested a million levels deep neither overflows the stack nor loses its text.
/// With HTML options, names are matched against interned tables (no Swift string per name) and page chrome is
/// skipped while walking, keeping only the structured data inside it.
struct MarkupTreeBuilder {
    /// HTML options; nil copies an XML document as written (every attribute, names as found).
    var html: HTMLTreeOptions?
    var maxDepth: Int
    /// Number of elements that were deeper than `maxDepth` and flattened.
    private(set) var flattenedCount = 0

    private struct Frame {
        /// Arena index when this element was copied, else -1.
        var index: Int32
        /// Inside page chrome.
        var boilerplate: Bool
        /// Inside chrome and outside any kept subtree: only kept elements are copied.
        var skipping: Bool
    }

    private static let ldJSON = Array("ld+json".utf8)
    private static let trueWord = Array("true".utf8)
    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    mutating func build(from root: xmlNodePtr?) -> MarkupTree {
        var tree = MarkupTree()
        guard let root else { return tree }
        tree.nodes.reserveCapacity(1024)
        tree.attributes.reserveCapacity(1024)
        var frames: [Frame] = []
        var openIndices: [Int32] = []
        var node: xmlNodePtr? = root

        while let current = node {
            var descend = false
            let parent = frames.last ?? Frame(index: -1, boilerplate: false, skipping: false)
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let nameIndex = current.pointee.name.flatMap { html?.elementNames.index(of: $0) }
                var boilerplate = parent.boilerplate
                var skipping = parent.skipping
                var copy = true
                if let html, html.hasBoilerplateRules {
                    if skipping {
                        copy = isKeptInsideChrome(current, nameIndex: nameIndex, options: html)
                        if copy { skipping = false }
                    } else if !boilerplate, isChrome(current, nameIndex: nameIndex, options: html) {
                        boilerplate = true
                        skipping = true
                    }
                }
                let hasChildren = current.pointee.children != nil
                let dropsContent = nameIndex.map { html?.dropsContent[$0] ?? false } ?? false
                if frames.count > maxDepth {
                    if copy { flattenedCount += 1 }
                    if hasChildren, !dropsContent, nameIndex != html?.scriptIndex || !copy {
                        frames.append(Frame(index: -1, boilerplate: boilerplate, skipping: skipping))
                        descend = true
                    }
                } else if copy {
                    let index = Int32(tree.nodes.count)
                    let attributeStart = Int32(tree.attributes.count)
                    copyAttributes(of: current, into: &tree)
                    let name = nameIndex.map { html?.elementNames.names[$0] ?? "" } ?? elementName(current)
                    tree.nodes.append(MarkupTree.Node(
                        kind: .element, value: name, line: lineNumber(current), parent: openIndices.last ?? -1,
                        depth: Int32(openIndices.count), end: index + 1,
                        attributeStart: attributeStart, attributeCount: Int32(tree.attributes.count) - attributeStart,
                        isBoilerplate: boilerplate
                    ))
                    let keepsText = !dropsContent && (nameIndex == nil || nameIndex != html?.scriptIndex || scriptHoldsData(current))
                    if hasChildren, keepsText {
                        frames.append(Frame(index: index, boilerplate: boilerplate, skipping: skipping))
                        openIndices.append(index)
                        descend = true
                    }
                } else if hasChildren, !dropsContent, nameIndex != html?.scriptIndex {
                    frames.append(Frame(index: -1, boilerplate: boilerplate, skipping: skipping))
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if !parent.skipping, let content = current.pointee.content {
                    appendText(content, line: lineNumber(current), parent: openIndices.last ?? -1, depth: openIndices.count,
                               boilerplate: parent.boilerplate, into: &tree)
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
                guard let parentNode = climbing.pointee.parent else { break }
                if let frame = frames.popLast(), frame.index >= 0, let index = openIndices.popLast() {
                    tree.nodes[Int(index)].end = Int32(tree.nodes.count)
                }
                climbing = parentNode
            }
        }
        while let index = openIndices.popLast() {
            tree.nodes[Int(index)].end = Int32(tree.nodes.count)
        }
        return tree
    }

    // MARK: - Chrome

    private func attributeValue(_ node: xmlNodePtr, _ wanted: Int?, options: HTMLTreeOptions) -> UnsafePointer<xmlChar>? {
        guard let wanted else { return nil }
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, options.attributeNames.index(of: name) == wanted {
                return textOfAttribute(current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The value of a plain attribute (one text child) without copying; nil for entity-split values.
    private func textOfAttribute(_ attribute: xmlAttrPtr) -> UnsafePointer<xmlChar>? {
        guard let children = attribute.pointee.children, children.pointee.next == nil, children.pointee.type == XML_TEXT_NODE,
              let content = children.pointee.content else { return nil }
        return UnsafePointer(content)
    }

    private func isChrome(_ node: xmlNodePtr, nameIndex: Int?, options: HTMLTreeOptions) -> Bool {
        if let nameIndex, options.isChromeElement[nameIndex] { return true }
        var classValue: UnsafePointer<xmlChar>?
        var idValue: UnsafePointer<xmlChar>?
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let name = current.pointee.name, let index = options.attributeNames.index(of: name) else { continue }
            if options.isExemptAttribute[index] { return false }
            let value = textOfAttribute(current)
            switch index {
            case options.attribute.hidden: return true
            case options.attribute.ariaHidden: if let value, CString.equalsFolded(value, Self.trueWord) { return true }
            case options.attribute.role:
                if let value, options.roles.contains(where: { CString.equalsFolded(value, $0) }) { return true }
            case options.attribute.style:
                if let value, hasHidingStyle(value) { return true }
            case options.attribute.class: classValue = value
            case options.attribute.id: idValue = value
            default: break
            }
        }
        for value in [classValue, idValue] {
            guard let value else { continue }
            if CString.anyToken(value, { token in isChromeToken(token, options: options) }) { return true }
        }
        return false
    }

    private func hasHidingStyle(_ value: UnsafePointer<xmlChar>) -> Bool {
        // Compare with spaces removed: `display: none`.
        var compact: [UInt8] = []
        var index = 0
        while value[index] != 0, compact.count < 512 {
            if !CString.isSpace(value[index]) { compact.append(CString.lower(value[index])) }
            index += 1
        }
        return compact.withUnsafeBufferPointer { buffer in
            contains(buffer, Self.displayNone) || contains(buffer, Self.visibilityHidden)
        }
    }

    private func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0 ... haystack.count - needle.count where haystack[start] == needle[0] {
            if (0 ..< needle.count).allSatisfy({ haystack[start + $0] == needle[$0] }) { return true }
        }
        return false
    }

    private func isChromeToken(_ token: UnsafeBufferPointer<UInt8>, options: HTMLTreeOptions) -> Bool {
        for word in options.exactWords where token.elementsEqual(word) { return true }
        for word in options.affixWords where token.count >= word.count {
            if token.count == word.count {
                if token.elementsEqual(word) { return true }
                continue
            }
            let separatorAfter = token[word.count]
            if (separatorAfter == 0x2D || separatorAfter == 0x5F), token.prefix(word.count).elementsEqual(word) { return true }
            let separatorBefore = token[token.count - word.count - 1]
            if (separatorBefore == 0x2D || separatorBefore == 0x5F), token.suffix(word.count).elementsEqual(word) { return true }
        }
        return false
    }

    private func isKeptInsideChrome(_ node: xmlNodePtr, nameIndex: Int?, options: HTMLTreeOptions) -> Bool {
        if let nameIndex, options.isKeptInside[nameIndex] {
            return nameIndex != options.scriptIndex || scriptHoldsData(node)
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, let index = options.attributeNames.index(of: name), options.isKeptInsideAttribute[index] {
                return true
            }
            attribute = current.pointee.next
        }
        return false
    }

    private func scriptHoldsData(_ node: xmlNodePtr) -> Bool {
        guard let html, let type = attributeValue(node, html.attribute.type, options: html) else { return false }
        return CString.containsFolded(type, Self.ldJSON)
    }

    // MARK: - Copying

    private func elementName(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    private func lineNumber(_ node: xmlNodePtr) -> Int32 {
        let line = xmlGetLineNo(node)
        return line > 0 && line < Int(Int32.max) ? Int32(line) : 0
    }

    private func copyAttributes(of node: xmlNodePtr, into tree: inout MarkupTree) {
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let rawName = current.pointee.name else { continue }
            let name: String
            if let html {
                guard let index = html.attributeNames.index(of: rawName), html.copiedAttribute[index] else { continue }
                name = html.attributeNames.names[index]
            } else {
                name = String(cString: rawName)
            }
            tree.attributes.append(MarkupTree.Attribute(name: name, value: attributeValue(current)))
        }
    }

    private func attributeValue(_ attribute: xmlAttrPtr) -> String {
        if let text = textOfAttribute(attribute) { return String(cString: text) }
        guard let children = attribute.pointee.children else { return "" }
        guard let joined = xmlNodeListGetString(attribute.pointee.doc, children, 1) else { return "" }
        defer { katalog_xmlFree(joined) }
        return String(cString: joined)
    }

    private func appendText(_ content: UnsafePointer<xmlChar>, line: Int32, parent: Int32, depth: Int, boilerplate: Bool, into tree: inout MarkupTree) {
        // Whitespace-only text is kept as a single space: it still separates inline words.
        var cursor = content
        var onlyWhitespace = true
        while cursor.pointee != 0 {
            if !CString.isSpace(cursor.pointee) {
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
            end: index + 1, attributeStart: 0, attributeCount: 0, isBoilerplate: boilerplate
        ))
    }
}
