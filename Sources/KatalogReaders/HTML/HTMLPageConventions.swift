import Foundation
import KatalogCore

/// Words of HTML class, id and itemprop names that mark a page's title, price and description elements, in any
/// language, and the weights that choose the product's own title and main price among several candidates
/// (`Resources/html-page.json`). The HTML page reader uses them when it reads a page's visible text.
public struct HTMLPageConventions: Decodable, Sendable {
    /// Names containing one of these show a price (`product-price`, `kaina`).
    public var priceWords: [String]
    /// Whole name tokens that make a price-named element something other than the current price (`old-price`).
    public var notCurrentPriceWords: Set<String>
    /// Names containing one of these hold the description (`product-description`, `aprasymas`).
    public var descriptionWords: [String]
    /// Name tokens (several, space-separated, all on one element) marking the product's own title, with weights.
    public var titleSignals: [String: Int]
    /// Added to an `<h1>`'s score as a title candidate.
    public var headingWeight: Int
    /// Name tokens marking the main price (`price main`, `current-price`), with weights.
    public var mainPriceSignals: [String: Int]
    /// Words inside an ancestor's class or id that make a candidate secondary (`accessor`, `carousel`), with
    /// (negative) weights.
    public var secondaryContainerWords: [String: Int]

    enum CodingKeys: String, CodingKey {
        case priceWords = "price_words"
        case notCurrentPriceWords = "not_current_price_words"
        case descriptionWords = "description_words"
        case titleSignals = "title_signals"
        case headingWeight = "heading_weight"
        case mainPriceSignals = "main_price_signals"
        case secondaryContainerWords = "secondary_container_words"
    }

    public static let builtIn = BundledData.decode(HTMLPageConventions.self, from: "html-page", in: .module, owner: "KatalogReaders")
}
