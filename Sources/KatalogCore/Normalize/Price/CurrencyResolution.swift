/// Decides the currency of one amount from the tokens written around it and the evidence about its source,
/// the way a person would, and always says why.
///
/// The chain, first match wins:
/// 1. a token naming one currency (`€`, `zł`, `USD`, `DEM`; `RUR` → RUB with `price.currency-alias`);
/// 2. for a shared token (`$`, `kr`, `lei`, `¥`), a code named elsewhere in the same text (`$59.99 CAD`);
/// 3. `context.currency` (stated: silent), then `context.country` (stated: `price.currency-resolved` or
///    `price.currency-from-country`, info);
/// 4. each `context.evidence` entry in order: the currency it names, else its country's currency, else its
///    language's (`currencies.json`, `languages`); a statement basis gives an info, an assumption basis the
///    warning `price.currency-assumed` naming the evidence and the alternatives;
/// 5. the symbol's usual reading (`$` → USD, `lei` → RON, `symbol_defaults`), else the style a whole-amount
///    ending or a grouping mark shows (`1 495:-` → SEK, `1'299.00` → CHF: `ending_defaults`, `grouping_defaults`),
///    also `price.currency-assumed`.
///
/// A shared token nothing settles is `price.currency-ambiguous` (error); a bare amount nothing settles is left to
/// the caller (`price.currency-missing`); a three-letter code that is not ISO 4217 is `price.currency-unknown`.
/// `MoneyContext.language` never decides a currency here: it only decides decimal marks.
enum CurrencyResolution {
    /// The outcome for one amount: the code (nil when undecided), the evidence that decided it when the text did
    /// not name it alone, and the findings.
    struct Choice {
        var code: String?
        var decision: CurrencyEvidence?
        var findings: [Finding] = []
    }

    /// What the amount itself tells the chain: whether it has decimals (`¥199.00` reads CNY), its whole-amount
    /// ending (`:-`) and its grouping marks (`'`).
    struct AmountTraits {
        var hasDecimals = false
        var ending: String?
        var groupingMarks: Set<Character> = []
    }

    /// The currency `tokens` (found in `rest`) name for one amount of `text`, settled by `context`.
    static func decide(tokens found: [String], rest: String, context: MoneyContext, text: String, amount: AmountTraits = AmountTraits()) -> Choice {
        let table = context.currencies
        var choice = Choice()
        // Spellings such as `R` or `KD` count only when nothing else in the text names a currency.
        let tokens = found.contains { !table.isWeak($0) } ? found.filter { !table.isWeak($0) } : found
        var codes: [String] = []
        // Codes the text names unambiguously (`$59.99 CAD`) settle its shared symbols without a finding.
        let named = tokens.isEmpty ? [] : Set(tokens.map(table.candidates(for:)).filter { $0.count == 1 }.map { $0[0] })
        var seen: Set<String> = []
        for token in tokens where seen.insert(token).inserted {
            let candidates = table.candidates(for: token)
            let chosen: String
            if candidates.count == 1 {
                chosen = candidates[0]
                if let target = table.aliasTarget(of: token) { choice.findings.append(.priceCurrencyAlias(token, code: target, text: text)) }
            } else if let stated = candidates.first(where: named.contains) {
                chosen = stated
            } else if let step = chain(candidates: candidates, token: token, context: context, text: text, amount: amount) {
                chosen = step.code
                if choice.decision == nil { choice.decision = step.evidence }
                choice.findings += step.findings
            } else {
                choice.findings.append(.priceCurrencyUnresolved(token, candidates: candidates, text: text))
                return choice
            }
            if !codes.contains(chosen) { codes.append(chosen) }
        }
        if var first = codes.first {
            if codes.count > 1 {
                // A sign or word (`€`) says more than a capitalised word that happens to be a code (`TOP`, `ALL`).
                if let signed = tokens.first(where: { !isCode($0) }).flatMap({ token in codes.first { table.candidates(for: token).contains($0) } }) { first = signed }
                choice.findings.append(.priceCurrencyConflict([first] + codes.filter { $0 != first }, text: text))
            }
            choice.code = first
        } else if let unknown = unknownCurrencyCode(in: rest, context: context) {
            choice.findings.append(.priceCurrencyUnknown(unknown, text: text))
            return choice
        } else if let step = chain(candidates: nil, token: nil, context: context, text: text, amount: amount) {
            choice.code = step.code
            choice.decision = step.evidence
            choice.findings += step.findings
        }
        if let code = choice.code, let withdrawn = table.obsoleteCurrency(code) {
            choice.findings.append(.priceCurrencyObsolete(text, currency: withdrawn))
        }
        return choice
    }

    /// `decide` for callers that only want the code; findings are appended.
    static func resolve(tokens: [String], rest: String, context: MoneyContext, text: String, findings: inout [Finding]) -> String? {
        let choice = decide(tokens: tokens, rest: rest, context: context, text: text)
        findings += choice.findings
        return choice.code
    }

