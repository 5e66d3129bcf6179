/// Which element subtrees of an HTML page are page chrome (navigation, header, footer, banners, hidden parts),
/// given as data. `HTMLDocument` applies them (through `HTMLTreeOptions`) while building the tree, so chrome is
/// never turned into Swift values; only structured data inside chrome (`keptAttributesInside`, JSON-LD scripts,
/// `meta`) is still copied, flagged `isBoilerplate`.
public struct BoilerplateRules: Sendable {
    /// Element names that are chrome (`nav`, `footer`, …).
    public var elements: Set<String>
    /// ARIA roles that are chrome (`navigation`, `banner`, …).
    public var roles: Set<String>
    /// A `class`/`id` token equal to one of these, starting with `word-`/`word_` or ending with `-word`/`_word`.
    public var affixWords: [String]
    /// A `class`/`id` token equal to one of these (`header`, but not `product-header`).
    public var exactWords: [String]
    /// Elements with one of these attributes are never chrome (structured data containers).
    public var exemptAttributes: [String]
    /// Inside chrome, elements with one of these attributes are copied with their whole subtree.
    public var keptAttributesInside: [String]
    /// Inside chrome, these elements are copied too (`meta`, and `script` when it holds JSON-LD).
    public var keptElementsInside: Set<String>

    public init(elements: Set<String>, roles: Set<String>, affixWords: [String], exactWords: [String],
                exemptAttributes: [String], keptAttributesInside: [String], keptElementsInside: Set<String>) {
        self.elements = elements
        self.roles = roles
        self.affixWords = affixWords
        self.exactWords = exactWords
        self.exemptAttributes = exemptAttributes
        self.keptAttributesInside = keptAttributesInside
        self.keptElementsInside = keptElementsInside
    }
}
