/// Page text quoted in a finding: at most `limit` characters, cut with `…`, on one line.
enum PageTextQuote {
    static let limit = 80

    static func quote<S: StringProtocol>(_ text: S) -> String {
        let line = MarkupText.collapse(String(text))
        guard line.count > limit else { return line }
        return MarkupText.trimmed(line.prefix(limit - 1)) + "…"
    }
}
