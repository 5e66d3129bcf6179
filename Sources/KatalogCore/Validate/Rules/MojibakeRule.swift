/// Text that was UTF-8 but decoded as a single-byte code page somewhere upstream (`Ä…` for `ą`, `Ã©` for `é`).
public struct MojibakeRule: RecordRule {
    public let code: FindingCode = .textMojibake
    public let title = "Mojibake (wrongly decoded text)"
    public let defaultSeverity = Severity.warning
    public let explanation = "When UTF-8 text is decoded as Windows-1252 or Latin-1 somewhere before Katalog (an export tool, a spreadsheet), every accented letter turns into two characters: `ą` becomes `Ä…`, `é` becomes `Ã©`, `’` becomes `â€™`. Katalog cannot know the original was not meant, so it keeps the text and flags each affected field; fix the export's encoding setting."
    public let example = "`Gamintojas: Å ilutÄ—` (for `Šilutė`)."

    public init() {}

    public func check(_ product: Product) -> [Finding] {
        // Most records have no text that may hold a lead: no list of fields is built for them.
        guard TextFields.contains(in: product, where: Self.mayHoldLead) else { return [] }
        return TextFields.of(product).compactMap { field in
            let text = field.text
            guard let index = Self.firstMojibake(in: text) else { return nil }
            return finding("\(field.name) looks wrongly decoded (\"\(TextFields.snippet(text, around: index))\"): UTF-8 text read as a single-byte code page.")
        }
    }

    /// Lead characters of two-byte UTF-8 sequences as Windows-1252/Latin-1 shows them (C2–C5, C8, CE–D1 and E2).
    static let leads: Set<Character> = ["Â", "Ã", "Ä", "Å", "È", "Î", "Ï", "Ð", "Ñ", "â"]
    /// What a UTF-8 continuation byte (80–BF) looks like in Windows-1252.
    static let continuations: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>()
        for value in 0xA0...0xBF { if let scalar = Unicode.Scalar(value) { set.insert(scalar) } }
        for scalar in "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".unicodeScalars { set.insert(scalar) }
        return set
    }()

    /// The index of the first lead + continuation pair, or nil. `â` must be followed by `€` (the E2 80 xx of
    /// punctuation), so French and Portuguese words with `â` are not mistaken.
    static func firstMojibake(in text: String) -> String.Index? {
        guard mayHoldLead(text) else { return nil }
        var previous: (Character, String.Index)?
        for index in text.indices {
            let char = text[index]
            if let (lead, leadIndex) = previous, let scalar = char.unicodeScalars.first, char.unicodeScalars.count == 1 {
                if lead == "â" ? char == "€" : continuations.contains(scalar) { return leadIndex }
            }
            previous = leads.contains(char) ? (char, index) : nil
        }
        return nil
    }

    /// Whether `text` holds a lead character's UTF-8 bytes (`C3 82`…), a combining mark that composes one
    /// (`A` + U+0302 equals `Â`) or the Angstrom sign (equal to `Å`). Text without these has no lead, so most text
    /// skips the character walk.
    static func mayHoldLead(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mayHoldLead(utf8:)) ?? mayHoldLeadByBytes(text)
    }

    /// `mayHoldLead` on contiguous UTF-8: a byte below C3 (all ASCII, most Latin letters) starts none of the
    /// sequences, so most bytes cost one comparison.
    private static func mayHoldLead(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = utf8.count
        var i = 0
        while i + 1 < count {
            let byte = utf8[i]
            if byte >= 0xC3 {
                let next = utf8[i + 1]
                switch byte {
                case 0xC3: if leadSecondByteMask & (1 << UInt64(next & 0x3F)) != 0 && next >= 0x80 && next < 0xC0 { return true }
                case 0xCC: if markSecondBytes.contains(next) { return true }
                case 0xE2: if next == 0x84, i + 2 < count, utf8[i + 2] == 0xAB { return true }
                default: break
                }
            }
            i += 1
        }
        return false
    }

    /// The byte walk `mayHoldLead` stands for.
    static func mayHoldLeadByBytes(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xC3, leadSecondBytes.contains(byte) { return true }
            if previous == 0xCC, markSecondBytes.contains(byte) { return true }
            if beforePrevious == 0xE2, previous == 0x84, byte == 0xAB { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// `leadSecondBytes` by their low six bits (all are continuation bytes, 80–BF).
    private static let leadSecondByteMask: UInt64 = leadSecondBytes.reduce(0) { $0 | 1 << UInt64($1 & 0x3F) }

    /// Second UTF-8 bytes of the leads (all U+00C2…U+00E2, first byte C3), and of the combining grave, circumflex,
    /// tilde, diaeresis and ring (U+0300, U+0302, U+0303, U+0308, U+030A, first byte CC).
    static let leadSecondBytes: Set<UInt8> = Set(leads.compactMap { $0.utf8.count == 2 ? Array($0.utf8)[1] : nil })
    static let markSecondBytes: Set<UInt8> = [0x80, 0x82, 0x83, 0x88, 0x8A]
}
