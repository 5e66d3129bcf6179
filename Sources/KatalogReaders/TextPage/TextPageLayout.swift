import Foundation
import KatalogCore

/// The structure of a plain-text page: paragraphs classified as title, header pairs, bare values, prose and
/// attribute lines, with page-break boilerplate found and set aside.
struct TextPageLayout {
    struct Paragraph {
        var text: String
        var line: Int
    }

    struct RemovedBlock {
        var text: String
        var lines: [Int]
        var isPageMarker: Bool
    }

    let paragraphs: [Paragraph]
    private(set) var removedBlocks: [RemovedBlock] = []
    private let kept: [Paragraph]
    private let conventions: TextPageConventions

    init(text: String, conventions: TextPageConventions) {
        self.conventions = conventions
        // Lines split on \n, \r\n or \r; a form feed is a page break, like a blank line.
        var lines: [(text: String, number: Int)] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            for segment in rawLine.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
                lines.append((segment.trimmingSpaces(), lineNumber))
            }
        }
        self.paragraphs = Self.paragraphs(of: lines)

        // Page-break boilerplate, found line by line because exports often glue a footer to the next page's first
        // line: page markers, repeats of the title (running headers), and lines repeated on several pages.
        let titleLine = paragraphs.first.map { TextCleaning.cleanLine($0.text.split(separator: "\n").first.map(String.init) ?? $0.text) }
        let firstLine = paragraphs.first?.line
        var occurrences: [String: [Int]] = [:]
        for line in lines where !line.text.isEmpty && line.number != firstLine {
            occurrences[TextCleaning.cleanLine(line.text), default: []].append(line.number)
        }
        var removed: [RemovedBlock] = []
        var reported = Set<String>()
        var keptLines: [(text: String, number: Int)] = []
        for line in lines {
            let key = TextCleaning.cleanLine(line.text)
            guard !key.isEmpty, line.number != firstLine else {
                keptLines.append(line)
                continue
            }
            if conventions.isPageMarker(key) {
                removed.append(RemovedBlock(text: key, lines: [line.number], isPageMarker: true))
                keptLines.append(("", line.number))
                continue
            }
            let seen = occurrences[key] ?? []
            if key == titleLine || (seen.count >= 2 && key.count >= conventions.minRepeatedLength) {
                if reported.insert(key).inserted {
                    removed.append(RemovedBlock(text: key, lines: seen, isPageMarker: false))
                }
                keptLines.append(("", line.number))
                continue
            }
            keptLines.append(line)
        }
        self.kept = Self.paragraphs(of: keptLines)
        self.removedBlocks = removed
    }

    /// Runs of non-blank lines, joined with newlines, each with the number of its first line.
    private static func paragraphs(of lines: [(text: String, number: Int)]) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: [String] = []
        var start = 0
        for line in lines {
            if line.text.isEmpty {
                if !current.isEmpty { paragraphs.append(Paragraph(text: current.joined(separator: "\n"), line: start)) }
                current = []
            } else {
                if current.isEmpty { start = line.number }
                current.append(line.text)
            }
        }
        if !current.isEmpty { paragraphs.append(Paragraph(text: current.joined(separator: "\n"), line: start)) }
        return paragraphs
    }

    /// Two-letter country of the first shop domain or e-mail domain in the text (`www.shopro.lt` → `LT`).
    var countryFromDomains: String? {
        let generic: Set<String> = ["com", "net", "org", "eu", "info", "biz", "shop", "store", "io"]
        for paragraph in paragraphs {
            for word in paragraph.text.split(whereSeparator: { $0.isWhitespace || $0 == "|" || $0 == "," || $0 == "(" || $0 == ")" }) {
                let host = word.split(separator: "@").last.map(String.init) ?? String(word)
                guard host.contains("."), host.hasPrefix("www.") || word.contains("@") else { continue }
                let tld = host.split(separator: ".").last.map { $0.lowercased() } ?? ""
                let letters = tld.filter(\.isLetter)
                if letters.count == 2, letters == tld, !generic.contains(tld) { return tld.uppercased() }
            }
        }
        return nil
    }

    /// The raw fields of the page, in document order.
    func fields() -> [RawField] {
        guard let first = kept.first else { return [] }
        var fields: [RawField] = []
        var index = 0
        // Title: the first paragraph, unless it is itself a `Label: value` line.
        if labelValue(first.text, maxLabelWords: conventions.maxLabelWords) == nil {
            fields.append(RawField(role: .title, label: nil, value: first.text, origin: .textLine, line: first.line))
            index = 1
        }
        // Header: label lines and short bare values with digits (price, codes), until the first prose.
        var inHeader = true
        while index < kept.count {
            let paragraph = kept[index]
            index += 1
            let lines = paragraph.text.split(separator: "\n").map(String.init)
            let pairs = lines.enumerated().map { offset, line in
                pairsOf(line).map { $0.map { (label: $0.label, value: $0.value, line: paragraph.line + offset) } }
            }
            if pairs.allSatisfy({ $0 != nil }) {
                for pair in pairs.compactMap({ $0 }).joined() {
                    fields.append(RawField(role: .labelled, label: pair.label, value: pair.value, origin: .textLine, line: pair.line))
                }
                continue
            }
            if inHeader, lines.count == 1, paragraph.text.count <= conventions.maxHeaderValueLength,
               paragraph.text.contains(where: \.isNumber), !Self.isSentence(paragraph.text, minWords: 5) {
                fields.append(RawField(role: .unlabelled, label: nil, value: paragraph.text, origin: .textLine, line: paragraph.line))
                continue
            }
            inHeader = false
            fields.append(RawField(role: .description, label: nil, value: paragraph.text.replacingOccurrences(of: "\n", with: " "), origin: .textLine, line: paragraph.line))
        }
        return fields
    }

    /// The `Label: value` pairs of one line: one pair, or several joined by `, ` (an attribute line).
    /// Decimal commas (`14,00`) never split, because a split needs `, ` followed by a label and `: `.
    func pairsOf(_ line: String) -> [(label: String, value: String)]? {
        guard let firstPair = labelValue(line, maxLabelWords: conventions.maxLabelWords) else { return nil }
        var segments: [String] = []
        var rest = Substring(line)
        while let split = nextAttributeSplit(in: rest) {
            segments.append(String(rest[..<split.lowerBound]))
            rest = rest[split.upperBound...]
        }
        segments.append(String(rest))
        if segments.count == 1 {
            // A lone pair in the body must look like data, not a sentence that happens to contain a colon.
            let words = firstPair.label.split(separator: " ").count
            guard words <= 5, firstPair.value.count <= 80 || words <= 2, !Self.isSentence(firstPair.value, minWords: 3) else { return nil }
            return [firstPair]
        }
        let pairs = segments.compactMap { labelValue($0, maxLabelWords: conventions.maxLabelWords) }
        return pairs.count == segments.count ? pairs : nil
    }

    /// Where the next `, Label: ` boundary starts in an attribute line.
    private func nextAttributeSplit(in text: Substring) -> Range<Substring.Index>? {
        var search = text.startIndex
        while let comma = text[search...].range(of: ", ") {
            let after = text[comma.upperBound...]
            if let colon = after.range(of: ": ") ?? (after.hasSuffix(":") ? after.range(of: ":", options: .backwards) : nil) {
                let candidate = after[..<colon.lowerBound]
                if !candidate.contains(","), isLabel(String(candidate), maxLabelWords: conventions.maxLabelWords) {
                    return comma
                }
            }
            search = comma.upperBound
        }
        return nil
    }

    /// `Label: value` split of one segment; nil when what precedes the colon is not label-like.
    func labelValue(_ text: String, maxLabelWords: Int) -> (label: String, value: String)? {
        guard let colon = text.range(of: ": ") ?? (text.hasSuffix(":") ? text.range(of: ":", options: .backwards) : nil) else { return nil }
        let label = text[..<colon.lowerBound].trimmingSpaces()
        let value = text[colon.upperBound...].trimmingSpaces()
        guard isLabel(label, maxLabelWords: maxLabelWords), !value.isEmpty else { return nil }
        return (label, value)
    }

    /// Prose rather than data: at least `minWords` words ending in sentence punctuation.
    static func isSentence(_ text: String, minWords: Int) -> Bool {
        guard let last = text.last, ".!?".contains(last) else { return false }
        return text.split(separator: " ").count >= minWords
    }

    private func isLabel(_ label: String, maxLabelWords: Int) -> Bool {
        guard let first = label.first, first.isLetter, label.count <= conventions.maxLabelLength else { return false }
        if label.contains("http") || label.hasSuffix(".") { return false }
        return label.split(separator: " ").count <= maxLabelWords
    }
}
