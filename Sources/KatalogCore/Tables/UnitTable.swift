import Foundation

/// Units of length, mass and volume with their spellings and factors to the canonical unit (`Resources/units.json`).
public struct UnitTable: Sendable {
    public struct Unit: Sendable, Hashable {
        public var symbol: String
        public var dimension: Dimension
        /// How many canonical units one of this unit is.
        public var factor: Decimal
    }

    /// `units.json` (its `dimensions`); the bundled file is read through `ParsedJSON.parseTable` (`init(table:)`).
    struct File: Decodable, Equatable {
        struct DimensionEntry: Decodable, Equatable {
            var canonical: String
            var units: [String: UnitEntry]
        }
        struct UnitEntry: Decodable, Equatable {
            var factor: String
            var spellings: [String]
        }
        var dimensions: [String: DimensionEntry]

        init(table: ParsedJSON) throws {
            dimensions = try table.required("dimensions") { try $0.dictionary { entry in
                DimensionEntry(canonical: try entry.required("canonical") { try $0.string() },
                               units: try entry.required("units") { try $0.dictionary { unit in
                                   UnitEntry(factor: try unit.required("factor") { try $0.string() },
                                             spellings: try unit.required("spellings") { try $0.strings() })
                               } })
            } }
        }
    }

    private let canonical: [Dimension: String]
    /// Spelling (case-sensitive for UN/CEFACT codes, lower-cased otherwise) → unit.
    private var spellings: [String: Unit]

    public static let builtIn = UnitTable(BundledData.read("units", File.init(table:)))

    private init(_ file: File) {
        var canonical: [Dimension: String] = [:]
        var spellings: [String: Unit] = [:]
        for (name, entry) in file.dimensions {
            guard let dimension = Dimension(rawValue: name) else { continue }
            canonical[dimension] = entry.canonical
            for (symbol, unitEntry) in entry.units {
                guard let factor = DecimalFormatting.parse(unitEntry.factor) else { continue }
                let unit = Unit(symbol: symbol, dimension: dimension, factor: factor)
                for spelling in unitEntry.spellings + [symbol] {
                    spellings[spelling.lowercased()] = unit
                }
            }
        }
        self.canonical = canonical
        self.spellings = spellings
    }

    public func canonicalUnit(of dimension: Dimension) -> String { canonical[dimension] ?? "" }

    /// Makes `spelling` one more way to write the unit whose symbol is `symbol` (`"Zoll"` for `in`), in any case.
    /// Returns false, changing nothing, when no unit has that symbol.
    @discardableResult
    public mutating func addSpelling(_ spelling: String, of symbol: String) -> Bool {
        guard let unit = spellings[symbol.lowercased()], unit.symbol == symbol else { return false }
        spellings[spelling.lowercased()] = unit
        return true
    }

    /// The unit a spelling names (`cm`, `KGM`, `kilogramai`), optionally restricted to one dimension.
    public func unit(_ spelling: String, in dimension: Dimension? = nil) -> Unit? {
        guard let unit = spellings[Self.key(spelling, trimmingDots: true)] ?? spellings[Self.key(spelling, trimmingDots: false)] else { return nil }
        if let dimension, unit.dimension != dimension { return nil }
        return unit
    }

    /// The look-up key of `spelling`: without spaces and tabs at the ends, then (with `trimmingDots`) without
    /// dots at the ends (`kg.`), lower-cased.
    static func key(_ spelling: String, trimmingDots: Bool) -> String {
        if let key = asciiKey(spelling, trimmingDots: trimmingDots) { return key }
        let spaced = spelling.trimmingSpaces()
        return (trimmingDots ? spaced.trimmingCharacters(in: CharacterSet(charactersIn: ".")) : spaced).lowercased()
    }

    /// `key` for ASCII text, on its bytes: there a byte is a character (only "\r\n" is not, and neither of its
    /// bytes is trimmed), the spaces trimmed are space and tab, and lower-casing is per byte. Building the key
    /// through `trimmingSpaces`, `trimming(where:)` and `lowercased()` cost about 1,800 instructions, and every
    /// measurement of a feed looks up its unit (`Svoris (kg)`). Nil for other text.
    static func asciiKey(_ spelling: String, trimmingDots: Bool) -> String? {
        var source = spelling
        return source.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if trimmingDots {
                while start < end, bytes[start] == UInt8(ascii: ".") { start += 1 }
                while end > start, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            }
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in start..<end {
                    let byte = bytes[offset]
                    buffer[offset - start] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                }
                return end - start
            }
        }
    }
}
