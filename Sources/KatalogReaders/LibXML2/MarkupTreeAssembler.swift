import CLibXML2

/// The attributes of one element as libxml2 hands them to a SAX handler: name, value, name, value, …, NULL.
/// A nil value is an attribute written without one (`<div hidden>`).
struct MarkupAttributes {
    let pairs: UnsafePointer<UnsafePointer<xmlChar>?>?

    /// Calls `body` with each attribute in source order until it returns true; returns whether one did.
    @inline(__always)
    func contains(where body: (_ name: UnsafePointer<xmlChar>, _ value: UnsafePointer<xmlChar>?) -> Bool) -> Bool {
        guard let pairs else { return false }
        var index = 0
        while let name = pairs[index] {
            if body(name, pairs[index + 1]) { return true }
            index += 2
        }
        return false
    }
}

/// Builds a `MarkupTree` from a document's events in order — element start, text, element end — whether they
/// come straight from libxml2's SAX parser (HTML pages: no libxml2 tree is ever built) or from a walk over a
/// parsed libxml2 document (`LibXML2TreeWalk`, small XML files).
///
/// Elements deeper than `maxDepth` are not copied as elements, but their text still is, attached to the deepest
/// copied ancestor, so a hostile page nested a million levels deep loses no text and needs no recursion. With
/// HTML options, names are matched against interned tables (no Swift string per name) and page chrome is left
/// out while assembling, keeping only the structured data inside it. Text arriving in several pieces between two
/// element events becomes one text node, as in libxml2's own tree.
struct MarkupTreeAssembler {
    /// The HTML options, held only so that the tables `html` points into stay alive.
    private let tablesOwner: HTMLTreeOptions?
    /// The HTML options' tables, read per element; nil copies an XML document as written (every attribute, names
    /// as found).
    private let html: HTMLTreeLookup?
    let maxDepth: Int
    /// Number of elements that were deeper than `maxDepth` and flattened.
    private(set) var flattenedCount = 0

    private var tree = MarkupTree()

    private struct Frame {
        /// Arena index when this element was copied, else -1.
        var index: Int32
        /// Inside page chrome.
        var boilerplate: Bool
        /// Inside chrome and outside any kept subtree: only kept elements are copied.
        var skipping: Bool
        /// The element's start line.
        var line: Int32
    }

    /// One frame per open element whose content is read.
    private var frames: [Frame] = []
    /// Arena indices of the open copied elements.
    private var openIndices: [Int32] = []
    /// Open elements inside an element whose content is left out (that element included).
    private var skippedDepth = 0
    /// The document element has started; any later top-level element is not part of the document.
    private var rootStarted = false
    /// Text received since the last element event, and the line of its last piece.
    private var pendingText: [UInt8] = []
    private var pendingLine: Int32 = 0

    // Static strings, not arrays: a shared array's reference count would be touched by every thread at each use.
    private static let ldJSON: StaticString = "ld+json"
    private static let trueWord: StaticString = "true"
    private static let displayNone: StaticString = "display:none"
    private static let visibilityHidden: StaticString = "visibility:hidden"

    init(html: HTMLTreeOptions?, maxDepth: Int) {
        tablesOwner = html
        self.html = html?.lookup
        self.maxDepth = maxDepth
        tree.nodes.reserveCapacity(1024)
        tree.attributes.reserveCapacity(1024)
        pendingText.reserveCapacity(256)
    }

    /// The tree built so far, with every open element closed.
    mutating func finish() -> MarkupTree {
        endText()
        while let index = openIndices.popLast() {
            tree.nodes[Int(index)].end = Int32(tree.nodes.count)
        }
        frames.removeAll()
        return tree
    }

    // MARK: - Events

