import KatalogCore

/// The fixed CSV columns of the catalog (documented in `docs/catalog.md`). Attribute columns (`attr.<key>`)
/// follow these, sorted by key.
///
/// Text cells that start like a spreadsheet formula are defused with a leading `'` (`CSVFormulaGuard`); the
/// numbers Katalog formats itself (`numericColumns`) are written as they are, so `-0.50` stays a number.
public enum ProductCSV {
    /// Columns whose cells are numbers Katalog wrote (amounts, rates, measures, counts): never defused.
    public static let numericColumns: Set<String> = [
        "source_record", "source_line",
        "price_amount", "sale_price_amount", "converted_price_amount", "converted_sale_price_amount", "conversion_rate",
        "package_length_mm", "package_width_mm", "package_height_mm", "gross_weight_g", "net_weight_g", "weight_g",
        "plan_term_months", "plan_max_term_months", "plan_claims_included", "plan_claim_fee_amount",
        "errors", "warnings", "infos",
    ]

    public static let coreColumns: [String] = [
        "id", "source_file", "source_kind", "source_record", "source_line",
        "title", "sku", "mpn", "brand",
        "gtin", "gtin_format", "gtin_valid", "gtin14", "gtin_raw", "gtin_prefix_class", "gtin_gs1_country",
        "price_amount", "price_currency", "price_vat", "price_text",
        "sale_price_amount", "sale_price_currency",
        "converted_price_amount", "converted_price_currency", "converted_sale_price_amount", "conversion_rate", "conversion_rate_date",
        "availability", "condition", "url", "images", "category", "item_group_id",
        "package_length_mm", "package_width_mm", "package_height_mm",
        "gross_weight_g", "net_weight_g", "weight_g",
        "language", "description",
    ] + ServicePlanCSV.columns + [
        "errors", "warnings", "infos", "diagnostic_codes",
    ]

    /// Separator for several values in one cell (images, repeated attributes).
    public static let multiValueSeparator = " | "

    /// The core cells of a record, in `coreColumns` order.
    public static func coreCells(_ product: Product) -> [String] {
        var list = CSVCellList()
        writeCoreCells(product, numbers: ProductNumbers(product), into: &list)
        return list.cells
    }

    /// Feeds the core cells of a record to `sink`, in `coreColumns` order.
    static func writeCoreCells<Sink: CSVCellSink>(_ product: Product, numbers: ProductNumbers, into sink: inout Sink) {
        let gtin = product.gtin
        sink.cell(product.id); sink.cell(product.source.file); sink.cell(product.sourceKind.rawValue)
        sink.cell(product.source.record); sink.cell(product.source.line)
        sink.cell(product.title); sink.cell(product.sku); sink.cell(product.mpn); sink.cell(product.brand)
        sink.cell(gtin?.digits); sink.cell(gtin?.format?.rawValue); sink.cell(gtin.map { $0.isValid ? "true" : "false" })
        sink.cell(numbers.gtin14); sink.cell(gtin?.raw); sink.cell(gtin?.facets.prefixClass?.rawValue); sink.cell(gtin?.facets.country)
        sink.number(numbers.priceAmount); sink.cell(product.price?.money.currency); sink.cell(product.price?.vat); sink.cell(product.price?.text)
        sink.number(numbers.salePriceAmount); sink.cell(product.salePrice?.money.currency)
        sink.number(numbers.convertedAmount); sink.cell(product.convertedPrice?.money.currency)
        sink.number(numbers.convertedSaleAmount); sink.number(numbers.conversionRate); sink.cell(product.convertedPrice?.rateDate)
        sink.cell(product.availability); sink.cell(product.condition); sink.cell(product.url)
        sink.cell(joining: product.images, separator: multiValueSeparator); sink.cell(product.category); sink.cell(product.itemGroupID)
        sink.number(numbers.length); sink.number(numbers.width); sink.number(numbers.height)
        sink.number(numbers.grossWeight); sink.number(numbers.netWeight); sink.number(numbers.weight)
        sink.cell(product.language); sink.cell(product.description)
        ServicePlanCSV.writeCells(product, into: &sink)
        var severities = SeverityCounts()
        var codes: [FindingCode] = []
        for diagnostic in product.diagnostics {
            severities.add(diagnostic.severity)
            if !codes.contains(diagnostic.code) { codes.append(diagnostic.code) }
        }
        sink.cell(severities.error); sink.cell(severities.warning); sink.cell(severities.info)
        sink.cell(joining: codes.lazy.map(\.rawValue), separator: " ")
    }

    /// What an attribute's column name starts with; the attribute's key follows.
    static let attributePrefix: StaticString = "attr."

    /// The column of the attributes with `key` (`attr.plan_term`).
    static func attributeColumn(_ key: String) -> String { attributePrefix.description + key }

    /// Attribute cells by column name (`attr.plan_term`); several values of one key are joined. The values are
    /// as found: `attributeCellList`, which the writer uses, defuses formula-like ones.
    public static func attributeCells(_ product: Product) -> [String: String] {
        var cells: [String: String] = [:]
        for attribute in product.attributes {
            let column = attributeColumn(attribute.key)
            if let existing = cells[column] {
                cells[column] = existing + multiValueSeparator + attribute.value
            } else {
                cells[column] = attribute.value
            }
        }
        return cells
    }

    /// `attributeCells` as a list by key (the column is `attr.` and the key), in order of first appearance; keys
    /// match as `String`s do, as in a dictionary. Keys, not column names: making a column name costs a new string.
    static func attributeCellList(_ product: Product) -> [(key: String, value: String)] {
        var cells: [(key: String, value: String)] = []
        cells.reserveCapacity(product.attributes.count)
        // A linear search suits the usual few attributes; a dictionary guards against records with hundreds.
        var indexByKey: [String: Int]? = product.attributes.count > 16 ? [:] : nil
        for attribute in product.attributes {
            let existing = indexByKey != nil ? indexByKey?[attribute.key] : cells.firstIndex { $0.key == attribute.key }
            if let existing {
                cells[existing].value += multiValueSeparator + attribute.value
            } else {
                indexByKey?[attribute.key] = cells.count
                cells.append((attribute.key, attribute.value))
            }
        }
        return cells
    }

    /// One RFC 4180 field: quoted when it holds a comma, quote, CR, LF or leading/trailing space.
    public static func escape(_ cell: String) -> String {
        let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || cell.first == " " || cell.last == " "
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One CSV line with CRLF ending.
    public static func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\r\n"
    }
}
