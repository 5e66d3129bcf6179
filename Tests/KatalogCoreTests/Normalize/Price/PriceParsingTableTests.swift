import Foundation
import Testing
@testable import KatalogCore

/// One row of the price table: a price as a shop in `country` prints it, the context the parser gets, and what
/// must come out (amount and currency, a sale price for was/now pairs, VAT, and exactly these finding codes).
struct PriceCase: CustomTestStringConvertible, Sendable {
    var country: String
    var text: String
    var context: MoneyContext
    var expected: String
    var codes: Set<String>
    var line: Int

    var testDescription: String { "\(country) \"\(text)\" (table line \(line))" }

    /// `LT | 58,99 € | = | 58.99 EUR | code code`; context `=` is the row's country, `-` none, or
    /// `c=LT l=lt cur=EUR mark=,` items and evidence entries `ev=<basis>:<c|l|cur>=<value>` (`ev=text-language:l=sv`,
    /// in order); expected `none`, `none ~149.00` (no price, amount understood), `58.99 EUR`,
    /// `59.99 EUR / 49.99 EUR`, with ` +vat`/` -vat`.
    static func parse(_ table: String) -> [PriceCase] {
        var cases: [PriceCase] = []
        for (offset, raw) in table.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let columns = line.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            precondition(columns.count == 5, "price table line \(offset + 1) has \(columns.count) columns: \(line)")
            var context = MoneyContext()
            switch columns[2] {
            case "=": context.country = columns[0]
            case "-": break
            default:
                for item in columns[2].split(separator: " ") {
                    let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
                    guard pair.count == 2 else { continue }
                    switch pair[0] {
                    case "ev": context.evidence.append(evidence(pair[1], line: offset + 1))
                    case "c": context.country = pair[1]
                    case "l": context.language = pair[1]
                    case "cur": context.currency = pair[1]
                    case "mark": context.observedDecimalMark = pair[1].first
                    default: preconditionFailure("unknown context item \(item) on line \(offset + 1)")
                    }
                }
            }
            let codes = columns[4] == "-" ? [] : Set(columns[4].split(separator: " ").map(String.init))
            let text = columns[1].replacingOccurrences(of: "␣", with: "\u{00A0}").replacingOccurrences(of: "⍽", with: "\u{202F}")
            cases.append(PriceCase(country: columns[0], text: text, context: context, expected: columns[3], codes: codes, line: offset + 1))
        }
        return cases
    }

    /// `text-language:l=sv` → `CurrencyEvidence(.textLanguage, language: "sv")`.
    static func evidence(_ item: String, line: Int) -> CurrencyEvidence {
        let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let basis = CurrencyEvidence.Basis.allCases.first(where: { $0.name == parts[0] }) else {
            preconditionFailure("bad evidence \(item) on line \(line)")
        }
        let fact = parts[1].split(separator: "=", maxSplits: 1).map(String.init)
        precondition(fact.count == 2, "bad evidence \(item) on line \(line)")
        var evidence = CurrencyEvidence(basis, detail: "test \(parts[1])")
        switch fact[0] {
        case "c": evidence.country = fact[1]
        case "l": evidence.language = fact[1]
        case "cur": evidence.currency = fact[1]
        default: preconditionFailure("bad evidence \(item) on line \(line)")
        }
        return evidence
    }

    static let all = parse(PriceTable.rows)
    static let world = parse(WorldPriceTable.rows)

    /// What `reading` gives, in the table's notation.
    static func outcome(_ reading: MoneyReading) -> String {
        guard let price = reading.price else {
            return reading.amountWithoutCurrency.map { "none ~\(DecimalFormatting.fixed($0, fractionDigits: 2))" } ?? "none"
        }
        // More decimals than the currency has are kept exactly (and reported); show them exactly.
        let exact = DecimalFormatting.trimmed(price.money.amount, maxFractionDigits: 6)
        let minor = CurrencyTable.builtIn.minorUnits(of: price.money.currency) ?? 2
        let shown = (exact.split(separator: ".").dropFirst().first?.count ?? 0) > minor ? exact : price.money.amountText
        var outcome = "\(shown) \(price.money.currency)"
        if let sale = reading.salePrice { outcome += " / \(sale.money.amountText) \(sale.money.currency)" }
        if price.vat == "included" { outcome += " +vat" }
        if price.vat == "excluded" { outcome += " -vat" }
        return outcome
    }
}

@Suite("Price parsing table")
struct PriceParsingTableTests {
    @Test("Table has at least 300 prices from at least 12 countries")
    func tableSize() {
        #expect(PriceCase.all.count >= 300)
        #expect(Set(PriceCase.all.map(\.country)).count >= 12)
    }

    @Test(arguments: PriceCase.all)
    func price(_ row: PriceCase) {
        Self.check(row)
    }

    @Test("World table has at least 100 prices from at least 40 countries")
    func worldTableSize() {
        #expect(PriceCase.world.count >= 100)
        #expect(Set(PriceCase.world.map(\.country)).count >= 40)
    }

    @Test(arguments: PriceCase.world)
    func worldPrice(_ row: PriceCase) {
        Self.check(row)
    }

    /// The row's outcome and exact finding codes; the deciding evidence is an assumption exactly when the price
    /// is flagged `price.currency-assumed`, and absent when the text named the currency with no context at all.
    static func check(_ row: PriceCase) {
        let reading = MoneyParsing.read(row.text, context: row.context)
        var outcome = PriceCase.outcome(reading)
        // Rows written without `~` do not check the amount kept without a currency.
        if !row.expected.contains("~"), outcome.hasPrefix("none") { outcome = "none" }
        #expect(outcome == row.expected, "\(row.testDescription): \(reading.findings.map(\.message))")
        #expect(Set(reading.findings.map(\.code.rawValue)) == row.codes, "\(row.testDescription)")
        let assumed = reading.findings.contains { $0.code == .priceCurrencyAssumed }
        #expect(assumed == (reading.currencyDecision?.basis.isAssumption == true), "\(row.testDescription)")
        if reading.price != nil, row.context.currency == nil, row.context.country == nil, row.context.language == nil, row.context.evidence.isEmpty, !assumed {
            #expect(reading.currencyDecision == nil, "\(row.testDescription)")
        }
    }
}
