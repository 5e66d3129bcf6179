import Foundation

/// A workbook's shared string table (`xl/sharedStrings.xml`): Excel writes each distinct text once there, and a
/// text cell holds its index. The table is held in memory (the sheet itself is streamed), so it is bounded by the
/// part's size limit (`XLSXPackage`).
struct XLSXSharedStrings: Sendable {
    private(set) var strings: [String] = []

    init() {}

    init(strings: [String]) { self.strings = strings }

    /// The table of `package`, found through the workbook's relationships' usual name; empty when there is none
    /// (a workbook of numbers only, or one that writes its text inline).
    init(package: XLSXPackage) throws {
        let part = "xl/sharedStrings.xml"
        guard package.has(part) else { return }
        var collector = XLSXRichTextCollector(item: "si")
        _ = try package.withPart(part) { path in
            XMLStreamReader.read(file: path, into: &collector)
        }
        strings = collector.texts
    }

    subscript(index: Int) -> String? {
        index >= 0 && index < strings.count ? strings[index] : nil
    }
}

/// Gathers the text of each `item` element (`si` in the shared string table, `is` in an inline string): the `t`
/// runs in document order, the phonetic runs (`rPh`, furigana) left out, `_xHHHH_` escapes decoded.
struct XLSXRichTextCollector: XMLStreamConsumer {
    let item: String
    private(set) var texts: [String] = []
    private var current: [UInt8] = []
    /// The elements open inside the current item, innermost last (empty outside an item).
    private var open: [Kind] = []
    private var inItem = false

    private enum Kind { case text, phonetic, other }

    init(item: String) { self.item = item }

    mutating func startElement(name: consuming String, attributes: [XMLStreamAttribute], isEmpty: Bool, line: Int) {
        let local = XLSXNames.local(name)
        guard inItem else {
            guard local == item else { return }
            current.removeAll(keepingCapacity: true)
            if isEmpty { texts.append("") } else { inItem = true }
            return
        }
        guard !isEmpty else { return }
        let inPhonetic = open.contains(.phonetic)
        open.append(local == "rPh" ? .phonetic : local == "t" && !inPhonetic ? .text : .other)
    }

    mutating func endElement() {
        guard inItem else { return }
        if open.popLast() == nil {
            inItem = false
            texts.append(XLSXText.decodingEscapes(String(decoding: current, as: UTF8.self)))
        }
    }

    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        if inItem, open.last == .text { current.append(contentsOf: utf8) }
    }

    mutating func entityReference(name: String, line: Int) {}
    mutating func documentType(name: String, line: Int) {}
    mutating func progress(bytesConsumed: Int) {}
}

/// Text as Office Open XML stores it.
enum XLSXText {
    /// `text` with its `_xHHHH_` escapes decoded (ECMA-376 part 1, 22.9.2.19: a character XML cannot hold, such as
    /// a carriage return `_x000D_`, and `_x005F_` for a literal `_` before such a pattern).
    static func decodingEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = text[...]
        while let start = rest.range(of: "_x") {
            let hex = rest[start.upperBound...].prefix(4)
            let afterHex = rest.index(start.upperBound, offsetBy: hex.count)
            guard hex.count == 4, hex.allSatisfy(\.isHexDigit), afterHex < rest.endIndex, rest[afterHex] == "_",
                  let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                result += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            result += rest[..<start.lowerBound]
            result.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: afterHex)...]
        }
        return result + rest
    }
}
