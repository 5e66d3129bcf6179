import KatalogCore

/// The source hints a recognised platform export adds: its platform tag, its documented default units, and the
/// market its header shows (`Weight (lbs)`, Shopify's `Price / United States` column) as currency evidence.
enum PlatformHints {
    static func hints(for profile: PlatformProfiles.Profile, header: [String], base: SourceHints) -> SourceHints {
        var hints = base
        hints.platform = profile.id
        if hints.weightUnit == nil { hints.weightUnit = profile.units?["weight"] }
        if hints.lengthUnit == nil { hints.lengthUnit = profile.units?["length"] }
        for market in profile.currencyEvidence ?? [] {
            if let column = market.column, header.contains(column) {
                hints.currencyEvidence.append(CurrencyEvidence(.document, country: market.country, detail: "the \(profile.name) column \"\(column)\""))
                break
            }
            if let unit = market.columnUnit, let column = header.first(where: { LabelDictionary.splitSuffix($0).suffix?.lowercased() == unit }) {
                hints.currencyEvidence.append(CurrencyEvidence(.document, country: market.country, detail: "the header \"\(column)\", in \(market.country) units"))
                break
            }
        }
        return hints
    }
}
