/// The product name a page shows.
///
/// Candidates are the `<h1>`s and the elements whose class, id or itemprop marks a product title
/// (`#productTitle`, `.product-title`, … from `Resources/html-page.json`), outside page chrome — hidden elements
/// (`hidden`, `aria-hidden="true"`, `display:none`, hiding classes) are chrome and never candidates. Each is
/// scored by `CandidateScorer` (an `<h1>` and a title name add, an accessory or carousel around it subtracts, a
/// title name repeated on cards with other texts adds nothing); the highest wins, the first on a tie. Without a candidate: an `<h1>` kept inside chrome (marked as structured
/// data), else `<title>`.
struct PageTitleFinder {
    /// Longer text is not a product title (a whole block marked `product-title` by a template).
    static let maxLength = 300

    let scorer: CandidateScorer

    func title(in tree: MarkupTree, chrome: [Bool]) -> (text: String, line: Int)? {
        var candidates: [CandidateScorer.Candidate] = []
        var anyHeading: Int?
        var titleElement: Int?
        for index in tree.nodes.indices where tree[index].isElement {
            switch tree[index].value {
            case "title":
                if titleElement == nil { titleElement = index }
                continue
            case "h1":
                if chrome[index] {
                    if anyHeading == nil { anyHeading = index }
                    continue
                }
            default:
                guard !chrome[index], scorer.hasTitleSignal(tree, index) else { continue }
            }
            guard let found = nonEmpty(tree, index), found.text.count <= Self.maxLength else { continue }
            candidates.append(scorer.titleCandidate(tree, index, text: found.text))
        }
        if let best = CandidateScorer.best(candidates) { return (best.text, best.line) }
        if let anyHeading, let found = nonEmpty(tree, anyHeading) { return found }
        if let titleElement { return nonEmpty(tree, titleElement) }
        return nil
    }

    private func nonEmpty(_ tree: MarkupTree, _ index: Int) -> (text: String, line: Int)? {
        let text = MarkupText.collapsed(tree, index)
        return text.isEmpty ? nil : (text, Int(tree[index].line))
    }
}
