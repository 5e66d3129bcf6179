// Every finding code Katalog emits, declared once. Sources name a code only through these members, so a
// misspelt code does not compile; `RuleCatalog` documents each (a test checks both ways).

/// Files and inputs: discovering, opening and skipping files.
extension FindingCode {
    /// A file imported nothing.
    public static let fileNothingImported = FindingCode("file.nothing-imported")
    /// File or folder reached twice.
    public static let inputAlreadyRead = FindingCode("input.already-read")
    /// Compressed input damaged.
    public static let inputCompressedDamaged = FindingCode("input.compressed-damaged")
    /// Configuration file skipped.
    public static let inputConfigurationSkipped = FindingCode("input.configuration-skipped")
    /// No reader for this kind.
    public static let inputNoReader = FindingCode("input.no-reader")
    /// Exchange-rates file skipped.
    public static let inputNotACatalog = FindingCode("input.not-a-catalog")
    /// Stored record could not be read back.
    public static let inputReplayFailed = FindingCode("input.replay-failed")
    /// Input cannot be read.
    public static let inputUnreadable = FindingCode("input.unreadable")
    /// File of a kind Katalog does not read.
    public static let inputUnsupported = FindingCode("input.unsupported")
    /// Output of this run met among the inputs.
    public static let inputWrittenByThisRun = FindingCode("input.written-by-this-run")
}

/// CSV and TSV files.
extension FindingCode {
    /// Empty CSV file.
    public static let csvEmpty = FindingCode("csv.empty")
    /// Cell over 1 MiB.
    public static let csvFieldTooLong = FindingCode("csv.field-too-long")
    /// Bytes not valid in the file's encoding.
    public static let csvInvalidEncoding = FindingCode("csv.invalid-encoding")
    /// CSV with a header only.
    public static let csvNoRows = FindingCode("csv.no-rows")
    /// Too many parent rows held.
    public static let csvParentLimit = FindingCode("csv.parent-limit")
    /// Parent row of variations.
    public static let csvParentRow = FindingCode("csv.parent-row")
    /// Shop-platform export recognised.
    public static let csvPlatform = FindingCode("csv.platform")
    /// Title line before the header.
    public static let csvPreamble = FindingCode("csv.preamble")
    /// Row with more cells than the header.
    public static let csvRaggedRow = FindingCode("csv.ragged-row")
    /// Row over 4 MiB.
    public static let csvRowTooLong = FindingCode("csv.row-too-long")
    /// Rule row naming no variant.
    public static let csvRuleUnmatched = FindingCode("csv.rule-unmatched")
    /// Quoted cell running past 1 MiB across lines.
    public static let csvRunawayQuote = FindingCode("csv.runaway-quote")
    /// Text after a closing quote.
    public static let csvStrayQuote = FindingCode("csv.stray-quote")
    /// Row with more than 100,000 cells.
    public static let csvTooManyCells = FindingCode("csv.too-many-cells")
    /// Quoted cell never closed.
    public static let csvUnterminatedQuote = FindingCode("csv.unterminated-quote")
    /// Excel error value in a cell.
    public static let xlsxCellError = FindingCode("xlsx.cell-error")
    /// Cell past Excel's last column.
    public static let xlsxCellOutOfRange = FindingCode("xlsx.cell-out-of-range")
    /// Formula stored without its result.
    public static let xlsxFormulaUncalculated = FindingCode("xlsx.formula-uncalculated")
    /// Text cell naming no shared string.
    public static let xlsxSharedStringMissing = FindingCode("xlsx.shared-string-missing")
    /// Worksheet without cells.
    public static let xlsxSheetEmpty = FindingCode("xlsx.sheet-empty")
    /// Hidden worksheet not read.
    public static let xlsxSheetHidden = FindingCode("xlsx.sheet-hidden")
}

/// XML feeds.
extension FindingCode {
    /// DOCTYPE ignored.
    public static let xmlDTDIgnored = FindingCode("xml.dtd-ignored")
    /// Entity not expanded.
    public static let xmlEntityBlocked = FindingCode("xml.entity-blocked")
    /// Entity-expansion attack.
    public static let xmlEntityBomb = FindingCode("xml.entity-bomb")
    /// Malformed XML feed.
    public static let xmlMalformed = FindingCode("xml.malformed")
    /// XML parser message.
    public static let xmlParserMessage = FindingCode("xml.parser-message")
    /// XML feed read on after a fault.
    public static let xmlResynchronized = FindingCode("xml.resynchronized")
    /// XML text over 1 MiB cut.
    public static let xmlTextTooLong = FindingCode("xml.text-too-long")
    /// XML parser messages capped.
    public static let xmlTooManyMessages = FindingCode("xml.too-many-messages")
    /// XML feed cut off.
    public static let xmlTruncated = FindingCode("xml.truncated")
}

