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

    /// The kind of a document that starts with `prefix`; a prefix shorter than `prefixLength` is taken for the whole
    /// document (its last line is then complete).
    public func sniff(prefix: Data, fileName: String) -> InputKind {
        // A mapping file for an XML feed (`shop.mapping.json`) describes a feed; it is not one.
        if XMLFeedMapping.isMappingFileName(fileName) { return .unknown }
        if prefix.count > Self.pageHeadLength, isHTMLPage(head: prefix.prefix(Self.pageHeadLength)) { return .html }
        let decoded = TextDecoding.decode(prefix)
        if looksBinary(prefix, decoded: decoded) { return .unknown }
        let text = String(decoded.text.trimmingLeadingWhitespace())
        if text.isEmpty { return .unknown }
        let head = TextLowercasing.lowercasedPrefix(text, characters: 16 * 1024)
        if head.hasPrefix("<") { return sniffMarkup(head) }
        if head.hasPrefix("{") || head.hasPrefix("[") { return sniffJSON(text) }
        if let delimited = sniffDelimited(text, fileName: fileName, prefixIsWholeFile: prefix.count < Self.prefixLength) { return delimited }
        return .textPage
    }

    /// How much of a prefix is decoded first to tell an HTML page, which needs no more (pages are tens of KB, and
    /// decoding the whole prefix twice, here and in the reader, was most of sniffing them).
    static let pageHeadLength = 16 * 1024

    /// Whether `head` starts an HTML page by the rules `sniffMarkup` applies to the whole prefix: an HTML root
    /// element or an HTML doctype. Those are found the same in a shorter head, so the answer is the same; anything
    /// else (no root in the head, an XML root, UTF-16, binary) is left to the whole prefix. Tags are ASCII in every
    /// encoding but UTF-16, so the bytes are read as they are, their ASCII letters lower-cased, nothing decoded.
    private func isHTMLPage(head: Data) -> Bool {
        var bytes = Array(head)
        // UTF-16 (a byte-order mark or zero bytes) and binary files take the whole path.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(512).contains(0) { return false }
        let controls = bytes.prefix(8192).reduce(0) { $0 + (($1 < 0x09 || ($1 > 0x0D && $1 < 0x20)) ? 1 : 0) }
        if controls * 100 > max(min(bytes.count, 8192), 1) { return false }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return false }
        // Most pages declare themselves: found without lowering (or copying) the whole head first.
        if Self.findIgnoringASCIICase(Self.doctype, in: bytes[start...]) { return true }
        for index in start ..< bytes.count where (0x41...0x5A).contains(bytes[index]) { bytes[index] |= 0x20 }
        let lowered = bytes[start...]
        guard let root = Self.rootElementName(String(decoding: lowered, as: UTF8.self)) else { return false }
        return Self.htmlRootElements.contains(root)
    }

    private static let doctype = Array("<!doctype html".utf8)

    /// Whether `needle` (lower case) occurs in `haystack`, ASCII letters compared without case.
    private static func findIgnoringASCIICase(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { bytes in
            let last = bytes.count - needle.count
            var index = 0
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < needle.count {
                        var byte = bytes[index + matched]
                        if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                        guard byte == needle[matched] else { break }
                        matched += 1
                    }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
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
    /// number (≥ 2) of cells on one delimiter. When the prefix ends inside the first data row (a huge cell) the
    /// header decides alone; when it ends inside the header (tens of thousands of columns), a first line of many
    /// short cells does.
    private func sniffDelimited(_ text: String, fileName: String, prefixIsWholeFile: Bool) -> InputKind? {
        // Excel's `sep=;` first line says it outright, when a header follows it.
        if let directive = Array(text.utf8.prefix(16)).withUnsafeBufferPointer({ CSVDialectSniffer.separatorDirective(in: $0) }),
           text.utf8.dropFirst(directive.length).contains(directive.delimiter) {
            return directive.delimiter == UInt8(ascii: "\t") ? .tsv : .csv
        }
        let lowerName = fileName.lowercased()
        let namedTable = lowerName.hasSuffix(".csv") || lowerName.hasSuffix(".tsv")
        let namedDelimited = namedTable || lowerName.hasSuffix(".txt")
        let window = 32 * 1024
        let bytes = Array(text.utf8.prefix(window))
        let cutByWindow = !prefixIsWholeFile || bytes.count == window
        var best: (kind: InputKind, rows: Int)?
        for delimiter in CSVDialectSniffer.candidates {
            let shape = bytes.withUnsafeBufferPointer {
                CSVDialectSniffer.shape(of: $0, delimiter: delimiter, endsInput: false, maximumRows: 12)
            }
            // Title lines before the header (`Kainoraštis 2026-12-01`) do not count.
            let rows = CSVDialectSniffer.afterPreamble(shape).rows
            let counts = rows + (shape.cut.map { [$0] } ?? [])
            let isTab = delimiter == UInt8(ascii: "\t")
            let agreeing: Int
            if cutByWindow, rows.count == 1, let header = rows.first, let cut = shape.cut {
                // Header, then a first row the window ends in: cut anywhere, it only has to split too.
                guard header >= 2, cut >= 2 else { continue }
                guard header >= 3 || namedDelimited || isTab else { continue }
                agreeing = 1
            } else if !cutByWindow, counts.count == 1, let header = counts.first {
                // The whole file is one line: a header without rows (a night with nothing to export) when the
                // name says CSV/TSV or tabs split it; else a one-line text page.
                guard header >= 2, namedTable || isTab else { continue }
                agreeing = 1
            } else if cutByWindow, rows.isEmpty, let cut = shape.cut {
                // A first line longer than the window: a header of many short cells, not prose (words between commas).
                guard cut >= 16, shape.cutBytes <= cut * 32, bytes.lazy.filter({ $0 == 0x20 }).count < cut else { continue }
                agreeing = 1
            } else {
                // The last row of the prefix may be cut in the middle, so it does not vote.
                let complete = counts.count > 2 ? Array(counts.dropLast()) : counts
                guard complete.count >= 2, let first = complete.first, first >= 2 else { continue }
                let agreeingRows = complete.filter { $0 == first }.count
                guard agreeingRows * 4 >= complete.count * 3 else { continue }
                guard first >= 3 || namedDelimited || isTab else { continue }
                agreeing = agreeingRows
            }
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
