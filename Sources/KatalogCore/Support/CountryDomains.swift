/// Country-code top-level domains of product and shop URLs, as currency evidence.
public enum CountryDomains {
    /// The host of an absolute URL, lower-cased (`https://www.Shop.se:8080/p` → `www.shop.se`); nil for anything else.
    public static func host(ofURL url: String) -> Substring? {
        let lower = url.lowercased()
        guard let schemeEnd = lower.range(of: "://") else { return nil }
        let host = lower[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : host
    }

    /// `https://www.shop.se/p/1` → (`SE`, `se`); nil for generic domains (`.com`, `.shop`) and non-URLs.
    public static func countryDomain(ofURL url: String) -> (country: String, tld: String)? {
        guard let host = host(ofURL: url), let dot = host.lastIndex(of: ".") else { return nil }
        let tld = String(host[host.index(after: dot)...])
        guard tld.count == 2, tld.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        // The few ccTLDs whose country code differs, and ccTLDs used as generic names.
        switch tld {
        case "uk": return ("GB", tld)
        case "io", "co", "tv", "me", "ai", "fm", "ly", "to", "gg", "cc", "ws", "eu": return nil
        default: return (tld.uppercased(), tld)
        }
    }
}