/// JSON and JSON Lines feeds.
extension FindingCode {
    /// Item that is not valid JSON.
    public static let jsonMalformed = FindingCode("json.malformed")
    /// Array element that is not an object.
    public static let jsonNotAnObject = FindingCode("json.not-an-object")
    /// JSON feed cut off.
    public static let jsonTruncated = FindingCode("json.truncated")
}

/// Feeds of any format: items, mappings, markets.
extension FindingCode {
    /// Mapping file unusable.
    public static let feedBadMapping = FindingCode("feed.bad-mapping")
    /// XML items guessed.
    public static let feedGuessedItems = FindingCode("feed.guessed-items")
    /// Item cut off by a fault.
    public static let feedItemIncomplete = FindingCode("feed.item-incomplete")
    /// Feed market assumed.
    public static let feedMarketAssumed = FindingCode("feed.market-assumed")
    /// No items in an XML feed.
    public static let feedNoItems = FindingCode("feed.no-items")
}

/// HTML and text pages: parsing, encodings, JSON-LD, origins that disagree.
extension FindingCode {
    /// Bytes not valid in the page's encoding.
    public static let encodingInvalidBytes = FindingCode("encoding.invalid-bytes")
    /// Declared charset not supported.
    public static let encodingUnsupported = FindingCode("encoding.unsupported")
    /// Second product on the page not imported.
    public static let htmlExtraProduct = FindingCode("html.extra-product")
    /// No product on the page.
    public static let htmlNoProduct = FindingCode("html.no-product")
    /// Markup read as an HTML page after the XML parse failed.
    public static let htmlReadAsHTML = FindingCode("html.read-as-html")
    /// HTML parser recovered from broken markup.
    public static let htmlRecovered = FindingCode("html.recovered")
    /// HTML nested too deeply.
    public static let htmlTooDeep = FindingCode("html.too-deep")
    /// HTML page too large.
    public static let htmlTruncated = FindingCode("html.truncated")
    /// JSON-LD block unreadable.
    public static let jsonLDInvalid = FindingCode("jsonld.invalid")
    /// JSON-LD repaired.
    public static let jsonLDRepaired = FindingCode("jsonld.repaired")
    /// Origins of a page disagree.
    public static let originMismatch = FindingCode("origin.mismatch")
    /// Boilerplate left out of a text page.
    public static let textBoilerplateRemoved = FindingCode("text.boilerplate-removed")
    /// Empty text page.
    public static let textEmpty = FindingCode("text.empty")
}

/// GTINs (EAN, UPC, ISBN).
extension FindingCode {
    /// GTIN check digit wrong.
    public static let gtinChecksum = FindingCode("gtin.checksum")
    /// GTIN from a coupon range.
    public static let gtinCoupon = FindingCode("gtin.coupon")
    /// GTIN with letters or symbols.
    public static let gtinInvalidCharacters = FindingCode("gtin.invalid-characters")
    /// ISBN-10 check digit wrong.
    public static let gtinISBN10Checksum = FindingCode("gtin.isbn10-checksum")
    /// ISBN-10 converted.
    public static let gtinISBN10Converted = FindingCode("gtin.isbn10-converted")
    /// GTIN leading zero restored.
    public static let gtinLeadingZeroRestored = FindingCode("gtin.leading-zero-restored")
    /// GTIN of a wrong length.
    public static let gtinLength = FindingCode("gtin.length")
    /// GTIN that is not a product number.
    public static let gtinNotATradeItem = FindingCode("gtin.not-a-trade-item")
    /// GTIN with an unassigned prefix.
    public static let gtinPrefixUnassigned = FindingCode("gtin.prefix-unassigned")
    /// GTIN from a restricted-circulation range.
    public static let gtinRestrictedCirculation = FindingCode("gtin.restricted-circulation")
    /// GTIN damaged by a spreadsheet (scientific notation).
    public static let gtinScientificNotation = FindingCode("gtin.scientific-notation")
    /// Same GTIN on different products.
    public static let gtinShared = FindingCode("gtin.shared")
    /// GTIN with a spreadsheet's leading apostrophe.
    public static let gtinSpreadsheetApostrophe = FindingCode("gtin.spreadsheet-apostrophe")
    /// GTIN with a spreadsheet's `.0`.
    public static let gtinSpreadsheetDecimal = FindingCode("gtin.spreadsheet-decimal")
    /// 8 digits read as UPC-E.
    public static let gtinUPCEAssumed = FindingCode("gtin.upc-e-assumed")
    /// UPC-E expanded.
    public static let gtinUPCEExpanded = FindingCode("gtin.upc-e-expanded")
}

