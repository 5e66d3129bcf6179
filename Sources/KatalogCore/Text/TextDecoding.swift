import Foundation

/// Text decoded from bytes, with the encoding used and what could not be decoded.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: TextEncodingInfo
    /// Number of byte sequences that were not valid in `encoding` and became U+FFFD.
    public var invalidSequences: Int
    /// Byte offset of the first invalid sequence, when there was one.
    public var firstInvalidOffset: Int?
}

/// Finds a document's character encoding and decodes it. Never fails: undecodable bytes become U+FFFD and are
/// counted so the caller can report them.
///
/// Order of evidence: byte-order mark, then the encoding the document declares (passed by the reader, e.g. from
/// `<meta charset>` or `<?xml encoding?>`), then valid UTF-8, then a sniff over the single-byte code pages in
/// `Resources/codepages.json`.
public enum TextDecoding {
    /// The byte-order mark at the start of `bytes`, if any: (encoding name, BOM length).
    public static func byteOrderMark(_ bytes: UnsafeRawBufferPointer) -> (name: String, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return ("utf-8", 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return ("utf-16le", 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return ("utf-16be", 2) }
        return nil
    }

    /// Canonical name for an encoding label (`CP1257` → `windows-1257`), or nil when Katalog cannot decode it.
    public static func canonicalName(_ label: String) -> String? {
        let key = label.trimmingWhitespace().lowercased()
        if ["utf-8", "utf8"].contains(key) { return "utf-8" }
        if ["utf-16", "utf-16le", "utf-16be"].contains(key) { return key }
        let table = CodePages.builtIn
        if table.pages[key] != nil { return key }
        if let alias = table.aliases[key] { return alias }
        return nil
    }

    /// Decodes `data`. `declared` is the encoding the document names for itself, if any.
    public static func decode(_ data: Data, declared: String? = nil, languageHint: String? = nil) -> DecodedText {
        data.withUnsafeBytes { raw in
            if let bom = byteOrderMark(raw) {
                let body = UnsafeRawBufferPointer(rebasing: raw[bom.length...])
                return decode(body, as: bom.name, source: "bom")
            }
            if let declared, let name = canonicalName(declared) {
                let name = name == "utf-16" ? "utf-16le" : name
                var decoded = decode(raw, as: name, source: "declared")
                // A page that declares a single-byte charset but is really UTF-8 is common; trust the bytes.
                if name != "utf-8", decoded.invalidSequences == 0, isStrictUTF8WithMultibyte(raw) {
                    decoded = decode(raw, as: "utf-8", source: "sniffed")
                }
                return decoded
            }
            let utf8 = decode(raw, as: "utf-8", source: "default")
            if utf8.invalidSequences == 0 { return utf8 }
            // Broken sequences in text that is otherwise UTF-8 (at least as many well-formed multi-byte
            // characters as broken ones): keep UTF-8 and report them. Single-byte text read as UTF-8 is nearly
            // all broken sequences.
            let wellFormed = utf8.text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x80 && $1 != "\u{FFFD}" ? 1 : 0) }
            if wellFormed >= utf8.invalidSequences { return utf8 }
            return sniffSingleByte(raw, languageHint: languageHint)
        }
    }

    /// Decodes with a known encoding name (as returned by `canonicalName`).
    public static func decode(_ raw: UnsafeRawBufferPointer, as name: String, source: String) -> DecodedText {
        let info = TextEncodingInfo(name: name, source: source)
        switch name {
        case "utf-8":
            return decodeUTF8(raw, info: info)
        case "utf-16le", "utf-16be":
            return decodeUTF16(raw, bigEndian: name == "utf-16be", info: info)
        default:
            guard let page = CodePages.builtIn.pages[name] else { return decodeUTF8(raw, info: info) }
            return decodeSingleByte(raw, page: page, info: info)
        }
    }

    /// U+FFFD in UTF-8, for bytes that are not valid in the encoding.
    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func decodeUTF8(_ raw: UnsafeRawBufferPointer, info: TextEncodingInfo) -> DecodedText {
        // Nearly every input is valid UTF-8: validate it in one pass and take the bytes as they are.
        if let text = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) {
            return DecodedText(text: text, encoding: info, invalidSequences: 0, firstInvalidOffset: nil)
        }
        var invalid = 0
        var firstInvalid: Int?
        // The scalars as UTF-8 bytes, made into one String at the end (appending scalars to a String one by one
        // costs several times more).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count + raw.count / 8)
        var decoder = UTF8()
        var iterator = raw.makeIterator()
        var offset = 0
        // Track byte offsets approximately by counting consumed bytes per scalar.
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                UTF8.encode(scalar) { bytes.append($0) }
                offset += UTF8.width(scalar)
            case .emptyInput:
                break loop
            case .error:
                invalid += 1
                if firstInvalid == nil { firstInvalid = offset }
                bytes.append(contentsOf: Self.replacementCharacter)
                offset += 1
            }
        }
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: info, invalidSequences: invalid, firstInvalidOffset: firstInvalid)
    }

    private static func decodeUTF16(_ raw: UnsafeRawBufferPointer, bigEndian: Bool, info: TextEncodingInfo) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var index = 0
        while index + 1 < raw.count {
            let a = UInt16(raw[index]), b = UInt16(raw[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        var invalid = raw.count % 2
        var firstInvalid: Int? = invalid > 0 ? raw.count - 1 : nil
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var unitOffset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                unitOffset += UTF16.width(scalar)
            case .emptyInput:
                break loop
            case .error:
                invalid += 1
                if firstInvalid == nil { firstInvalid = unitOffset * 2 }
                scalars.append("\u{FFFD}")
                unitOffset += 1
            }
        }
        return DecodedText(text: String(scalars), encoding: info, invalidSequences: invalid, firstInvalidOffset: firstInvalid)
    }

    private static func decodeSingleByte(_ raw: UnsafeRawBufferPointer, page: CodePages.Page, info: TextEncodingInfo) -> DecodedText {
        var invalid = 0
        var firstInvalid: Int?
        // The UTF-8 bytes of each upper-half byte's character, worked out once per call (U+FFFD where none).
        let upperHalf: [[UInt8]?] = page.upperHalf.map { value in
            value.flatMap(Unicode.Scalar.init).map { Array(String($0).utf8) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count + raw.count / 4)
        for (offset, byte) in raw.enumerated() {
            if byte < 0x80 {
                bytes.append(byte)
            } else if let encoded = upperHalf[Int(byte) - 0x80] {
                bytes.append(contentsOf: encoded)
            } else {
                invalid += 1
                if firstInvalid == nil { firstInvalid = offset }
                bytes.append(contentsOf: Self.replacementCharacter)
            }
        }
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: info, invalidSequences: invalid, firstInvalidOffset: firstInvalid)
    }

    private static func isASCIILetter(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> Bool {
        guard offset >= 0, offset < raw.count else { return false }
        let byte = raw[offset]
        return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isStrictUTF8WithMultibyte(_ raw: UnsafeRawBufferPointer) -> Bool {
        var sawMultibyte = false
        var decoder = UTF8()
        var iterator = raw.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar.value >= 0x80 { sawMultibyte = true }
            case .emptyInput: return sawMultibyte
            case .error: return false
            }
        }
    }

    /// Picks the single-byte code page under which the high bytes read as the most plausible letters.
    private static func sniffSingleByte(_ raw: UnsafeRawBufferPointer, languageHint: String?) -> DecodedText {
        let pages = CodePages.builtIn
        var best: (name: String, score: Int)?
        for candidate in pages.sniffOrder {
            guard let page = pages.pages[candidate] else { continue }
            // Each upper-half byte's score in this page, worked out once: 3 for a typical letter, 1 for another
            // letter, -1 for anything else, -5 where the page has no character; and whether it is Cyrillic.
            let weights: [(score: Int, cyrillic: Bool)] = page.upperHalf.map { value in
                guard let value, let scalar = Unicode.Scalar(value) else { return (-5, false) }
                let score = page.typicalLetters.contains(scalar) ? 3 : scalar.properties.isAlphabetic ? 1 : -1
                return (score, (0x0400...0x04FF).contains(value))
            }
            var score = 0
            for (offset, byte) in raw.enumerated() where byte >= 0x80 {
                let weight = weights[Int(byte) - 0x80]
                score += weight.score
                // Cyrillic words are written wholly in high bytes; a Cyrillic letter glued to ASCII letters
                // ("Prekлs") is a Latin text read with the wrong code page.
                if weight.cyrillic, isASCIILetter(raw, offset - 1) || isASCIILetter(raw, offset + 1) {
                    score -= 6
                }
            }
            if let hint = languageHint, page.languages.contains(hint) { score += 2 }
            if best == nil || score > best!.score { best = (candidate, score) }
        }
        return decode(raw, as: best?.name ?? "windows-1252", source: "sniffed")
    }
}

/// The single-byte code page tables from `Resources/codepages.json`.
struct CodePages: Decodable, Sendable {
    struct Page: Decodable, Sendable {
        var upperHalf: [UInt32?]
        var languages: [String]
        var typicalLetters: Set<Unicode.Scalar>

        enum CodingKeys: String, CodingKey {
            case upperHalf = "upper_half"
            case languages
            case typicalLetters = "typical_letters"
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            upperHalf = try container.decode([UInt32?].self, forKey: .upperHalf)
            languages = try container.decodeIfPresent([String].self, forKey: .languages) ?? []
            let letters = try container.decodeIfPresent(String.self, forKey: .typicalLetters) ?? ""
            typicalLetters = Set(letters.unicodeScalars)
        }
    }

    var pages: [String: Page]
    var aliases: [String: String]
    /// Candidates tried, in order of preference on a tie, when nothing declares the encoding.
    var sniffOrder: [String]

    enum CodingKeys: String, CodingKey {
        case pages, aliases
        case sniffOrder = "sniff_order"
    }

    static let builtIn: CodePages = BundledData.decode(CodePages.self, from: "codepages")
}
