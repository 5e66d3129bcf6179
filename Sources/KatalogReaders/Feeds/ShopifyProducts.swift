import KatalogCore

/// Shopify's product JSON — the storefront's public `/products.json` and the Admin API's `products` — as records:
/// one record per variant, since a variant is what is sold (its own SKU, price, barcode and weight).
///
/// Recognised from structure, not a file name: an object with a `handle` and a `variants` array of objects.
/// Each record has, in order:
/// - the product's `id`, `title`, `handle`, `body_html`, `vendor`, `product_type` and `tags` (an array or
///   Shopify's comma-separated string, one field per tag), labelled as written;
/// - the variant's keys labelled `variants.<key>` (`variants.sku`, `variants.price`, `variants.compare_at_price`,
///   `variants.barcode`, `variants.id`, `variants.title`, `variants.available`, `variants.inventory_quantity`);
///   the Admin API's `weight` + `weight_unit` becomes `variants.weight` `0.25 kg`, else the storefront's `grams`
///   `variants.grams` `250 g` (units as the platform defines them);
/// - the variant's option values labelled with the product's option names (`option1` of option `Size` →
///   `Size: M`); Shopify's placeholder option (`Title: Default Title`) is left out;
/// - the currency of an Admin API `presentment_prices` entry whose amount is the variant's price, as `currency`
///   (the storefront JSON names no currency, so its prices' currency is left to other evidence or the source's
///   settings);
/// - images: the variant's own (`featured_image`, or the product image its `image_id` names) first, then the
///   product's, each as `images.src`.
///
/// Every other key is left out: timestamps, positions, `status`, `published_scope`, `taxable`,
/// `requires_shipping`, template and API bookkeeping (`admin_graphql_api_id`,
/// `inventory_item_id`, `variant_ids`), image sizes and alt texts. Meaning is the label dictionary's `shopify`
/// vocabulary.
enum ShopifyProducts {
    /// The platform tag of Shopify's labels in the dictionary (`SourceHints.platform`).
    static let platform = "shopify"

    /// True for a Shopify product object of `products.json` or the Admin API. The storefront's AJAX shape
    /// (`/products/<handle>.js`) is not: its prices are JSON numbers in cents (`4995`), where these give strings
    /// in the currency's units (`"49.95"`).
    static func isProduct(_ value: ParsedJSON) -> Bool {
        guard case .string? = value["handle"], case let .array(variants)? = value["variants"] else { return false }
        let objects = variants.filter(\.isObject)
        let pricedInCents = objects.contains { if case .number? = $0["price"] { true } else { false } }
        return !objects.isEmpty && !pricedInCents
    }

    static let productKeys = ["id", "title", "handle", "body_html", "vendor", "product_type"]
    /// With the stock count, whether Shopify keeps it (`inventory_management`: `shopify`, or null when the variant's
    /// stock is not counted) and whether it sells without stock (`inventory_policy`: `continue`), which decide the
    /// availability the count gives (`availability.json`).
    static let variantKeys = ["id", "title", "sku", "price", "compare_at_price", "barcode", "available", "inventory_quantity",
                              "inventory_management", "inventory_policy"]

    /// The line of the first key of `object` in a document whose parsed text starts on `line`.
    static func line(of object: ParsedJSON, base line: Int) -> Int {
        line + max((object.members.first?.line ?? 1) - 1, 0)
    }

    /// Each variant's record: its line (the variant object's first key) and fields, in variant order.
    static func records(of product: ParsedJSON, line base: Int) -> [(line: Int, fields: [RawField])] {
        let productLine = line(of: product, base: base)
        func fieldAt(_ line: Int, _ label: String, _ value: String) -> RawField {
            RawField(label: label, value: value, origin: .jsonKey, line: line)
        }
        var common: [RawField] = []
        for key in productKeys {
            if let text = product[key]?.scalarText, !text.isEmpty { common.append(fieldAt(productLine, key, text)) }
        }
        for tag in tags(product["tags"]) { common.append(fieldAt(productLine, "tags", tag)) }
        let optionNames = product["options"]?.elements.compactMap { $0["name"]?.scalarText } ?? []
        let images = product["images"]?.elements ?? []
        let productImages = images.compactMap { $0["src"]?.scalarText }.filter { !$0.isEmpty }
            + [product["image"]?["src"]?.scalarText].compactMap { $0 }.filter { !$0.isEmpty }

        return (product["variants"]?.elements ?? []).filter(\.isObject).map { variant in
            let variantLine = line(of: variant, base: base)
            func field(_ label: String, _ value: String) -> RawField { fieldAt(variantLine, label, value) }
            var fields = common
            for key in variantKeys {
                if let text = variant[key]?.scalarText, !text.isEmpty { fields.append(field("variants." + key, text)) }
            }
            // The Admin API's `weight` + `weight_unit` is the weight as the merchant entered it (`grams` is its
            // deprecated rounded copy, often 0 there); the storefront JSON has `grams` only.
            if let weight = variant["weight"]?.scalarText, !weight.isEmpty, let unit = variant["weight_unit"]?.scalarText, !unit.isEmpty {
                fields.append(field("variants.weight", FeedSpecifiedUnit.apply(unit, to: weight)))
            } else if let grams = variant["grams"]?.scalarText, !grams.isEmpty {
                fields.append(field("variants.grams", FeedSpecifiedUnit.apply("g", to: grams)))
            }
            for (index, name) in optionNames.enumerated() where index < 3 {
                guard let value = variant["option\(index + 1)"]?.scalarText, !value.isEmpty, !name.isEmpty else { continue }
                if name == "Title" && value == "Default Title" { continue }
                fields.append(field(name, value))
            }
            if let currency = presentmentCurrency(of: variant) { fields.append(field("currency", currency)) }
            var variantImages: [String] = []
            if let src = variant["featured_image"]?["src"]?.scalarText, !src.isEmpty { variantImages.append(src) }
            if let imageID = variant["image_id"]?.scalarText,
               let src = images.first(where: { $0["id"]?.scalarText == imageID })?["src"]?.scalarText, !src.isEmpty {
                variantImages.append(src)
            }
            var seen = Set<String>()
            for src in variantImages + productImages where seen.insert(src).inserted { fields.append(field("images.src", src)) }
            return (variantLine, fields)
        }
    }

    /// Shopify tags: a JSON array (Admin GraphQL exports) or one comma-separated string (REST, storefront).
    static func tags(_ value: ParsedJSON?) -> [String] {
        guard let value else { return [] }
        let raw: [String] = if case .array(let items) = value { items.compactMap(\.scalarText) } else { (value.scalarText ?? "").split(separator: ",").map(String.init) }
        return raw.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// The currency of the `presentment_prices` entry priced exactly as the variant (`"19.99"` = `"19.99"`):
    /// the shop's own currency. Entries at other amounts are other markets' prices and say nothing about it.
    static func presentmentCurrency(of variant: ParsedJSON) -> String? {
        guard let price = variant["price"]?.scalarText else { return nil }
        for entry in variant["presentment_prices"]?.elements ?? [] {
            guard let money = entry["price"], money["amount"]?.scalarText == price,
                  let code = money["currency_code"]?.scalarText, !code.isEmpty else { continue }
            return code
        }
        return nil
    }
}
