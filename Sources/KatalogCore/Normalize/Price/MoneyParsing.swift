import Foundation

/// What a price parser may use to resolve what the text leaves open.
public struct MoneyContext: Sendable {
    /// A currency stated elsewhere in the record (a `currency` column, `priceCurrency`) or implied by the feed.
    public var currency: String?
    /// ISO 3166 country of the source (shop domain, feed market).
    public var country: String?
    /// ISO 639-1 language of the source. Decides decimal marks only: a currency chosen by language comes through an
    /// `evidence` entry (`CurrencyEvidence(.textLanguage, language: "sv", …)`), never from this alone.
    public var language: String?
    /// The decimal mark other prices of the same record or file use unambiguously (`,` in `1 299,00 zł`).
    public var observedDecimalMark: Character?
    /// Further currency evidence, strongest first (see `CurrencyEvidence`): consulted after `currency` and
    /// `country` for a price with no currency or a shared symbol (see `CurrencyResolution`).
    public var evidence: [CurrencyEvidence]
    /// The price words of the run's vocabulary (VAT markers, free, from, range, was/now).
    public var phrases: PricePhrases
    /// The currencies the run knows: symbols, words, aliases, usual readings.
    public var currencies: CurrencyTable
    /// Decimal marks by country and language, for a separator the text leaves open.
    public var numbers: NumberConventions

    public init(
        currency: String? = nil, country: String? = nil, language: String? = nil, observedDecimalMark: Character? = nil, evidence: [CurrencyEvidence] = [],
        phrases: PricePhrases = .builtIn, currencies: CurrencyTable = .builtIn, numbers: NumberConventions = .builtIn
    ) {
        self.currency = currency
        self.country = country
        self.language = language
        self.observedDecimalMark = observedDecimalMark
        self.evidence = evidence
        self.phrases = phrases
        self.currencies = currencies
        self.numbers = numbers
    }
}

/// Everything read from one price text: the price, a sale price when the text is a was/now pair, findings, and
/// the decimal mark the text proves (evidence for other prices of the same file).
public struct MoneyReading: Sendable, Hashable {
    /// The regular price (the "was" amount of a was/now pair, the low end of a range, or the only amount).
    public var price: Price?
    /// The "now" amount of a was/now pair.
    public var salePrice: Price?
    public var findings: [Finding]
    /// `,` or `.` when the text uses it unambiguously as a decimal mark.
    public var decimalMark: Character?
    /// The evidence that decided the currency when the text did not name it alone (nil when it did).
    public var currencyDecision: CurrencyEvidence?
    /// The amount understood when no currency could be decided (`kr 149` with no evidence): no price is made, but
    /// a reject keeps it so a rerun with `--currency` is an informed choice.
    public var amountWithoutCurrency: Decimal?

    public init(price: Price? = nil, salePrice: Price? = nil, findings: [Finding] = [], decimalMark: Character? = nil, currencyDecision: CurrencyEvidence? = nil, amountWithoutCurrency: Decimal? = nil) {
        self.price = price
        self.salePrice = salePrice
        self.findings = findings
        self.decimalMark = decimalMark
        self.currencyDecision = currencyDecision
        self.amountWithoutCurrency = amountWithoutCurrency
    }
}

/// Parses prices as shops across Europe and beyond print them: `58.99€`, `€58.99`, `1 299,00 zł`, `PLN 199`,
/// `1.299,- Kč`, `CHF 1'299.–`, `US$ 49.99`, `od 49 zł`, `9,99–19,99 €`, `was £59.99 now £49.99`,
/// `~~59,99 €~~ 49,99 €`, `Nemokamai`, `58,99 € su PVM`. Pure: text + context → price(s) + findings.
///
/// Bad input never becomes a silent guess: no amount, a malformed number, an unknown ISO code or a currency
/// that neither the text, the context nor a usual reading settles (`kr` alone) gives no price and an error (the
/// amount is kept in `amountWithoutCurrency`); a currency only an assumption settles (`$` alone → USD, Swedish
/// text + `kr` → SEK) is kept with the warning `price.currency-assumed` and named in `currencyDecision`. An
/// ambiguous decimal separator (`3.350`, `1,234`) is decided from the currency's minor units, then a `,-` ending,
/// then the other prices of the same file, then the source's locale, each reported as an info finding; with none
/// of these it is read as grouping and reported as a guess (`price.ambiguous-decimal`, warning).
public enum MoneyParsing {
    /// The regular price of `text` (see `read` for a was/now pair's sale price) and the findings.
    public static func parse(_ text: String, context: MoneyContext = MoneyContext()) -> (price: Price?, findings: [Finding]) {
        let reading = read(text, context: context)
        return (reading.price, reading.findings)
    }

