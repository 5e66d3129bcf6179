/// An immutable Swift copy of a parsed HTML or XML document: elements and text in document order.
///
/// Nodes live in one array in pre-order, so the descendants of node `i` are exactly `i+1 ..< end(i)`; walking a
/// subtree is a loop, never recursion, whatever the nesting depth of the page. Comments, processing instructions,
/// `<style>`, `<template>`, `<noscript>` and non-data `<script>` bodies are left out when the tree is built, and so
/// is page chrome when `BoilerplateRules` are given.
public struct MarkupTree: Sendable {
    /// One element or text node. Element names and attribute names are lower case for HTML.
    public struct Node: Sendable {
        public enum Kind: UInt8, Sendable {
            case element
            case text
        }

        public let kind: Kind
        /// The element name, or the text of a text node (whitespace-only text is kept as one space).
        public let value: String
        /// 1-based source line (0 when unknown).
        public let line: Int32
        /// Index of the parent node; -1 for the root.
        public let parent: Int32
        /// Depth below the root element (the root is 0).
        public let depth: Int32
        /// End (exclusive) of this node's subtree in `nodes`.
        public internal(set) var end: Int32
        let attributeStart: Int32
        let attributeCount: Int32
        /// Inside page chrome (navigation, header, footer, …) as judged while copying; only structured data is
        /// copied from there. Always false without boilerplate rules.
        public let isBoilerplate: Bool

        public var isElement: Bool { kind == .element }
        /// The element name (`""` for text nodes).
        public var name: String { kind == .element ? value : "" }
    }

    public struct Attribute: Sendable {
        public let name: String
        public let value: String
    }

    public internal(set) var nodes: [Node] = []
    var attributes: [Attribute] = []

    public init() {}

    public var isEmpty: Bool { nodes.isEmpty }
    public var count: Int { nodes.count }

    public subscript(index: Int) -> Node { nodes[index] }

    /// The node indices below `index`, in document order (children, grandchildren, …).
    public func descendants(of index: Int) -> Range<Int> {
        (index + 1) ..< Int(nodes[index].end)
    }

    /// The direct children of `index`, in document order.
    public func children(of index: Int) -> ChildSequence {
        ChildSequence(tree: self, parent: index)
    }

    /// The value of attribute `name` (lower case) on element `index`, if present.
    public func attribute(_ name: String, of index: Int) -> String? {
        let node = nodes[index]
        guard node.attributeCount > 0 else { return nil }
        for position in Int(node.attributeStart) ..< Int(node.attributeStart + node.attributeCount)
        where attributes[position].name == name {
            return attributes[position].value
        }
        return nil
    }

    /// Whether element `index` carries attribute `name` (whatever its value).
    public func hasAttribute(_ name: String, on index: Int) -> Bool {
        attribute(name, of: index) != nil
    }

    /// All attributes of element `index`, in source order.
    public func attributes(of index: Int) -> ArraySlice<Attribute> {
        let node = nodes[index]
        return attributes[Int(node.attributeStart) ..< Int(node.attributeStart + node.attributeCount)]
    }

    /// The nearest ancestor of `index` (not `index` itself) that satisfies `predicate`.
    public func nearestAncestor(of index: Int, where predicate: (Int) -> Bool) -> Int? {
        var current = Int(nodes[index].parent)
        while current >= 0 {
            if predicate(current) { return current }
            current = Int(nodes[current].parent)
        }
        return nil
    }

    /// The first element named `name` anywhere in the document.
    public func firstElement(named name: String) -> Int? {
        nodes.indices.first { nodes[$0].kind == .element && nodes[$0].value == name }
    }

    /// The direct children of one node. Iterating costs nothing beyond following sibling links.
    public struct ChildSequence: Sequence {
        let tree: MarkupTree
        let parent: Int

        public func makeIterator() -> Iterator {
            Iterator(tree: tree, cursor: parent + 1, end: Int(tree.nodes[parent].end))
        }

        public struct Iterator: IteratorProtocol {
            let tree: MarkupTree
            var cursor: Int
            let end: Int

            public mutating func next() -> Int? {
                guard cursor < end else { return nil }
                let current = cursor
                cursor = Int(tree.nodes[current].end)
                return current
            }
        }
    }
}
