/// The text of an HTML fragment inside a feed or spreadsheet cell (Shopify's `Body (HTML)`, WooCommerce and
/// Magento descriptions, Heureka `DESCRIPTION`): block elements become paragraph breaks, list items lines,
/// `<script>`/`<style>` content is dropped, other tags are removed and character references decoded.
///
/// Deliberately small and tolerant: it never fails, keeps text it does not understand, and treats a `<` that does
/// not start a tag (`5 < 7`) as text. Whole HTML pages go through the HTML reader (libxml2), not here.
public enum HTMLFragmentText {
    /// Whether `text` holds markup worth removing: a tag such as `<p>`, `<br/>`, `</li>`, `<strong>`.
    public static func looksLikeMarkup(_ text: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        var sawOpen = false
        while let byte = iterator.next() {
            if sawOpen {
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x2F || byte == 0x21 {
                    return text.utf8.contains(0x3E)
                }
                sawOpen = byte == 0x3C
            } else if byte == 0x3C {
                sawOpen = true
            }
        }
        return false
    }

    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "blockquote", "dd", "dt", "dl", "header", "footer", "hr", "pre", "figure", "figcaption", "tbody", "thead",
    ]
    private static let skippedElements: Set<String> = ["script", "style", "template", "noscript"]

    /// The paragraphs of `html`, each trimmed, empty ones dropped.
    public static func paragraphs(_ html: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var skipping: String?
        var index = html.startIndex
        func breakParagraph() {
            // Whitespace in HTML is one space, whatever its length.
            let words = current.split(whereSeparator: \.isWhitespace)
            if !words.isEmpty { paragraphs.append(words.joined(separator: " ")) }
            current = ""
        }
        while index < html.endIndex {
            let char = html[index]
            if char == "<", let tag = readTag(html, at: index) {
                index = tag.end
                if let skipped = skipping {
                    if tag.closing && tag.name == skipped { skipping = nil }
                    continue
                }
                if skippedElements.contains(tag.name) && !tag.closing && !tag.selfClosing { skipping = tag.name; continue }
                if blockElements.contains(tag.name) { breakParagraph() } else if tag.name == "td" || tag.name == "th" { current += " " }
                continue
            }
            index = html.index(after: index)
            guard skipping == nil else { continue }
            if char == "&", let (decoded, end) = decodeReference(html, at: html.index(before: index)) {
                current += decoded
                index = end
            } else {
                current.append(char)
            }
        }
        breakParagraph()
        return paragraphs
    }

    /// A tag starting at `start` (`<p class="x">`, `</li>`, `<br/>`, `<!-- … -->`): its lower-cased name and end.
    private static func readTag(_ html: String, at start: String.Index) -> (name: String, closing: Bool, selfClosing: Bool, end: String.Index)? {
        var index = html.index(after: start)
        guard index < html.endIndex else { return nil }
        if html[index...].hasPrefix("!--") {
            guard let close = html.range(of: "-->", range: index..<html.endIndex) else { return ("!--", false, true, html.endIndex) }
            return ("!--", false, true, close.upperBound)
        }
        var closing = false
        if html[index] == "/" { closing = true; index = html.index(after: index) }
        guard index < html.endIndex, html[index].isASCII, html[index].isLetter || html[index] == "!" else { return nil }
        var name = ""
        while index < html.endIndex, html[index].isASCII, html[index].isLetter || html[index].isNumber || html[index] == "!" {
            name.append(Character(html[index].lowercased()))
            index = html.index(after: index)
        }
        var quote: Character?
        var last: Character = " "
        while index < html.endIndex {
            let char = html[index]
            if let open = quote {
                if char == open { quote = nil }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == ">" {
                return (name, closing, last == "/", html.index(after: index))
            }
            if !char.isWhitespace { last = char }
            index = html.index(after: index)
        }
        return nil
    }

    private static let named: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "euro": "€", "pound": "£", "yen": "¥",
        "cent": "¢", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "ndash": "–", "mdash": "—", "hellip": "…",
        "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bdquo": "„", "middot": "·",
        "bull": "•", "times": "×", "frac12": "½", "sup2": "²", "sup3": "³", "micro": "µ", "shy": "",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é",
        "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "oacute": "ó", "iacute": "í", "uacute": "ú",
        "ccedil": "ç", "ntilde": "ñ", "oslash": "ø", "aring": "å", "aelig": "æ", "Eacute": "É",
    ]

    /// `&amp;`, `&#8364;`, `&#x20AC;` at `start`: the text and the index after the reference.
    private static func decodeReference(_ html: String, at start: String.Index) -> (String, String.Index)? {
        guard let semicolon = html[start...].prefix(12).firstIndex(of: ";") else { return nil }
        let body = html[html.index(after: start)..<semicolon]
        let end = html.index(after: semicolon)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), end)
        }
        guard let text = named[String(body)] else { return nil }
        return (text, end)
    }
}