    /// Reads `text` completely: regular price, sale price of a was/now pair, findings and decimal evidence.
    public static func read(_ text: String, context: MoneyContext = MoneyContext()) -> MoneyReading {
        read(text, context: context, generalPathOnly: false)
    }

    /// `generalPathOnly` is for the tests that compare the shortcut with the general path.
    static func read(_ text: String, context: MoneyContext, generalPathOnly: Bool) -> MoneyReading {
        if !generalPathOnly, let reading = plainAmountAndCode(text, context: context) ?? plainAmountInStatedCurrency(text, context: context) {
            return reading
        }
        let cleaned = normalizeSpaces(text)
        guard !cleaned.isEmpty else { return MoneyReading(findings: [.priceEmpty()]) }
        let phraseWords = PricePhrases.words(cleaned)
        let vat = context.phrases.vat(inWords: phraseWords)
        let amounts = AmountSpan.find(in: cleaned, currencies: context.currencies)

        if amounts.isEmpty || context.phrases.isFree(words: phraseWords) {
            guard context.phrases.isFree(words: phraseWords) || context.phrases.containsFreeWord(words: phraseWords) else {
                return MoneyReading(findings: [.priceNoAmount(text)])
            }
            var choice = CurrencyResolution.decide(tokens: CurrencyTokens.find(in: cleaned, table: context.currencies), rest: cleaned, context: context, text: text)
            guard let currency = choice.code else {
                return MoneyReading(findings: choice.findings.isEmpty ? [.priceCurrencyMissing(text)] : choice.findings, amountWithoutCurrency: 0)
            }
            choice.findings.append(.priceFree(text))
            return MoneyReading(price: Price(money: Money(amount: 0, currency: currency), text: text, vat: vat), findings: choice.findings, currencyDecision: choice.decision)
        }

        // `1 29,00`: digits split by a space that is not a thousands group; no amount can be read safely.
        if amounts.count >= 2, cleaned[amounts[0].range.upperBound..<amounts[1].range.lowerBound].allSatisfy({ $0 == " " }) {
            let joined = String(cleaned[amounts[0].range.lowerBound..<amounts[1].range.upperBound])
            return MoneyReading(findings: [.priceMalformedNumber(joined, text: text)])
        }

        if amounts.count >= 2, context.phrases.isRange(between: amounts[0], amounts[1], in: cleaned, currencies: context.currencies) {
            var reading = single(amounts[0], currencyText: CurrencyTokens.textAround(amounts, in: cleaned), in: cleaned, text: text, vat: vat, context: context)
            if let price = reading.price { reading.findings.append(.priceRange(text, low: price.money.amountText)) }
            return reading
        }

        if amounts.count >= 2, let pair = WasNowPair.split(amounts, in: cleaned, phrases: context.phrases, currencies: context.currencies) {
            let was = single(pair.was, currencyText: pair.wasText, in: cleaned, text: text, vat: vat, context: context)
            var nowContext = context
            // The now amount is in the was amount's currency unless it names its own: `59 CHF, now 49` is 49 CHF
            // even in a EUR feed (fuzz-price found a CHF price with a EUR sale price).
            if let wasCurrency = was.price?.money.currency { nowContext.currency = wasCurrency }
            nowContext.observedDecimalMark = was.decimalMark ?? context.observedDecimalMark
            let now = single(pair.now, currencyText: pair.nowText, in: cleaned, text: text, vat: vat, context: nowContext)
            var findings = was.findings + now.findings.filter { !was.findings.contains($0) }
            let decision = was.currencyDecision ?? (now.price == nil ? nil : now.currencyDecision)
            guard let regular = was.price, let sale = now.price else {
                let amount = was.price == nil && now.price == nil ? was.amountWithoutCurrency ?? now.amountWithoutCurrency : nil
                return MoneyReading(price: was.price ?? now.price, findings: findings, decimalMark: was.decimalMark ?? now.decimalMark, currencyDecision: decision, amountWithoutCurrency: amount)
            }
            // Two amounts in two currencies (`12,80 Fr. 0 円`) are no was/now pair: the first is the price, as for
            // `€49.99 / $54.99` (fuzz-price found a CHF price with a JPY sale price).
            guard regular.money.currency == sale.money.currency else {
                var reading = was
                reading.findings.append(.priceExtraAmounts(text))
                return reading
            }
            findings.append(pair.explicit ? .priceWasNow(text, was: regular, now: sale) : .priceWasNowInferred(text, was: regular, now: sale))
            return MoneyReading(price: regular, salePrice: sale, findings: findings, decimalMark: was.decimalMark ?? now.decimalMark, currencyDecision: decision)
        }

        // With further amounts, the first one's currency is written before the second amount starts; when the text
        // writes currencies before amounts (`€49.99 / $54.99`), a token after the first amount is the second's.
        var ownText = amounts.count > 1 ? String(cleaned[..<amounts[1].range.lowerBound]) : cleaned
        if amounts.count > 1, !CurrencyTokens.find(in: String(cleaned[..<amounts[0].range.lowerBound]), table: context.currencies).isEmpty {
            ownText = String(cleaned[..<amounts[0].range.upperBound])
        }
        var reading = single(amounts[0], currencyText: CurrencyTokens.textAround([amounts[0]], in: ownText), in: cleaned, text: text, vat: vat, context: context)
        if amounts.count > 1, reading.price != nil { reading.findings.append(.priceExtraAmounts(text)) }
        return reading
    }

