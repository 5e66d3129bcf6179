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
            if let declared, let canonical, !canonical.hasPrefix("utf-16") {
                if canonical == "utf-8" {
                    if TextDecoding.isValidUTF8(raw) {
                        return HTMLSourceText(utf8: data, encoding: .init(name: "utf-8", source: declared.source), invalidSequences: 0)
                    }
                    return converted(TextDecoding.decode(raw, as: "utf-8", source: declared.source), original: raw)
                }
                var decoded = TextDecoding.decode(data, declared: canonical)
                if decoded.encoding.source == "declared" { decoded.encoding.source = declared.source }
                return converted(decoded, original: raw)
            }
            var unsupported: String?
            if let declared, canonical == nil || canonical?.hasPrefix("utf-16") == true { unsupported = declared.name }
            if TextDecoding.isValidUTF8(raw) {
                return HTMLSourceText(utf8: data, encoding: .init(name: "utf-8", source: "default"), invalidSequences: 0, unsupportedDeclaration: unsupported)
            }
            var result = converted(TextDecoding.decode(data, declared: nil, languageHint: languageAttribute(in: prefix)), original: raw)
            result.unsupportedDeclaration = unsupported
            return result
        }
    }

    private static func converted(_ decoded: DecodedText, original: UnsafeRawBufferPointer) -> HTMLSourceText {
        var line: Int?
        if let offset = decoded.firstInvalidOffset {
            line = 1 + original.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        return HTMLSourceText(utf8: Data(decoded.text.utf8), encoding: decoded.encoding, invalidSequences: decoded.invalidSequences, firstInvalidLine: line)
    }

    /// The charset named by the first `<meta charset>` or `<meta http-equiv content="…; charset=…">` in `prefix`.
    static func declaredCharset(in prefix: UnsafeRawBufferPointer) -> (name: String, source: String)? {
        let text = String(decoding: prefix, as: UTF8.self).lowercased()
        var searchStart = text.startIndex
        while let meta = text.range(of: "<meta", range: searchStart ..< text.endIndex) {
            let tagEnd = text[meta.upperBound...].firstIndex(of: ">") ?? text.endIndex
            let tag = text[meta.upperBound ..< tagEnd]
            searchStart = tagEnd
            guard let charset = tag.range(of: "charset") else { continue }
            var rest = tag[charset.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
            let name = rest.prefix { !" \"';/>\t\n\r".contains($0) }
            guard !name.isEmpty else { continue }
            return (String(name), tag.contains("http-equiv") ? "http-equiv" : "meta")
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