/// Prices, currencies and conversion.
extension FindingCode {
    /// No exchange rate for the currency.
    public static let conversionRateMissing = FindingCode("conversion.rate-missing")
    /// Ambiguous decimal separator.
    public static let priceAmbiguousDecimal = FindingCode("price.ambiguous-decimal")
    /// Compare-at price above the price.
    public static let priceCompareAt = FindingCode("price.compare-at")
    /// Currency written as a common alias.
    public static let priceCurrencyAlias = FindingCode("price.currency-alias")
    /// Ambiguous currency symbol.
    public static let priceCurrencyAmbiguous = FindingCode("price.currency-ambiguous")
    /// Currency assumed.
    public static let priceCurrencyAssumed = FindingCode("price.currency-assumed")
    /// Price names several currencies.
    public static let priceCurrencyConflict = FindingCode("price.currency-conflict")
    /// Currency taken from the source's country.
    public static let priceCurrencyFromCountry = FindingCode("price.currency-from-country")
    /// Price without a currency.
    public static let priceCurrencyMissing = FindingCode("price.currency-missing")
    /// Price in a withdrawn currency.
    public static let priceCurrencyObsolete = FindingCode("price.currency-obsolete")
    /// Shared currency symbol resolved from the source.
    public static let priceCurrencyResolved = FindingCode("price.currency-resolved")
    /// Currency taken from a statement about the source.
    public static let priceCurrencyStated = FindingCode("price.currency-stated")
    /// Price in an unknown currency.
    public static let priceCurrencyUnknown = FindingCode("price.currency-unknown")
    /// Ambiguous separator decided from context.
    public static let priceDecimalResolved = FindingCode("price.decimal-resolved")
    /// Price empty.
    public static let priceEmpty = FindingCode("price.empty")
    /// Only a price without VAT.
    public static let priceExcludingVATOnly = FindingCode("price.excluding-vat-only")
    /// Price text holds several amounts.
    public static let priceExtraAmounts = FindingCode("price.extra-amounts")
    /// More decimals than the currency has.
    public static let priceExtraPrecision = FindingCode("price.extra-precision")
    /// Free.
    public static let priceFree = FindingCode("price.free")
    /// Starting price.
    public static let priceFrom = FindingCode("price.from")
    /// Price amount malformed.
    public static let priceMalformedNumber = FindingCode("price.malformed-number")
    /// Price written in hundredths.
    public static let priceMinorUnit = FindingCode("price.minor-unit")
    /// Price is negative.
    public static let priceNegative = FindingCode("price.negative")
    /// Price without an amount.
    public static let priceNoAmount = FindingCode("price.no-amount")
    /// Price range.
    public static let priceRange = FindingCode("price.range")
    /// Sale price above price.
    public static let priceSaleAbovePrice = FindingCode("price.sale-above-price")
    /// Sale price worked out from a discount.
    public static let priceSaleFromDiscount = FindingCode("price.sale-from-discount")
    /// Space after the decimal mark repaired.
    public static let priceSpacingRepaired = FindingCode("price.spacing-repaired")
    /// Was/now price pair.
    public static let priceWasNow = FindingCode("price.was-now")
    /// Two bare amounts read as was/now.
    public static let priceWasNowInferred = FindingCode("price.was-now-inferred")
    /// Price is zero.
    public static let priceZero = FindingCode("price.zero")
}