    /// An element starts: `name` as parsed (lower case for HTML), `line` 1-based (0 when unknown).
    mutating func startElement(_ rawName: UnsafePointer<xmlChar>, attributes: MarkupAttributes, line: Int32) {
        endText()
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        if frames.isEmpty {
            guard !rootStarted else {
                skippedDepth = 1
                return
            }
            rootStarted = true
        }
        let parent = frames.last ?? Frame(index: -1, boilerplate: false, skipping: false, line: 0)
        let nameIndex = html?.elementNames.index(of: rawName)
        var boilerplate = parent.boilerplate
        var skipping = parent.skipping
        var copy = true
        if let html, html.hasBoilerplateRules {
            if skipping {
                copy = isKeptInsideChrome(attributes, nameIndex: nameIndex, options: html)
                if copy { skipping = false }
            } else if !boilerplate, isChrome(attributes, nameIndex: nameIndex, options: html) {
                boilerplate = true
                skipping = true
            }
        }
        let dropsContent = nameIndex.map { html?.dropsContent[$0] ?? false } ?? false
        let isScript = nameIndex != nil && nameIndex == html?.scriptIndex
        let descend: Bool
        var index: Int32 = -1
        if frames.count > maxDepth {
            if copy { flattenedCount += 1 }
            descend = !dropsContent && (!isScript || !copy)
        } else if copy {
            index = Int32(tree.nodes.count)
            let attributeStart = Int32(tree.attributes.count)
            Self.copyAttributes(attributes, html: html, into: &tree)
            let name = nameIndex.map { html?.elementNames.name(at: $0) ?? "" } ?? String(cString: rawName)
            tree.nodes.append(MarkupTree.Node(
                kind: .element, value: name, line: line, parent: openIndices.last ?? -1,
                depth: Int32(openIndices.count), end: index + 1,
                attributeStart: attributeStart, attributeCount: Int32(tree.attributes.count) - attributeStart,
                isBoilerplate: boilerplate
            ))
            descend = !dropsContent && (!isScript || scriptHoldsData(attributes))
        } else {
            descend = !dropsContent && !isScript
        }
        guard descend else {
            skippedDepth = 1
            return
        }
        frames.append(Frame(index: index, boilerplate: boilerplate, skipping: skipping, line: line))
        if index >= 0 { openIndices.append(index) }
    }

    /// The innermost open element ends.
    mutating func endElement() {
        endText()
        if skippedDepth > 0 {
            skippedDepth -= 1
            return
        }
        guard let frame = frames.popLast() else { return }
        if frame.index >= 0, let index = openIndices.popLast() {
            tree.nodes[Int(index)].end = Int32(tree.nodes.count)
        }
    }

    /// The start line of the innermost open element whose content is read (0 outside the document element).
    var openElementLine: Int32 { frames.last?.line ?? 0 }

