/// Scalars that are always a character of their own, whatever is around them, as long as their neighbours are too:
/// U+0000…U+02FF except CR (Latin, its extensions, the spacing modifiers; no combining mark, and CR would pair with
/// a following LF) and U+2000…U+20CF except the joiners U+200C and U+200D (spaces, dashes, quotes, currency signs).
/// None of them is a combining mark, a joiner, a prepend, a spacing mark, a Hangul jamo or a regional indicator, so
/// in a text made only of them `Character`s and scalars are the same: a fast path can walk the scalars, and still
/// give what a walk by `Character` gives.
enum StandaloneScalars {
    /// The second range, for tables indexed by scalar value.
    static let punctuation: Range<UInt32> = 0x2000..<0x20D0

    static func contains(_ value: UInt32) -> Bool {
        value < 0x300 ? value != 0x0D : punctuation.contains(value) && value != 0x200C && value != 0x200D
    }
}
