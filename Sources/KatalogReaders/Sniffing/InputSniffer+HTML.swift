/// Telling an HTML page or fragment from an XML feed. A page saved as a fragment (no DOCTYPE, no `<html>`,
/// e.g. `<div itemscope itemtype="http://schema.org/Product">…`) is HTML: its root is an HTML element, or its
/// markup uses what only HTML has (Microdata attributes, void elements such as `<br>` or `<img …>` left
/// unclosed). Markup inside `<![CDATA[ … ]]>` (HTML descriptions in a feed) is not looked at.
extension InputSniffer {
    /// Elements that are HTML when they stand at the root of a document; feeds use none of them as their root.
    static let htmlRootElements: Set<String> = [
        "html", "head", "body", "div", "span", "section", "article", "main", "p", "a", "img", "meta", "link",
        "script", "style", "title", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "form", "nav",
        "header", "footer", "aside", "figure", "picture", "br", "hr", "noscript", "template", "dl",
    ]

    /// Void elements that feeds do not use as their own elements (`link` and `meta` they do: RSS `<link>`): in
    /// HTML they have no closing tag, so `<br>` or `<img src=…>` never closed is HTML, not XML.
    static let voidElements: Set<String> = ["br", "img", "input", "hr", "wbr", "embed"]

    /// Whether lower-cased markup `head` whose first element is `root` is an HTML page or fragment by its root:
    /// an HTML DOCTYPE, or an HTML element at the root. (Feeds are recognised by their root first; markup with
    /// an unknown root is then checked with `hasHTMLOnlyMarkup`.)
    static func hasHTMLRoot(_ root: String?, head: String) -> Bool {
        if head.contains("<!doctype html") { return true }
        guard let root else { return head.contains("<body") || head.contains("<div") }
        return htmlRootElements.contains(root)
    }

    /// Microdata attributes (`itemscope`, `itemprop=`) or a void element that is never closed.
    static func hasHTMLOnlyMarkup(_ text: Substring) -> Bool {
        if text.contains(" itemscope") || text.contains(" itemprop=") { return true }
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = String(rest.prefix { $0.isLetter || $0.isNumber })
            guard voidElements.contains(name), let close = rest.firstIndex(of: ">") else { continue }
            if !rest[..<close].hasSuffix("/"), !text.contains("</\(name)>") { return true }
        }
        return false
    }

    /// `head` with the contents of CDATA sections left out (a cut-off section ends the text).
    static func outsideCDATA(_ head: String) -> Substring {
        guard head.contains("<![cdata[") else { return Substring(head) }
        var kept = ""
        var rest = Substring(head)
        while let start = rest.range(of: "<![cdata[") {
            kept += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "]]>") else { return Substring(kept) }
            rest = rest[end.upperBound...]
        }
        kept += rest
        return Substring(kept)
    }
}
