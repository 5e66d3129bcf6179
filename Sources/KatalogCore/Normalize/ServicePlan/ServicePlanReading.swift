import Foundation

/// Pure readers for the values inside service-plan sentences: durations (`3 years`, `an additional year`,
/// `72 val.`), plan-term words (`roczny`, `dwuletni`), claim counts (`two replacements`, `2 wymiany`) and
/// amounts with a currency (`PLN 199`, `49 €`). Text the patterns do not cover yields nothing, never a guess.
enum ServicePlanReading {
    enum Unit: String, Sendable { case hour, day, month, year }

    struct Duration: Sendable, Hashable {
        var value: Int
        var unit: Unit
        var range: NSRange

        var months: Int? {
            switch unit {
            case .year: value * 12
            case .month: value
            case .day, .hour: nil
            }
        }
        var days: Int? {
            switch unit {
            case .day: value
            case .month, .year, .hour: nil
            }
        }
        var hours: Int? {
            switch unit {
            case .hour: value
            case .day: value * 24
            case .month, .year: nil
            }
        }
    }

    /// Every duration in `text`, in order.
    static func durations(in text: ServicePlanText, patterns: ServicePlanPatterns) -> [Duration] {
        guard let regex = patterns.duration else { return [] }
        return regex.matches(in: text.folded, range: text.fullRange).compactMap { match in
            let value: Int
            let number = match.range(withName: "n")
            if number.location != NSNotFound {
                let word = text.foldedText(number)
                guard let read = Int(word) ?? patterns.numbers[word] else { return nil }
                value = read
            } else {
                value = 1
            }
            for unit in [Unit.hour, .day, .month, .year] where match.range(withName: unit.rawValue).location != NSNotFound {
                return Duration(value: value, unit: unit, range: match.range)
            }
            return nil
        }
    }

    /// The plan term a text names: a duration in months or years, else a term word (`annual`, `dwuletni`).
    static func termMonths(in text: ServicePlanText, patterns: ServicePlanPatterns) -> (months: Int, range: NSRange, language: String?)? {
        if let duration = durations(in: text, patterns: patterns).first(where: { $0.months != nil }), let months = duration.months {
            return (months, duration.range, nil)
        }
        var best: (months: Int, range: NSRange, language: String?)?
        for (months, cues) in patterns.termWords {
            guard let found = cues.firstMatch(in: text) else { continue }
            if best == nil || found.range.location < best!.range.location { best = (months, found.range, found.language) }
        }
        return best
    }

    /// Claim counts stated in `text` (`two replacements` → 2), with the language of the noun.
    static func claimCounts(in text: ServicePlanText, patterns: ServicePlanPatterns, prices: MoneyContext) -> [(count: Int, range: NSRange, language: String)] {
        var found: [(count: Int, range: NSRange, language: String)] = []
        guard let regex = patterns.claims else { return [] }
        let amounts = amountRanges(in: text, prices: prices)
        do {
            for match in regex.matches(in: text.folded, range: text.fullRange) {
                let language = patterns.claimLanguages.indices
                    .first { match.range(withName: "l\($0)").location != NSNotFound }
                    .map { patterns.claimLanguages[$0] } ?? ""
                let word = text.foldedText(match.range(withName: "n"))
                guard let count = Int(word) ?? patterns.numbers[word], count > 0 else { continue }
                if found.contains(where: { NSIntersectionRange($0.range, match.range).length > 0 }) { continue }
                // A number that is an amount (`£49 applies per claim`) is a fee, not a count.
                if amounts.contains(where: { NSIntersectionRange($0, match.range(withName: "n")).length > 0 }) { continue }
                found.append((count, match.range, language))
            }
        }
        return found.sorted { $0.range.location < $1.range.location }
    }

    /// The ranges of amounts in `text`, in the folded text's UTF-16 offsets (the same as the original's for the
    /// characters amounts are made of only when nothing before them changed width, so compared by location).
    static func amountRanges(in text: ServicePlanText, prices: MoneyContext) -> [NSRange] {
        amounts(in: text.original, prices: prices).map { item in
            let digits = item.price.text.filter(\.isNumber).count
            return NSRange(location: item.location, length: max(1, digits))
        }
    }

    /// Every amount in `text` written next to a currency (`PLN 199`, `199 zł`, `€49`), parsed by `MoneyParsing`
    /// with `prices` (the run's tables, no currency assumed), with its findings and its UTF-16 offset in `text`.
    /// Amounts that parse only with an error are left out.
    static func amounts(in text: String, prices: MoneyContext) -> [(price: Price, findings: [Finding], location: Int)] {
        amountCandidates(in: text, prices: prices).map { ($0.price, $0.findings, $0.location) }
    }

