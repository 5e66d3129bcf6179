import KatalogCore

/// The canonical JSON form of catalog records (documented in `docs/catalog-schema.json`).
public enum ProductJSON {
    public static func encode(_ product: Product) -> JSONValue {
        .object([
            "id": .string(product.id),
            "title": .string(product.title),
            "description": .string(product.description),
            "language": .string(product.language),
            "title_language": .string(product.titleLanguage),
            "description_language": .string(product.descriptionLanguage),
            "sku": .string(product.sku),
            "mpn": .string(product.mpn),
            "brand": .string(product.brand),
            "gtin": product.gtin.map(encode) ?? .null,
            "price": product.price.map(encode) ?? .null,
            "sale_price": product.salePrice.map(encode) ?? .null,
            "converted_price": product.convertedPrice.map(encode) ?? .null,
            "availability": .string(product.availability),
            "condition": .string(product.condition),
            "url": .string(product.url),
            "images": .array(product.images.map(JSONValue.string)),
            "category": .string(product.category),
            "item_group_id": .string(product.itemGroupID),
            "package": encode(product.package),
            "attributes": .array(product.attributes.map(encode)),
            "service_plan": product.servicePlan.map(ServicePlanJSON.encode) ?? .null,
            "provenance": .object(product.provenance.mapValues(encode)),
            "source": .object([
                "file": .string(product.source.file),
                "kind": .string(product.sourceKind.rawValue),
                "line": .int(product.source.line),
                "record": .int(product.source.record),
            ]),
            "diagnostics": .array(product.diagnostics.map { encode($0, withFile: false) }),
        ])
    }

    public static func encode(_ gtin: GTIN) -> JSONValue {
        .object([
            "raw": .string(gtin.raw),
            "digits": .string(gtin.digits),
            "format": .string(gtin.format?.rawValue),
            "valid": .bool(gtin.isValid),
            "gtin14": .string(gtin.gtin14),
            "expanded_from": .string(gtin.expandedFrom),
            "facets": encode(gtin.facets),
        ])
    }

    public static func encode(_ facets: GTINFacets) -> JSONValue {
        .object([
            "checksum": .string(facets.checksum.rawValue),
            "length_valid": .bool(facets.lengthValid),
            "prefix": .string(facets.prefix),
            "prefix_class": .string(facets.prefixClass?.rawValue),
            "gs1_country": .string(facets.country),
            "gs1_organisation": .string(facets.organisation),
            "trade_item": .bool(facets.isTradeItem),
        ])
    }

    public static func encode(_ price: Price) -> JSONValue {
        .object([
            "amount": .string(price.money.amountText),
            "currency": .string(price.money.currency),
            "text": .string(price.text),
            "vat": .string(price.vat),
        ])
    }

    public static func encode(_ converted: ConvertedPrice) -> JSONValue {
        .object([
            "amount": .string(converted.money.amountText),
            "currency": .string(converted.money.currency),
            "sale_amount": .string(converted.saleMoney?.amountText),
            "rate": .string(converted.rateText),
            "rate_date": .string(converted.rateDate),
            "rate_source": .string(converted.rateSource),
        ])
    }

    public static func encode(_ package: PackageInfo) -> JSONValue {
        .object([
            "length_mm": .decimal(package.length?.valueText),
            "width_mm": .decimal(package.width?.valueText),
            "height_mm": .decimal(package.height?.valueText),
            "gross_weight_g": .decimal(package.grossWeight?.valueText),
            "net_weight_g": .decimal(package.netWeight?.valueText),
            "weight_g": .decimal(package.weight?.valueText),
        ])
    }

    public static func encode(_ attribute: Attribute) -> JSONValue {
        .object([
            "key": .string(attribute.key),
            "mapped": .bool(attribute.isMapped),
            "label": .string(attribute.label),
            "value": .string(attribute.value),
            "original_value": .string(attribute.originalValue),
            "language": .string(attribute.language),
            "origin": .string(attribute.origin.rawValue),
            "line": .int(attribute.line),
        ])
    }

    public static func encode(_ provenance: FieldProvenance) -> JSONValue {
        .object([
            "label": .string(provenance.label),
            "value": .string(provenance.value),
            "origin": .string(provenance.origin.rawValue),
            "line": .int(provenance.line),
        ])
    }

    /// A diagnostic; inside a record the file and record number are the record's own and are left out.
    public static func encode(_ diagnostic: Diagnostic, withFile: Bool = true) -> JSONValue {
        var members: [String: JSONValue] = [
            "severity": .string(diagnostic.severity.rawValue),
            "code": .string(diagnostic.code),
            "message": .string(diagnostic.message),
            "line": .int(diagnostic.location.line),
            "field": .string(diagnostic.location.field),
        ]
        if withFile {
            members["file"] = .string(diagnostic.location.file)
            members["record"] = .int(diagnostic.location.record)
        }
        return .object(members)
    }

    public static func encode(_ field: RawField) -> JSONValue {
        .object([
            "role": .string(field.role.rawValue),
            "label": .string(field.label),
            "value": .string(field.value),
            "origin": .string(field.origin.rawValue),
            "line": .int(field.line),
        ])
    }

    public static func encode(_ rejected: RejectedRecord) -> JSONValue {
        .object([
            "id": .string(rejected.product.id),
            "source": .object([
                "file": .string(rejected.record.location.file),
                "kind": .string(rejected.record.kind.rawValue),
                "line": .int(rejected.record.location.line),
                "record": .int(rejected.record.location.record),
            ]),
            "reasons": .array(rejected.reasons.map(JSONValue.string)),
            "fields": .array(rejected.record.fields.map(encode)),
            "understood": encode(rejected.product),
            "diagnostics": .array(rejected.product.diagnostics.map { encode($0, withFile: false) }),
        ])
    }
}
