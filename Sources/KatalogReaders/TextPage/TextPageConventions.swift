import Foundation
import KatalogCore

/// Conventions of plain-text page exports (`Resources/text-page.json`): page-break markers and the limits that
/// tell a `Label: value` line from prose.
public struct TextPageConventions: Decodable, Sendable {
    public var pageWords: Set<String>
    public var ofWords: Set<String>
    public var minRepeatedLength: Int
    public var maxLabelWords: Int
    public var maxLabelLength: Int
    public var maxHeaderValueLength: Int

    enum CodingKeys: String, CodingKey {
        case pageWords = "page_words"
        case ofWords = "of_words"
        case minRepeatedLength = "min_repeated_length"
        case maxLabelWords = "max_label_words"
        case maxLabelLength = "max_label_length"
        case maxHeaderValueLength = "max_header_value_length"
    }

    public static let builtIn = BundledData.decode(TextPageConventions.self, from: "text-page", in: .module, owner: "KatalogReaders")

    /// True for lines such as `Page 2 of 3`, `Puslapis 2 iš 3`, `Strona 2 z 3`, `- 2 -`, `2/3`.
    public func isPageMarker(_ line: String) -> Bool {
        let words = line.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "–" })
        guard !words.isEmpty, words.count <= 5 else { return false }
        let numbers = words.filter { $0.allSatisfy(\.isNumber) || $0.split(separator: "/").allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) }
        guard !numbers.isEmpty else { return false }
        return words.allSatisfy { word in
            numbers.contains(word) || pageWords.contains(String(word)) || ofWords.contains(String(word))
        }
    }
}
