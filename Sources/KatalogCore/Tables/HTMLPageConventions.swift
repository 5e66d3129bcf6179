import Foundation

/// Words of HTML class, id and itemprop names that mark a page's price and description elements, in any language
/// (`Resources/html-page.json`). The HTML page reader finds the visible price and the description container with
/// them when a page has no structured data.
public struct HTMLPageConventions: Decodable, Sendable {
    /// Names containing one of these show a price (`product-price`, `kaina`).
    public var priceWords: [String]
    /// Whole name tokens that make a price-named element something other than the current price (`old-price`).
    public var notCurrentPriceWords: Set<String>
    /// Names containing one of these hold the description (`product-description`, `aprasymas`).
    public var descriptionWords: [String]

    enum CodingKeys: String, CodingKey {
        case priceWords = "price_words"
        case notCurrentPriceWords = "not_current_price_words"
        case descriptionWords = "description_words"
    }

    public static let shared = BundledData.decode(HTMLPageConventions.self, from: "html-page")
}
