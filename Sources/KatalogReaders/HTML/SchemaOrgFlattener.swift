import KatalogCore

/// Turns one schema.org Product (from JSON-LD, microdata or RDFa, all as `ParsedJSON`) into raw fields labelled by
/// property path: `name`, `offers.price`, `brand` (a Brand object flattened to its name), `weight` as
/// `"0.02 KGM"`, and one field per `additionalProperty` labelled by its `name`.
///
/// Nothing is interpreted: values stay as written. Unknown nested objects are flattened by path
/// (`offers.seller`), reviews and ratings are left out, and nesting is cut at a fixed depth.
struct SchemaOrgFlattener {
    var origin: FieldOrigin
    /// Added to member lines (a JSON-LD block's first line); 0 when lines are already absolute.
    var lineOffset: Int
    /// Resolves `{"@id": …}` references to the full node when the page has it.
    var resolve: (ParsedJSON) -> ParsedJSON

    static let maxDepth = 8

    static let skippedProperties: Set<String> = [
        "review", "reviews", "aggregateRating", "hasVariant", "isVariantOf", "potentialAction", "isRelatedTo",
        "isSimilarTo", "isAccessoryOrSparePartFor", "isConsumableFor", "subjectOf", "hasMerchantReturnPolicy",
        "shippingDetails", "mainEntityOfPage", "itemOffered", "variesBy", "eligibleRegion", "areaServed",
        "interactionStatistic", "audience", "hasEnergyConsumptionDetails", "seller", "priceValidUntil", "validFrom",
        "validThrough", "offerCount", "highPrice", "valueAddedTaxIncluded", "priceType", "eligibleQuantity",
        "referenceQuantity", "inventoryLevel", "deliveryLeadTime", "availabilityStarts", "availabilityEnds",
    ]

    /// `priceType` values that mark a price the shopper does not pay now (a crossed-out list price).
    static let notCurrentPriceTypes = ["StrikethroughPrice", "ListPrice", "MSRP", "SRP", "InvoicePrice", "MinimumAdvertisedPrice"]

    /// Types whose whole value is their `name` (a brand, an organization, a country, …).
    static let namedThings: Set<String> = [
        "Brand", "Organization", "Corporation", "Person", "Country", "Place", "Thing", "DefinedTerm", "OnlineStore",
        "Store", "LocalBusiness", "CategoryCode", "Audience", "PeopleAudience",
    ]

    func fields(of product: ParsedJSON, line: Int) -> [RawField] {
        var fields: [RawField] = []
        flattenMembers(of: resolve(product), prefix: "", depth: 0, into: &fields)
        return fields
    }

    private func flattenMembers(of object: ParsedJSON, prefix: String, depth: Int, into fields: inout [RawField]) {
        guard depth < Self.maxDepth else { return }
        for member in object.members {
            guard !member.key.hasPrefix("@") else { continue }
            let key = SchemaOrgName.local(member.key)
            guard !key.isEmpty, !Self.skippedProperties.contains(key) else { continue }
            let line = member.line + lineOffset
            if key == "additionalProperty" || key == "additionalProperties" {
                for element in member.value.elements { propertyValue(resolve(element), line: line, into: &fields) }
                continue
            }
            // Offers nested in an AggregateOffer keep the plain `offers.` path.
            let label = prefix.isEmpty ? key : (key == "offers" && prefix == "offers" ? prefix : "\(prefix).\(key)")
            flatten(member.value, label: label, line: line, depth: depth, into: &fields)
        }
    }

    private func flatten(_ raw: ParsedJSON, label: String, line: Int, depth: Int, into fields: inout [RawField]) {
        let value = resolve(raw)
        switch value {
        case .array(let elements):
            for element in elements { flatten(element, label: label, line: line, depth: depth + 1, into: &fields) }
        case .null:
            return
        case .string, .number, .bool:
            append(label, value.scalarText, line: line, into: &fields)
        case .object:
            if let priceType = value["priceType"]?.scalarText.map(SchemaOrgName.local), Self.notCurrentPriceTypes.contains(priceType) {
                return
            }
            let types = Set(SchemaOrgName.types(of: value["@type"]))
            if let quantity = Self.quantityText(value) {
                append(label, quantity, line: line, into: &fields)
            } else if !types.isDisjoint(with: Self.namedThings) || (types.isEmpty && value.members.count <= 2 && value["name"] != nil) {
                append(label, value["name"]?.scalarText, line: line, into: &fields)
            } else if types.contains("ImageObject") || types.contains("MediaObject") {
                append(label, (value["contentUrl"] ?? value["url"])?.scalarText, line: line, into: &fields)
            } else if types.contains("PropertyValue") {
                append(label, Self.valueWithUnit(value), line: line, into: &fields)
            } else {
                flattenMembers(of: value, prefix: label, depth: depth + 1, into: &fields)
            }
        }
    }

    private func propertyValue(_ property: ParsedJSON, line: Int, into fields: inout [RawField]) {
        guard let name = (property["name"] ?? property["propertyID"])?.scalarText else { return }
        append(name, Self.valueWithUnit(property), line: line, into: &fields)
    }

    private func append(_ label: String, _ text: String?, line: Int, into fields: inout [RawField]) {
        guard let text else { return }
        let value = MarkupText.trimmed(text)
        guard !value.isEmpty else { return }
        fields.append(RawField(role: .labelled, label: label, value: value, origin: origin, line: line > 0 ? line : nil))
    }

    /// `"14 CMT"` for a QuantitativeValue (`value` + `unitCode`, else `unitText`); nil for other objects.
    static func quantityText(_ value: ParsedJSON) -> String? {
        let types = SchemaOrgName.types(of: value["@type"])
        let hasUnit = value["unitCode"] != nil || value["unitText"] != nil
        guard types.contains("QuantitativeValue") || (types.isEmpty && hasUnit && value["value"] != nil) else { return nil }
        return valueWithUnit(value)
    }

    /// `value` followed by its unit code or text, when there is one.
    static func valueWithUnit(_ value: ParsedJSON) -> String? {
        let amount: String?
        if let inner = value["value"], inner.isObject {
            amount = quantityText(inner)
        } else {
            amount = (value["value"] ?? value["minValue"])?.scalarText
        }
        guard let amount else { return nil }
        let unit = (value["unitCode"] ?? value["unitText"])?.scalarText.map(MarkupText.trimmed)
        if let unit, !unit.isEmpty, !amount.contains(" ") { return "\(amount) \(unit)" }
        return amount
    }
}
