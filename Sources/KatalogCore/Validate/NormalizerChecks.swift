/// Catalog entries for findings the normalizer makes while reading values. The messages are made by the factories
/// beside the parsers (`GTINParsing`, `MoneyParsing`, `QuantityParsing`, `ProductNormalizer`); this is their
/// documentation, and what lets a configuration file change their severity.
enum NormalizerChecks {
    private static func entry(_ code: String, _ title: String, _ severity: Severity, _ explanation: String, _ example: String) -> RuleInfo {
        RuleInfo(code, title: title, severity: severity, stage: .normalize, explanation: explanation, example: example)
    }

    static let all: [RuleInfo] = gtin + price + units + fields

    static let gtin: [RuleInfo] = [
        entry("gtin.checksum", "GTIN check digit wrong", .error,
              "The last digit of a GTIN (EAN/UPC) is a GS1 mod-10 check digit over the others. When it does not match, a digit was mistyped or the number was made up. The GTIN is kept as raw text, marked invalid and never corrected; the product is imported without a usable GTIN.",
              "`EAN: 6937224103314` (the check digit should be 3)."),
        entry("gtin.length", "GTIN of a wrong length", .error,
              "A GTIN has 8, 12, 13 or 14 digits. Any other length is a truncated number, an internal code in the GTIN column, or two numbers run together. It is kept as raw text only.",
              "`EAN: 693722410331` followed by a stray digit, or `EAN: 12345`."),
        entry("gtin.invalid-characters", "GTIN with letters or symbols", .error,
              "A GTIN is digits only (spaces and hyphens between groups are allowed). Letters or other symbols mean the column holds something else, such as an MPN. Kept as raw text only.",
              "`EAN: CP.SH.CR000376.01`."),
        entry("gtin.scientific-notation", "GTIN damaged by a spreadsheet (scientific notation)", .error,
              "A spreadsheet that treated the GTIN as a number showed it in scientific notation and the export kept that form; the last digits are gone and cannot be recovered. Kept as raw text only: re-export the column as text.",
              "`EAN: 6,93722E+12`."),
        entry("gtin.spreadsheet-decimal", "GTIN with a spreadsheet's `.0`", .warning,
              "A trailing `.0` added by a spreadsheet that stored the GTIN as a number is removed; the digits are complete, so the GTIN is usable. Fix the export so the next file is clean.",
              "`EAN: 6937224103313.0`."),
        entry("gtin.spreadsheet-apostrophe", "GTIN with a spreadsheet's leading apostrophe", .info,
              "A leading apostrophe (a spreadsheet's mark for \"this is text\") is removed; the GTIN is otherwise read as usual.",
              "`EAN: '06937224103313`."),
        entry("gtin.leading-zero-restored", "GTIN leading zero restored", .warning,
              "A spreadsheet that stored the GTIN as a number dropped its leading zero (12 digits left of an EAN-13, 11 of a UPC-A). The zero is restored only when the check digit then confirms the number.",
              "`UPC: 36000291452` (stored as a number) → `036000291452`."),
    ]