    /// Amounts with whether their currency is written as an ISO code or a symbol (`PLN`, `€`) rather than a
    /// word that may be something else (`Rs` in `RS 4 Mini`).
    private static func amountCandidates(in text: String, prices: MoneyContext) -> [(price: Price, findings: [Finding], location: Int, isCodeOrSymbol: Bool)] {
        var found: [(price: Price, findings: [Finding], location: Int, isCodeOrSymbol: Bool)] = []
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        for match in amountPattern.matches(in: text, range: range) {
            guard let numberRange = Range(match.range, in: text) else { continue }
            var candidates: [String] = []
            if let start = currencyStart(before: numberRange.lowerBound, in: text, currencies: prices.currencies) { candidates.append(String(text[start..<numberRange.upperBound])) }
            if let end = currencyEnd(after: numberRange.upperBound, in: text, currencies: prices.currencies) { candidates.append(String(text[numberRange.lowerBound..<end])) }
            for candidate in candidates {
                let (price, findings) = MoneyParsing.parse(candidate, context: prices)
                if let price, !findings.contains(where: { $0.severity == .error }) {
                    let letters = candidate.filter(\.isLetter)
                    let isCodeOrSymbol = letters.isEmpty || (letters.count == 3 && letters.allSatisfy(\.isUppercase) && letters == price.money.currency)
                    found.append((price, findings, match.range.location, isCodeOrSymbol))
                    break
                }
            }
        }
        return found
    }

    /// The claim fee among `amounts`: an unambiguous currency first, an ISO code or symbol before a currency word,
    /// then the first amount after the cue, then the last one before it.
    static func claimFee(in text: String, cueEnd: Int, prices: MoneyContext) -> (price: Price, findings: [Finding])? {
        let ranked = amountCandidates(in: text, prices: prices).enumerated().sorted { left, right in
            func rank(_ item: (offset: Int, element: (price: Price, findings: [Finding], location: Int, isCodeOrSymbol: Bool))) -> (Int, Int, Int, Int) {
                let ambiguous = item.element.findings.contains { $0.severity >= .warning } ? 1 : 0
                let after = item.element.location >= cueEnd
                return (ambiguous, item.element.isCodeOrSymbol ? 0 : 1, after ? 0 : 1, after ? item.offset : -item.offset)
            }
            return rank(left) < rank(right)
        }
        return ranked.first.map { ($0.element.price, $0.element.findings) }
    }

    private static let amountPattern: NSRegularExpression = {
        // Digits with group/decimal separators, as prices are printed. A literal pattern, so it always compiles.
        guard let regex = try? NSRegularExpression(pattern: "(?<![\\w.,])\\d{1,3}(?:[ .,\\u00A0]\\d{3})*(?:[.,]\\d{1,2})?(?:,-)?(?![\\w])|(?<![\\w.,])\\d+(?:[.,]\\d{1,2})?(?![\\w])") else {
            fatalError("ServicePlanReading.amountPattern does not compile")
        }
        return regex
    }()

    /// Where the currency word right before an amount starts (one space allowed), when there is one.
    private static func currencyStart(before index: String.Index, in text: String, currencies: CurrencyTable) -> String.Index? {
        var start = index
        if start > text.startIndex, text[text.index(before: start)] == " " || text[text.index(before: start)] == "\u{00A0}" {
            start = text.index(before: start)
        }
        let wordEnd = start
        while start > text.startIndex, !text[text.index(before: start)].isWhitespace, !":(\"'".contains(text[text.index(before: start)]) {
            start = text.index(before: start)
        }
        return start < wordEnd && isCurrency(String(text[start..<wordEnd]), currencies: currencies) ? start : nil
    }

    /// Where the currency word right after an amount ends (one space allowed), when there is one.
    private static func currencyEnd(after index: String.Index, in text: String, currencies: CurrencyTable) -> String.Index? {
        var start = index
        if start < text.endIndex, text[start] == " " || text[start] == "\u{00A0}" { start = text.index(after: start) }
        var end = start
        while end < text.endIndex, !text[end].isWhitespace, !".,;:!?)\"'".contains(text[end]) { end = text.index(after: end) }
        return start < end && isCurrency(String(text[start..<end]), currencies: currencies) ? end : nil
    }

    private static func isCurrency(_ word: String, currencies: CurrencyTable) -> Bool {
        !word.isEmpty && !CurrencyTokens.find(in: word, table: currencies).isEmpty
    }
}
