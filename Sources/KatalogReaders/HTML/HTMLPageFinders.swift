import KatalogCore

/// The finders of a page's own title, visible price and description, made once from a reader's
/// `HTMLPageConventions` (the names and weights of `Resources/html-page.json` by default).
struct HTMLPageFinders: Sendable {
    let title: PageTitleFinder
    let price: VisiblePriceFinder
    let description: DescriptionExtractor

    init(_ conventions: HTMLPageConventions) {
        let scorer = CandidateScorer(conventions)
        title = PageTitleFinder(scorer: scorer)
        price = VisiblePriceFinder(conventions: conventions, scorer: scorer)
        description = DescriptionExtractor(conventions: conventions)
    }
}