    /// A piece of text (or CDATA) inside the current element, seen at `line`.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, line: Int32) {
        guard skippedDepth == 0, let parent = frames.last, !parent.skipping, !bytes.isEmpty else { return }
        pendingText.append(contentsOf: bytes)
        pendingLine = line
    }

    /// The text received since the last element event is one node (a comment or a change from text to CDATA
    /// also ends one).
    mutating func endText() {
        guard !pendingText.isEmpty else { return }
        defer { pendingText.removeAll(keepingCapacity: true) }
        // libxml2's text is a C string: a NUL byte ends it.
        let length = pendingText.firstIndex(of: 0) ?? pendingText.count
        guard length > 0, let frame = frames.last else { return }
        let onlyWhitespace = pendingText[..<length].allSatisfy(CString.isSpace)
        // Whitespace-only text is kept as a single space: it still separates inline words.
        let text = onlyWhitespace ? " " : pendingText.withUnsafeBufferPointer { String(decoding: $0[..<length], as: UTF8.self) }
        let index = Int32(tree.nodes.count)
        tree.nodes.append(MarkupTree.Node(
            kind: .text, value: text, line: pendingLine, parent: openIndices.last ?? -1, depth: Int32(openIndices.count),
            end: index + 1, attributeStart: 0, attributeCount: 0, isBoilerplate: frame.boilerplate
        ))
    }

    // MARK: - Chrome

    private func value(of attributes: MarkupAttributes, _ wanted: Int?, options: HTMLTreeLookup) -> UnsafePointer<xmlChar>? {
        guard let wanted else { return nil }
        var found: UnsafePointer<xmlChar>?
        _ = attributes.contains { name, value in
            guard options.attributeNames.index(of: name) == wanted else { return false }
            found = value
            return true
        }
        return found
    }

    private func isChrome(_ attributes: MarkupAttributes, nameIndex: Int?, options: HTMLTreeLookup) -> Bool {
        if let nameIndex, options.isChromeElement[nameIndex] { return true }
        var classValue: UnsafePointer<xmlChar>?
        var idValue: UnsafePointer<xmlChar>?
        var exempt = false
        let hidden = attributes.contains { name, value in
            guard let index = options.attributeNames.index(of: name) else { return false }
            if options.isExemptAttribute[index] {
                exempt = true
                return true
            }
            switch index {
            case options.attribute.hidden: return true
            case options.attribute.ariaHidden: return value.map { value in Self.trueWord.withUTF8Buffer { CString.equalsFolded(value, $0) } } ?? false
            case options.attribute.role: return value.map { value in options.roles.contains { CString.equalsFolded(value, $0) } } ?? false
            case options.attribute.style: return value.map(hasHidingStyle) ?? false
            case options.attribute.class: classValue = value
            case options.attribute.id: idValue = value
            default: break
            }
            return false
        }
        if exempt { return false }
        if hidden { return true }
        func namesChrome(_ value: UnsafePointer<xmlChar>?) -> Bool {
            guard let value else { return false }
            return CString.anyToken(value) { token in isChromeToken(token, options: options) }
        }
        return namesChrome(classValue) || namesChrome(idValue)
    }

    private func hasHidingStyle(_ value: UnsafePointer<xmlChar>) -> Bool {
        // Compare with spaces removed: `display: none`.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
            var count = 0
            var index = 0
            while value[index] != 0, count < buffer.count {
                if !CString.isSpace(value[index]) {
                    buffer[count] = CString.lower(value[index])
                    count += 1
                }
                index += 1
            }
            let compact = UnsafeBufferPointer(rebasing: buffer[0 ..< count])
            return Self.displayNone.withUTF8Buffer { contains(compact, $0) }
                || Self.visibilityHidden.withUTF8Buffer { contains(compact, $0) }
        }
    }

    private func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0 ... haystack.count - needle.count where haystack[start] == needle[0] {
            if (0 ..< needle.count).allSatisfy({ haystack[start + $0] == needle[$0] }) { return true }
        }
        return false
    }

    private func isChromeToken(_ token: UnsafeBufferPointer<UInt8>, options: HTMLTreeLookup) -> Bool {
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

    private func isKeptInsideChrome(_ attributes: MarkupAttributes, nameIndex: Int?, options: HTMLTreeLookup) -> Bool {
        if let nameIndex, options.isKeptInside[nameIndex] {
            return nameIndex != options.scriptIndex || scriptHoldsData(attributes)
        }
        return attributes.contains { name, _ in
            guard let index = options.attributeNames.index(of: name) else { return false }
            return options.isKeptInsideAttribute[index]
        }
    }

    private func scriptHoldsData(_ attributes: MarkupAttributes) -> Bool {
        guard let html, let type = value(of: attributes, html.attribute.type, options: html) else { return false }
        return Self.ldJSON.withUTF8Buffer { CString.containsFolded(type, $0) }
    }

    // MARK: - Copying

    /// Static: a method of the assembler given its own `tree` inout made Swift copy the whole assembler per call.
    private static func copyAttributes(_ attributes: MarkupAttributes, html: HTMLTreeLookup?, into tree: inout MarkupTree) {
        _ = attributes.contains { rawName, value in
            let name: String
            if let html {
                guard let index = html.attributeNames.index(of: rawName), html.copiedAttribute[index] else { return false }
                name = html.attributeNames.name(at: index)
            } else {
                name = String(cString: rawName)
            }
            tree.attributes.append(MarkupTree.Attribute(name: name, value: value.map { String(cString: $0) } ?? ""))
            return false
        }
    }
}
