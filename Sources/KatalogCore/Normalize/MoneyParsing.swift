import Foundation

/// What a price parser may use to resolve what the text leaves open.
public struct MoneyContext: Sendable, Hashable {
    /// A currency stated elsewhere in the record (a `currency` column, `priceCurrency`) or implied by the feed.
    public var currency: String?
    /// ISO 3166 country of the source (shop domain, feed market).
    public var country: String?
    /// ISO 639-1 language of the source.
    public var language: String?

    public init(currency: String? = nil, country: String? = nil, language: String? = nil) {
        self.currency = currency
        self.country = country
        self.language = language
    }
}

/// Parses prices as shops print them: `58.99€`, `€58.99`, `58,99 EUR`, `1 299,00 zł`, `PLN 199`, `49,-`,
/// `od 49 zł`, `Nemokamai`. Pure: text + context → price + findings.
///
/// A price with no currency in the text takes the context's currency, then the country's; with neither, no price
/// is returned and an error says so. An unknown currency code is an error, never a guess.
public enum MoneyParsing {
    public static func parse(_ text: String, context: MoneyContext = MoneyContext()) -> (price: Price?, findings: [Finding]) {
        var findings: [Finding] = []
        let cleaned = normalizeSpaces(text)
        guard !cleaned.isEmpty else { return (nil, [.priceEmpty()]) }
        let vat = vatMarker(in: cleaned)
        let vocabulary = ValueVocabulary.builtIn

        if vocabulary.lookup(cleaned, in: "price_free") != nil {
            guard let currency = contextCurrency(context, findings: &findings) else {
                return (nil, findings + [.priceCurrencyMissing(text)])
            }
            findings.append(.priceFree(text))
            return (Price(money: Money(amount: 0, currency: currency), text: text, vat: vat), findings)
        }

        guard let located = locateNumber(in: cleaned) else { return (nil, [.priceNoAmount(text)]) }
        let rest = String(cleaned[..<located.range.lowerBound]) + " " + String(cleaned[located.range.upperBound...])
        let tokens = currencyTokens(in: rest)

        let currency: String
        if let explicit = resolveCurrency(tokens: tokens, context: context, text: text, findings: &findings) {
            currency = explicit
        } else if let unknown = unknownCurrencyCode(in: rest) {
            return (nil, findings + [.priceCurrencyUnknown(unknown, text: text)])
        } else if let fallback = contextCurrency(context, findings: &findings) {
            currency = fallback
        } else {
            return (nil, findings + [.priceCurrencyMissing(text)])
        }

        let minorUnits = CurrencyTable.shared.minorUnits(of: currency) ?? 2
        guard let reading = NumberReading.read(located.digits, preferDecimalForThreeDigits: minorUnits == 3) else {
            return (nil, findings + [.priceMalformedNumber(located.digits, text: text)])
        }
        if let alternative = reading.alternative, let separator = reading.ambiguousSeparator {
            findings.append(.priceAmbiguousDecimal(text, chosen: reading.canonical, alternative: alternative, separator: separator))
        }
        guard var amount = DecimalFormatting.parse(reading.canonical) else {
            return (nil, findings + [.priceMalformedNumber(located.digits, text: text)])
        }
        if located.isNegative { amount = -amount }
        if located.isRange { findings.append(.priceRange(text, low: reading.canonical)) }
        if located.isFrom { findings.append(.priceFrom(text)) }
        let fraction = reading.canonical.split(separator: ".").dropFirst().first?.count ?? 0
        if fraction > minorUnits {
            findings.append(.priceExtraPrecision(text, currency: currency, minorUnits: minorUnits))
        }
        return (Price(money: Money(amount: amount, currency: currency), text: text, vat: vat), findings)
    }

    // MARK: - Pieces

    struct LocatedNumber {
        var digits: String
        var range: Range<String.Index>
        var isNegative: Bool
        var isRange: Bool
        var isFrom: Bool
    }