    /// The usual feed price, `11.01 EUR` or `1299 PLN`: ASCII digits (no leading zero), optionally `.` and two more,
    /// one space and a code that decides the currency alone with two decimals (`CurrencyTable.isPlainTwoDecimalCode`),
    /// with no price phrase possible among its words. Read generally, such a text has one amount and one token,
    /// nothing is decided from the context and nothing is reported; this gives that same reading without the
    /// scans (about 30k instructions a price). Nil for any other text. A test compares it with the general path.
    static func plainAmountAndCode(_ text: String, context: MoneyContext) -> MoneyReading? {
        let shape: (digits: Int, code: String)?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            guard let index = plainAmountEnd(bytes, commaToo: false), count == index + 4, bytes[index] == 0x20 else { return nil }
            for offset in 1...3 where bytes[index + offset] &- UInt8(ascii: "A") >= 26 { return nil }
            return (index, String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)...]), as: UTF8.self))
        }
        guard case let shape?? = shape,
              context.currencies.isPlainTwoDecimalCode(shape.code),
              !context.phrases.mayMatchPhrase(amongNumbersAnd: shape.code.lowercased()),
              let syntax = NumberReading.readPrice(String(text.utf8.prefix(shape.digits))!),
              syntax.ambiguousSeparator == nil,
              let value = DecimalFormatting.parse(syntax.canonical)
        else { return nil }
        return MoneyReading(price: Price(money: Money(amount: value, currency: shape.code), text: text, vat: nil), decimalMark: syntax.decimalMark)
    }

    /// The usual spreadsheet price, `11,01` or `1299.00` beside a currency column: ASCII digits (no leading zero),
    /// optionally `,` or `.` and two more, and nothing else, in a record whose currency (`MoneyContext.currency`) is
    /// a plain two-decimal code (`CurrencyTable.isPlainTwoDecimalCode`), with no price phrase possible among numbers.
    /// Read generally, such a text has one amount, no token and no unknown code, the stated currency decides it
    /// silently (the evidence that names it, else the record's currency), and nothing is reported; this gives that
    /// same reading without the scans (about 11k instructions a price). Nil for any other text. A test compares it
    /// with the general path.
    static func plainAmountInStatedCurrency(_ text: String, context: MoneyContext) -> MoneyReading? {
        guard let written = context.currency, context.currencies.isPlainTwoDecimalCode(written) else { return nil }
        let isPlain: Bool? = text.utf8.withContiguousStorageIfAvailable { plainAmountEnd($0, commaToo: true) == $0.count }
        guard isPlain == true,
              !context.phrases.mayMatchPhrase(amongNumbersAnd: ""),
              let syntax = NumberReading.readPrice(text),
              syntax.ambiguousSeparator == nil,
              let value = DecimalFormatting.parse(syntax.canonical)
        else { return nil }
        let decision = CurrencyResolution.statedCurrencyEvidence(written, code: written, context: context)
        return MoneyReading(
            price: Price(money: Money(amount: value, currency: written), text: text, vat: nil), decimalMark: syntax.decimalMark, currencyDecision: decision
        )
    }

    /// Where the plain amount `bytes` starts with ends: 1–15 ASCII digits without a leading zero (a lone `0` is
    /// one), then optionally `.` (or `,` with `commaToo`) and exactly two digits. Nil when `bytes` starts otherwise.
    private static func plainAmountEnd(_ bytes: UnsafeBufferPointer<UInt8>, commaToo: Bool) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count, bytes[index] &- 0x30 < 10 { index += 1 }
        guard index >= 1, index <= 15, bytes[0] != 0x30 || index == 1 else { return nil }
        guard index < count, bytes[index] == UInt8(ascii: ".") || (commaToo && bytes[index] == UInt8(ascii: ",")) else { return index }
        guard index + 2 < count, bytes[index + 1] &- 0x30 < 10, bytes[index + 2] &- 0x30 < 10 else { return nil }
        return index + 3
    }

    /// The decimal mark `text`'s first amount uses unambiguously, or nil; cheap, for collecting file evidence.
    public static func decimalEvidence(in text: String, currencies: CurrencyTable = .builtIn) -> Character? {
        let cleaned = normalizeSpaces(text)
        guard let first = AmountSpan.find(in: cleaned, currencies: currencies).first else { return nil }
        return NumberReading.readPrice(first.digits)?.decimalMark ?? first.wholeEndingMark.flatMap { first.digits.contains($0) ? nil : $0 }
    }

    // MARK: - One amount

    private static func single(_ amount: AmountSpan, currencyText: String, in cleaned: String, text: String, vat: String?, context: MoneyContext) -> MoneyReading {
        let syntax = NumberReading.readPrice(amount.digits)
        let traits = CurrencyResolution.AmountTraits(hasDecimals: syntax?.decimalMark != nil, ending: amount.ending, groupingMarks: groupingMarks(in: amount.digits))
        var tokens = CurrencyTokens.find(in: currencyText, table: context.currencies)
        // `99¢`, `99p`: a whole number of hundredths, in the currency of the sign's symbol.
        let minorSign = syntax?.decimalMark == nil && syntax?.ambiguousSeparator == nil && tokens.isEmpty ? minorUnitSign(after: amount, in: cleaned, currencies: context.currencies) : nil
        if let minorSign { tokens = [minorSign.symbol] }
        let choice = CurrencyResolution.decide(tokens: tokens, rest: currencyText, context: context, text: text, amount: traits)
        var findings = choice.findings
        guard let currency = choice.code else {
            // No price, but the amount as the normal decimal logic reads it, so a reject shows what was understood.
            if findings.isEmpty { findings.append(.priceCurrencyMissing(text)) }
            let understood = readAmount(amount, syntax: syntax, writtenMinorUnits: 2, text: text, context: context)
            return MoneyReading(findings: findings + understood.findings, amountWithoutCurrency: understood.value)
        }
        let table = context.currencies
        let minorUnits = table.minorUnits(of: currency) ?? 2
        let understood = readAmount(amount, syntax: syntax, writtenMinorUnits: table.writtenMinorUnits(of: currency) ?? minorUnits, text: text, context: context)
        findings += understood.findings
        guard var value = understood.value, var canonical = understood.canonical else { return MoneyReading(findings: findings) }
        if let minorSign, minorUnits > 0, let scaled = DecimalFormatting.parse(canonical).map({ $0 / pow(10, minorUnits) }) {
            value = amount.isNegative ? -scaled : scaled
            canonical = DecimalFormatting.fixed(scaled, fractionDigits: minorUnits)
            findings.append(.priceMinorUnit(text, sign: minorSign.sign, amount: canonical, currency: currency))
        }
        if context.phrases.isFrom(before: amount, in: cleaned, currencies: context.currencies) { findings.append(.priceFrom(text)) }
        // Trailing zeros are no precision (Magento writes every price as `34.0000`).
        if significantFractionDigits(canonical) > minorUnits {
            findings.append(.priceExtraPrecision(text, currency: currency, minorUnits: minorUnits))
        }
        let price = Price(money: Money(amount: value, currency: currency), text: text, vat: vat)
        let mark = syntax?.decimalMark ?? amount.wholeEndingMark.flatMap { amount.digits.contains($0) ? nil : $0 }
        return MoneyReading(price: price, findings: findings, decimalMark: mark, currencyDecision: choice.decision)
    }

    /// The apostrophes grouping `digits` (`1'299.00`), which hint at a currency; none in digits of plain ASCII
    /// without `'`, told from the bytes (the usual price) rather than by comparing every character.
    static func groupingMarks(in digits: String) -> Set<Character> {
        guard digits.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 >= 0x80 }) else { return [] }
        return Set(digits.filter { $0 == "'" || $0 == "’" })
    }

    /// The fraction digits of a canonical amount without its trailing zeros (`34.0000` → 0, `1.250` → 2): the
    /// second `.`-separated piece, as `split(separator: ".")` gives it, trimmed. On the bytes of ASCII text (every
    /// canonical amount), where the split would build an array of substrings and compare every character.
    static func significantFractionDigits(_ canonical: String) -> Int {
        var text = canonical
        let counted = text.withUTF8 { bytes -> Int? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // `pieces`: the non-empty pieces begun so far (split drops empty ones); only the second is counted.
            var pieces = 0
            var inPiece = false
            var length = 0, trailingZeros = 0
            for byte in bytes {
                if byte == UInt8(ascii: ".") {
                    inPiece = false
                    if pieces == 2 { break }
                    continue
                }
                if !inPiece {
                    inPiece = true
                    pieces += 1
                }
                if pieces == 2 {
                    length += 1
                    trailingZeros = byte == UInt8(ascii: "0") ? trailingZeros + 1 : 0
                }
            }
            return length - trailingZeros
        }
        return counted ?? canonical.split(separator: ".").dropFirst().first.map { $0.reversed().drop { $0 == "0" }.count } ?? 0
    }

    /// A sign of a hundredth written right after `amount` (`99¢`, `99 ¢`, `99p`; `p` only glued and not starting
    /// a word), with the symbol whose currency it divides.
    private static func minorUnitSign(after amount: AmountSpan, in text: String, currencies: CurrencyTable) -> (sign: String, symbol: String)? {
        let after = text[amount.range.upperBound...]
        for (sign, symbol) in currencies.minorUnitSigns {
            let glued = after.hasPrefix(sign)
            let spaced = !sign.allSatisfy(\.isLetter) && after.hasPrefix(" " + sign)
            guard glued || spaced else { continue }
            let rest = after.dropFirst(sign.count + (glued ? 0 : 1))
            if rest.first.map({ $0.isLetter || $0.isNumber }) == true { continue }
            return (sign, symbol)
        }
        return nil
    }

    /// The amount's value: its syntax read, a lone ambiguous separator decided (`DecimalDecision`) for a currency
    /// written with `writtenMinorUnits` decimals, the sign applied. Nil value (with an error) when malformed.
    private static func readAmount(_ amount: AmountSpan, syntax: NumberReading?, writtenMinorUnits: Int, text: String, context: MoneyContext) -> (value: Decimal?, canonical: String?, findings: [Finding]) {
        var findings: [Finding] = []
        guard let reading = syntax else { return (nil, nil, [.priceMalformedNumber(amount.digits, text: text)]) }
        if amount.repairedSpacing { findings.append(.priceSpacingRepaired(text, digits: amount.digits)) }
        var canonical = reading.canonical
        if let separator = reading.ambiguousSeparator, let alternative = reading.alternative {
            let decision = DecimalDecision.decide(separator, hasWholeEnding: amount.ending != nil, minorUnits: writtenMinorUnits, context: context)
            // NumberReading's canonical reading treats the mark as grouping; `alternative` is the decimal reading.
            if decision.isDecimal { canonical = alternative }
            let other = decision.isDecimal ? reading.canonical : alternative
            switch decision.basis {
            case .guess: findings.append(.priceAmbiguousDecimal(text, chosen: canonical, alternative: other, separator: separator))
            case .ending: break // `1.299,-` is not ambiguous: the ending shows the amount is whole.
            default: findings.append(.priceDecimalResolved(text, chosen: canonical, alternative: other, separator: separator, basis: decision.basis))
            }
        }
        guard var value = DecimalFormatting.parse(canonical) else { return (nil, nil, findings + [.priceMalformedNumber(amount.digits, text: text)]) }
        if amount.isNegative { value = -value }
        return (value, canonical, findings)
    }

    /// HTML character references are decoded (`&nbsp;&euro;`); NBSP, narrow and thin spaces, figure spaces and tabs
    /// become plain spaces; a minus sign becomes `-`; decimal digits of any script, Arabic decimal and thousands
    /// marks and full-width ASCII forms become ASCII (`١٥٠٫٥٠`, `１２，８００円`); direction and zero-width marks are
    /// dropped; a euro, pound or dollar sign used as the decimal mark (`19€99`) is moved after the amount
    /// (`19,99 €`).
    /// `generalPathOnly` is for the tests that compare the shortcut with the general path.
    static func normalizeSpaces(_ text: String, generalPathOnly: Bool = false) -> String {
        if !generalPathOnly, isNormalASCII(text) { return text }
        // Printable ASCII without `&` (most prices) has nothing to replace: the general walk would copy it unchanged.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 }) { return symbolAsDecimalMark(text.trimmingWhitespace()) }
        var result = ""
        for scalar in decodingEntities(text).unicodeScalars {
            switch scalar.value {
            case 0x00A0, 0x202F, 0x2009, 0x2007, 0x2008, 0x200A, 0x09, 0x0A, 0x0D, 0x3000: result.unicodeScalars.append(" ")
            case 0x2212: result.unicodeScalars.append("-")
            case 0x200B, 0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF, 0x202A...0x202E, 0x2066...0x2069: continue
            case 0xFF01...0xFF5E: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x066B: result.unicodeScalars.append(".")
            case 0x066C: result.unicodeScalars.append(",")
            case 0x80...:
                // Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Thai …) become ASCII.
                if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue, let digit = Unicode.Scalar(0x30 + UInt32(value)) {
                    result.unicodeScalars.append(digit)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return symbolAsDecimalMark(result.trimmingWhitespace())
    }

    /// Whether `normalizeSpaces` leaves `text` as it is, told in one pass over its bytes: printable ASCII without
    /// `&` (nothing to decode or replace), no space at either end (nothing to trim) and no `$` (the only one of the
    /// signs `symbolAsDecimalMark` moves that ASCII has). The usual price (`11,01`, `1299.00 PLN`) is such text.
    static func isNormalASCII(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            return bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "$") }
        }
    }

    /// HTML character references left in a price copied from markup (`49,99&nbsp;&euro;`, `&#36;19.99`).
    private static func decodingEntities(_ text: String) -> String {
        guard text.contains("&"), text.contains(";") else { return text }
        let named: [String: String] = ["nbsp": " ", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "dollar": "$", "amp": "&", "thinsp": " ", "minus": "-", "ndash": "–", "mdash": "—"]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[String(name)]
            }
            if let decoded {
                result += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    /// `19€99` → `19,99 €` (`£`, `$` likewise): digits, the sign, exactly two digits, then no digit.
    private static func symbolAsDecimalMark(_ text: String) -> String {
        // `$` is 24, `£` C2 A3 and `€` E2 82 AC in UTF-8: text with none of those bytes has none of the signs, and
        // is passed over without comparing each of its characters.
        guard text.utf8.contains(where: { $0 == 0x24 || $0 == 0xA3 || $0 == 0xAC }),
              text.contains(where: { $0 == "€" || $0 == "£" || $0 == "$" }) else { return text }
        var chars = Array(text)
        var index = 1
        while index + 2 < chars.count {
            let sign = chars[index]
            if sign == "€" || sign == "£" || sign == "$", chars[index - 1].isASCIIDigit,
               chars[index + 1].isASCIIDigit, chars[index + 2].isASCIIDigit,
               index + 3 == chars.count || !(chars[index + 3].isNumber || chars[index + 3] == "." || chars[index + 3] == ",") {
                let integer = chars[..<index].reversed().prefix { $0.isNumber || $0 == "." || $0 == " " }
                let mark: Character = integer.contains(",") ? "." : (integer.contains(".") ? "," : (sign == "€" ? "," : "."))
                chars.replaceSubrange(index...(index + 2), with: [mark, chars[index + 1], chars[index + 2], " ", sign])
                index += 5
            } else {
                index += 1
            }
        }
        return String(chars)
    }
}

