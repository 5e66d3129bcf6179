import KatalogCore

/// The product description as clean text: paragraphs of the page's description container, with navigation,
/// header, footer, scripts, styles and other page chrome left out.
///
/// The container is, in order: an element marked `itemprop`/`property` `description`; an element whose class
/// or id names a description (`description`, `aprasymas`, `opis`, `apraksts`, `popis`, … from
/// `Resources/html-page.json`); `<main>`,
/// `<article>` or `role=main`; the body. When it falls back to `<main>`/body it also leaves out the heading,
/// tables and definition lists (they are read as the title and specifications).
struct DescriptionExtractor {
    /// The names of description containers and of price elements (`HTMLPageConventions`).
    let conventions: HTMLPageConventions

    /// Paragraphs at least this long that occur twice or more are boilerplate (disclaimers, contact lines
    /// repeated by the shop template) and are left out.
    static let repeatedBoilerplateLength = 20

    /// The description's paragraphs in order, each with its line; empty when the page has no description text.
    func paragraphs(in tree: MarkupTree, chrome: [Bool]) -> [(text: String, line: Int)] {
        let (container, isExplicit) = findContainer(tree, chrome: chrome)
        guard let container else { return [] }
        let found = paragraphs(tree, container, chrome: chrome, skipSpecifications: !isExplicit)
        // Compare bytes, bucketed by length: hashing Strings would normalize every paragraph.
        var byLength: [Int: [Int]] = [:]
        for index in found.indices where found[index].text.utf8.count >= Self.repeatedBoilerplateLength {
            byLength[found[index].text.utf8.count, default: []].append(index)
        }
        var repeated = [Bool](repeating: false, count: found.count)
        for bucket in byLength.values where bucket.count > 1 {
            var byFirstOccurrence: [Int] = []
            for index in bucket {
                if let earlier = byFirstOccurrence.first(where: { found[$0].text.utf8.elementsEqual(found[index].text.utf8) }) {
                    repeated[earlier] = true
                    repeated[index] = true
                } else if byFirstOccurrence.count < 64 {
                    byFirstOccurrence.append(index)
                }
            }
        }
        return found.indices.filter { !repeated[$0] }.map { found[$0] }
    }

    private func findContainer(_ tree: MarkupTree, chrome: [Bool]) -> (Int?, Bool) {
        var named: Int?
        var main: Int?
        var body: Int?
        for index in tree.nodes.indices where tree[index].isElement && !chrome[index] {
            let name = tree[index].value
            if name == "meta" || name == "script" || name == "link" { continue }
            if tree.attribute("itemprop", of: index) == "description" || tree.attribute("property", of: index)?.hasSuffix("description") == true {
                return (index, true)
            }
            if named == nil, isNamedDescription(tree, index), MarkupText.hasText(tree, index) {
                named = index
            }
            if main == nil, name == "main" || name == "article" || tree.attribute("role", of: index) == "main" { main = index }
            if body == nil, name == "body" { body = index }
        }
        if let named { return (named, true) }
        return (main ?? body, false)
    }

    private func isNamedDescription(_ tree: MarkupTree, _ index: Int) -> Bool {
        for attribute in ["class", "id"] {
            guard let value = tree.attribute(attribute, of: index) else { continue }
            let lowered = MarkupText.asciiLowercased(value)
            if conventions.descriptionWords.contains(where: { MarkupText.contains(lowered, $0) }) { return true }
        }
        return false
    }

    private func paragraphs(_ tree: MarkupTree, _ container: Int, chrome: [Bool], skipSpecifications: Bool) -> [(text: String, line: Int)] {
        var paragraphs: [(text: String, line: Int)] = []
        var current = MarkupText.CollapsingBuilder()
        var currentLine = Int(tree[container].line)
        var openBlockEnds: [Int] = []
        func flush() {
            if !current.isEmpty { paragraphs.append((current.result, currentLine)) }
            current = MarkupText.CollapsingBuilder()
        }
        var index = container + 1
        let end = Int(tree[container].end)
        while index < end {
            while let last = openBlockEnds.last, last <= index {
                openBlockEnds.removeLast()
                flush()
            }
            let node = tree[index]
            if node.kind == .text {
                if current.isEmpty, node.line > 0 { currentLine = Int(node.line) }
                current.append(node.value)
                index += 1
                continue
            }
            if chrome[index] || node.value == "h1" || node.value == "script"
                || (skipSpecifications && (node.value == "table" || node.value == "dl" || VisiblePriceFinder.namesContain(tree, index, anyOf: conventions.priceWords))) {
                index = Int(node.end)
                continue
            }
            if node.value == "br" {
                flush()
            } else if MarkupText.isBlock(node.value) {
                flush()
                openBlockEnds.append(Int(node.end))
            }
            index += 1
        }
        flush()
        return paragraphs
    }
}
