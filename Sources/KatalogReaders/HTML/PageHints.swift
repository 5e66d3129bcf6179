import KatalogCore

/// Locale hints a page gives about itself.
///
/// `<html lang>` sets `hints.language` (its primary subtag; decimal conventions and attribute languages use it).
/// What the page says about its market is currency evidence of the `document` kind, never a stated country or
/// currency: `og:locale` (`sv_SE`), `<html lang>` with a region (`sv-SE`), `<meta http-equiv="Content-Language">`,
/// and the country-code domain of `<link rel=canonical>` or `og:url` (generic domains such as `.com` give none).
/// A price decided by such evidence is flagged as assumed by the normalizer.
enum PageHints {
    /// Top-level domains that are not countries (or are used as generic ones).
    static let genericDomains: Set<String> = ["com", "net", "org", "info", "biz", "shop", "store", "eu", "io", "co", "me", "tv", "ai", "app", "online", "fm"]

    static func hints(in tree: MarkupTree) -> SourceHints {
        var hints = SourceHints()
        var htmlLang: String?
        var ogLocale: String?
        var contentLanguage: String?
        var canonical: String?
        var ogURL: String?
        for index in tree.nodes.indices where tree[index].isElement {
            switch tree[index].value {
            case "html":
                if htmlLang == nil { htmlLang = tree.attribute("lang", of: index) ?? tree.attribute("xml:lang", of: index) }
            case "link":
                if canonical == nil, tree.attribute("rel", of: index)?.lowercased() == "canonical" {
                    canonical = tree.attribute("href", of: index)
                }
            case "meta":
                let content = tree.attribute("content", of: index).map(MarkupText.trimmed)
                if let equiv = tree.attribute("http-equiv", of: index), equiv.lowercased() == "content-language" {
                    if contentLanguage == nil { contentLanguage = content }
                    continue
                }
                switch (tree.attribute("property", of: index) ?? tree.attribute("name", of: index))?.lowercased() {
                case "og:url": if ogURL == nil { ogURL = content }
                case "og:locale": if ogLocale == nil { ogLocale = content }
                default: break
                }
            default:
                break
            }
        }
        if let htmlLang, let tag = LanguageTag(htmlLang) {
            hints.language = tag.language
            if tag.region != nil { hints.currencyEvidence.append(tag.evidence(detail: "html lang \(htmlLang)")) }
        }
        if let ogLocale, let tag = LanguageTag(ogLocale) {
            hints.currencyEvidence.append(tag.evidence(detail: "og:locale \(ogLocale)"))
        }
        // Content-Language may list several languages (`de, en`): only a single one says something.
        if let contentLanguage, !contentLanguage.contains(","), let tag = LanguageTag(contentLanguage) {
            hints.currencyEvidence.append(tag.evidence(detail: "Content-Language \(contentLanguage)"))
        }
        if let url = canonical ?? ogURL, let domain = countryDomain(ofURL: url) {
            hints.currencyEvidence.append(CurrencyEvidence(.document, country: domain.country, detail: "page URL on .\(domain.tld)"))
        }
        return hints
    }

    /// `(LT, lt)` for `https://www.shopro.lt/p/1`; nil for generic domains or unparsable URLs. `uk` gives `GB`.
    static func countryDomain(ofURL url: String) -> (country: String, tld: String)? {
        guard let scheme = url.range(of: "://") else { return nil }
        let host = url[scheme.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        guard let tld = host.split(separator: ".").last?.lowercased(), tld.count == 2, tld.allSatisfy(\.isLetter),
              !genericDomains.contains(tld) else { return nil }
        return (tld == "uk" ? "GB" : tld.uppercased(), tld)
    }

    /// A BCP 47 / POSIX locale tag as pages write it: `sv`, `sv-SE`, `sv_SE`, `pt-BR`, `zh-Hant-TW`.
    struct LanguageTag {
        var language: String
        var region: String?

        init?(_ text: String) {
            let parts = MarkupText.trimmed(text).split(whereSeparator: { $0 == "-" || $0 == "_" })
            guard let first = parts.first, (2 ... 3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            language = first.lowercased()
            region = parts.dropFirst().first { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }
                .map { $0.uppercased() == "UK" ? "GB" : $0.uppercased() }
        }

        func evidence(detail: String) -> CurrencyEvidence {
            CurrencyEvidence(.document, country: region, language: language, detail: detail)
        }
    }
}
