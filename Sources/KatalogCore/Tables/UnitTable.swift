import Foundation

/// Units of length, mass and volume with their spellings and factors to the canonical unit (`Resources/units.json`).
public struct UnitTable: Sendable {
    public struct Unit: Sendable, Hashable {
        public var symbol: String
        public var dimension: Dimension
        /// How many canonical units one of this unit is.
        public var factor: Decimal
    }

    /// `units.json` (its `dimensions`); the bundled file is read through `TableJSON` (`init(table:)`).
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

        init(table: TableJSON) throws {
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
        let spaced = spelling.trimmingSpaces()
        // ASCII needs no Foundation trimming (which bridges through NSString): bytes are characters there.
        let key = (spaced.utf8.allSatisfy { $0 < 0x80 } ? spaced.trimming(where: { $0 == "." }) : spaced.trimmingCharacters(in: CharacterSet(charactersIn: "."))).lowercased()
        guard let unit = spellings[key] ?? spellings[spelling.trimmingSpaces().lowercased()] else { return nil }
        if let dimension, unit.dimension != dimension { return nil }
        return unit
    }
}
