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
        let decoded = TextDecoding.decode(prefix)
        if looksBinary(prefix, decoded: decoded) { return .unknown }
        let text = String(decoded.text.trimmingLeadingWhitespace())
        if text.isEmpty { return .unknown }
        let head = String(text.prefix(4096)).lowercased()
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

    private func sniffMarkup(_ head: String) -> InputKind {
        if head.contains("<!doctype html") || head.contains("<html") || head.contains("<head") || head.contains("<body") {
            return .html
        }
        if head.contains("xmlns:g=\"http://base.google.com/ns/1.0\"") || head.contains("xmlns:g='http://base.google.com/ns/1.0'") {
            return .googleMerchant
        }
        if head.contains("<yml_catalog") { return .yml }
        if head.contains("<gesmes:envelope") && head.contains("eurofxref") { return .exchangeRates }
        if head.contains("<shop") && head.contains("<shopitem") { return .heureka }
        if head.contains("<offers") && (head.contains("<o ") || head.contains("<group")) { return .ceneo }
        return .xml
    }

    private func sniffJSON(_ text: String) -> InputKind {
        let lines = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: true)
        if lines.count >= 2, lines.prefix(2).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("{") && $0.trimmingCharacters(in: .whitespaces).hasSuffix("}") }) {
            return .jsonLines
        }
        return .json
    }

    /// A CSV/TSV has several lines that split into the same number (≥ 2) of fields on one delimiter.
    private func sniffDelimited(_ text: String, fileName: String) -> InputKind? {
        let lines = text.split(whereSeparator: \.isNewline).prefix(6).map(String.init)
        guard lines.count >= 2 else { return nil }
        let lowerName = fileName.lowercased()
        let namedDelimited = lowerName.hasSuffix(".csv") || lowerName.hasSuffix(".tsv")
        // The last line of the prefix may be cut in the middle, so it does not vote.
        let complete = lines.count > 2 ? Array(lines.dropLast()) : lines
        for delimiter: Character in ["\t", ";", "|", ","] {
            let counts = complete.map { line in line.reduce(0) { $0 + ($1 == delimiter ? 1 : 0) } }
            guard let first = counts.first, first >= 1, counts.allSatisfy({ $0 == first }) else { continue }
            if first >= 2 || namedDelimited || delimiter == "\t" {
                return delimiter == "\t" ? .tsv : .csv
            }
        }
        return nil
    }
}

extension String {
    func trimmingLeadingWhitespace() -> Substring {
        drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    }
}