// MARK: - Findings

extension Finding {
    static func priceEmpty() -> Finding {
        Finding(.error, .priceEmpty, "The price is empty.")
    }
    static func priceNoAmount(_ text: String) -> Finding {
        Finding(.error, .priceNoAmount, "No amount found in price \"\(text)\"; no price kept.")
    }
    static func priceMalformedNumber(_ digits: String, text: String) -> Finding {
        Finding(.error, .priceMalformedNumber, "The amount \"\(digits)\" in price \"\(text)\" is not a well-formed number (grouping or separators are off); no price kept.")
    }
    static func priceCurrencyMissing(_ text: String) -> Finding {
        Finding(.error, .priceCurrencyMissing, "Price \"\(text)\" names no currency and the source implies none; no price kept. Add the currency or set a default for the source.")
    }
    static func priceSpacingRepaired(_ text: String, digits: String) -> Finding {
        Finding(.warning, .priceSpacingRepaired, "Price \"\(text)\" has a space after its decimal mark; read as \(digits). Check the source if the space separated two numbers.")
    }
    static func priceMinorUnit(_ text: String, sign: String, amount: String, currency: String) -> Finding {
        Finding(.info, .priceMinorUnit, "Price \"\(text)\" is written in hundredths (\"\(sign)\"); read as \(amount) \(currency).")
    }
    static func priceRange(_ text: String, low: String) -> Finding {
        Finding(.warning, .priceRange, "Price \"\(text)\" is a range; its low end, \(low), was kept.")
    }
    static func priceFrom(_ text: String) -> Finding {
        Finding(.info, .priceFrom, "Price \"\(text)\" is a starting price (\"from\"); the amount was kept as the price.")
    }
    static func priceFree(_ text: String) -> Finding {
        Finding(.info, .priceFree, "Price \"\(text)\" means free; kept as 0.")
    }
    static func priceExtraPrecision(_ text: String, currency: String, minorUnits: Int) -> Finding {
        Finding(.warning, .priceExtraPrecision, "Price \"\(text)\" has more decimals than \(currency)'s \(minorUnits); the exact amount is kept, outputs round it.")
    }
    static func priceExtraAmounts(_ text: String) -> Finding {
        Finding(.info, .priceExtraAmounts, "Price \"\(text)\" holds more than one amount and is neither a range nor a was/now pair; the first amount was kept.")
    }
    static func priceWasNow(_ text: String, was: Price, now: Price) -> Finding {
        Finding(.info, .priceWasNow, "Price \"\(text)\" is a was/now pair: \(was.money.amountText) \(was.money.currency) kept as the price, \(now.money.amountText) \(now.money.currency) as the sale price.")
    }
    static func priceWasNowInferred(_ text: String, was: Price, now: Price) -> Finding {
        Finding(.warning, .priceWasNowInferred, "Price \"\(text)\" holds two amounts with nothing between them; read as a crossed-out price \(was.money.amountText) and a sale price \(now.money.amountText) \(now.money.currency). Check the source if that is wrong.")
    }
}
