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

/// Small helpers over libxml2's NUL-terminated UTF-8 strings that never allocate.
enum CString {
    /// Whether `text` contains `needle` (lower-case ASCII), comparing ASCII case-insensitively.
    static func containsFolded(_ text: UnsafePointer<xmlChar>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var start = 0
        while text[start] != 0 {
            if lower(text[start]) == first {
                var offset = 1
                while offset < needle.count, text[start + offset] != 0, lower(text[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Whether `text`, trimmed, equals `word` (lower-case ASCII), comparing ASCII case-insensitively.
    static func equalsFolded(_ text: UnsafePointer<xmlChar>, _ word: [UInt8]) -> Bool {
        var start = 0
        while isSpace(text[start]) { start += 1 }
        for byte in word {
            guard lower(text[start]) == byte else { return false }
            start += 1
        }
        while isSpace(text[start]) { start += 1 }
        return text[start] == 0
    }

    /// Calls `body` with each whitespace-separated token of `text`, lower-cased (ASCII), until it returns true.
    static func anyToken(_ text: UnsafePointer<xmlChar>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var index = 0
            while text[index] != 0 {
                while isSpace(text[index]) { index += 1 }
                var length = 0
                while text[index] != 0, !isSpace(text[index]) {
                    if length < 64 { buffer[length] = lower(text[index]) }
                    length += 1
                    index += 1
                }
                if length > 0, length <= 64, body(UnsafeBufferPointer(rebasing: buffer[0 ..< length])) { return true }
            }
            return false
        }
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
