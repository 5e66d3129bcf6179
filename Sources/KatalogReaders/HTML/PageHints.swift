import KatalogCore

/// Locale hints a page gives about itself: the language of `<html lang>` and the country of the shop's domain
/// (from `<link rel=canonical>` or `og:url`). Generic top-level domains give no country.
enum PageHints {
    /// Top-level domains that are not countries (or are used as generic ones).
    static let genericDomains: Set<String> = ["com", "net", "org", "info", "biz", "shop", "store", "eu", "io", "co", "me", "tv", "ai", "app", "online", "fm"]

    static func hints(in tree: MarkupTree) -> SourceHints {
        var hints = SourceHints()
        var canonical: String?
        var ogURL: String?
        for index in tree.nodes.indices where tree[index].isElement {
            switch tree[index].value {
            case "html":
                if let lang = tree.attribute("lang", of: index) ?? tree.attribute("xml:lang", of: index) {
                    let primary = lang.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
                    if let primary, !primary.isEmpty, primary.allSatisfy(\.isLetter) { hints.language = primary }
                }
            case "link":
                if canonical == nil, tree.attribute("rel", of: index)?.lowercased() == "canonical" {
                    canonical = tree.attribute("href", of: index)
                }
            case "meta":
                if ogURL == nil, (tree.attribute("property", of: index) ?? tree.attribute("name", of: index))?.lowercased() == "og:url" {
                    ogURL = tree.attribute("content", of: index)
                }
            default:
                break
            }
        }
        hints.country = (canonical ?? ogURL).flatMap(country(ofURL:))
        return hints
    }

    /// `LT` for `https://www.shopro.lt/p/1`; nil for generic domains or unparsable URLs. `uk` becomes `GB`.
    static func country(ofURL url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let host = url[scheme.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        guard let tld = host.split(separator: ".").last?.lowercased(), tld.count == 2, tld.allSatisfy(\.isLetter),
              !genericDomains.contains(tld) else { return nil }
        return tld == "uk" ? "GB" : tld.uppercased()
    }
}