    private struct Step {
        var code: String
        var evidence: CurrencyEvidence
        var findings: [Finding]
    }

    /// Steps 3–6 for a shared token's `candidates`, or for a bare amount (`candidates` nil).
    private static func chain(candidates: [String]?, token: String?, context: MoneyContext, text: String, amount: AmountTraits) -> Step? {
        let table = context.currencies
        func fits(_ code: String) -> Bool { candidates?.contains(code) ?? (table.isKnown(code) || table.obsoleteCurrency(code) != nil) }
        // The synthesized evidence (its detail an interpolated string) is only made when no stated one matches.
        func stated(_ synthesized: @autoclosure () -> CurrencyEvidence, matching: (CurrencyEvidence) -> Bool) -> CurrencyEvidence {
            context.evidence.first { !$0.basis.isAssumption && matching($0) } ?? synthesized()
        }
        if let written = context.currency, case let currency = table.aliasTarget(of: written) ?? written, fits(currency) {
            let evidence = statedCurrencyEvidence(written, code: currency, context: context)
            return Step(code: currency, evidence: evidence, findings: written == currency ? [] : [.priceCurrencyAlias(written, code: currency, text: text)])
        }
        if let country = context.country, let code = read(country: country, candidates: candidates, table: table) {
            let evidence = stated(CurrencyEvidence(.sourceConfig, country: country, detail: "the source's country \(country)")) { $0.country?.uppercased() == country.uppercased() }
            let finding: Finding = token.map { .priceCurrencyResolved($0, code: code, basis: "country \(country)") } ?? .priceCurrencyFromCountry(code, country: country)
            return Step(code: code, evidence: evidence, findings: [finding])
        }
        for evidence in context.evidence {
            guard let code = read(evidence, candidates: candidates, table: table) else { continue }
            let finding: Finding = if evidence.basis.isAssumption {
                .priceCurrencyAssumed(text, token: token, code: code, evidence: evidence, alternatives: alternatives(to: code, candidates: candidates, context: context, decidedBy: evidence))
            } else if let token {
                .priceCurrencyResolved(token, code: code, basis: "\(evidence.basis.name): \(evidence.detail)")
            } else {
                .priceCurrencyStated(code, evidence: evidence)
            }
            return Step(code: code, evidence: evidence, findings: [finding])
        }
        let guess: (code: String, detail: String)? = {
            if let token, let code = table.symbolDefault(for: token, amountHasDecimals: amount.hasDecimals), fits(code) {
                return (code, "the usual reading of \"\(token)\"" + (amount.hasDecimals && code != table.symbolDefault(for: token, amountHasDecimals: false) ? " with decimals" : ""))
            }
            if let ending = amount.ending, let code = table.endingDefault(for: ending), fits(code) {
                return (code, "the \"\(ending)\" ending, written in \(code) prices")
            }
            for mark in amount.groupingMarks.sorted() {
                if let code = table.groupingDefault(for: mark), fits(code) { return (code, "the \"\(mark)\" grouping, written in \(code) prices") }
            }
            return nil
        }()
        guard let guess else { return nil }
        let evidence = CurrencyEvidence(.symbolDefault, currency: guess.code, detail: guess.detail)
        let finding = Finding.priceCurrencyAssumed(text, token: token, code: guess.code, evidence: evidence, alternatives: alternatives(to: guess.code, candidates: candidates, context: context, decidedBy: evidence))
        return Step(code: guess.code, evidence: evidence, findings: [finding])
    }

    /// What decided `code` when `context.currency` (`written`, before its alias was read) did: the stated evidence
    /// that names `written` (a currency column's label), else the record's currency itself.
    static func statedCurrencyEvidence(_ written: String, code: String, context: MoneyContext) -> CurrencyEvidence {
        context.evidence.first { !$0.basis.isAssumption && $0.currency == written }
            ?? CurrencyEvidence(.recordField, currency: code, detail: "the record's currency \(written)")
    }

    /// The currency `evidence` points to among `candidates` (any currency for a bare amount).
    private static func read(_ evidence: CurrencyEvidence, candidates: [String]?, table: CurrencyTable) -> String? {
        if let named = evidence.currency?.uppercased(), case let currency = table.aliasTarget(of: named) ?? named,
           candidates?.contains(currency) ?? (table.isKnown(currency) || table.obsoleteCurrency(currency) != nil) {
            return currency
        }
        if let country = evidence.country, let code = read(country: country, candidates: candidates, table: table) { return code }
        if let language = evidence.language {
            if let candidates { return table.resolve(candidates, language: language) }
            return table.currencies(ofLanguage: language)?.dominant
        }
        return nil
    }