/// Units, dimensions and package sizes.
extension FindingCode {
    /// Implausible package dimension.
    public static let packageDimensionImplausible = FindingCode("package.dimension-implausible")
    /// Implausible weight.
    public static let packageWeightImplausible = FindingCode("package.weight-implausible")
    /// Unit assumed.
    public static let unitAssumed = FindingCode("unit.assumed")
    /// Dimensions unreadable.
    public static let unitDimensionsUnreadable = FindingCode("unit.dimensions-unreadable")
    /// Unit taken from the source's configuration.
    public static let unitFromConfiguration = FindingCode("unit.from-configuration")
    /// Unit taken from the label.
    public static let unitFromLabel = FindingCode("unit.from-label")
    /// Package implausible for this kind of product.
    public static let unitImplausibleForItem = FindingCode("unit.implausible-for-item")
    /// Measurement without a unit.
    public static let unitMissing = FindingCode("unit.missing")
    /// Negative measurement.
    public static let unitNegative = FindingCode("unit.negative")
    /// Measurement in the shop's own unit, which the export does not name.
    public static let unitStoreSetting = FindingCode("unit.store-setting")
    /// Unknown unit.
    public static let unitUnknown = FindingCode("unit.unknown")
    /// Measurement unreadable.
    public static let unitUnreadable = FindingCode("unit.unreadable")
}

/// Fields, labels, values and texts.
extension FindingCode {
    /// Description too long.
    public static let descriptionTooLong = FindingCode("description.too-long")
    /// Field given twice with different values.
    public static let fieldConflict = FindingCode("field.conflict")
    /// Column outranked by another of the same key.
    public static let fieldOutranked = FindingCode("field.outranked")
    /// Availability read from the stock count.
    public static let availabilityFromStock = FindingCode("availability.from-stock")
    /// Availability read from a dispatch time of zero days.
    public static let availabilityFromDispatchTime = FindingCode("availability.from-dispatch-time")
    /// Required field missing.
    public static let fieldRequired = FindingCode("field.required")
    /// Unlabelled value not understood.
    public static let fieldUnlabelledIgnored = FindingCode("field.unlabelled-ignored")
    /// Unmapped label.
    public static let labelUnmapped = FindingCode("label.unmapped")
    /// Structured data disagrees with the page.
    public static let structuredDisagreesWithPage = FindingCode("structured.disagrees-with-page")
    /// Mojibake (wrongly decoded text).
    public static let textMojibake = FindingCode("text.mojibake")
    /// Replacement character in text.
    public static let textReplacementCharacter = FindingCode("text.replacement-character")
    /// Missing title.
    public static let titleMissing = FindingCode("title.missing")
    /// Title too long.
    public static let titleTooLong = FindingCode("title.too-long")
    /// Empty value.
    public static let valueEmpty = FindingCode("value.empty")
    /// Not a whole number.
    public static let valueNotANumber = FindingCode("value.not-a-number")
    /// Value not in the vocabulary.
    public static let valueNotInVocabulary = FindingCode("value.not-in-vocabulary")
}

/// Whole records: identity, usable price, duplicates.
extension FindingCode {
    /// No SKU, GTIN or MPN.
    public static let identifierMissing = FindingCode("identifier.missing")
    /// No usable price.
    public static let recordNoUsablePrice = FindingCode("record.no-usable-price")
    /// Record cannot be identified.
    public static let recordUnidentified = FindingCode("record.unidentified")
    /// Same SKU twice with different data.
    public static let skuDuplicate = FindingCode("sku.duplicate")
}

/// Service plans (care plans, extended warranties).
extension FindingCode {
    /// Claim fee in another currency than the price.
    public static let planClaimFeeCurrency = FindingCode("plan.claim-fee-currency")
    /// Claim fee not readable.
    public static let planClaimFeeUnreadable = FindingCode("plan.claim-fee-unreadable")
    /// Service plan without a covered product.
    public static let planNoCoveredProduct = FindingCode("plan.no-covered-product")
    /// Plan term differs between attribute and title.
    public static let planTermConflict = FindingCode("plan.term-conflict")
    /// Plan term longer than its maximum.
    public static let planTermExceedsMax = FindingCode("plan.term-exceeds-max")
}

/// Merging sources (`katalog merge`, `sync --merge`).
extension FindingCode {
    /// Same GTIN, different brand or MPN.
    public static let mergeIdentifiersDisagree = FindingCode("merge.identifiers-disagree")
    /// Sources disagree on the price.
    public static let mergePriceDisagrees = FindingCode("merge.price-disagrees")
}

