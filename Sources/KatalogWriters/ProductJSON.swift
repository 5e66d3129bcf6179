import Foundation
import KatalogCore

/// The canonical JSON form of catalog records (documented in `docs/catalog-schema.json`), written straight to
/// bytes. Every object lists its keys in byte order, the order of the files (debug builds check it).
enum ProductJSON {
    static func write(_ product: Product, numbers: ProductNumbers, to json: inout JSONWriter) {
        json.beginObject()
        json.key("attributes"); json.array(product.attributes, write)
        json.string("availability", product.availability)
        json.string("brand", product.brand)
        json.string("category", product.category)
        json.string("condition", product.condition)
        json.key("converted_price"); json.optional(product.convertedPrice) { converted, json in
            write(converted, numbers: numbers, to: &json)
        }
        json.string("description", product.description)
        json.string("description_language", product.descriptionLanguage)
        json.key("diagnostics"); json.array(product.diagnostics) { write($0, withFile: false, to: &$1) }
        json.key("gtin"); json.optional(product.gtin) { write($0, gtin14: numbers.gtin14, to: &$1) }
        json.string("id", product.id)
        json.key("images"); json.array(product.images)
        json.string("item_group_id", product.itemGroupID)
        json.string("language", product.language)
        json.string("mpn", product.mpn)
        json.key("package"); writePackage(numbers, to: &json)
        json.key("price")
        if product.price == nil, let unresolved = product.priceWithoutCurrency {
            // Only rejected records get here (a record without a usable price is rejected): the amount that was
            // understood, with the currency nothing decided left null.
            json.beginObject()
            json.string("amount", Self.plainAmount(unresolved.amount))
            json.string("currency", nil)
            json.string("text", unresolved.text)
            json.string("vat", nil)
            json.endObject()
        } else {
            json.optional(product.price) { write($0, amount: numbers.priceAmount, to: &$1) }
        }
        json.key("provenance"); writeProvenance(of: product, to: &json)
        json.key("sale_price"); json.optional(product.salePrice) { write($0, amount: numbers.salePriceAmount, to: &$1) }
        json.key("service_plan"); json.optional(product.servicePlan, ServicePlanJSON.write)
        json.string("sku", product.sku)
        json.key("source")
        json.beginObject()
        json.string("file", product.source.file)
        json.string("kind", product.sourceKind.rawValue)
        json.int("line", product.source.line)
        json.int("record", product.source.record)
        json.endObject()
        json.string("title", product.title)
        json.string("title_language", product.titleLanguage)
        json.string("url", product.url)
        json.endObject()
    }

    /// A GTIN; `gtin14` is its `gtin14`, already worked out.
    static func write(_ gtin: GTIN, gtin14: String?, to json: inout JSONWriter) {
        json.beginObject()
        json.string("digits", gtin.digits)
        json.string("expanded_from", gtin.expandedFrom)
        json.key("facets"); write(gtin.facets, to: &json)
        json.string("format", gtin.format?.rawValue)
        json.string("gtin14", gtin14)
        json.string("raw", gtin.raw)
        json.bool("valid", gtin.isValid)
        json.endObject()
    }

    static func write(_ facets: GTINFacets, to json: inout JSONWriter) {
        json.beginObject()
        json.string("checksum", facets.checksum.rawValue)
        json.string("gs1_country", facets.country)
        json.string("gs1_organisation", facets.organisation)
        json.bool("length_valid", facets.lengthValid)
        json.string("prefix", facets.prefix)
        json.string("prefix_class", facets.prefixClass?.rawValue)
        json.bool("trade_item", facets.isTradeItem)
        json.endObject()
    }

    /// A price; `amount` is its formatted amount when already known.
    static func write(_ price: Price, amount: String? = nil, to json: inout JSONWriter) {
        json.beginObject()
        json.string("amount", amount ?? price.money.amountText)
        json.string("currency", price.money.currency)
        json.string("text", price.text)
        json.string("vat", price.vat)
        json.endObject()
    }

    static func write(_ converted: ConvertedPrice, numbers: ProductNumbers, to json: inout JSONWriter) {
        json.beginObject()
        json.string("amount", numbers.convertedAmount)
        json.string("currency", converted.money.currency)
        json.string("rate", numbers.conversionRate)
        json.string("rate_date", converted.rateDate)
        json.string("rate_source", converted.rateSource)
        json.string("sale_amount", numbers.convertedSaleAmount)
        json.endObject()
    }