    private static func read(country: String, candidates: [String]?, table: CurrencyTable) -> String? {
        guard let candidates else { return table.currency(ofCountry: country) }
        return table.resolve(candidates, country: country)
    }

    /// What else the price could be in: the token's other candidates, or for a bare amount the currencies the
    /// other evidence points to.
    private static func alternatives(to code: String, candidates: [String]?, context: MoneyContext, decidedBy: CurrencyEvidence? = nil) -> [String] {
        if let candidates { return candidates.filter { $0 != code } }
        var others: [String] = []
        for evidence in context.evidence {
            if let other = read(evidence, candidates: nil, table: context.currencies), other != code, !others.contains(other) { others.append(other) }
        }
        // A language read as its usual currency names the others its shops use (English: GBP, EUR, CAD …).
        if let language = decidedBy?.language, let entry = context.currencies.currencies(ofLanguage: language) {
            for other in entry.others where other != code && !others.contains(other) && others.count < 5 { others.append(other) }
        }
        return others
    }

    private static func isCode(_ token: String) -> Bool { token.count == 3 && token.allSatisfy(\.isUppercase) }

    /// Upper-case three-letter words that are not ISO codes (active, withdrawn or aliases) and not tax or price
    /// words (`VAT`, `PVM`, `UVP`).
    static func unknownCurrencyCode(in text: String, context: MoneyContext = MoneyContext()) -> String? {
        // ASCII text without a capital letter (a bare amount, `11,01`) has no such word; the bytes tell.
        guard text.utf8.contains(where: { $0 >= 0x80 || $0 &- UInt8(ascii: "A") < 26 }) else { return nil }
        for piece in text.split(whereSeparator: { !$0.isLetter }) where piece.count == 3 && piece.allSatisfy({ $0.isUppercase }) {
            let word = String(piece)
            let table = context.currencies
            if table.candidates(for: word).isEmpty && !table.notCurrencyWords.contains(word) && !context.phrases.isPriceWord(word) { return word }
        }
        return nil
    }
}

extension Finding {
    static func priceCurrencyUnknown(_ code: String, text: String) -> Finding {
        Finding(.error, .priceCurrencyUnknown, "Price \"\(text)\" is in \"\(code)\", which is not an ISO 4217 currency Katalog knows; no price kept.")
    }
    static func priceCurrencyUnresolved(_ token: String, candidates: [String], text: String) -> Finding {
        Finding(.error, .priceCurrencyAmbiguous, "\"\(token)\" in price \"\(text)\" can mean \(candidates.joined(separator: ", ")) and nothing about the source (currency, country, document, language) says which; no price kept. Set the source's country or currency.")
    }
    static func priceCurrencyResolved(_ token: String, code: String, basis: String) -> Finding {
        Finding(.info, .priceCurrencyResolved, "\"\(token)\" is shared by several currencies; \(code) was chosen from the source's \(basis).")
    }
    static func priceCurrencyConflict(_ codes: [String], text: String) -> Finding {
        Finding(.warning, .priceCurrencyConflict, "Price \"\(text)\" names several currencies (\(codes.joined(separator: ", "))); \(codes[0]) was kept.")
    }
    static func priceCurrencyFromCountry(_ currency: String, country: String) -> Finding {
        Finding(.info, .priceCurrencyFromCountry, "The price names no currency; \(currency) was taken from the source's country (\(country)).")
    }
    static func priceCurrencyStated(_ currency: String, evidence: CurrencyEvidence) -> Finding {
        Finding(.info, .priceCurrencyStated, "The price names no currency; \(currency) was taken from \(evidence.detail) (\(evidence.basis.name)).")
    }
    static func priceCurrencyAssumed(_ text: String, token: String?, code: String, evidence: CurrencyEvidence, alternatives: [String]) -> Finding {
        let what = token.map { "\"\($0)\" in price \"\(text)\" is shared by several currencies" } ?? "Price \"\(text)\" names no currency"
        let others = alternatives.isEmpty ? "" : "; it could also be \(alternatives.joined(separator: ", "))"
        return Finding(.warning, .priceCurrencyAssumed, "\(what); \(code) was assumed from \(evidence.detail) (\(evidence.basis.name) evidence)\(others). Pass --currency or set the source's currency to be sure.")
    }
    static func priceCurrencyAlias(_ token: String, code: String, text: String) -> Finding {
        Finding(.info, .priceCurrencyAlias, "\"\(token)\" in price \"\(text)\" is not an ISO 4217 code but a common alias of \(code); read as \(code) (\(token) → \(code)).")
    }
    static func priceCurrencyObsolete(_ text: String, currency: CurrencyTable.ObsoleteCurrency) -> Finding {
        Finding(.warning, .priceCurrencyObsolete, "Price \"\(text)\" is in \(currency.code), a currency withdrawn in \(currency.withdrawn) and replaced by \(currency.successor); the amount is kept in \(currency.code), not converted.")
    }
}
