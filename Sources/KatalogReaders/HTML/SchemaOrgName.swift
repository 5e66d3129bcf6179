import KatalogCore

/// schema.org type and property names as written in any syntax: `Product`, `schema:Product`,
/// `https://schema.org/Product`, `http://schema.org/Product#x`.
enum SchemaOrgName {
    /// The local name: text after the last `/`, `#` or `:`.
    static func local(_ name: String) -> String {
        let trimmed = MarkupText.trimmed(name)
        if let cut = trimmed.lastIndex(where: { $0 == "/" || $0 == "#" || $0 == ":" }) {
            return String(trimmed[trimmed.index(after: cut)...])
        }
        return trimmed
    }

    /// Local type names of a JSON-LD/microdata/RDFa `@type` value (string or array of strings).
    static func types(of value: ParsedJSON?) -> [String] {
        guard let value else { return [] }
        return value.elements.compactMap(\.scalarText).flatMap { $0.split(separator: " ").map { local(String($0)) } }
    }

    static let productTypes: Set<String> = ["Product", "IndividualProduct", "ProductModel", "SomeProducts", "Vehicle", "Car"]
    static let groupTypes: Set<String> = ["ProductGroup"]

    /// `CreativeWork` types that shops sell; with `offers` they are read as products.
    static let creativeWorkTypes: Set<String> = [
        "CreativeWork", "Book", "Audiobook", "Movie", "MusicAlbum", "MusicRecording", "VideoGame", "Game",
        "SoftwareApplication", "MobileApplication", "WebApplication", "VideoObject", "Periodical", "ComicIssue",
        "ComicSeries", "BookSeries", "Map", "Painting", "Photograph", "Sculpture", "VisualArtwork", "SheetMusic",
        "TVSeries", "TVSeason", "MovieSeries", "Course", "DigitalDocument", "3DModel",
    ]

    /// Whether a type describes a page that is about something other than a product: an event, an article, a
    /// recipe, a job. (Pages about products also carry `WebPage`, `Organization`, `BreadcrumbList`: those say
    /// nothing.)
    static func isNonProductSubject(_ type: String) -> Bool {
        type.hasSuffix("Event") || type.hasSuffix("Article") || ["BlogPosting", "Recipe", "JobPosting", "HowTo", "LiveBlogPosting", "Review"].contains(type)
    }
}