    static func writePackage(_ numbers: ProductNumbers, to json: inout JSONWriter) {
        json.beginObject()
        json.number("gross_weight_g", numbers.grossWeight)
        json.number("height_mm", numbers.height)
        json.number("length_mm", numbers.length)
        json.number("net_weight_g", numbers.netWeight)
        json.number("weight_g", numbers.weight)
        json.number("width_mm", numbers.width)
        json.endObject()
    }

    static func write(_ attribute: Attribute, to json: inout JSONWriter) {
        json.beginObject()
        json.string("key", attribute.key)
        json.string("label", attribute.label)
        json.string("language", attribute.language)
        json.int("line", attribute.line)
        json.bool("mapped", attribute.isMapped)
        json.string("origin", attribute.origin.rawValue)
        // The text as written only where normalizing changed it (`juoda` → `black`), as in provenance.
        if attribute.originalValue != attribute.value { json.string("original_value", attribute.originalValue) }
        json.string("value", attribute.value)
        json.endObject()
    }

    /// Field provenance by field name, names in byte order; each entry's raw `value` only where it differs from the
    /// text the record writes at the field's place (`RecordedText`).
    static func writeProvenance(of product: Product, to json: inout JSONWriter) {
        let provenance = product.provenance
        json.beginObject()
        // The dictionary's indices are put in order, not (key, entry) pairs, by packed names: field names fit in
        // them, and the same packed name then finds the field's place. The few indices sort on the stack.
        typealias Entry = (name: PackedName, index: Dictionary<String, FieldProvenance>.Index)
        withUnsafeTemporaryAllocation(of: Entry.self, capacity: provenance.count) { order in
            var order = order
            for (slot, index) in zip(order.indices, provenance.indices) {
                order.initializeElement(at: slot, to: (PackedName(provenance.keys[index]), index))
            }
            order.sort { a, b in
                a.name.precedes(b.name) ?? JSONValue.byteOrder(provenance.keys[a.index], provenance.keys[b.index])
            }
            for (name, index) in order {
                let entry = provenance.values[index]
                json.key(provenance.keys[index])
                json.beginObject()
                if let evidence = entry.evidence { json.string("evidence", evidence) }
                json.string("label", entry.label)
                json.int("line", entry.line)
                json.string("origin", entry.origin.rawValue)
                if RecordedText.Field(name)?.text(in: product) != entry.value { json.string("value", entry.value) }
                json.endObject()
            }
            _ = order.deinitialize()
        }
        json.endObject()
    }

    /// A diagnostic; inside a record the file and record number are the record's own and are left out.
    static func write(_ diagnostic: Diagnostic, withFile: Bool = true, to json: inout JSONWriter) {
        json.beginObject()
        json.string("code", diagnostic.code.rawValue)
        json.string("field", diagnostic.location.field)
        if withFile { json.string("file", diagnostic.location.file) }
        json.int("line", diagnostic.location.line)
        json.string("message", diagnostic.message)
        if withFile { json.int("record", diagnostic.location.record) }
        json.string("severity", diagnostic.severity.rawValue)
        json.endObject()
    }

    static func write(_ field: RawField, to json: inout JSONWriter) {
        json.beginObject()
        json.string("label", field.label)
        json.int("line", field.line)
        json.string("origin", field.origin.rawValue)
        json.string("role", field.role.rawValue)
        json.string("value", field.value)
        json.endObject()
    }

    /// An amount whose currency is unknown: two decimals when it has at most two (`34.0000` → `34.00`), else exact.
    static func plainAmount(_ amount: Decimal) -> String {
        let exact = DecimalFormatting.fixed(amount, fractionDigits: 6)
        let trimmed = exact.contains(".") ? String(exact.reversed().drop { $0 == "0" }.reversed()) : exact
        let decimals = trimmed.split(separator: ".").dropFirst().first?.count ?? 0
        return decimals <= 2 ? DecimalFormatting.fixed(amount, fractionDigits: 2) : trimmed
    }

    /// A line of `rejects.jsonl`: the record as read, why it was rejected, and what was understood of it.
    static func write(_ rejected: RejectedRecord, to json: inout JSONWriter) {
        json.beginObject()
        json.key("diagnostics"); json.array(rejected.product.diagnostics) { write($0, withFile: false, to: &$1) }
        json.key("fields"); json.array(rejected.record.fields, write)
        json.string("id", rejected.product.id)
        json.key("reasons"); json.array(rejected.reasons.map(\.rawValue))
        json.key("source")
        json.beginObject()
        json.string("file", rejected.record.location.file)
        json.string("kind", rejected.record.kind.rawValue)
        json.int("line", rejected.record.location.line)
        json.int("record", rejected.record.location.record)
        json.endObject()
        json.key("understood"); write(rejected.product, numbers: ProductNumbers(rejected.product), to: &json)
        json.endObject()
    }
}
