import CLibXML2

/// Interned names for the element and attribute names the HTML reader cares about: libxml2's C string is
/// matched byte for byte (no Swift `String` is created, nothing is hashed), and the interned `String` is reused.
/// The table lives in a `LookupArena`, so matching a name touches no reference count (see `LookupArena`).
struct MarkupNameTable: BitwiseCopyable, @unchecked Sendable {
    let count: Int
    private let strings: UnsafePointer<String>
    private let words: ByteWordList
    /// Name indices ordered by name length; those of length `L` are `byLength[lengthStarts[L] ..< lengthStarts[L + 1]]`
    /// (names of 32 bytes or more are never matched).
    private let byLength: UnsafePointer<Int32>
    private let lengthStarts: UnsafePointer<Int32>

    static let longestMatchedName = 31

    init(_ names: [String], in arena: LookupArena) {
        count = names.count
        strings = arena.copy(names)
        let bytes = names.map { Array($0.utf8) }
        words = ByteWordList(bytes, in: arena)
        var order: [Int32] = []
        var starts: [Int32] = []
        for length in 0 ... Self.longestMatchedName {
            starts.append(Int32(order.count))
            for (index, name) in bytes.enumerated() where name.count == length { order.append(Int32(index)) }
        }
        starts.append(Int32(order.count))
        byLength = arena.copy(order)
        lengthStarts = arena.copy(starts)
    }

    /// The interned name at `index`.
    func name(at index: Int) -> String {
        precondition(index >= 0 && index < count, "MarkupNameTable index out of range")
        return strings[index]
    }

    /// The index of `name` (a NUL-terminated libxml2 string), or nil.
    func index(of name: UnsafePointer<xmlChar>) -> Int? {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length > Self.longestMatchedName { return nil }
        }
        for slot in Int(lengthStarts[length]) ..< Int(lengthStarts[length + 1]) {
            let candidate = Int(byLength[slot])
            let expected = words[candidate]
            var equal = true
            for offset in 0 ..< length where expected[offset] != name[offset] {
                equal = false
                break
            }
            if equal { return candidate }
        }
        return nil
    }

    /// The index of `name`, or nil.
    func index(of name: String) -> Int? { (0 ..< count).first { strings[$0] == name } }
}
