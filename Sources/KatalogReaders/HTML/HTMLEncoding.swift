import Foundation
import KatalogCore

/// A page's bytes as UTF-8, ready for libxml2, with the encoding they were decoded from.
struct HTMLSourceText {
    var utf8: Data
    var encoding: TextEncodingInfo
    /// Byte sequences that were not valid in `encoding` and became U+FFFD.
    var invalidSequences: Int
    /// 1-based line of the first invalid sequence, when there was one.
    var firstInvalidLine: Int?
    /// A charset the page declared that Katalog cannot decode (it was decoded by sniffing instead).
    var unsupportedDeclaration: String?
}

/// Finds how an HTML page is encoded — byte-order mark, then `<meta charset>`, then `http-equiv` Content-Type,
/// then a sniff (valid UTF-8, else the single-byte code page that reads best) — and turns it into UTF-8.
///
/// Never fails: undecodable bytes become U+FFFD and are counted. Valid UTF-8 is passed through without copying
/// into a `String`.
enum HTMLEncoding {
    /// How far into the page charset declarations are looked for (browsers look at 1024 bytes; shops are sloppier).
    static let prescanLength = 4096

    static func utf8Text(from data: Data) -> HTMLSourceText {
        data.withUnsafeBytes { raw in
            if let bom = TextDecoding.byteOrderMark(raw) {
                let body = UnsafeRawBufferPointer(rebasing: raw[bom.length...])
                if bom.name == "utf-8", TextDecoding.isValidUTF8(body) {
                    return HTMLSourceText(utf8: Data(body), encoding: .init(name: "utf-8", source: "bom"), invalidSequences: 0)
                }
                return converted(TextDecoding.decode(body, as: bom.name, source: "bom"), original: body)
            }
            let prefix = UnsafeRawBufferPointer(rebasing: raw.prefix(prescanLength))
            let declared = declaredCharset(in: prefix)
            let canonical = declared.flatMap { TextDecoding.canonicalName($0.name) }
            var unsupported: String?
            if let declared, let canonical, !canonical.hasPrefix("utf-16") {
                let valid = TextDecoding.isValidUTF8(raw)
                if canonical == "utf-8" {
                    if valid { return HTMLSourceText(utf8: data, encoding: .init(name: "utf-8", source: declared.source), invalidSequences: 0) }
                    return converted(TextDecoding.decode(raw, as: "utf-8", source: declared.source), original: raw)
                }
                // A page that declares a single-byte charset but is really UTF-8 is common; trust the bytes.
                if valid, raw.contains(where: { $0 >= 0x80 }) {
                    return HTMLSourceText(utf8: data, encoding: .init(name: "utf-8", source: "sniffed"), invalidSequences: 0)
                }
                if let single = TextDecoding.transcodeSingleByteToUTF8(raw, codePage: canonical) {
                    return HTMLSourceText(utf8: Data(single.utf8), encoding: .init(name: canonical, source: declared.source),
                                          invalidSequences: single.invalidSequences,
                                          firstInvalidLine: single.firstInvalidOffset.map { lineOf(offset: $0, in: raw) })
                }
                unsupported = declared.name
            } else if let declared {
                unsupported = declared.name
            }
            if TextDecoding.isValidUTF8(raw) {
                return HTMLSourceText(utf8: data, encoding: .init(name: "utf-8", source: "default"), invalidSequences: 0, unsupportedDeclaration: unsupported)
            }
            var result = converted(TextDecoding.decode(data, declared: nil, languageHint: languageAttribute(in: prefix)), original: raw)
            result.unsupportedDeclaration = unsupported
            return result
        }
    }

    private static func lineOf(offset: Int, in raw: UnsafeRawBufferPointer) -> Int {
        1 + raw.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func converted(_ decoded: DecodedText, original: UnsafeRawBufferPointer) -> HTMLSourceText {
        HTMLSourceText(utf8: Data(decoded.text.utf8), encoding: decoded.encoding, invalidSequences: decoded.invalidSequences,
                       firstInvalidLine: decoded.firstInvalidOffset.map { lineOf(offset: $0, in: original) })
    }

    /// The charset named by the first `<meta charset>` or `<meta http-equiv content="…; charset=…">` in `prefix`.
    static func declaredCharset(in prefix: UnsafeRawBufferPointer) -> (name: String, source: String)? {
        let bytes = prefix.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var position = 0
        while let meta = find(Array("<meta".utf8), in: bytes, from: position) {
            let tagEnd = bytes[meta...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            position = tagEnd
            let tag = Array(bytes[meta ..< tagEnd])
            guard var cursor = find(Array("charset".utf8), in: tag, from: 0).map({ $0 + 7 }) else { continue }
            while cursor < tag.count, tag[cursor] == 0x20 { cursor += 1 }
            guard cursor < tag.count, tag[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < tag.count, [0x20, 0x22, 0x27].contains(tag[cursor]) { cursor += 1 }
            let start = cursor
            while cursor < tag.count, !" \"';/>\t\n\r".utf8.contains(tag[cursor]) { cursor += 1 }
            guard cursor > start else { continue }
            let name = String(decoding: tag[start ..< cursor], as: UTF8.self)
            return (name, find(Array("http-equiv".utf8), in: tag, from: 0) != nil ? "http-equiv" : "meta")
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start ... haystack.count - needle.count where haystack[index] == needle[0] {
            if haystack[index ..< index + needle.count].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// The `lang` of the `<html>` element in `prefix` (a sniffing hint), e.g. `pl` from `lang="pl-PL"`.
    static func languageAttribute(in prefix: UnsafeRawBufferPointer) -> String? {
        let text = String(decoding: prefix, as: UTF8.self).lowercased()
        guard let html = text.range(of: "<html"), let lang = text[html.upperBound...].range(of: "lang=") else { return nil }
        let value = text[lang.upperBound...].drop { $0 == "\"" || $0 == "'" }.prefix { $0.isLetter }
        return value.isEmpty ? nil : String(value)
    }
}
