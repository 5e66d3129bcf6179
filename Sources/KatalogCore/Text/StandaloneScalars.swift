/// Scalars that are always a character of their own, whatever is around them, as long as their neighbours are too:
/// U+0000…U+02FF except CR (Latin, its extensions, the spacing modifiers; no combining mark, and CR would pair with
/// a following LF), U+2000…U+20CF except the joiners U+200C and U+200D (spaces, dashes, quotes, currency signs) and
/// the pictographs U+1F300…U+1F5FF except the skin-tone modifiers U+1F3FB…U+1F3FF (`🔍` in a page's search box).
/// None of them is a combining mark, a joiner, a variation selector, a prepend, a spacing mark, a Hangul jamo or a
/// regional indicator, so in a text made only of them `Character`s and scalars are the same: a fast path can walk
/// the scalars, and still give what a walk by `Character` gives.
enum StandaloneScalars {
    /// The second range, for tables indexed by scalar value.
    static let punctuation: Range<UInt32> = 0x2000..<0x20D0

    /// The third range: pictographs (the modifiers inside it are not members).
    static let pictographs: Range<UInt32> = 0x1F300..<0x1F600

    static func contains(_ value: UInt32) -> Bool {
        if value < 0x300 { return value != 0x0D }
        if punctuation.contains(value) { return value != 0x200C && value != 0x200D }
        return pictographs.contains(value) && !(0x1F3FB...0x1F3FF).contains(value)
    }
}
