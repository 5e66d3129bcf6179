import Foundation

extension ProductNormalizer {
    /// Reads a price with the record's money context. When the text's currency is left undecided, the language of
    /// the record's own text is added to the evidence (once per record) and the text is read again.
    func readMoney(_ text: String, state: inout RecordState) -> MoneyReading {
        let reading = MoneyParsing.read(text, context: state.moneyContext)
        guard reading.price == nil, !state.languageEvidenceTried,
              reading.findings.contains(where: { Self.undecidedCurrencyCodes.contains($0.code) })
        else { return reading }
        state.languageEvidenceTried = true
        let detail: String
        let language: String
        if let own = textLanguage(of: state.record) {
            (language, detail) = (own, "the record's \(LanguageNames.name(of: own)) text (\(own))")
        } else if let file = state.fileLanguage {
            (language, detail) = (file, "the file's \(LanguageNames.name(of: file)) text (\(file))")
        } else if let labels = labelLanguage(of: state.record) {
            (language, detail) = (labels, "the record's \(LanguageNames.name(of: labels)) labels (\(labels))")
        } else {
            return reading
        }
        state.moneyContext.evidence.append(CurrencyEvidence(.textLanguage, language: language, detail: detail))
        state.moneyContext.evidence = state.moneyContext.evidence.enumerated()
            .sorted { ($0.element.basis, $0.offset) < ($1.element.basis, $1.offset) }.map(\.element)
        return MoneyParsing.read(text, context: state.moneyContext)
    }

    /// The language most of the record's labels are written in (`Kaina`, `Pavadinimas` → lt), when at least two
    /// labels name exactly one language and no other language has as many: a spreadsheet's column names speak the
    /// shop's language even when its cells are too short to tell.
    func labelLanguage(of record: RawRecord) -> String? {
        var counts: [String: Int] = [:]
        for field in record.fields where field.role == .labelled {
            guard let label = field.label, let languages = match(label)?.languages, languages.count == 1 else { continue }
            counts[languages[0], default: 0] += 1
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let top = ranked.first, top.value >= 2, ranked.dropFirst().first?.value != top.value else { return nil }
        return top.key
    }

    static let undecidedCurrencyCodes: Set<FindingCode> = [.priceCurrencyMissing, .priceCurrencyAmbiguous]

    /// The language of the record's title and description as written, when the detector is confident. Labels are
    /// read with this normalizer's dictionary (the user's labels and the record's platform included).
    func textLanguage(of record: RawRecord) -> String? {
        var text = ""
        for field in record.fields where field.role == .title || field.role == .description || field.role == .labelled {
            if field.role == .labelled {
                guard let label = field.label, let key = match(label)?.key, key == "title" || key == "description" else { continue }
            }
            text += field.value.prefix(2_000)
            text += "\n"
            if text.utf8.count > 4_000 { break }
        }
        return text.isEmpty ? nil : tables.languages.detect(text)
    }

    /// Money keys that do not fill `price` themselves: figures beside it, settled by `settlePrices`.
    /// (`active_price`: the price charged now, WooCommerce's API `price`, which is the sale price while on sale.)
    static let secondaryPriceKeys: Set<String> = ["price_excl_vat", "compare_at_price", "discount_amount", "active_price"]

    /// A secondary price figure as read.
    struct SecondaryPrice {
        var price: Price
        var field: RawField
        var evidence: CurrencyEvidence?
    }

    /// Settles the secondary price figures once every field is read:
    /// - a price without VAT is the price only when no consumer price was given (`price.excluding-vat-only`);
    /// - a compare-at (was) price above the price makes the price the sale price (`price.compare-at`);
    /// - a discount amount or percentage without a sale price gives the sale price (`price.sale-from-discount`).
    func settlePrices(_ product: inout Product, state: RecordState) {
        let location = state.record.location.with(field: "price")
        if product.price == nil, let excluding = state.secondaryPrices["price_excl_vat"] {
            var price = excluding.price
            if price.vat == nil { price.vat = "excluded" }
            product.price = price
            var provenance = FieldProvenance(excluding.field)
            provenance.evidence = excluding.evidence.map(describedEvidence)
            product.provenance["price"] = provenance
            product.diagnostics.append(Diagnostic(.priceExcludingVATOnly(price), at: location.with(field: excluding.field.label, line: excluding.field.line)))
        }
        guard let price = product.price else { return }
        if let compare = state.secondaryPrices["compare_at_price"], product.salePrice == nil,
           compare.price.money.currency == price.money.currency, compare.price.money.amount > price.money.amount {
            product.salePrice = price
            product.provenance["sale_price"] = product.provenance["price"]
            product.price = compare.price
            var provenance = FieldProvenance(compare.field)
            provenance.evidence = product.provenance["sale_price"]?.evidence
            product.provenance["price"] = provenance
            product.diagnostics.append(Diagnostic(.priceCompareAt(was: compare.price, now: price), at: location.with(field: compare.field.label, line: compare.field.line)))
            return
        }
        guard product.salePrice == nil else { return }
        var sale: (amount: Decimal, field: RawField, how: String)?
        if let discount = state.secondaryPrices["discount_amount"], discount.price.money.currency == price.money.currency,
           discount.price.money.amount > 0, discount.price.money.amount < price.money.amount {
            sale = (price.money.amount - discount.price.money.amount, discount.field, "\(discount.price.money.amountText) off")
        } else if let percent = state.discountPercent, percent.value > 0, percent.value < 100 {
            var exact = price.money.amount * (100 - percent.value) / 100
            var rounded = Decimal()
            NSDecimalRound(&rounded, &exact, tables.currencies.minorUnits(of: price.money.currency) ?? 2, .plain)
            sale = (rounded, percent.field, "\(DecimalFormatting.render(percent.value, fractionDigits: 2, trimZeros: true))% off")
        }
        guard let sale else { return }
        let money = Money(amount: sale.amount, currency: price.money.currency)
        product.salePrice = Price(money: money, text: "\(price.text) − \(sale.how)", vat: price.vat)
        product.provenance["sale_price"] = FieldProvenance(sale.field)
        product.diagnostics.append(Diagnostic(.priceSaleFromDiscount(regular: price, sale: money, how: sale.how), at: location.with(field: sale.field.label, line: sale.field.line)))
    }
}

/// English names of languages for messages (`sv` → Swedish).
enum LanguageNames {
    static func name(of code: String) -> String {
        Locale(identifier: "en").localizedString(forLanguageCode: code) ?? code
    }
}

extension Finding {
    static func priceExcludingVATOnly(_ price: Price) -> Finding {
        Finding(.warning, .priceExcludingVATOnly, "Only a price without VAT is given (\"\(price.text)\"); it was kept as the price, \(price.money.amountText) \(price.money.currency) excl. VAT. Add the consumer price (incl. VAT) to the source if shoppers see another one.")
    }
    static func priceCompareAt(was: Price, now: Price) -> Finding {
        Finding(.info, .priceCompareAt, "A compare-at price \(was.money.amountText) \(was.money.currency) above the price: kept as the regular price, and \(now.money.amountText) \(now.money.currency) as the sale price.")
    }
    static func priceSaleFromDiscount(regular: Price, sale: Money, how: String) -> Finding {
        Finding(.info, .priceSaleFromDiscount, "The source gives a discount (\(how)) on \(regular.money.amountText) \(regular.money.currency) and no sale price; the sale price \(sale.amountText) \(sale.currency) was worked out from it.")
    }
}
