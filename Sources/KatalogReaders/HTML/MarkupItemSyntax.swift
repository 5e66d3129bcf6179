/// How one attribute-based structured-data syntax marks items and properties.
struct MarkupItemSyntax: Sendable {
    /// Whether element `index` starts an item.
    var isItem: @Sendable (MarkupTree, Int) -> Bool
    /// Attribute holding the item's type (`itemtype`, `typeof`).
    var typeAttribute: String
    /// Attribute holding the item's identifier (`itemid`, `resource`).
    var idAttribute: String
    /// Attribute holding the property names (`itemprop`, `property`).
    var propertyAttribute: String
    /// Whether an explicit `content` attribute wins over the element's own value source (RDFa: yes).
    var contentFirst: Bool
    /// Attribute listing the ids of elements elsewhere on the page whose properties join the item (`itemref`).
    var referenceAttribute: String? = nil

    /// HTML Microdata: `itemscope` / `itemtype` / `itemprop`.
    static let microdata = MarkupItemSyntax(
        isItem: { tree, index in tree.hasAttribute("itemscope", on: index) },
        typeAttribute: "itemtype", idAttribute: "itemid", propertyAttribute: "itemprop", contentFirst: false,
        referenceAttribute: "itemref"
    )

    /// RDFa Lite: `vocab` / `typeof` / `property` (prefixed names such as `schema:price` are accepted).
    static let rdfaLite = MarkupItemSyntax(
        isItem: { tree, index in tree.hasAttribute("typeof", on: index) },
        typeAttribute: "typeof", idAttribute: "resource", propertyAttribute: "property", contentFirst: true
    )
}
