/// Fields a configuration declares required (`required: [gtin, brand]`) must be present on every record.
public struct RequiredFieldRule: RecordRule {
    public let code: FindingCode = .fieldRequired
    public let title = "Required field missing"
    public let defaultSeverity = Severity.error
    public let explanation = "A configuration file may list canonical fields every record must have (`required: [gtin, brand, image]`), for example the ones a marketplace demands. A record without one gets this finding for each missing field. Nothing is required unless configured; the record is still imported unless `field.required` is added to the `reject` policy."
    public let example = "`required: [brand]` in the configuration, and a page without a `Gamintojas` (manufacturer) line."

    public init() {}

    public func check(_ product: Product) -> [Finding] { [] }

    public func check(_ product: Product, context: RuleContext) -> [Finding] {
        context.settings.requiredFields.compactMap { field in
            Self.isPresent(field, in: product) ? nil : finding("The required field \"\(field)\" is missing.")
        }
    }

    static func isPresent(_ field: String, in product: Product) -> Bool {
        switch field {
        case "title": product.title != nil
        case "description": product.description != nil
        case "sku": product.sku != nil
        case "mpn": product.mpn != nil
        case "brand": product.brand != nil
        case "gtin": product.gtin?.isValid == true
        case "price": product.price != nil
        case "sale_price": product.salePrice != nil
        case "availability": product.availability != nil
        case "condition": product.condition != nil
        case "url": product.url != nil
        case "image": !product.images.isEmpty
        case "category": product.category != nil
        case "item_group_id": product.itemGroupID != nil
        case "weight": product.package.weight != nil || product.package.grossWeight != nil || product.package.netWeight != nil
        case "package_dimensions": product.package.length != nil && product.package.width != nil && product.package.height != nil
        default: product.attributes.contains { $0.key == field }
        }
    }
}
