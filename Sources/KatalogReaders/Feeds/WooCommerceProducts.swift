import KatalogCore

/// WooCommerce's REST API products (`GET /wp-json/wc/v3/products`, and exports made through it) as records: one
/// record per product object, its keys flattened as any JSON record's are (`dimensions.length`, `images.src`).
///
/// Recognised from structure: an object with the REST product schema's `permalink`, `regular_price` and
/// `stock_status` strings. The object is then read with WooCommerce's vocabulary (`hints.platform`
/// `woocommerce`): `regular_price` is the price and `price` the price being charged now (the sale price while on
/// sale), kept as `active_price`; `stock_status` (`instock`, `outofstock`, `onbackorder`) is the availability.
/// Weight and dimensions are in the store's units, which the API does not name: WooCommerce's defaults, kg and
/// cm, are assumed (`unit.from-configuration`); a store set otherwise needs `units` in the configuration.
enum WooCommerceProducts {
    /// The platform tag of WooCommerce's labels in the dictionary (`SourceHints.platform`).
    static let platform = "woocommerce"
    /// WooCommerce's default store units.
    static let weightUnit = "kg", lengthUnit = "cm"

    /// True for a product object of WooCommerce's REST API.
    static func isProduct(_ value: ParsedJSON) -> Bool {
        guard case .string? = value["permalink"], case .string? = value["regular_price"], case .string? = value["stock_status"] else { return false }
        return true
    }

    /// `base` with WooCommerce's platform and default units where the source's settings name none.
    static func hints(_ base: SourceHints) -> SourceHints {
        var hints = base
        if hints.platform == nil { hints.platform = platform }
        if hints.weightUnit == nil { hints.weightUnit = weightUnit }
        if hints.lengthUnit == nil { hints.lengthUnit = lengthUnit }
        return hints
    }
}
