/// Recognises the parts of a shop page that are not about the product: navigation, header, footer, cookie
/// banners, menus, forms, hidden elements.
struct PageChrome {
    static let chromeElements: Set<String> = [
        "nav", "header", "footer", "aside", "form", "button", "select", "option", "script", "style", "noscript",
        "iframe", "svg", "template", "dialog", "menu",
    ]

    static let chromeRoles: Set<String> = ["navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog", "complementary"]

    /// Words in a `class` or `id` that mark page chrome.
    static let chromeWords: [String] = [
        "nav", "menu", "breadcrumb", "footer", "cookie", "consent", "newsletter", "cart", "basket", "sidebar",
        "social", "share", "login", "account", "search", "modal", "popup", "related", "recommend", "banner",
        "topbar", "site-header", "page-header", "masthead", "stopka",
    ]

    /// Words that mark chrome only as a whole class or id (`header`, but not `product-header`).
    static let exactChromeWords: Set<String> = ["header", "top", "naglowek", "galka", "kopf"]

    let tree: MarkupTree

    /// Whether element `index` itself is page chrome (its whole subtree should be skipped).
    func isChrome(_ index: Int) -> Bool {
        let node = tree[index]
        guard node.isElement else { return false }
        if Self.chromeElements.contains(node.value) { return true }
        if tree.hasAttribute("hidden", on: index) || tree.attribute("aria-hidden", of: index) == "true" { return true }
        if let style = tree.attribute("style", of: index)?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        if let role = tree.attribute("role", of: index)?.lowercased(), Self.chromeRoles.contains(role) { return true }
        // Structured-data containers are never chrome, whatever their class says.
        if tree.hasAttribute("itemprop", on: index) || tree.hasAttribute("property", on: index) { return false }
        for attribute in ["class", "id"] {
            guard let value = tree.attribute(attribute, of: index)?.lowercased() else { continue }
            for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if Self.exactChromeWords.contains(String(token)) { return true }
                if Self.chromeWords.contains(where: { word in
                    token == word || token.hasPrefix(word + "-") || token.hasPrefix(word + "_") || token.hasSuffix("-" + word) || token.hasSuffix("_" + word)
                }) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether `index` is chrome or lies inside chrome.
    func isInChrome(_ index: Int) -> Bool {
        if isChrome(index) { return true }
        return tree.nearestAncestor(of: index, where: isChrome) != nil
    }
}

import Foundation

extension PageChrome {
    /// For every node: is it chrome or inside chrome? One pass, one `isChrome` test per element.
    func mask() -> [Bool] {
        var mask = [Bool](repeating: false, count: tree.count)
        for index in tree.nodes.indices {
            let parent = Int(tree[index].parent)
            if parent >= 0, mask[parent] {
                mask[index] = true
            } else if tree[index].isElement {
                mask[index] = isChrome(index)
            }
        }
        return mask
    }
}
