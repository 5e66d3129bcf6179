import KatalogCore

/// Scores the elements that could be a page's product title or main price by the names on and around them,
/// with the signals and weights of `Resources/html-page.json` (`HTMLPageConventions`): a name marking the
/// product's own title or main price raises a candidate, an accessory, related-item or carousel container
/// around it lowers it.
struct CandidateScorer: Sendable {
    struct Signal: Sendable {
        var tokens: [String]
        var weight: Int
    }

    /// How many ancestors a signal may stand on (`<div class="price main"><span>49,99 €</span></div>`).
    static let signalReach = 3

    let titleSignals: [Signal]
    let mainPriceSignals: [Signal]
    let headingWeight: Int
    let containerWords: [(word: String, weight: Int)]

    static let shared = CandidateScorer(HTMLPageConventions.shared)

    init(_ conventions: HTMLPageConventions) {
        func signals(_ table: [String: Int]) -> [Signal] {
            table.map { Signal(tokens: $0.key.lowercased().split(separator: " ").map(String.init), weight: $0.value) }
                .sorted { ($0.weight, $0.tokens.joined(separator: " ")) > ($1.weight, $1.tokens.joined(separator: " ")) }
        }
        titleSignals = signals(conventions.titleSignals)
        mainPriceSignals = signals(conventions.mainPriceSignals)
        headingWeight = conventions.headingWeight
        containerWords = conventions.secondaryContainerWords.map { ($0.key.lowercased(), $0.value) }.sorted { $0.word < $1.word }
    }

    func titleScore(_ tree: MarkupTree, _ index: Int) -> Int {
        (tree[index].value == "h1" ? headingWeight : 0) + signalWeight(tree, index, titleSignals) + containerWeight(tree, index)
    }

    func priceScore(_ tree: MarkupTree, _ index: Int) -> Int {
        signalWeight(tree, index, mainPriceSignals) + containerWeight(tree, index)
    }

    /// Whether element `index` itself carries a title signal.
    func hasTitleSignal(_ tree: MarkupTree, _ index: Int) -> Bool {
        let tokens = Self.tokens(tree, index)
        return !tokens.isEmpty && titleSignals.contains { $0.tokens.allSatisfy(tokens.contains) }
    }

    /// The best signal on the element or one of its nearest ancestors.
    private func signalWeight(_ tree: MarkupTree, _ index: Int, _ signals: [Signal]) -> Int {
        var best = 0
        var current = index
        for _ in 0 ... Self.signalReach {
            let tokens = Self.tokens(tree, current)
            if !tokens.isEmpty, let signal = signals.first(where: { $0.tokens.allSatisfy(tokens.contains) }) {
                best = max(best, signal.weight)
            }
            let parent = Int(tree[current].parent)
            guard parent >= 0 else { break }
            current = parent
        }
        return best
    }

    /// The weights of the secondary-container words found in the class or id of any ancestor, each once.
    private func containerWeight(_ tree: MarkupTree, _ index: Int) -> Int {
        var names = ""
        var current = Int(tree[index].parent)
        while current >= 0 {
            for attribute in tree.attributes(of: current) where attribute.name == "class" || attribute.name == "id" {
                names.append(" ")
                names.append(MarkupText.asciiLowercased(attribute.value))
            }
            current = Int(tree[current].parent)
        }
        guard !names.isEmpty else { return 0 }
        return containerWords.reduce(0) { sum, entry in MarkupText.contains(names, entry.word) ? sum + entry.weight : sum }
    }

    /// The element's class, id and itemprop tokens, lower case.
    static func tokens(_ tree: MarkupTree, _ index: Int) -> Set<String> {
        let names = VisiblePriceFinder.names(tree, index)
        guard !names.isEmpty else { return [] }
        return Set(names.split(whereSeparator: \.isWhitespace).map(String.init))
    }
}
