/// Two strings as one dictionary key (a vocabulary and a value, a key and a label), compared and hashed as the two
/// strings are: a memo look-up does not build a joined string first.
struct StringPair: Hashable {
    let first: String
    let second: String

    init(_ first: String, _ second: String) {
        self.first = first
        self.second = second
    }
}
