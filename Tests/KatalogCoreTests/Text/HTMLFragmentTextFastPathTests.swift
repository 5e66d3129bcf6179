import Testing
@testable import KatalogCore
import KatalogTestSupport

/// `HTMLFragmentText.paragraphs` walks the UTF-8 bytes in place, recognises element names and references by their
/// bytes, and builds one `String` a paragraph. It must give exactly what the straightforward version gave: that
/// version is kept below, verbatim, and both run on hand-written and on generated fragments.
struct HTMLFragmentTextFastPathTests {
    static let blockNames = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "blockquote", "dd", "dt", "dl", "header", "footer", "hr", "pre", "figure", "figcaption", "tbody", "thead",
    ]
    static let skippedNames = ["script", "style", "template", "noscript"]
    /// Names one byte away from those that mean something, and a few that mean nothing.
    static let otherNames = [
        "td", "th", "b", "strong", "em", "span", "a", "img", "tfoot", "h7", "h0", "pp", "d", "divx", "scripts", "scrip",
        "blockquot", "blockquotes", "figcaptions", "noscrip", "templatex", "!doctype", "x1", "averyveryverylongelementname",
        "blockquotexxxxxxxx", "p1", "li2", "section9",
    ]

    static let handWritten: [String] = [
        "", " ", "\u{A0}", "text", "<", ">", "&", ";", "<>", "</>", "<!>", "<!-", "<!--", "<!-->", "<!--->", "<!---->", "a<!-- x -->b",
        "a<!-- x --b", "a<!-- -- > --->b", "<p>Soft, breathable tee.</p><p>Machine wash cold.</p>",
        "<p>Hand-glazed dripper with a 600&nbsp;ml carafe.</p><ul><li>Dishwasher safe</li><li>Fits #2 filters</li></ul>",
        "Line one<br/>Line two<br>Line three<BR />Line four<br / >five",
        "<div class=\"desc\" data-x='a>b'><strong>Fett</strong> &amp; <em>kursiv</em> &#8364; 5 &#x20AC;</div>",
        "<p>Keep</p><script>var price = '<p>9.99</p>';</script><style>p { color: red }</style><p>Also keep</p>",
        "<!-- generated --><h2>Features</h2><table><tr><td>Weight</td><td>2 kg</td></tr></table>",
        "5 < 7 and 9 > 3", "Unknown &bogus; entity &amp stays", "<p>Unclosed <b>bold", "<p>Unclosed tag <b class=\"x",
        "<p>Unclosed quote <b class='x>y</b> after", "<p it's>text</p>", "a <3 b", "x<y", "x </ y", "x <!x> y", "x <1> y",
        "<SCRIPT>hidden</SCRIPT>shown", "<Script type=\"text/javascript\">if (a < b && c > d) {}</sCrIpT>after",
        "<script>one<script>two</script>three</script>four", "<script>a</style>b</script>c", "<script/>visible</script>too",
        "<script />visible", "<script a=/>visible", "<script a=\"/\">hidden</script>shown", "<script/\u{A0}>visible</script>",
        "<script>unterminated skip <p>still hidden", "<script>x</script", "<script>x</script >y", "<script>x</script\u{A0}>y",
        "<script>x</scriptx>y</script>z", "<script>x<!-- </script> -->y</script>z", "<script>x<!-- never closed </script>z",
        "<style>a<b</style>c", "<template><p>t</p></template>after", "<noscript>ns</noscript>after", "<noscript><script>s</script>x</noscript>y",
        "<td>a</td><td>b</td>", "<th>A</th><TH>B</TH>", "<td><td>x", "x<td>", "x <td> y", "<tr><td> a </td><td>\u{A0}b </td></tr>",
        "&nbsp;", "a&nbsp;b", "&nbsp;a&nbsp;&nbsp;b&nbsp;", "a\u{A0}b", "\u{A0}\u{A0}a\u{A0}\u{A0}b\u{A0}", "a&#160;b", "a&#xA0;b",
        "a&#32;b", "a&#9;&#10;&#13;&#12;b", "a&#11;b", "a&#0;b", "a&#x0;b", "a&#-0;b", "a&#+65;b", "a&#x+41;b", "a&#x-0;b", "a&#-1;b",
        "a&#--0;b", "a&#+;b", "a&#x;b", "a&#;b", "a&#X41;b", "a&#x41;b", "a&#xg1;b", "a&#1a;b", "a&#0065;b", "a&#00000000065;b",
        "a&#000000000065;b", "a&#4294967295;b", "a&#4294967296;b", "a&#xFFFFFFFF;b", "a&#x100000000;b", "a&#55296;b", "a&#xD800;b",
        "a&#xDFFF;b", "a&#xE000;b", "a&#x10FFFF;b", "a&#x110000;b", "a&#1114111;b", "a&#128512;b", "a&#x1F600;b", "a&#127;b",
        "a&#128;b", "a&#2047;b", "a&#2048;b", "a&#65535;b", "a&#65536;b", "a&#x301;b", "&#x301;", "a&amp;b", "a&AMP;b", "a&amp b",
        "a&amp;&amp;b", "a&&amp;b", "a&amp;amp;b", "a&abcdefghijk;b", "a&abcdefghijkl;b", "a&#12345678901;b", "a&#123456789012;b",
        "a&am\u{A0}p;b", "a&#6\u{A0}5;b", "a&am;p;b", "a&shy;b", "a &shy; b", "&shy;", "a&#x;;b", "&;", "&#;", "a&nbsp b",
        "a&\u{0301}amp;b", "a&#\u{0301}65;b", "a&amp\u{0301};b", "Pre&shy;kės kodas", "Prekė iš oficialaus atstovo, 1–2 d. d.",
        "<b>Oficiali garantija</b> 24 mėn.", "Страхование <b>устройства</b>", "😀 🇱🇹 e\u{0301} <i>x</i>", "ﾃｽﾄ<br>٣",
        "Cafe\u{0301}<p>\u{0301}</p>", "\u{C2}\u{A9} ©\u{A0}2024", "Â\u{A0}°C", "a\u{0B}b", "a\u{0C}b", "a\r\nb", "a\n\n\nb", "\t\n a \t\n",
        "<P>UPPER</P><DIV>CASE</DIV><Li>mixed</lI>", "<p class=\"a\" id='b' data-c=d>attr</p>", "<p title=\"a'b\">q</p>", "<p title='a\"b'>q</p>",
        "<a href=\"x\" title='>'>link</a> after", "<img src=x alt=\"a > b\">text", "<p\nclass=x\n>multi\nline</p>", "<p\u{A0}class=x>nbsp attr</p>",
        "<!DOCTYPE html><html><body><p>page</p></body></html>", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>x", "<h1>T</h1><h6>U</h6><hr><pre>  code  </pre>",
        "<blockquote>q</blockquote><figure><figcaption>c</figcaption></figure>", "<dl><dt>t</dt><dd>d</dd></dl>", "<header>h</header><footer>f</footer>",
        "<section><article>a</article></section>", "<table><thead><tr><th>x</th></tr></thead><tbody><tr><td>y</td></tr></tbody></table>",
        "<ol><li>one</li><li>two</li></ol>", "<ul>\n  <li>  spaced  </li>\n</ul>", "<p></p><p> </p><p>&nbsp;</p><p>x</p>", "<br><br><br>",
        "a<b>b</b>c<i>d</i>e", "a <b> b </b> c", "x<p", "x<p ", "x<p/", "x</p", "x</", "x<!--", "x<!-- a", "x<!-- a -", "x<!-- a --",
        "<p>&lt;p&gt;escaped&lt;/p&gt;</p>", "&lt;script&gt;alert(1)&lt;/script&gt;", "<p>5 &lt; 7 &amp;&amp; 9 &gt; 3</p>", "&quot;&apos;&quot;",
        String(repeating: "<p>", count: 20) + "deep" + String(repeating: "</p>", count: 20), String(repeating: "word ", count: 200),
        String(repeating: "&amp;", count: 100), String(repeating: "ė\u{A0}", count: 100), String(repeating: "<", count: 50), "<" + String(repeating: "a", count: 40) + ">x",
    ]

    /// Every element name that means something (and its near misses) in every position, and every named reference.
    static let generatedHandWritten: [String] = {
        var fragments: [String] = []
        for name in blockNames + skippedNames + otherNames {
            let upper = name.uppercased()
            fragments += [
                "a<\(name)>b</\(name)>c", "a<\(upper)>b</\(upper)>c", "a <\(name)/> b </\(name)> c", "a<\(name) x=\"1>2\">b</\(name) >c",
                "a</\(name)>b", "<\(name)>\u{A0}b\u{A0}<\(name)>", "a<\(name)", "x<\(name)>y<script>z</script></\(name)>w",
                "<script><\(name)>hidden</\(name)></script>shown", "<\(name)><\(name)>nested</\(name)></\(name)>x",
            ]
        }
        for (name, _) in LegacyHTMLFragmentText.named.sorted(by: { $0.key < $1.key }) {
            fragments += ["a&\(name);b", "a &\(name); b", "&\(name);", "a&\(name)b", "&\(name.uppercased());", "<p>&\(name);</p>&\(name);&\(name);"]
        }
        return fragments
    }()

    @Test func tablesAreTheOnesTheReferenceUses() {
        #expect(HTMLFragmentText.named == LegacyHTMLFragmentText.named)
        #expect(Set(Self.blockNames) == LegacyHTMLFragmentText.blockElements)
        #expect(Set(Self.skippedNames) == LegacyHTMLFragmentText.skippedElements)
    }

    @Test func handWrittenFragmentsGiveTheReferenceParagraphs() {
        #expect(Self.handWritten.count + Self.generatedHandWritten.count > 150)
        for html in Self.handWritten + Self.generatedHandWritten {
            let expected = LegacyHTMLFragmentText.paragraphs(html)
            let actual = HTMLFragmentText.paragraphs(html)
            #expect(actual == expected && actual.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(html.debugDescription)")
        }
    }

    /// `looksLikeMarkup` on bytes answers as the byte iterator it replaced, for the hand-written fragments, random
    /// fragments, and random runs of `<`, `>`, letters, `/`, `!` and other bytes.
    @Test func markupIsRecognisedAsByTheIterator() {
        func reference(_ text: String) -> Bool {
            var sawOpen = false
            for byte in text.utf8 {
                if sawOpen {
                    if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x2F || byte == 0x21 { return text.utf8.contains(0x3E) }
                    sawOpen = byte == 0x3C
                } else if byte == 0x3C {
                    sawOpen = true
                }
            }
            return false
        }
        var generator = SeededGenerator()
        let pieces = ["<", ">", "a", "Z", "/", "!", "@", "[", "`", "{", " ", "5", "ė", "\u{0}", "<<", "x>"]
        var texts = Self.handWritten + Self.generatedHandWritten + ["", "<", ">", "<a", "a<", "<a>", "<<a>", "< a>", "5 < 7 > 3"]
        for _ in 0..<5_000 { texts.append(Self.randomFragment(using: &generator)) }
        for _ in 0..<20_000 { texts.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()) }
        var failures = 0
        for text in texts where HTMLFragmentText.looksLikeMarkup(text) != reference(text) {
            failures += 1
            if failures <= 10 { Issue.record("\(text.debugDescription)") }
        }
        #expect(failures == 0)
    }

    @Test func generatedFragmentsGiveTheReferenceParagraphs() {
        var generator = SeededGenerator()
        var failures = 0
        for _ in 0..<20_000 {
            let html = Self.randomFragment(using: &generator)
            let expected = LegacyHTMLFragmentText.paragraphs(html)
            let actual = HTMLFragmentText.paragraphs(html)
            if actual != expected || actual.map({ Array($0.utf8) }) != expected.map({ Array($0.utf8) }) {
                failures += 1
                if failures <= 10 { Issue.record("seed \(SeededGenerator.seed): \(html.debugDescription) gave \(actual), expected \(expected)") }
            }
        }
        #expect(failures == 0)
    }

    /// Fragments full of tags that never close, in every quote state, with some that close later: the scans that
    /// are cut short because an earlier one failed from the same place and state give the reference paragraphs.
    @Test func unclosedTagsGiveTheReferenceParagraphs() {
        var generator = SeededGenerator()
        let pieces = ["<a ", "<p x=\"", "<b y='", "'", "\"", ">", "<", "</", "<br/", "<!--", "-->", "text", " ", "\u{A0}", "\u{C2}", "<td ", "&amp;"]
        var failures = 0
        for _ in 0..<5_000 {
            var html = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) { html += pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
            let expected = LegacyHTMLFragmentText.paragraphs(html)
            let actual = HTMLFragmentText.paragraphs(html)
            if actual.map({ Array($0.utf8) }) != expected.map({ Array($0.utf8) }) {
                failures += 1
                if failures <= 10 { Issue.record("\(html.debugDescription) gave \(actual), expected \(expected)") }
            }
        }
        #expect(failures == 0)
    }

    /// `<` that never close (`<a "<a "…`, `<a<a…`, quotes of both kinds) are read in linear time. Counted, not
    /// timed: the tag scans read at most four bytes per input byte in all. Each `<` used to scan to the end again,
    /// about n²/8 bytes: 33 million for the 16 KB inputs (a quick failure), 8·10⁹ for the 256 KB ones.
    @Test func unclosedTagsAreReadInLinearTime() {
        // The small inputs first: when they fail, the large ones would take minutes, so they are not tried.
        for size in [1 << 14, 1 << 18] {
            for unit in ["<a \"", "<a", "<a '\"", "<p x='1\" ", "<\u{A0}a \""] {
                let html = String(repeating: unit, count: size / unit.utf8.count)
                let (paragraphs, scanned) = HTMLFragmentText.paragraphsCountingTagScans(html)
                #expect(paragraphs.count == 1 && paragraphs.first?.utf8.count ?? 0 > size / 2, "\(unit.debugDescription)")
                guard scanned <= 4 * html.utf8.count else {
                    Issue.record("\(unit.debugDescription), \(size) bytes: the tag scans read \(scanned) bytes")
                    return
                }
            }
        }
    }

    /// A fragment of tags (any case, attributes with quotes, `/>`, no-break spaces), comments, references (named,
    /// unknown, numeric in and out of range), text with non-ASCII letters, whitespace and stray `<`, `&`, `>`.
    static func randomFragment(using generator: inout SeededGenerator) -> String {
        let names = blockNames + skippedNames + otherNames
        let entityNames = Array(LegacyHTMLFragmentText.named.keys).sorted()
        let words = ["Prekė", "iš", "oficialaus", "atstovo", "ė", "€", "😀", "e\u{0301}", "\u{0301}", "Страх", "ﾃｽﾄ", "٣", "x", "5", "#2",
                     "a;b", "--", "->", "\"", "'", "/", "=", "!", "?", "\u{C2}", "Â", "\u{A9}", "\u{0}"]
        let spaces = [" ", "  ", "\t", "\n", "\r\n", "\u{0C}", "\u{0B}", "\u{A0}", "\u{A0}\u{A0}", " \u{A0} "]
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }
        func randomCase(_ text: String) -> String {
            String(text.map { Bool.random(using: &generator) ? Character($0.uppercased()) : $0 })
        }
        var html = ""
        for _ in 0..<Int.random(in: 0...30, using: &generator) {
            switch Int.random(in: 0..<20, using: &generator) {
            case 0...3:
                html += pick(words)
            case 4, 5:
                html += pick(spaces)
            case 6...9:
                var tag = "<" + (Bool.random(using: &generator) ? "/" : "") + randomCase(pick(names))
                for _ in 0..<Int.random(in: 0...2, using: &generator) {
                    tag += pick([" ", "\n", "\u{A0}", "\t"]) + pick(["a", "class", "data-x"])
                    tag += pick(["", "=x", "=\"v\"", "='v'", "=\"a>b\"", "='a>b'", "=\"a'b\"", "=/", "=\"/\"", "=\"", "='", "=\u{A0}"])
                }
                tag += pick(["", "/", " /", "/ ", "/\u{A0}", " ", "\u{A0}"])
                if Int.random(in: 0..<12, using: &generator) != 0 { tag += ">" }
                html += tag
            case 10:
                html += pick(["<!--", "<!-- c -->", "<!---->", "<!-->", "-->", "<!x>", "<!", "<!-", "<!doctype html>", "<?x?>", "<![CDATA[y]]>"])
            case 11...13:
                html += "&" + randomCase(pick(entityNames)) + (Int.random(in: 0..<6, using: &generator) == 0 ? "" : ";")
            case 14:
                html += "&" + pick(entityNames) + ";"
            case 15, 16:
                let value = pick([0, 9, 10, 12, 13, 32, 38, 60, 65, 127, 128, 160, 173, 2047, 2048, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF,
                                  0x10000, 0x1F600, 0x10FFFF, 0x110000, 4_294_967_295, 4_294_967_296, UInt64.random(in: 0...0x11_0000, using: &generator)])
                var body: String
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: body = String(value)
                case 1: body = pick(["x", "X"]) + String(value, radix: 16, uppercase: Bool.random(using: &generator))
                case 2: body = pick(["+", "-", "0", "00", "x+", "x-", "x0", "+-", "x", ""]) + String(value, radix: Bool.random(using: &generator) ? 10 : 16)
                default: body = pick(["", "x", "-", "+", "-0", "-00", "x-0", "+0", "a", "1a", "x1g", "\u{A0}1", "1\u{A0}", "12345678901", "000000000065"])
                }
                html += "&#" + body + (Int.random(in: 0..<8, using: &generator) == 0 ? "" : ";")
            case 17:
                html += pick(["<", ">", "&", ";", "</", "< p>", "<3", "& ", "&;", "&#;", "&&", "<<p>", "&bogus;", "&abcdefghijkl;"])
            default:
                let skipped = randomCase(pick(skippedNames))
                html += "<\(skipped)>" + pick(["x", "<p>y</p>", "a < b", "<!-- </\(skipped)> -->", ""]) + (Bool.random(using: &generator) ? "</\(randomCase(skipped))>" : "")
            }
        }
        return html
    }
}

/// The implementation before the byte-level rewrite, verbatim (only renamed, and its tables made visible here):
/// the reference the fast path is checked against.
private enum LegacyHTMLFragmentText {
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "blockquote", "dd", "dt", "dl", "header", "footer", "hr", "pre", "figure", "figcaption", "tbody", "thead",
    ]
    static let skippedElements: Set<String> = ["script", "style", "template", "noscript"]

    /// The paragraphs of `html`, each with its whitespace collapsed, empty ones dropped. Works on the UTF-8 bytes:
    /// markup is ASCII, and text bytes are copied through whole.
    static func paragraphs(_ html: String) -> [String] {
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

    static let named: [String: String] = [
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
