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
    /// `c=LT l=lt cur=EUR mark=,` items; expected `none`, `58.99 EUR`, `59.99 EUR / 49.99 EUR`, with ` +vat`/` -vat`.
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

    static let all = parse(PriceTable.rows)
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
        let reading = MoneyParsing.read(row.text, context: row.context)
        var outcome: String
        if let price = reading.price {
            // More decimals than the currency has are kept exactly (and reported); show them exactly.
            let exact = DecimalFormatting.trimmed(price.money.amount, maxFractionDigits: 6)
            let minor = CurrencyTable.shared.minorUnits(of: price.money.currency) ?? 2
            let shown = (exact.split(separator: ".").dropFirst().first?.count ?? 0) > minor ? exact : price.money.amountText
            outcome = "\(shown) \(price.money.currency)"
            if let sale = reading.salePrice { outcome += " / \(sale.money.amountText) \(sale.money.currency)" }
            if price.vat == "included" { outcome += " +vat" }
            if price.vat == "excluded" { outcome += " -vat" }
        } else {
            outcome = "none"
        }
        #expect(outcome == row.expected, "\(row.testDescription): \(reading.findings.map(\.message))")
        #expect(Set(reading.findings.map(\.code)) == row.codes, "\(row.testDescription)")
    }
}
