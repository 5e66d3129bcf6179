import KatalogCore

/// Reads JSON product feeds, streaming: a top-level array of product objects, JSON Lines (one object per
/// line), or schema.org `Product` JSON (a Product, an `ItemList`, an `@graph`, or a wrapper object such as
/// `{"products": [...]}`). One product object → one `RawRecord`; keys as found, flattened by
/// `JSONFieldFlattener`, origin `json-key`. A Shopify product (`handle` + `variants`, see `ShopifyProducts`)
/// gives one record per variant, with `hints.platform` `shopify`.
///
/// Arrays and JSON Lines stream item by item; a single top-level object is held whole (it is one document).
/// Bad input never drops an item: an item that does not parse becomes a record without fields plus
/// `json.malformed` (with its line), an item cut off by the end of the file becomes one plus `json.truncated`,
/// and an element that is not an object gives `json.not-an-object`.
public struct JSONFeedReader: RecordReader {
    public init() {}

    public func read(_ document: SourceDocument, into sink: RecordSink) throws {
        let source = try FeedTextSource(path: document.fileURL, declared: document.encoding)
        sink.noteEncoding(source.encoding)
        var splitter = JSONItemSplitter()
        var emitter = JSONRecordEmitter(document: document, sink: sink)
        let progress = sink as? ProgressSink
        while let chunk = try source.next() {
            chunk.withUnsafeBytes { raw in
                splitter.feed(raw.bindMemory(to: UInt8.self)) { item, line, inSequence in
                    emitter.item(item, line: line, topLevelSequence: inSequence, atEnd: false)
                }
            }
            if let progress { progress.progress(items: emitter.recordCount, bytesRead: source.bytesRead) }
        }
        let insideArray = splitter.endedInsideArray
        splitter.finish { item, line, inSequence in
            emitter.item(item, line: line, topLevelSequence: inSequence, atEnd: true)
        }
        if insideArray {
            sink.report(JSONDiagnostics.truncated(at: SourceLocation(file: document.displayPath, line: splitter.line), recordsKept: emitter.recordCount))
        }
    }
}

/// Parses each item cut by the splitter and hands its record(s) to the sink.
struct JSONRecordEmitter {
    let document: SourceDocument
    let sink: RecordSink
    private(set) var recordCount = 0

    init(document: SourceDocument, sink: RecordSink) {
        self.document = document
        self.sink = sink
    }

    mutating func item(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, topLevelSequence: Bool, atEnd: Bool) {
        do {
            var parser = JSONParser(bytes: bytes, mode: .strict)
            let value = try parser.parse()
            let products = topLevelSequence ? Self.products(in: value) : [value]
            for product in products { emit(product, line: line) }
        } catch {
            recordCount += 1
            let location = SourceLocation(file: document.displayPath, line: line, record: recordCount)
            sink.accept(RawRecord(location: location, kind: document.kind, fields: [], hints: document.hints))
            let faultLine = line + bytes.prefix(error.offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            if error.truncated && atEnd {
                sink.report(JSONDiagnostics.truncated(at: location.with(field: nil, line: faultLine), recordsKept: recordCount - 1))
            } else {
                sink.report(JSONDiagnostics.malformed(error.message, at: location.with(field: nil, line: faultLine)))
            }
        }
    }

    private mutating func emit(_ value: ParsedJSON, line: Int) {
        recordCount += 1
        let location = SourceLocation(file: document.displayPath, line: line, record: recordCount)
        guard case .object = value else {
            sink.accept(RawRecord(location: location, kind: document.kind, fields: [], hints: document.hints))
            sink.report(JSONDiagnostics.notAnObject(at: location))
            return
        }
        if ShopifyProducts.isProduct(value) {
            // One record per variant, read with Shopify's vocabulary (`hints.platform`).
            let variants = ShopifyProducts.records(of: value, line: line)
            var hints = document.hints
            if hints.platform == nil { hints.platform = ShopifyProducts.platform }
            for (index, variant) in variants.enumerated() {
                if index > 0 { recordCount += 1 }
                let variantLocation = SourceLocation(file: document.displayPath, line: variant.line, record: recordCount)
                sink.accept(RawRecord(location: variantLocation, kind: document.kind, fields: variant.fields, hints: hints))
            }
            return
        }
        let fields = JSONFieldFlattener.fields(of: value, line: line)
        // A WooCommerce REST product is read with WooCommerce's vocabulary and default units.
        let hints = WooCommerceProducts.isProduct(value) ? WooCommerceProducts.hints(document.hints) : document.hints
        sink.accept(RawRecord(location: location, kind: document.kind, fields: fields, hints: hints))
    }

    /// The product objects inside one top-level value: schema.org `@graph` / `ItemList`, a wrapper object
    /// whose only array holds objects (`{"products": [...]}`), or the value itself.
    static func products(in value: ParsedJSON) -> [ParsedJSON] {
        if case let .array(elements) = value { return elements.flatMap(products(in:)) }
        guard case let .object(members) = value else { return [value] }
        if case let .array(graph)? = value["@graph"] {
            let found = graph.filter { isType($0, "Product") }
            return found.isEmpty ? graph : found
        }
        if isType(value, "ItemList"), case let .array(list)? = value["itemListElement"] {
            return list.map { element in element["item"] ?? element }
        }
        if isType(value, "Product") || ShopifyProducts.isProduct(value) { return [value] }
        if let product = value["product"], ShopifyProducts.isProduct(product) { return [product] }
        let arrays = members.filter { member in
            if case let .array(elements) = member.value, elements.contains(where: { if case .object = $0 { true } else { false } }) { return true }
            return false
        }
        let scalars = members.filter { $0.value.scalarText != nil && !$0.key.hasPrefix("@") }
        if arrays.count == 1, scalars.count <= 3, case let .array(elements) = arrays[0].value,
           ["products", "items", "offers", "data", "product", "item", "catalog", "results"].contains(arrays[0].key.lowercased()) {
            return elements
        }
        return [value]
    }

    private static func isType(_ value: ParsedJSON, _ type: String) -> Bool {
        switch value["@type"] {
        case let .string(name)?: return name == type || name.hasSuffix("/" + type)
        case let .array(names)?: return names.contains { $0.scalarText == type }
        default: return false
        }
    }
}

/// Diagnostics the JSON reader emits.
enum JSONDiagnostics {
    static func malformed(_ detail: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .jsonMalformed, "This item is not valid JSON (\(detail)); it was kept without fields.", at: location)
    }

    static func truncated(at location: SourceLocation, recordsKept: Int) -> Diagnostic {
        Diagnostic(.error, .jsonTruncated,
                   "The file ends in the middle of the JSON; the \(recordsKept) items before this point were kept.", at: location)
    }

    static func notAnObject(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .jsonNotAnObject, "This item is not a JSON object, so it has no fields.", at: location)
    }
}
