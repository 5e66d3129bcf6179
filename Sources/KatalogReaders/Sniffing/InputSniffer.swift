import Foundation
import KatalogCore

/// Decides an input's kind from its first bytes, not its file name.
///
/// Looks at a prefix only (`prefixLength` bytes) so huge feeds are not read twice. The extension is a tie-breaker
/// for text that could be either a CSV or a plain-text page.
public struct InputSniffer: Sendable {
    public static let prefixLength = 64 * 1024

    public init() {}

    /// The kind of the file at `path`; `.unknown` when it is empty or binary.
    public func sniff(path: String) throws -> InputKind {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputUnreadable(path: path, reason: "cannot open file")
        }
        defer { try? handle.close() }
        let prefix: Data
        do {
            prefix = try handle.read(upToCount: Self.prefixLength) ?? Data()
        } catch {
            throw InputUnreadable(path: path, reason: error.localizedDescription)
        }
        return sniff(prefix: prefix, fileName: (path as NSString).lastPathComponent)
    }

    /// The kind of a document that starts with `prefix`.
    public func sniff(prefix: Data, fileName: String) -> InputKind {
        // A mapping file for an XML feed (`shop.mapping.json`) describes a feed; it is not one.
        if XMLFeedMapping.isMappingFileName(fileName) { return .unknown }
        let decoded = TextDecoding.decode(prefix)
        if looksBinary(prefix, decoded: decoded) { return .unknown }
        let text = String(decoded.text.trimmingLeadingWhitespace())
        if text.isEmpty { return .unknown }
        let head = String(text.prefix(16 * 1024)).lowercased()
        if head.hasPrefix("<") { return sniffMarkup(head) }
        if head.hasPrefix("{") || head.hasPrefix("[") { return sniffJSON(text) }
        if let delimited = sniffDelimited(text, fileName: fileName) { return delimited }
        return .textPage
    }

    private func looksBinary(_ prefix: Data, decoded: DecodedText) -> Bool {
        if decoded.encoding.name.hasPrefix("utf-16") { return false }
        let sample = prefix.prefix(8192)
        let controls = sample.reduce(0) { count, byte in
            count + ((byte < 0x09 || (byte > 0x0D && byte < 0x20)) ? 1 : 0)
        }
        return controls * 100 > max(sample.count, 1)
    }

    /// Markup is told apart by its root element (after the prolog, comments and DOCTYPE), then by the feed
    /// vocabularies' namespaces and item elements.
    private func sniffMarkup(_ head: String) -> InputKind {
        let root = Self.rootElementName(head)
        if Self.hasHTMLRoot(root, head: head) { return .html }
        switch root {
        case "rss", "feed", "channel":
            return head.contains("base.google.com/ns/1.0") ? .googleMerchant : .xml
        case "yml_catalog":
            return .yml
        case "shop":
            return head.contains("<shopitem") ? .heureka : .xml
        case "offers":
            return .ceneo
        case "mywebstore":
            return .skroutz
        case "envelope":
            return head.contains("eurofxref") ? .exchangeRates : .xml
        default:
            if head.contains("base.google.com/ns/1.0") && (head.contains("<item") || head.contains("<entry")) { return .googleMerchant }
            return Self.hasHTMLOnlyMarkup(Self.outsideCDATA(head)) ? .html : .xml
        }
    }

    /// The lower-cased local name of the first element, skipping `<?…?>`, `<!--…-->` and `<!DOCTYPE …>` (with an
    /// internal subset); nil when the prefix holds no element.
    static func rootElementName(_ head: String) -> String? {
        var rest = Substring(head)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") {
                guard let end = rest.range(of: "?>") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("!") {
                // DOCTYPE, possibly with an internal subset in brackets.
                if let bracket = rest.firstIndex(of: "["), let close = rest.firstIndex(of: ">"), bracket < close {
                    guard let end = rest.range(of: "]>") ?? rest.range(of: "]") else { return nil }
                    rest = rest[end.upperBound...]
                } else {
                    guard let end = rest.firstIndex(of: ">") else { return nil }
                    rest = rest[rest.index(after: end)...]
                }
            } else {
                let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
                guard !name.isEmpty else { return nil }
                return String(name.split(separator: ":").last ?? name)
            }
        }
        return nil
    }

    private func sniffJSON(_ text: String) -> InputKind {
        let lines = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: true)
        if lines.count >= 2, lines.prefix(2).allSatisfy({ $0.trimmingSpaces().hasPrefix("{") && $0.trimmingSpaces().hasSuffix("}") }) {
            return .jsonLines
        }
        return .json
    }

    /// A CSV/TSV has several rows that split, quote-aware (quoted cells may hold line breaks), into the same
    /// number (≥ 2) of cells on one delimiter.
    private func sniffDelimited(_ text: String, fileName: String) -> InputKind? {
        let lowerName = fileName.lowercased()
        let namedDelimited = lowerName.hasSuffix(".csv") || lowerName.hasSuffix(".tsv") || lowerName.hasSuffix(".txt")
        let bytes = Array(text.utf8.prefix(32 * 1024))
        var best: (kind: InputKind, rows: Int)?
        for delimiter in CSVDialectSniffer.candidates {
            var tokenizer = CSVTokenizer(delimiter: delimiter)
            var counts: [Int] = []
            bytes.withUnsafeBufferPointer { buffer in
                tokenizer.feed(buffer) { row in
                    if counts.count < 12, !(row.fields.count == 1 && row.fields[0].isEmpty) { counts.append(row.fields.count) }
                }
            }
            tokenizer.finish { row in
                if counts.count < 12, !(row.fields.count == 1 && row.fields[0].isEmpty) { counts.append(row.fields.count) }
            }
            // The last row of the prefix may be cut in the middle, so it does not vote.
            let complete = counts.count > 2 ? Array(counts.dropLast()) : counts
            guard complete.count >= 2, let first = complete.first, first >= 2 else { continue }
            let agreeing = complete.filter { $0 == first }.count
            guard agreeing * 4 >= complete.count * 3 else { continue }
            let isTab = delimiter == UInt8(ascii: "\t")
            guard first >= 3 || namedDelimited || isTab else { continue }
            if agreeing > (best?.rows ?? Int.min) { best = (isTab ? .tsv : .csv, agreeing) }
        }
        return best?.kind
    }
}

extension String {
    func trimmingLeadingWhitespace() -> Substring {
        drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    }
}