    static func normalizeSpaces(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\t": result.unicodeScalars.append(" ")
            case "\u{2212}": result.unicodeScalars.append("-")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Finds the first amount: digits with `.` `,` space or apostrophe separators, and a `,-` / `.–` ending.
    static func locateNumber(in text: String) -> LocatedNumber? {
        guard let start = text.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
        var end = start
        var lastDigitEnd = text.index(after: start)
        var index = start
        while index < text.endIndex {
            let char = text[index]
            if char.isASCII && char.isNumber {
                lastDigitEnd = text.index(after: index)
            } else if char == "." || char == "," || char == "'" || char == "’" || char == " " {
                // A separator only counts when a digit follows right after it.
                let next = text.index(after: index)
                guard next < text.endIndex, text[next].isASCII, text[next].isNumber else { break }
                // A space followed by a new number of 4+ digits is a second number, not a group.
                if char == " " {
                    let group = text[next...].prefix { $0.isASCII && $0.isNumber }
                    if group.count != 3 { break }
                }
            } else {
                break
            }
            index = text.index(after: index)
        }
        end = lastDigitEnd
        var digits = String(text[start..<end])
        // "49,-" or "49.–": whole amount.
        var upper = end
        let tail = text[end...]
        for ending in [",-", ".-", ",–", ".–", ",—", ".—"] where tail.hasPrefix(ending) {
            upper = text.index(end, offsetBy: ending.count)
        }
        // "1,234.5 " trailing separator is not part of the number.
        while let last = digits.last, !(last.isASCII && last.isNumber) { digits.removeLast() }
        let before = text[..<start].trimmingCharacters(in: .whitespaces)
        let isNegative = before.hasSuffix("-")
        let after = text[upper...].trimmingCharacters(in: .whitespaces)
        let isRange = (after.hasPrefix("-") || after.hasPrefix("–") || after.hasPrefix("—")) && after.dropFirst().contains(where: { $0.isNumber })
        let foldedBefore = TextFolding.fold(String(before))
        let isFrom = ValueVocabulary.builtIn.lookup(foldedBefore.split(separator: " ").last.map(String.init) ?? "", in: "price_prefix")?.value == "from"
        return LocatedNumber(digits: digits, range: start..<upper, isNegative: isNegative && !isRange, isRange: isRange, isFrom: isFrom)
    }

    /// Currency symbols, codes and words next to the amount, as written.
    static func currencyTokens(in text: String) -> [String] {
        var found: [String] = []
        let table = CurrencyTable.shared
        // Split on spaces and between symbol characters and letters/digits ("US$", "€", "zł").
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "(" || $0 == ")" || $0 == ":" }) {
            var token = String(piece)
            while let last = token.last, last == "." || last == "," || last == "-" || last == "–" || last == "*", table.candidates(for: token).isEmpty {
                token.removeLast()
            }
            if !table.candidates(for: token).isEmpty {
                found.append(token)
                continue
            }
            // Symbols glued to other text: try each known symbol as a substring.
            for symbol in ["US$", "CA$", "AU$", "NZ$", "MX$", "R$", "C$", "A$", "€", "£", "$", "¥", "₽", "₴", "₹", "₺", "₩", "₪", "₾", "₸"] where token.contains(symbol) {
                found.append(symbol)
                break
            }
        }
        return found
    }

    private static func resolveCurrency(tokens: [String], context: MoneyContext, text: String, findings: inout [Finding]) -> String? {
        let table = CurrencyTable.shared
        var codes: [String] = []
        for token in tokens {
            let candidates = table.candidates(for: token)
            if candidates.count == 1 {
                if !codes.contains(candidates[0]) { codes.append(candidates[0]) }
                continue
            }
            if let hinted = context.currency, candidates.contains(hinted) {
                if !codes.contains(hinted) { codes.append(hinted) }
            } else if let country = context.country,
                      let byCountry = candidates.first(where: { table.currencies[$0]?.countries.contains(country.uppercased()) == true }) {
                if !codes.contains(byCountry) { codes.append(byCountry) }
            } else if let first = candidates.first {
                findings.append(.priceCurrencyAmbiguous(token, candidates: candidates, chosen: first, text: text))
                if !codes.contains(first) { codes.append(first) }
            }
        }
        if codes.count > 1 { findings.append(.priceCurrencyConflict(codes, text: text)) }
        return codes.first
    }

    private static func contextCurrency(_ context: MoneyContext, findings: inout [Finding]) -> String? {
        if let currency = context.currency, CurrencyTable.shared.isKnown(currency) { return currency }
        if let country = context.country, let currency = CurrencyTable.shared.currency(ofCountry: country) {
            findings.append(.priceCurrencyFromCountry(currency, country: country))
            return currency
        }
        return nil
    }

    private static func unknownCurrencyCode(in text: String) -> String? {
        for piece in text.split(whereSeparator: { !$0.isLetter }) where piece.count == 3 && piece.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            if !CurrencyTable.shared.isKnown(String(piece)) && !["VAT", "PVM", "PVN"].contains(piece) { return String(piece) }
        }
        return nil
    }

    private static func vatMarker(in text: String) -> String? {
        let folded = " " + TextFolding.fold(text) + " "
        let vocabulary = ValueVocabulary.builtIn
        for candidate in vatPhrases where folded.contains(" " + candidate + " ") || folded.contains(" " + candidate + ")") || folded.hasSuffix(" " + candidate + " ") {
            if let match = vocabulary.lookup(candidate, in: "vat") { return match.value }
        }
        return nil
    }

    /// All VAT phrases in the vocabulary, folded, longest first.
    private static let vatPhrases: [String] = ValueVocabulary.builtIn.foldedWords(in: "vat")
        .sorted { ($0.count, $0) > ($1.count, $1) }
}

