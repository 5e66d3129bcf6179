/// Decides whether a lone `.` or `,` followed by three digits (`3.350`, `1,234`) is a decimal or a grouping mark.
///
/// Evidence, strongest first: the decimals the currency is written with (0: grouping, JPY `1.500`, HUF
/// `12.990`; 3: decimal, KWD `1.250`), a whole-amount ending (`1.299,-`, `1 495:-`: grouping), the decimal mark
/// other prices of the same file use, the source's locale (country, then language; then a country the currency
/// evidence names, in order). Without any, grouping is assumed — prices rarely carry three decimals — and the
/// caller reports a guess.
struct DecimalDecision: Sendable, Hashable {
    enum Basis: String, Sendable, Hashable {
        case minorUnits = "the decimals the currency is written with"
        case ending = "the whole-amount ending"
        case otherPrices = "the other prices of the same file"
        case locale = "the source's locale"
        case guess = "no evidence"
    }

    var isDecimal: Bool
    var basis: Basis

    static func decide(_ separator: Character, wholeEndingMark: Character?, minorUnits: Int, context: MoneyContext) -> DecimalDecision {
        decide(separator, hasWholeEnding: wholeEndingMark != nil, minorUnits: minorUnits, context: context)
    }

    /// `minorUnits` are the decimals the currency is written with (`CurrencyTable.writtenMinorUnits`): HUF's 0
    /// make `12.990 Ft` twelve thousand. A whole-amount ending (`1.299,-`, `1.299.-`, `1 495:-`) makes the
    /// amount whole, so its lone separator groups.
    static func decide(_ separator: Character, hasWholeEnding: Bool, minorUnits: Int, context: MoneyContext) -> DecimalDecision {
        if minorUnits == 0 { return DecimalDecision(isDecimal: false, basis: .minorUnits) }
        if minorUnits == 3 { return DecimalDecision(isDecimal: true, basis: .minorUnits) }
        if hasWholeEnding { return DecimalDecision(isDecimal: false, basis: .ending) }
        if let observed = context.observedDecimalMark { return DecimalDecision(isDecimal: observed == separator, basis: .otherPrices) }
        let conventions = context.numbers
        // The stated locale first, then a country the currency evidence names (`og:locale da_DK`, `.dk` product
        // URLs), in order. A language alone in the evidence (the detected text language) is too weak to make a
        // price three-decimal.
        let stated = context.country.flatMap(conventions.convention(country:)) ?? context.language.flatMap(conventions.convention(language:))
        if let convention = stated ?? context.evidence.lazy.compactMap({ $0.country.flatMap(conventions.convention(country:)) }).first {
            // The locale's decimal mark is decimal; the other mark can only be grouping there.
            return DecimalDecision(isDecimal: convention.decimalMark == separator, basis: .locale)
        }
        return DecimalDecision(isDecimal: false, basis: .guess)
    }
}

extension Finding {
    static func priceAmbiguousDecimal(_ text: String, chosen: String, alternative: String, separator: Character) -> Finding {
        Finding(.warning, .priceAmbiguousDecimal, "In price \"\(text)\" the \"\(separator)\" could be a decimal or a thousands separator and nothing about the source settles it; read as \(chosen) (the other reading would be \(alternative)). Set the source's country or language to decide.")
    }
    static func priceDecimalResolved(_ text: String, chosen: String, alternative: String, separator: Character, basis: DecimalDecision.Basis) -> Finding {
        Finding(.info, .priceDecimalResolved, "In price \"\(text)\" the \"\(separator)\" could be a decimal or a thousands separator; \(basis.rawValue) decided it: read as \(chosen), not \(alternative).")
    }
}