    static let price: [RuleInfo] = [
        entry("price.empty", "Price empty", .error, "The price field is present but empty, so no price is kept from it; the record is rejected as `record.no-usable-price` unless another field gives a price.", "`Kaina:` with nothing after it."),
        entry("price.no-amount", "Price without an amount", .error,
              "The price text contains no number (`call us`, `price on request`); no price is kept.", "`Kaina: Teiraukitės`."),
        entry("price.malformed-number", "Price amount malformed", .error,
              "The amount's digit grouping or separators cannot be read consistently (`1.23.45`); no price is kept rather than a guess.",
              "`Cena: 1.2.3,45 zł`."),
        entry("price.currency-missing", "Price without a currency", .error,
              "The price names no currency and nothing about the source (a currency field, the shop's country, a configured default) implies one. No price is kept; set `currency` for the source in the configuration file.",
              "`Price: 58.99` in a feed with no currency column."),
        entry("price.currency-unknown", "Price in an unknown currency", .error,
              "The price (or the record's currency field) names a three-letter code that is not an ISO 4217 currency Katalog knows. No price is taken from it, never a guess.",
              "`Kaina: 58.99 EUT`."),
        entry("price.currency-ambiguous", "Ambiguous currency symbol", .warning,
              "A symbol such as `$` or `kr` stands for several currencies and nothing about the source settles which; the first candidate is assumed and named in the message. Set the source's currency or country in the configuration to settle it.",
              "`Price: $19.99` on a page with no country."),
        entry("price.currency-conflict", "Price names several currencies", .warning,
              "The price text names two different currencies; the first is kept.", "`58.99 € (PLN 249)`."),
        entry("price.currency-from-country", "Currency taken from the source's country", .info,
              "The price names no currency, so the currency of the source's country (from the shop's domain or the configuration) was used.",
              "`58.99` on a page of `shop.lt` → EUR."),
        entry("price.ambiguous-decimal", "Ambiguous decimal separator", .warning,
              "In `1,234` or `1.234` the separator could be a decimal point or a thousands separator. Katalog chooses by the currency's minor units and the source's locale and says which reading it took and what the other would have been.",
              "`Cena: 1.299 zł` (1299 or 1.299?)."),
        entry("price.range", "Price range", .warning, "A price range (`49–59 €`) is not one price, usually the span of a product's variants; its low end is kept as the price.", "`Kaina: 49-59 €`."),
        entry("price.from", "Starting price", .info, "A price introduced by `from`/`nuo`/`od` is a starting price; the amount is kept as the price.", "`od 49 zł`."),
        entry("price.free", "Free", .info, "The price says the item is free (`Nemokamai`, `gratis`, `free`); it is kept as 0 in the source's currency and `price.zero` does not fire.", "`Kaina: Nemokamai`."),
        entry("price.extra-precision", "More decimals than the currency has", .warning,
              "The amount has more decimals than the currency's minor units (`19.999 EUR`); the exact amount is kept and outputs round it.",
              "`Price: 19.999 EUR`."),
    ]

    static let units: [RuleInfo] = [
        entry("unit.missing", "Measurement without a unit", .error,
              "A measurement has no unit, and neither its label nor the canonical key names a default; nothing is kept. Name the unit, or set `units` for the source in the configuration.",
              "`Dimensions: 14 x 10 x 5` with no unit anywhere."),
        entry("unit.unknown", "Unknown unit", .error, "The unit is not in the unit table (`units.json`); nothing is kept.", "`Svoris: 3 pūdai`."),
        entry("unit.unreadable", "Measurement unreadable", .error, "No number could be read from the measurement; nothing is kept.", "`Weight: heavy`."),
        entry("unit.dimensions-unreadable", "Dimensions unreadable", .error,
              "A `L x W x H` value could not be split into three measurements; nothing is kept.", "`Matmenys: 14 x 10`."),
        entry("unit.assumed", "Unit assumed", .warning,
              "The value has no unit and its label names none, so the canonical key's default unit (or the source's configured unit) was assumed; the message names it.",
              "`Box length: 14,00` read as 14 cm."),
        entry("unit.from-label", "Unit taken from the label", .info, "The value has no unit but its label names one (`Weight (kg)`); that unit was used.", "`Svoris (kg): 0,35`."),
        entry("unit.negative", "Negative measurement", .warning, "A length or weight below zero cannot be real (often a minus sign taken from a range or a tolerance); it is kept as found and flagged.", "`Length: -14 cm`."),
    ]

    static let fields: [RuleInfo] = [
        entry("label.unmapped", "Unmapped label", .info,
              "A `label: value` pair whose label is not in the label dictionary is kept as an unmapped attribute (`attr.<slug>`). The report counts unmapped labels so they can be added to a dictionary file (`--labels`).",
              "`Minimalna liczba towaru: 1`."),
        entry("field.conflict", "Field given twice with different values", .warning,
              "A record states the same canonical field twice with different values (two prices, two GTINs); the first is kept and the other is named in the message.",
              "`EAN: 6937224103313` and later `Barcode: 6937224103320`."),
        entry("field.unlabelled-ignored", "Unlabelled value not understood", .info,
              "A short value without a label was not understood (it is not a price) and was not kept.", "A bare `Nr. 5` line in a page header."),
        entry("value.empty", "Empty value", .info, "A label is present but its value is empty (a blank spec-table cell, an empty CSV column); nothing is kept for it.", "`Spalva:`."),
        entry("value.not-in-vocabulary", "Value not in the vocabulary", .info,
              "A value of a field with a controlled vocabulary (availability, condition, colour) is not a known word; it is kept as written.",
              "`Prieinamumas: Greitai`."),
        entry("value.not-a-number", "Not a whole number", .warning, "A field that takes a whole number (warranty months, pack size) holds words or other text instead; it is kept as written in the attributes.", "`Garantija (mėn.): dvylika`."),
    ]
}
