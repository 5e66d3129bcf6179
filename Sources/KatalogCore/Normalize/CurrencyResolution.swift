/// Turns the currency tokens around an amount into one ISO 4217 code, using the context for shared symbols.
///
/// Order: a token naming one currency; a shared token (`$`, `kr`, `lei`) resolved by the record's currency, the
/// source's country, then its language; no token at all: the record's currency, then the country's. A shared
/// token nothing resolves is an error, not a guess; so is a three-letter code that is not ISO 4217.
enum CurrencyResolution {
    static func resolve(tokens: [String], rest: String, context: MoneyContext, text: String, findings: inout [Finding]) -> String? {
        let table = CurrencyTable.shared
        var codes: [String] = []
        // Codes the text names unambiguously (`$59.99 CAD`) settle its shared symbols without a finding.
        let named = Set(tokens.map(table.candidates(for:)).filter { $0.count == 1 }.map { $0[0] })
        for token in tokens {
            let candidates = table.candidates(for: token)
            let chosen: String
            if candidates.count == 1 {
                chosen = candidates[0]
            } else if let stated = candidates.first(where: named.contains) {
                chosen = stated
            } else if let hinted = context.currency, candidates.contains(hinted) {
                chosen = hinted
            } else if let byCountry = table.resolve(candidates, country: context.country) {
                chosen = byCountry
                findings.append(.priceCurrencyResolved(token, code: byCountry, basis: "country \(context.country ?? "")"))
            } else if let byLanguage = table.resolve(candidates, language: context.language) {
                chosen = byLanguage
                findings.append(.priceCurrencyResolved(token, code: byLanguage, basis: "language \(context.language ?? "")"))
            } else {
                findings.append(.priceCurrencyUnresolved(token, candidates: candidates, text: text))
                return nil
            }
            if !codes.contains(chosen) { codes.append(chosen) }
        }
        if let first = codes.first {
            if codes.count > 1 { findings.append(.priceCurrencyConflict(codes, text: text)) }
            return first
        }
        if let unknown = unknownCurrencyCode(in: rest) {
            findings.append(.priceCurrencyUnknown(unknown, text: text))
            return nil
        }
        if let currency = context.currency, table.isKnown(currency) { return currency }
        if let country = context.country, let currency = table.currency(ofCountry: country) {
            findings.append(.priceCurrencyFromCountry(currency, country: country))
            return currency
        }
        return nil
    }

    /// Upper-case three-letter words that are not ISO codes and not tax or price words (`VAT`, `PVM`, `UVP`).
    static func unknownCurrencyCode(in text: String) -> String? {
        for piece in text.split(whereSeparator: { !$0.isLetter }) where piece.count == 3 && piece.allSatisfy({ $0.isUppercase }) {
            let word = String(piece)
            let table = CurrencyTable.shared
            if !table.isKnown(word) && !table.notCurrencyWords.contains(word) && !PricePhrases.isPriceWord(word) { return word }
        }
        return nil
    }
}

extension Finding {
    static func priceCurrencyUnknown(_ code: String, text: String) -> Finding {
        Finding(.error, "price.currency-unknown", "Price \"\(text)\" is in \"\(code)\", which is not an ISO 4217 currency Katalog knows; no price kept.")
    }
    static func priceCurrencyUnresolved(_ token: String, candidates: [String], text: String) -> Finding {
        Finding(.error, "price.currency-ambiguous", "\"\(token)\" in price \"\(text)\" can mean \(candidates.joined(separator: ", ")) and the source's currency, country and language do not say which; no price kept. Set the source's country or currency.")
    }
    static func priceCurrencyResolved(_ token: String, code: String, basis: String) -> Finding {
        Finding(.info, "price.currency-resolved", "\"\(token)\" is shared by several currencies; \(code) was chosen from the source's \(basis).")
    }
    static func priceCurrencyConflict(_ codes: [String], text: String) -> Finding {
        Finding(.warning, "price.currency-conflict", "Price \"\(text)\" names several currencies (\(codes.joined(separator: ", "))); the first, \(codes[0]), was kept.")
    }
    static func priceCurrencyFromCountry(_ currency: String, country: String) -> Finding {
        Finding(.info, "price.currency-from-country", "The price names no currency; \(currency) was taken from the source's country (\(country)).")
    }
}
