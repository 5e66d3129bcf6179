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

    /// The paragraphs of `html`, each with its whitespace collapsed, empty ones dropped. Works on the UTF-8 bytes:
    /// markup is ASCII, and text bytes are copied through whole.
    public static func paragraphs(_ html: String) -> [String] {
        var paragraphs: [String] = []
        var current: [UInt8] = []
        var pendingSpace = false
        var skipping: String?
        func breakParagraph() {
            if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            pendingSpace = false
        }
        func appendText(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    pendingSpace = !current.isEmpty
                } else {
                    if pendingSpace { current.append(0x20); pendingSpace = false }
                    current.append(byte)
                }
            }
        }
        var utf8 = Array(html.utf8)
        // A no-break space (C2 A0) is a space in HTML's text too.
        if utf8.contains(0xC2) { utf8 = replacingNoBreakSpaces(utf8) }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0x3C, let tag = readTag(utf8, at: index) {
                index = tag.end
                if let skipped = skipping {
                    if tag.closing && tag.name == skipped { skipping = nil }
                    continue
                }
                if skippedElements.contains(tag.name) && !tag.closing && !tag.selfClosing { skipping = tag.name; continue }
                if blockElements.contains(tag.name) { breakParagraph() } else if tag.name == "td" || tag.name == "th" { pendingSpace = !current.isEmpty }
                continue
            }
            if skipping != nil { index += 1; continue }
            if byte == 0x26, let (decoded, end) = decodeReference(utf8, at: index) {
                appendText(decoded.utf8)
                index = end
                continue
            }
            appendText(CollectionOfOne(byte))
            index += 1
        }
        breakParagraph()
        return paragraphs
    }

    private static func replacingNoBreakSpaces(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                result.append(0x20)
                index += 2
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) }

    /// A tag starting at `start` (`<p class="x">`, `</li>`, `<br/>`, `<!-- … -->`): its lower-cased name and end.
    private static func readTag(_ bytes: [UInt8], at start: Int) -> (name: String, closing: Bool, selfClosing: Bool, end: Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x21, index + 2 < bytes.count, bytes[index + 1] == 0x2D, bytes[index + 2] == 0x2D {
            var probe = index + 3
            while probe + 2 < bytes.count {
                if bytes[probe] == 0x2D, bytes[probe + 1] == 0x2D, bytes[probe + 2] == 0x3E { return ("!--", false, true, probe + 3) }
                probe += 1
            }
            return ("!--", false, true, bytes.count)
        }
        var closing = false
        if bytes[index] == 0x2F { closing = true; index += 1 }
        guard index < bytes.count, isASCIILetter(bytes[index]) || bytes[index] == 0x21 else { return nil }
        var name: [UInt8] = []
        while index < bytes.count, isASCIILetter(bytes[index]) || (bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == 0x21 {
            name.append(bytes[index] | (isASCIILetter(bytes[index]) ? 0x20 : 0))
            index += 1
        }
        var quote: UInt8?
        var last: UInt8 = 0x20
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return (String(decoding: name, as: UTF8.self), closing, last == 0x2F, index + 1)
            }
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { last = byte }
            index += 1
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
    private static func decodeReference(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        var semicolon = start + 1
        while semicolon < bytes.count, semicolon - start <= 11, bytes[semicolon] != 0x3B { semicolon += 1 }
        guard semicolon < bytes.count, bytes[semicolon] == 0x3B, semicolon > start + 1 else { return nil }
        let body = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), semicolon + 1)
        }
        guard let text = named[body] else { return nil }
        return (text, semicolon + 1)
    }
}
