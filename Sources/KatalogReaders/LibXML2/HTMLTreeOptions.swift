/// How `HTMLDocument` builds a page's tree: which attributes, how deep, what is chrome. Build it once
/// (it compiles its tables) and reuse it for every page, on any number of threads.
///
/// The compiled tables are a `HTMLTreeLookup` in a `LookupArena` this object owns: the assembler copies the lookup
/// (plain pointers) and reads it per element without retaining anything that another thread also counts.
public final class HTMLTreeOptions: Sendable {
    /// Elements nested deeper are flattened into their ancestor (their text is kept).
    public let maxDepth: Int
    /// Everything the tree assembler reads per element; valid while this object lives.
    let lookup: HTMLTreeLookup
    private let arena: LookupArena

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
        let arena = LookupArena()
        self.arena = arena
        let attributeList = Array(attributes.union(["class", "id", "role", "hidden", "aria-hidden", "style", "type"])
            .union(boilerplate?.exemptAttributes ?? []).union(boilerplate?.keptAttributesInside ?? [])).sorted()
        let elementList = Self.knownElements + Array(boilerplate?.elements.subtracting(Self.knownElements) ?? []).sorted()
        let elementNames = MarkupNameTable(elementList, in: arena)
        let attributeNames = MarkupNameTable(attributeList, in: arena)
        func words(_ list: [String]) -> ByteWordList { ByteWordList(list.map { Array($0.lowercased().utf8) }, in: arena) }
        lookup = HTMLTreeLookup(
            elementNames: elementNames,
            attributeNames: attributeNames,
            dropsContent: arena.copy(elementList.map { Self.contentFreeElements.contains($0) }),
            isChromeElement: arena.copy(elementList.map { boilerplate?.elements.contains($0) ?? false }),
            isKeptInside: arena.copy(elementList.map { boilerplate?.keptElementsInside.contains($0) ?? false }),
            isExemptAttribute: arena.copy(attributeList.map { boilerplate?.exemptAttributes.contains($0) ?? false }),
            isKeptInsideAttribute: arena.copy(attributeList.map { boilerplate?.keptAttributesInside.contains($0) ?? false }),
            copiedAttribute: arena.copy(attributeList.map { attributes.contains($0) }),
            roles: words((boilerplate?.roles ?? []).sorted()),
            affixWords: words(boilerplate?.affixWords ?? []),
            exactWords: words(boilerplate?.exactWords ?? []),
            hasBoilerplateRules: boilerplate != nil,
            scriptIndex: elementNames.index(of: "script"),
            attribute: (attributeNames.index(of: "class"), attributeNames.index(of: "id"), attributeNames.index(of: "role"),
                        attributeNames.index(of: "hidden"), attributeNames.index(of: "aria-hidden"),
                        attributeNames.index(of: "style"), attributeNames.index(of: "type"))
        )
    }
}

/// The compiled tables of a `HTMLTreeOptions`, as plain pointers into its arena.
struct HTMLTreeLookup: BitwiseCopyable, @unchecked Sendable {
    let elementNames: MarkupNameTable
    let attributeNames: MarkupNameTable
    /// Per element name index.
    let dropsContent: UnsafePointer<Bool>
    let isChromeElement: UnsafePointer<Bool>
    let isKeptInside: UnsafePointer<Bool>
    /// Per attribute name index.
    let isExemptAttribute: UnsafePointer<Bool>
    let isKeptInsideAttribute: UnsafePointer<Bool>
    /// Copied into the tree (the others are only looked at).
    let copiedAttribute: UnsafePointer<Bool>
    let roles: ByteWordList
    let affixWords: ByteWordList
    let exactWords: ByteWordList
    let hasBoilerplateRules: Bool
    let scriptIndex: Int?
    let attribute: (class: Int?, id: Int?, role: Int?, hidden: Int?, ariaHidden: Int?, style: Int?, type: Int?)
}
