/// A Global Trade Item Number as found and as understood.
///
/// `digits` holds the identifier after removing spaces, hyphens and spreadsheet damage that can be undone safely.
/// An invalid number is never "fixed": `isValid` is false, `raw` keeps the text, and a diagnostic says why.
public struct GTIN: Sendable, Hashable, Codable {
    public enum Format: String, Sendable, Hashable, Codable {
        case gtin8 = "GTIN-8"
        case upcA = "UPC-A"
        case ean13 = "EAN-13"
        case gtin14 = "GTIN-14"
    }

    /// The value exactly as in the source.
    public var raw: String
    /// Digits only; nil when the value could not be read as digits at all (e.g. scientific notation).
    public var digits: String? {
        didSet { facets = GTINFacets.of(digits: digits) }
    }
    /// The format implied by the length, when the length is one of 8, 12, 13, 14.
    public var format: Format?
    /// True when the length is valid and the mod-10 check digit matches.
    public var isValid: Bool
    /// `UPC-E` or `ISBN-10` when `digits` is the expansion of a number written in that shorter form.
    public var expandedFrom: String? = nil

    public init(raw: String, digits: String?, format: Format?, isValid: Bool) {
        self.raw = raw
        self.digits = digits
        self.format = format
        self.isValid = isValid
        facets = GTINFacets.of(digits: digits)
    }

    /// A GTIN with every field given, facets included, as stored by a decoder (`CompactCoding`): nothing is worked
    /// out again.
    public init(raw: String, digits: String?, format: Format?, isValid: Bool, expandedFrom: String?, facets: GTINFacets) {
        self.raw = raw
        self.digits = digits
        self.format = format
        self.isValid = isValid
        self.expandedFrom = expandedFrom
        self.facets = facets
    }

    /// The 14-digit form (left-padded with zeros) of a valid GTIN.
    public var gtin14: String? {
        guard isValid, let digits else { return nil }
        return Self.asciiGTIN14(digits) ?? Self.gtin14Generally(digits)
    }

    /// `gtin14` of at most 14 ASCII digits (every GTIN read from text), written as bytes: the general form
    /// counted the digits' characters and appended them through the general path, twice a record (the CSV column
    /// and the shared-GTIN rule). The same bytes, so the same (small) string. Nil for other digits.
    static func asciiGTIN14(_ digits: String) -> String? {
        digits.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.count <= 14, bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
            return String(unsafeUninitializedCapacity: 14) { buffer in
                let zeros = 14 - bytes.count
                for index in 0..<zeros { buffer[index] = UInt8(ascii: "0") }
                for (offset, byte) in bytes.enumerated() { buffer[zeros + offset] = byte }
                return 14
            }
        } ?? nil
    }

    /// The general form of `gtin14`, for any digits.
    static func gtin14Generally(_ digits: String) -> String {
        String(repeating: "0", count: 14 - digits.count) + digits
    }

    /// Checksum, length and prefix facets of `digits` (see `GTINFacets`), worked out once: the writers and the
    /// prefix rules all read them.
    public private(set) var facets: GTINFacets
}
