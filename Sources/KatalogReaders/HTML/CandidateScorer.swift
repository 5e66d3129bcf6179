import KatalogCore

/// Scores the elements that could be a page's product title or main price by the names on and around them,
/// with the signals and weights of `Resources/html-page.json` (`HTMLPageConventions`): a name marking the
/// product's own title or main price raises a candidate, an accessory, related-item or carousel container
/// around it lowers it. A signal that several candidates with different texts carry is a list of product cards,
/// not the product's own title or price, and raises none of them.
struct CandidateScorer: Sendable {
    struct Signal: Sendable {
        var tokens: [String]
        var weight: Int
        var key: String { tokens.joined(separator: " ") }
    }

    /// How many ancestors a signal may stand on (`<div class="price main"><span>49,99 €</span></div>`).
    static let signalReach = 3

    let titleSignals: [Signal]
    /// The first word of every title signal, to rule elements out cheaply.
    let titleFirstWords: [String]
    let mainPriceSignals: [Signal]
    let headingWeight: Int
    let containerWords: [(word: String, weight: Int)]

    init(_ conventions: HTMLPageConventions) {
        func signals(_ table: [String: Int]) -> [Signal] {
            table.map { Signal(tokens: $0.key.lowercased().split(separator: " ").map(String.init), weight: $0.value) }
                .sorted { ($0.weight, $0.tokens.joined(separator: " ")) > ($1.weight, $1.tokens.joined(separator: " ")) }
        }
        titleSignals = signals(conventions.titleSignals)
        titleFirstWords = Array(Set(titleSignals.compactMap(\.tokens.first))).sorted()
        mainPriceSignals = signals(conventions.mainPriceSignals)
        headingWeight = conventions.headingWeight
        containerWords = conventions.secondaryContainerWords.map { ($0.key.lowercased(), $0.value) }.sorted { $0.word < $1.word }
    }

    /// One element that could be the title or the price, with what its score is made of.
    struct Candidate: Sendable {
        var text: String
        var line: Int
        /// The `<h1>` weight plus the (negative) weights of secondary containers around it.
        var base: Int
        /// The best signal on the element or its nearest ancestors, if any.
        var signal: Signal?
    }

    func titleCandidate(_ tree: MarkupTree, _ index: Int, text: String) -> Candidate {
        Candidate(text: text, line: Int(tree[index].line),
                  base: (tree[index].value == "h1" ? headingWeight : 0) + containerWeight(tree, index),
                  signal: bestSignal(tree, index, titleSignals, reach: 0))
    }

    func priceCandidate(_ tree: MarkupTree, _ index: Int, text: String) -> Candidate {
        Candidate(text: text, line: Int(tree[index].line), base: containerWeight(tree, index),
                  signal: bestSignal(tree, index, mainPriceSignals, reach: Self.signalReach))
    }

    /// The highest-scored candidate, the first on a tie. A signal found on candidates with different texts marks
    /// a list (product cards, variants), not the page's own title or price, and then adds nothing.
    static func best(_ candidates: [Candidate]) -> Candidate? {
        var textsBySignal: [String: Set<String>] = [:]
        for candidate in candidates {
            if let signal = candidate.signal { textsBySignal[signal.key, default: []].insert(candidate.text) }
        }
        var best: (candidate: Candidate, score: Int)?
        for candidate in candidates {
            var score = candidate.base
            if let signal = candidate.signal, textsBySignal[signal.key]?.count == 1 { score += signal.weight }
            if score > (best?.score ?? Int.min) { best = (candidate, score) }
        }
        return best?.candidate
    }

    /// Whether element `index` itself carries a title signal. Asked of every element, so it first looks for a
    /// signal's first word in the names without splitting them.
    func hasTitleSignal(_ tree: MarkupTree, _ index: Int) -> Bool {
        guard VisiblePriceFinder.namesContain(tree, index, anyOf: titleFirstWords) else { return false }
        return bestSignal(tree, index, titleSignals, reach: 0) != nil
    }

    /// The heaviest signal on the element or one of its `reach` nearest ancestors.
    private func bestSignal(_ tree: MarkupTree, _ index: Int, _ signals: [Signal], reach: Int) -> Signal? {
        var best: Signal?
        var current = index
        for _ in 0 ... reach {
            let tokens = Self.tokens(tree, current)
            // Signals are sorted heaviest first.
            if !tokens.isEmpty, let signal = signals.first(where: { $0.tokens.allSatisfy(tokens.contains) }),
               signal.weight > (best?.weight ?? Int.min) {
                best = signal
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
