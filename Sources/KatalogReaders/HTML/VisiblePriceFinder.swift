import KatalogCore

/// Finds the price a page shows to shoppers. Candidates are the elements outside page chrome (hidden elements
/// included) whose class, id or `itemprop` names a price (`price`, `kaina`, `cena`, … from
/// `Resources/html-page.json`) and whose text reads as one amount (`58.99€`, `1 299,00 zł`); crossed-out and
/// "old" prices are skipped. `CandidateScorer` scores each by the names on and around it — `price main`,
/// `current-price`, `priceToPay` raise it, an accessory, related-item or carousel container lowers it, a signal
/// shared by cards with other amounts adds nothing — and the highest wins, the first on a tie. Returns nil when nothing qualifies.
struct VisiblePriceFinder {
    static let strikeElements: Set<String> = ["del", "s", "strike"]

    /// The names that mark a price and a price that is not current.
    let conventions: HTMLPageConventions
    let scorer: CandidateScorer

    func price(in tree: MarkupTree, chrome: [Bool]) -> (text: String, line: Int)? {
        var candidates: [CandidateScorer.Candidate] = []
        var index = 0
        while index < tree.count {
            let node = tree[index]
            guard node.isElement, !chrome[index] else {
                index += 1
                continue
            }
            if Self.strikeElements.contains(node.value) || node.value == "head" {
                index = Int(node.end)
                continue
            }
            if Self.namesContain(tree, index, anyOf: conventions.priceWords) {
                let names = Self.names(tree, index)
                let tokens = names.split(whereSeparator: { !$0.isLetter })
                if tokens.contains(where: { conventions.notCurrentPriceWords.contains(String($0)) }) {
                    index = Int(node.end)
                    continue
                }
                // A wrapper (`price-box`) holding more specific price elements defers to them.
                if !hasPriceNamedDescendant(tree, index) {
                    let text = MarkupText.collapsed(tree, index)
                    if Self.looksLikeOneAmount(text) { candidates.append(scorer.priceCandidate(tree, index, text: text)) }
                }
            }
            index += 1
        }
        return CandidateScorer.best(candidates).map { ($0.text, $0.line) }
    }

    /// The element's class, id and itemprop, lower case, space-separated ("" when it has none).
    static func names(_ tree: MarkupTree, _ index: Int) -> String {
        var names = ""
        for attribute in tree.attributes(of: index) where attribute.name == "class" || attribute.name == "id" || attribute.name == "itemprop" {
            if !names.isEmpty { names.append(" ") }
            names.append(MarkupText.asciiLowercased(attribute.value))
        }
        return names
    }

    func isPriceNamed(_ tree: MarkupTree, _ index: Int) -> Bool {
        Self.namesContain(tree, index, anyOf: conventions.priceWords)
    }

    /// Whether the element's class, id or itemprop contains one of `words` (lower case), without joining them:
    /// asked of every element of a page.
    static func namesContain(_ tree: MarkupTree, _ index: Int, anyOf words: [String]) -> Bool {
        for attribute in tree.attributes(of: index) where attribute.name == "class" || attribute.name == "id" || attribute.name == "itemprop" {
            let value = MarkupText.asciiLowercased(attribute.value)
            if words.contains(where: { MarkupText.contains(value, $0) }) { return true }
        }
        return false
    }

    private func hasPriceNamedDescendant(_ tree: MarkupTree, _ index: Int) -> Bool {
        tree.descendants(of: index).contains { tree[$0].isElement && isPriceNamed(tree, $0) }
    }

    /// One amount, perhaps with a currency and a short label: `58.99€`, `Kaina: 58,99 €`, `PLN 1 299,00`.
    static func looksLikeOneAmount(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 40 else { return false }
        var body = Substring(text)
        if let colon = body.firstIndex(of: ":"), !body[..<colon].contains(where: \.isNumber) {
            body = body[body.index(after: colon)...]
        }
        var digitGroups = 0
        var inDigits = false
        var otherCharacters = 0
        for character in body {
            if character.isNumber {
                if !inDigits { digitGroups += 1 }
                inDigits = true
            } else if character.isWhitespace || ".,'’\u{2009}\u{202F}".contains(character) {
                // separators keep a number together
            } else {
                inDigits = false
                otherCharacters += 1
            }
        }
        return digitGroups == 1 && otherCharacters <= 4
    }
}
