/// How `HTMLDocument` builds a page's tree: which attributes, how deep, what is chrome. Build it once
/// (it compiles its tables) and reuse it for every page.
///
/// A class: the tree assembler reads its tables several times per element, and a struct of fourteen arrays was
/// copied, every array retained and released, at each read through the assembler's optional.
public final class HTMLTreeOptions: Sendable {
    /// Elements nested deeper are flattened into their ancestor (their text is kept).
    public let maxDepth: Int

    let elementNames: MarkupNameTable
    let attributeNames: MarkupNameTable
    /// Per element name index.
    let dropsContent: [Bool]
    let isChromeElement: [Bool]
    let isKeptInside: [Bool]
    /// Per attribute name index.
    let isExemptAttribute: [Bool]
    let isKeptInsideAttribute: [Bool]
    let roles: [[UInt8]]
    let affixWords: [[UInt8]]
    let exactWords: [[UInt8]]
    let hasBoilerplateRules: Bool
    let scriptIndex: Int?
    let attribute: (class: Int?, id: Int?, role: Int?, hidden: Int?, ariaHidden: Int?, style: Int?, type: Int?)

    /// Element names copied as interned strings; others are copied as written.
    static let knownElements = [
        "html", "head", "body", "title", "meta", "link", "script", "style", "noscript", "template", "div", "span", "p",
        "a", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1",
        "h2", "h3", "h4", "h5", "h6", "main", "article", "section", "header", "footer", "nav", "aside", "form", "button",
        "select", "option", "input", "label", "img", "picture", "source", "video", "audio", "iframe", "svg", "math",
        "object", "br", "hr", "strong", "b", "i", "em", "u", "s", "del", "strike", "sup", "sub", "small", "time",
        "data", "meter", "blockquote", "pre", "address", "figure", "figcaption", "fieldset", "dialog", "menu",
        "textarea", "embed", "track", "area", "base", "ins", "mark", "abbr", "cite", "code", "bdi", "wbr", "center", "font",
    ]

    /// Elements whose content is never copied.
    static let contentFreeElements: Set<String> = ["style", "template", "noscript", "svg", "math", "iframe", "object", "textarea", "select"]

    /// - Parameters:
    ///   - attributes: attribute names to copy (lower case).
    ///   - boilerplate: what counts as page chrome; nil copies everything.
    public init(attributes: Set<String>, boilerplate: BoilerplateRules?, maxDepth: Int = 256) {
        self.maxDepth = maxDepth
        let attributeList = Array(attributes.union(["class", "id", "role", "hidden", "aria-hidden", "style", "type"])
            .union(boilerplate?.exemptAttributes ?? []).union(boilerplate?.keptAttributesInside ?? [])).sorted()
        elementNames = MarkupNameTable(Self.knownElements + Array(boilerplate?.elements.subtracting(Self.knownElements) ?? []).sorted())
        attributeNames = MarkupNameTable(attributeList)
        dropsContent = elementNames.names.map { Self.contentFreeElements.contains($0) }
        isChromeElement = elementNames.names.map { boilerplate?.elements.contains($0) ?? false }
        isKeptInside = elementNames.names.map { boilerplate?.keptElementsInside.contains($0) ?? false }
        isExemptAttribute = attributeNames.names.map { boilerplate?.exemptAttributes.contains($0) ?? false }
        isKeptInsideAttribute = attributeNames.names.map { boilerplate?.keptAttributesInside.contains($0) ?? false }
        roles = (boilerplate?.roles ?? []).sorted().map { Array($0.lowercased().utf8) }
        affixWords = (boilerplate?.affixWords ?? []).map { Array($0.lowercased().utf8) }
        exactWords = (boilerplate?.exactWords ?? []).map { Array($0.lowercased().utf8) }
        hasBoilerplateRules = boilerplate != nil
        scriptIndex = elementNames.index(of: "script")
        let names = attributeNames
        attribute = (names.index(of: "class"), names.index(of: "id"), names.index(of: "role"), names.index(of: "hidden"),
                     names.index(of: "aria-hidden"), names.index(of: "style"), names.index(of: "type"))
        copiedAttribute = attributeNames.names.map { attributes.contains($0) }
    }

    /// Per attribute name index: copied into the tree (the others are only looked at).
    let copiedAttribute: [Bool]
}
