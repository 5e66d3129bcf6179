// The price parser (amounts, decimal marks, currency symbols and words, was/now pairs, ranges, VAT words) under
// contexts chosen by the input's first byte. Invariants: a price's currency is a three-letter upper-case code the
// currency table knows; a sale price has the price's currency; the decimal mark found is `.` or `,`; amounts
// format; the same text and context read twice give the same reading.
import Foundation
import FuzzSupport
import KatalogCore

let contexts: [MoneyContext] = [
    MoneyContext(),
    MoneyContext(currency: "EUR"),
    MoneyContext(country: "PL", language: "pl"),
    MoneyContext(country: "US", language: "en", observedDecimalMark: "."),
    MoneyContext(language: "sv", observedDecimalMark: ",", evidence: [CurrencyEvidence(.textLanguage, language: "sv", detail: "fuzz")]),
    MoneyContext(currency: "JPY", country: "JP"),
    MoneyContext(country: "CH", language: "de", evidence: [CurrencyEvidence(.document, country: "CH", detail: "fuzz")]),
    MoneyContext(currency: "KWD", observedDecimalMark: ","),
]

func check(_ price: Price?, _ what: String, text: String) {
    guard let price else { return }
    let code = price.money.currency
    invariant(code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }, "\(what) currency \(code) for \(text.debugDescription)")
    invariant(CurrencyTable.builtIn.minorUnits(of: code) != nil, "\(what) currency \(code) is not in the table")
    _ = price.money.amountText
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPrice(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let selector = bytes.first else { return 0 }
    let text = UnsafeRawBufferPointer(rebasing: bytes.dropFirst()).lossyText
    let context = contexts[Int(selector) % contexts.count]
    let reading = MoneyParsing.read(text, context: context)
    check(reading.price, "price", text: text)
    check(reading.salePrice, "sale price", text: text)
    if let price = reading.price, let sale = reading.salePrice {
        invariant(price.money.currency == sale.money.currency, "price \(price.money.currency) but sale price \(sale.money.currency)")
    }
    if let mark = reading.decimalMark { invariant(mark == "." || mark == ",", "decimal mark \(mark)") }
    invariant(reading.findings.allSatisfy { !$0.code.rawValue.isEmpty && !$0.message.isEmpty }, "a finding without code or message")
    invariant(MoneyParsing.read(text, context: context) == reading, "reading \(text.debugDescription) twice gave two readings")
    let parsed = MoneyParsing.parse(text, context: context)
    invariant(parsed.price == reading.price, "parse and read disagree on \(text.debugDescription)")
    if let mark = MoneyParsing.decimalEvidence(in: text) { invariant(mark == "." || mark == ",", "decimal evidence \(mark)") }
    return 0
}
