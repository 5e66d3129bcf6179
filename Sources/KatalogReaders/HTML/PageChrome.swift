/// What counts as page chrome on a shop page — navigation, header, footer, cookie banners, menus, forms, hidden
/// parts — as `BoilerplateRules` the libxml2 wrapper applies while copying the page. Chrome never reaches the
/// visible-text extractors; structured data inside it (JSON-LD, Microdata, RDFa, `meta`) is still read.
///
/// Hidden is: the `hidden` attribute, `aria-hidden="true"`, an inline `display:none` or `visibility:hidden`,
/// `<template>`, `<noscript>`, and the class names that frameworks hide with (`hidden`, `d-none`, `a-hidden`,
/// `is-hidden`, `invisible`): a spinner's "Adding to Cart…" heading never becomes the title.
enum PageChrome {
    static let rules = BoilerplateRules(
        elements: ["nav", "header", "footer", "aside", "form", "button", "select", "option", "noscript", "iframe", "svg",
                   "template", "dialog", "menu"],
        roles: ["navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog", "complementary"],
        affixWords: ["nav", "menu", "breadcrumb", "breadcrumbs", "footer", "cookie", "cookies", "consent", "newsletter",
                     "cart", "basket", "sidebar", "social", "share", "login", "account", "search", "modal", "popup",
                     "related", "recommend", "recommended", "banner", "topbar", "site-header", "page-header", "masthead",
                     "stopka"],
        exactWords: ["header", "top", "naglowek", "kopf", "hidden", "hide", "d-none", "a-hidden", "aok-hidden", "is-hidden",
                     "invisible"],
        exemptAttributes: ["itemprop", "property"],
        keptAttributesInside: ["itemscope", "itemprop", "typeof", "property", "vocab"],
        keptElementsInside: ["meta", "script", "link", "title"]
    )

    /// For every node of `tree`: is it chrome (or inside chrome)?
    static func mask(_ tree: MarkupTree) -> [Bool] {
        tree.nodes.map(\.isBoilerplate)
    }
}
