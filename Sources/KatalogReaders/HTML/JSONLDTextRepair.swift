/// Undoes the wrappers and escaping that JSON-LD blocks pick up in shop templates, before JSON parsing.
///
/// Handles `<!-- … -->` and `<![CDATA[ … ]]>` wrappers (also behind `//` or `/* */`), and bodies whose quotes
/// were HTML-escaped (`{&quot;@type&quot;: …}`). Each change is named in `repairs`.
enum JSONLDTextRepair {
    /// - Returns: the JSON text, the repairs made, and how many lines were dropped before it (so JSON line 1 can
    ///   be mapped back to the page).
    static func repair(_ text: String) -> (text: String, repairs: [String], skippedLines: Int) {
        var body = Substring(text)
        var repairs: [String] = []
        trimWhitespace(&body)

        var changed = true
        while changed {
            changed = false
            for (opening, closing, name) in wrappers where body.hasPrefix(opening) {
                body = body.dropFirst(opening.count)
                if let range = body.range(of: closing, options: .backwards) { body = body[..<range.lowerBound] }
                repairs.append("a \(name) wrapper was removed")
                trimWhitespace(&body)
                changed = true
            }
            for suffix in ["//", "/*", "*/"] where body.hasSuffix(suffix) {
                body = body.dropLast(suffix.count)
                trimWhitespace(&body)
                changed = true
            }
        }

        let skippedLines = text[text.startIndex ..< body.startIndex].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        var result = String(body)
        let firstQuote = result.firstIndex(of: "\"")
        if let escaped = result.range(of: "&quot;"), firstQuote.map({ escaped.lowerBound < $0 }) ?? true {
            result = decodeEntities(result)
            repairs.append("HTML-escaped quotes (&quot;) were unescaped")
        }
        return (result, repairs, skippedLines)
    }

    private static let wrappers: [(String, String, String)] = [
        ("<!--", "-->", "HTML comment"),
        ("<![CDATA[", "]]>", "CDATA"),
        ("//<![CDATA[", "]]>", "CDATA"),
        ("// <![CDATA[", "]]>", "CDATA"),
        ("/*<![CDATA[*/", "/*]]>*/", "CDATA"),
        ("/* <![CDATA[ */", "/* ]]> */", "CDATA"),
    ]

    private static func trimWhitespace(_ text: inout Substring) {
        while let first = text.first, first.isWhitespace || first == "\u{FEFF}" { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
    }

    /// Decodes the character references found in escaped JSON-LD (`&quot;`, `&amp;`, `&#39;`, `&#x27;`, …).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") else {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            let name = text[text.index(after: index) ..< semicolon]
            if let decoded = decodeEntity(name) {
                output.append(decoded)
                index = text.index(after: semicolon)
            } else {
                output.append(character)
                index = text.index(after: index)
            }
        }
        return output
    }

    private static func decodeEntity(_ name: Substring) -> Character? {
        switch name {
        case "quot": return "\""
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
