import KatalogCore

/// Reads any XML product feed through an `XMLFeedMapping`, streaming: one item element → one `RawRecord`.
///
/// Each mapped path gives fields labelled with the mapping's label (one per matching element or attribute;
/// none when nothing matches — the normalizer then reports the missing value). Bad input: see
/// `XMLFeedEngine`.
public struct MappedXMLReader: RecordReader {
    public var mapping: XMLFeedMapping

    public init(mapping: XMLFeedMapping) {
        self.mapping = mapping
    }

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        var engine = XMLFeedEngine(dialect: MappedXMLDialect(mapping: mapping, kind: document.kind))
        try engine.read(document, into: sink)
    }
}

struct MappedXMLDialect: XMLFeedDialect {
    let kind: InputKind
    private let itemPath: [String]
    /// (label, path segments, attribute name at the end)
    private let fieldPaths: [(label: String, elements: [String], attribute: String?)]
    private let includeUnmapped: Bool
    private let hints: SourceHints
    private let units: [String: String]
    /// Every mapped path, `/`-joined (`prices/retail`, `prices/retail/@currency`, `@id`).
    private let mappedPaths: Set<String>

    init(mapping: XMLFeedMapping, kind: InputKind) {
        self.kind = kind
        itemPath = mapping.item.split(separator: "/").map(String.init)
        includeUnmapped = mapping.includeUnmapped
        hints = mapping.hints
        units = mapping.units
        fieldPaths = mapping.fields.sorted { $0.key < $1.key }.map { label, path in
            var segments = path.split(separator: "/").map(String.init).filter { $0 != "." }
            var attribute: String?
            if let last = segments.last, last.hasPrefix("@") {
                attribute = String(last.dropFirst())
                segments.removeLast()
            }
            return (label, segments, attribute)
        }
        mappedPaths = Set(fieldPaths.map { ($0.elements + ($0.attribute.map { ["@" + $0] } ?? [])).joined(separator: "/") })
    }

    func isItem(name: String, path: [String]) -> Bool {
        guard let last = itemPath.last, name == last else { return false }
        let ancestors = itemPath.dropLast()
        guard ancestors.count <= path.count else { return false }
        return path.suffix(ancestors.count).elementsEqual(ancestors)
    }

    func needsSubtree(_ name: String) -> Bool { true }

    func appendItemAttributes(_ attributes: [XMLStreamAttribute], line: Int, to fields: inout [RawField]) {
        for field in fieldPaths where field.elements.isEmpty {
            guard let name = field.attribute, let value = attributes.first(where: { $0.name == name })?.value, !value.isEmpty else { continue }
            fields.append(RawField(label: field.label, value: value, origin: .xmlAttribute, line: line))
        }
        if includeUnmapped {
            for attribute in attributes where !attribute.value.isEmpty && !mappedPaths.contains("@" + attribute.name) {
                fields.append(RawField(label: attribute.name, value: attribute.value, origin: .xmlAttribute, line: line))
            }
        }
    }

    func appendFields(of child: XMLItemNode, to fields: inout [RawField]) {
        for field in fieldPaths where field.elements.first == child.name {
            for node in nodes(at: field.elements.dropFirst(), under: child) {
                if let attribute = field.attribute {
                    if let value = node.attribute(attribute), !value.isEmpty {
                        fields.append(RawField(label: field.label, value: value, origin: .xmlAttribute, line: node.line))
                    }
                } else {
                    var value = node.text
                    if let unit = units[field.label] {
                        let resolved = unit.hasPrefix("@") ? node.attribute(String(unit.dropFirst())) ?? "" : unit
                        if !resolved.isEmpty { value = FeedSpecifiedUnit.apply(resolved, to: value) }
                    }
                    if !value.isEmpty {
                        fields.append(RawField(label: field.label, value: value, origin: .xmlElement, line: node.line))
                    }
                }
            }
        }
        if includeUnmapped {
            var plain: [RawField] = []
            child.appendFields(prefix: "", to: &plain)
            for field in plain {
                guard let label = field.label else { continue }
                let path = label.replacingOccurrences(of: "@", with: "/@")
                if !mappedPaths.contains(path) { fields.append(field) }
            }
        }
    }

    private func nodes(at path: ArraySlice<String>, under node: XMLItemNode) -> [XMLItemNode] {
        guard let first = path.first else { return [node] }
        return node.children.filter { $0.name == first }.flatMap { nodes(at: path.dropFirst(), under: $0) }
    }

    func marketHints(for fields: [RawField]) -> SourceHints { hints }
}
