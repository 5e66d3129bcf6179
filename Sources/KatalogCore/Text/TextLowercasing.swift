/// `String.lowercased()` and `String(text.prefix(n)).lowercased()` with the same results, from tables for the
/// scalars shop text is mostly made of: below U+0530 (Latin, Greek, Cyrillic), U+2000…U+20CF (spaces, dashes,
/// quotes, currency signs) and the pictographs of `StandaloneScalars`, each lowered by its one-scalar lowercase
/// mapping and written as UTF-8 bytes. Other text is lowered by the standard library, which walks `Character`s and
/// looks up Unicode properties per scalar (about ten times the work). Language detection lowers its sample with
/// it, the input sniffer the head of every file.
public enum TextLowercasing {
    /// `text.lowercased()`.
    public static func lowercased(_ text: String) -> String {
        if !text.utf8.allSatisfy({ $0 < 0x80 }), let lowered = lowercasedByTable(text) { return lowered }
        return text.lowercased()
    }

    /// `String(text.prefix(count)).lowercased()`.
    public static func lowercasedPrefix(_ text: String, characters count: Int) -> String {
        // At most `count` bytes: at most `count` characters, the whole text.
        if text.utf8.count <= count { return lowercased(text) }
        if let prefix = scalarPrefix(text, characters: count), let lowered = lowercasedByTable(String(prefix)) { return lowered }
        return text.prefix(count).lowercased()
    }

    /// `text.prefix(count)` found by scalars, when that is the same: every scalar up to and just after the cut is a
    /// `StandaloneScalars` one (a character of its own). Nil otherwise, and for text of at most `count` scalars.
    static func scalarPrefix(_ text: String, characters count: Int) -> Substring? {
        var taken = 0
        for index in text.unicodeScalars.indices {
            guard StandaloneScalars.contains(text.unicodeScalars[index].value) else { return nil }
            if taken == count { return text[..<index] }
            taken += 1
        }
        return nil
    }

    /// Below U+0530: the lowercase mapping when it is one scalar, else `UInt32.max` (İ → i̇).
    static let lowercaseTable: [UInt32] = (0..<UInt32(0x530)).map(singleScalarLowercase)

    /// U+2000…U+20CF: the lowercase mapping when it is one scalar, else `UInt32.max`.
    static let punctuationLowercaseTable: [UInt32] = StandaloneScalars.punctuation.map(singleScalarLowercase)
    /// The pictographs of `StandaloneScalars`: likewise.
    static let pictographLowercaseTable: [UInt32] = StandaloneScalars.pictographs.map(singleScalarLowercase)

    private static func singleScalarLowercase(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value) else { return .max }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : .max
    }

    /// `text.lowercased()` scalar by scalar from `lowercaseTable` and `punctuationLowercaseTable`, written as UTF-8
    /// bytes; nil when a scalar is in neither or maps to several scalars.
    static func lowercasedByTable(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let table = lowercaseTable
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let mapped: UInt32
            if value < 0x530 {
                mapped = table[Int(value)]
            } else if StandaloneScalars.punctuation.contains(value) {
                mapped = punctuationLowercaseTable[Int(value - StandaloneScalars.punctuation.lowerBound)]
            } else if StandaloneScalars.pictographs.contains(value) {
                mapped = pictographLowercaseTable[Int(value - StandaloneScalars.pictographs.lowerBound)]
            } else {
                return nil
            }
            guard mapped != .max, Unicode.Scalar(mapped) != nil else { return nil }
            if mapped < 0x80 {
                bytes.append(UInt8(mapped))
            } else if mapped < 0x800 {
                bytes.append(0xC0 | UInt8(mapped >> 6))
                bytes.append(0x80 | UInt8(mapped & 0x3F))
            } else if mapped < 0x10000 {
                bytes.append(0xE0 | UInt8(mapped >> 12))
                bytes.append(0x80 | UInt8((mapped >> 6) & 0x3F))
                bytes.append(0x80 | UInt8(mapped & 0x3F))
            } else {
                bytes.append(0xF0 | UInt8(mapped >> 18))
                bytes.append(0x80 | UInt8((mapped >> 12) & 0x3F))
                bytes.append(0x80 | UInt8((mapped >> 6) & 0x3F))
                bytes.append(0x80 | UInt8(mapped & 0x3F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