extension FindingCode {
    /// Every code declared above, in declaration order: what `RuleCatalog` must document, no more and no less.
    public static let allDeclared: [FindingCode] = [
        .fileNothingImported, .inputAlreadyRead, .inputCompressedDamaged, .inputConfigurationSkipped, .inputNoReader, .inputNotACatalog, .inputReplayFailed,
        .inputUnreadable, .inputUnsupported, .inputWrittenByThisRun, .csvEmpty, .csvFieldTooLong, .csvInvalidEncoding, .csvNoRows,
        .csvParentLimit, .csvParentRow, .csvPlatform, .csvPreamble, .csvRaggedRow, .csvRowTooLong, .csvRuleUnmatched, .csvRunawayQuote, .csvStrayQuote,
        .csvTooManyCells, .csvUnterminatedQuote, .xlsxCellError, .xlsxCellOutOfRange, .xlsxFormulaUncalculated, .xlsxSharedStringMissing,
        .xlsxSheetEmpty, .xlsxSheetHidden, .xmlDTDIgnored, .xmlEntityBlocked, .xmlEntityBomb, .xmlMalformed,
        .xmlParserMessage, .xmlResynchronized, .xmlTextTooLong, .xmlTooManyMessages, .xmlTruncated, .jsonMalformed,
        .jsonNotAnObject, .jsonTruncated, .feedBadMapping, .feedGuessedItems, .feedItemIncomplete, .feedMarketAssumed,
        .feedNoItems, .encodingInvalidBytes, .encodingUnsupported, .htmlExtraProduct, .htmlNoProduct, .htmlReadAsHTML,
        .htmlRecovered, .htmlTooDeep, .htmlTruncated, .jsonLDInvalid, .jsonLDRepaired, .originMismatch,
        .textBoilerplateRemoved, .textEmpty, .gtinChecksum, .gtinCoupon, .gtinInvalidCharacters, .gtinISBN10Checksum,
        .gtinISBN10Converted, .gtinLeadingZeroRestored, .gtinLength, .gtinNotATradeItem, .gtinPrefixUnassigned,
        .gtinRestrictedCirculation, .gtinScientificNotation, .gtinShared, .gtinSpreadsheetApostrophe,
        .gtinSpreadsheetDecimal, .gtinUPCEAssumed, .gtinUPCEExpanded, .conversionRateMissing, .priceAmbiguousDecimal,
        .priceCompareAt, .priceCurrencyAlias, .priceCurrencyAmbiguous, .priceCurrencyAssumed, .priceCurrencyConflict,
        .priceCurrencyFromCountry, .priceCurrencyMissing, .priceCurrencyObsolete, .priceCurrencyResolved,
        .priceCurrencyStated, .priceCurrencyUnknown, .priceDecimalResolved, .priceEmpty, .priceExcludingVATOnly,
        .priceExtraAmounts, .priceExtraPrecision, .priceFree, .priceFrom, .priceMalformedNumber, .priceMinorUnit,
        .priceNegative, .priceNoAmount, .priceRange, .priceSaleAbovePrice, .priceSaleFromDiscount,
        .priceSpacingRepaired, .priceWasNow, .priceWasNowInferred, .priceZero, .packageDimensionImplausible,
        .packageWeightImplausible, .unitAssumed, .unitDimensionsUnreadable, .unitFromConfiguration, .unitFromLabel,
        .unitImplausibleForItem, .unitMissing, .unitNegative, .unitStoreSetting, .unitUnknown, .unitUnreadable, .descriptionTooLong,
        .fieldConflict, .fieldOutranked, .availabilityFromStock, .availabilityFromDispatchTime, .fieldRequired, .fieldUnlabelledIgnored, .labelUnmapped,
        .structuredDisagreesWithPage, .textMojibake, .textReplacementCharacter, .titleMissing, .titleTooLong,
        .valueEmpty, .valueNotANumber, .valueNotInVocabulary, .identifierMissing, .recordNoUsablePrice,
        .recordUnidentified, .skuDuplicate, .planClaimFeeCurrency, .planClaimFeeUnreadable, .planNoCoveredProduct,
        .planTermConflict, .planTermExceedsMax, .mergeIdentifiersDisagree, .mergePriceDisagrees,
    ]
}