// MARK: - Findings

extension Finding {
    static func priceEmpty() -> Finding {
        Finding(.error, "price.empty", "The price is empty.")
    }
    static func priceNoAmount(_ text: String) -> Finding {
        Finding(.error, "price.no-amount", "No amount found in price \"\(text)\"; no price kept.")
    }
    static func priceMalformedNumber(_ digits: String, text: String) -> Finding {
        Finding(.error, "price.malformed-number", "The amount \"\(digits)\" in price \"\(text)\" is not a well-formed number (grouping or separators are off); no price kept.")
    }
    static func priceCurrencyMissing(_ text: String) -> Finding {
        Finding(.error, "price.currency-missing", "Price \"\(text)\" names no currency and the source implies none; no price kept. Add the currency or set a default for the source.")
    }
    static func priceCurrencyUnknown(_ code: String, text: String) -> Finding {
        Finding(.error, "price.currency-unknown", "Price \"\(text)\" is in \"\(code)\", which is not an ISO 4217 currency Katalog knows; no price kept.")
    }
    static func priceCurrencyAmbiguous(_ token: String, candidates: [String], chosen: String, text: String) -> Finding {
        Finding(.warning, "price.currency-ambiguous", "\"\(token)\" in price \"\(text)\" can mean \(candidates.joined(separator: ", ")); nothing about the source settles it, so \(chosen) was assumed.")
    }
    static func priceCurrencyConflict(_ codes: [String], text: String) -> Finding {
        Finding(.warning, "price.currency-conflict", "Price \"\(text)\" names several currencies (\(codes.joined(separator: ", "))); the first, \(codes[0]), was kept.")
    }
    static func priceCurrencyFromCountry(_ currency: String, country: String) -> Finding {
        Finding(.info, "price.currency-from-country", "The price names no currency; \(currency) was taken from the source's country (\(country)).")
    }
    static func priceAmbiguousDecimal(_ text: String, chosen: String, alternative: String, separator: Character) -> Finding {
        Finding(.warning, "price.ambiguous-decimal", "In price \"\(text)\" the \"\(separator)\" could be a decimal or a thousands separator; read as \(chosen) (the other reading would be \(alternative)).")
    }
    static func priceRange(_ text: String, low: String) -> Finding {
        Finding(.warning, "price.range", "Price \"\(text)\" is a range; its low end, \(low), was kept.")
    }
    static func priceFrom(_ text: String) -> Finding {
        Finding(.info, "price.from", "Price \"\(text)\" is a starting price (\"from\"); the amount was kept as the price.")
    }
    static func priceFree(_ text: String) -> Finding {
        Finding(.info, "price.free", "Price \"\(text)\" means free; kept as 0.")
    }
    static func priceExtraPrecision(_ text: String, currency: String, minorUnits: Int) -> Finding {
        Finding(.warning, "price.extra-precision", "Price \"\(text)\" has more decimals than \(currency)'s \(minorUnits); the exact amount is kept, outputs round it.")
    }
}
