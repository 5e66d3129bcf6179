import KatalogCore

/// Markets implied by a shop's web domain, for feeds that do not state their currency.
enum FeedMarket {
    /// The host of an absolute URL, lower-cased; nil for anything else.
    static func host(ofURL url: String) -> Substring? { CountryDomains.host(ofURL: url) }

    /// Hints for a Baltic shop domain (`.lt`, `.lv`, `.ee`); all three markets use the euro.
    static func balticHints(forURL url: String) -> SourceHints {
        guard let host = host(ofURL: url) else { return SourceHints(currency: "EUR") }
        if host.hasSuffix(".lt") { return SourceHints(language: "lt", country: "LT", currency: "EUR") }
        if host.hasSuffix(".lv") { return SourceHints(language: "lv", country: "LV", currency: "EUR") }
        if host.hasSuffix(".ee") { return SourceHints(language: "et", country: "EE", currency: "EUR") }
        return SourceHints(currency: "EUR")
    }
}

/// Units that a feed format's specification fixes for a unit-less value (Ceneo and YML weights are in
/// kilograms, YML dimensions in centimetres).
enum FeedSpecifiedUnit {
    /// `value` followed by `unit` when the value is a bare number (no letters of its own); otherwise `value`.
    static func apply(_ unit: String, to value: String) -> String {
        guard !value.isEmpty, !value.contains(where: \.isLetter) else { return value }
        return value + " " + unit
    }
}
