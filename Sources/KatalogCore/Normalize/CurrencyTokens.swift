/// Finds the currency symbols, codes and words written around an amount (`€`, `US$`, `zł`, `Kč`, `PLN`, `руб.`).
enum CurrencyTokens {
    /// Symbols that are glued to other text (`US$49`, `49€/szt.`), longest first.
    static let gluedSymbols: [String] = {
        let table = CurrencyTable.shared
        let symbols = table.currencies.values.flatMap(\.symbols).filter { symbol in
            symbol.unicodeScalars.contains { !($0.properties.isAlphabetic) }
        }
        return Array(Set(symbols)).sorted { ($0.count, $0) > ($1.count, $1) }
    }()

    /// The currency tokens in `text`, as written, in order.
    static func find(in text: String) -> [String] {
        var found: [String] = []
        let table = CurrencyTable.shared
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "(" || $0 == ")" || $0 == ":" || $0 == "~" || $0 == "*" }) {
            var token = String(piece)
            // Digits and separators left from a glued amount (`49,99zł` was split already; `zł.` keeps its dot).
            token = String(token.drop { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" || $0 == "–" })
            while let last = token.last, ".,-–—!;".contains(last), table.candidates(for: token).isEmpty {
                token.removeLast()
            }
            guard !token.isEmpty else { continue }
            if !table.candidates(for: token).isEmpty {
                found.append(token)
                continue
            }
            // Symbols glued to other text: the longest known symbol inside the token.
            if let symbol = gluedSymbols.first(where: { token.contains($0) }) {
                found.append(symbol)
            }
        }
        return found
    }

    /// `text` without the given amounts (each replaced by a space): where their currency is written.
    static func textAround(_ amounts: [AmountSpan], in text: String) -> String {
        var result = ""
        var index = text.startIndex
        for amount in amounts.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += text[index..<amount.range.lowerBound]
            result += " "
            index = amount.range.upperBound
        }
        result += text[index...]
        return result
    }
}
