import KatalogCore

/// The fixed CSV columns of the catalog (documented in `docs/catalog.md`). Attribute columns (`attr.<key>`)
/// follow these, sorted by key.
public enum ProductCSV {
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
        var severities = SeverityCounts()
        for diagnostic in product.diagnostics { severities.add(diagnostic.severity) }
        var codes: [String] = []
        for diagnostic in product.diagnostics where !codes.contains(diagnostic.code) { codes.append(diagnostic.code) }
        let gtin = product.gtin
        return [
            product.id, product.source.file, product.sourceKind.rawValue,
            product.source.record.map(String.init) ?? "", product.source.line.map(String.init) ?? "",
            product.title ?? "", product.sku ?? "", product.mpn ?? "", product.brand ?? "",
            gtin?.digits ?? "", gtin?.format?.rawValue ?? "", gtin.map { $0.isValid ? "true" : "false" } ?? "", gtin?.gtin14 ?? "", gtin?.raw ?? "", gtin?.facets.prefixClass?.rawValue ?? "", gtin?.facets.country ?? "",
            product.price?.money.amountText ?? "", product.price?.money.currency ?? "", product.price?.vat ?? "", product.price?.text ?? "",
            product.salePrice?.money.amountText ?? "", product.salePrice?.money.currency ?? "",
            product.convertedPrice?.money.amountText ?? "", product.convertedPrice?.money.currency ?? "",
            product.convertedPrice?.saleMoney?.amountText ?? "", product.convertedPrice?.rateText ?? "", product.convertedPrice?.rateDate ?? "",
            product.availability ?? "", product.condition ?? "", product.url ?? "",
            product.images.joined(separator: multiValueSeparator), product.category ?? "", product.itemGroupID ?? "",
            product.package.length?.valueText ?? "", product.package.width?.valueText ?? "", product.package.height?.valueText ?? "",
            product.package.grossWeight?.valueText ?? "", product.package.netWeight?.valueText ?? "", product.package.weight?.valueText ?? "",
            product.language ?? "", product.description ?? "",
        ] + ServicePlanCSV.cells(product) + [
            String(severities.error), String(severities.warning), String(severities.info), codes.joined(separator: " "),
        ]
    }

    /// Attribute cells by column name (`attr.plan_term`); several values of one key are joined.
    public static func attributeCells(_ product: Product) -> [String: String] {
        var cells: [String: String] = [:]
        for attribute in product.attributes {
            let column = "attr." + attribute.key
            if let existing = cells[column] {
                cells[column] = existing + multiValueSeparator + attribute.value
            } else {
                cells[column] = attribute.value
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
