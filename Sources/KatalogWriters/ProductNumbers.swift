import KatalogCore

/// The decimal texts of one record (`58.99`, `0.25`), formatted once and shared by its JSON and CSV forms:
/// decimal formatting is one of the dearer steps of writing a record. The GTIN-14 form too (`GTIN.gtin14` counts
/// `Character`s).
struct ProductNumbers {
    var gtin14: String?
    var priceAmount: String?
    var salePriceAmount: String?
    var convertedAmount: String?
    var convertedSaleAmount: String?
    var conversionRate: String?
    var length: String?
    var width: String?
    var height: String?
    var grossWeight: String?
    var netWeight: String?
    var weight: String?

    init(_ product: borrowing Product) {
        gtin14 = product.gtin?.gtin14
        priceAmount = product.price?.money.amountText
        salePriceAmount = product.salePrice?.money.amountText
        if let converted = product.convertedPrice {
            convertedAmount = converted.money.amountText
            convertedSaleAmount = converted.saleMoney?.amountText
            conversionRate = converted.rateText
        }
        let package = product.package
        length = package.length?.valueText
        width = package.width?.valueText
        height = package.height?.valueText
        grossWeight = package.grossWeight?.valueText
        netWeight = package.netWeight?.valueText
        weight = package.weight?.valueText
    }
}
