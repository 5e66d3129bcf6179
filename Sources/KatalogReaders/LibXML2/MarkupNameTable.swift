import CLibXML2

/// Interned names for the element and attribute names the HTML reader cares about: libxml2's C string is
/// matched byte for byte (no Swift `String` is created, nothing is hashed), and the interned `String` is reused.
struct MarkupNameTable: Sendable {
    let names: [String]
    private let bytes: [[UInt8]]
    /// Indices into `names`, bucketed by name length (names longer than 31 bytes are never listed).
    private let byLength: [[Int]]

    init(_ names: [String]) {
        self.names = names
        bytes = names.map { Array($0.utf8) }
        var buckets = [[Int]](repeating: [], count: 32)
        for (index, name) in bytes.enumerated() where name.count < 32 { buckets[name.count].append(index) }
        byLength = buckets
    }

    /// The index of `name` (a NUL-terminated libxml2 string) in `names`, or nil.
    func index(of name: UnsafePointer<xmlChar>) -> Int? {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length >= 32 { return nil }
        }
        for candidate in byLength[length] {
            let expected = bytes[candidate]
            var equal = true
            for offset in 0 ..< length where expected[offset] != name[offset] {
                equal = false
                break
            }
            if equal { return candidate }
        }
        return nil
    }

    func index(of name: String) -> Int? { names.firstIndex(of: name) }
}
