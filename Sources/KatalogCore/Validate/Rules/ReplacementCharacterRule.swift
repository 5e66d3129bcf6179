/// U+FFFD in text: bytes that could not be decoded were replaced, and the original letters are lost.
public struct ReplacementCharacterRule: RecordRule {
    public let code: FindingCode = .textReplacementCharacter
    public let title = "Replacement character in text"
    public let defaultSeverity = Severity.warning
    public let explanation = "The replacement character `�` (U+FFFD) stands where bytes could not be decoded, either by Katalog or by a tool before it; the original letters are lost. The text is kept as it is and each affected field is flagged; re-export the source in UTF-8 or declare its encoding."
    public let example = "`Pavadinimas: Dviratis �alm�s` (for `šalmas`)."

    public init() {}

    /// Whether `text` has the byte 0xEF, scanned in its contiguous UTF-8 (a generic `utf8.contains` is slower).
    private static func hasByteEF(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(0xEF) } ?? text.utf8.contains(0xEF)
    }

    public func check(_ product: Product) -> [Finding] {
        // Most records have no 0xEF byte in any text: no list of fields is built for them.
        guard TextFields.contains(in: product, where: Self.hasByteEF) else { return [] }
        return TextFields.of(product).compactMap { field in
            let text = field.text
            // U+FFFD is EF BF BD in UTF-8; most text has no 0xEF byte at all, and then no Character walk is needed.
            guard Self.hasByteEF(text), let index = text.firstIndex(where: { $0.unicodeScalars.contains("\u{FFFD}") }) else { return nil }
            let count = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            return finding("\(field.name) contains \(count) replacement character\(count == 1 ? "" : "s") (\"\(TextFields.snippet(text, around: index))\"): letters were lost in decoding.")
        }
    }
}
