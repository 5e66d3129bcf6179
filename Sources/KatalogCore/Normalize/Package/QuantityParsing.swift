import Foundation

/// Reads measurements (`14,00`, `0.5 cm`, `20 g`, `1,2kg`) and dimension strings (`14 x 12 x 0,5 cm`) and
/// converts them to canonical units (mm, g, ml).
///
/// The unit comes from the value, else from the label (`Svoris (kg)`), else from the key's documented default;
/// the last two are reported so a merchandiser can see what was assumed. Units and axis words come from the
/// tables it is made with.
public struct QuantityParsing: Sendable {
    /// Unit spellings and factors.
    public let units: UnitTable
    /// Words that name an axis (`L`, `Breite`, `dł.`).
    public let axisWords: DimensionAxes

    public init(units: UnitTable = .builtIn, axisWords: DimensionAxes = .builtIn) {
        self.units = units
        self.axisWords = axisWords
    }

    /// Where a unit came from when the value itself named none.
    public struct UnitFallback: Sendable, Hashable {
        /// A unit named in the label, e.g. `kg` from `Svoris (kg)`.
        public var fromLabel: String?
        /// The per-key default from `keys.json`.
        public var defaultUnit: String?
        /// The unit the source's configuration sets for this field (used after the label, before the default), or
        /// `storeSetting`: the export writes the shop's own unit, which the file does not name (no default applies).
        public var fromConfiguration: String?

        /// A platform's unit for exports written in the unit the shop chose in its settings (Squarespace, Wix).
        public static let storeSetting = "store-setting"

        public init(fromLabel: String? = nil, defaultUnit: String? = nil, fromConfiguration: String? = nil) {
            self.fromLabel = fromLabel
            self.defaultUnit = defaultUnit
            self.fromConfiguration = fromConfiguration
        }
    }

    public func parse(_ text: String, dimension: Dimension, fallback: UnitFallback, field: String) -> (quantity: Quantity?, findings: [Finding]) {
        let reading = parse(text, dimension: dimension, fallback: fallback, field: field, labelUnitIsColumnFact: false)
        return (reading.quantity, reading.findings)
    }

    /// `parse`, for a caller that says "the unit came from the label" once per column itself: with
    /// `labelUnitIsColumnFact`, a unit taken from the label is returned as `labelUnit` instead of as a
    /// `unit.from-label` finding (whose message would be built for every row only to be dropped).
    /// `knownLabelUnit`, when given, is `units.unit(fallback.fromLabel, in: dimension)` already looked up (by a
    /// caller that reads a whole column with one label): the same unit, without building and hashing its key for
    /// every row (about 900 instructions a measure).
    func parse(_ text: String, dimension: Dimension, fallback: UnitFallback, field: String, labelUnitIsColumnFact: Bool, knownLabelUnit: UnitTable.Unit?? = nil) -> (quantity: Quantity?, findings: [Finding], labelUnit: UnitTable.Unit?) {
        guard let (number, unitText) = Self.isBareNumber(text) ? (text, "") : Self.splitNumber(MoneyParsing.normalizeSpaces(text)) else {
            return (nil, [.quantityUnreadable(text, field: field)], nil)
        }
        guard let value = Self.readDecimal(number) else {
            return (nil, [.quantityUnreadable(text, field: field)], nil)
        }
        var findings: [Finding] = []
        var labelUnit: UnitTable.Unit?
        let unit: UnitTable.Unit
        if !unitText.isEmpty {
            guard let named = units.unit(unitText, in: dimension) else {
                return (nil, [.quantityUnknownUnit(text, unit: unitText, field: field, dimension: dimension)], nil)
            }
            unit = named
        } else if let hint = fallback.fromLabel, let named = knownLabelUnit ?? units.unit(hint, in: dimension) {
            unit = named
            if labelUnitIsColumnFact { labelUnit = named } else { findings.append(.quantityUnitFromLabel(text, unit: named.symbol, field: field)) }
        } else if fallback.fromConfiguration == UnitFallback.storeSetting {
            return (nil, [.quantityUnitIsStoreSetting(text, field: field)], nil)
        } else if let configured = fallback.fromConfiguration, let named = units.unit(configured, in: dimension) {
            unit = named
            findings.append(.quantityUnitFromConfiguration(text, unit: named.symbol, field: field))
        } else if let defaultUnit = fallback.defaultUnit, let named = units.unit(defaultUnit, in: dimension) {
            unit = named
            findings.append(.quantityUnitAssumed(text, unit: named.symbol, field: field))
        } else {
            return (nil, [.quantityUnitMissing(text, field: field)], nil)
        }
        if value < 0 { findings.append(.quantityNegative(text, field: field)) }
        return (Quantity(value: DecimalFastMath.product(value, unit.factor), dimension: dimension), findings, labelUnit)
    }

    /// `14 x 12 x 0,5 cm`, `14×12×0.5cm`, `L 14 cm / W 12 cm / H 0.5 cm` → lengths in length, width, height order.
    ///
    /// A part that names its axis (`L 14 cm`, `dł. 14`, `Breite 12 cm`) goes to that axis; otherwise `axes` (from a
    /// label such as `Maße (B x H x T)`) decides, else the parts are length, width, height in order. An unreadable
    /// part makes the whole string unreadable: no value is kept rather than a value on the wrong axis.
    public func parseDimensions(_ text: String, axes: [DimensionAxis]? = nil, fallback: UnitFallback, field: String) -> (values: [Quantity], findings: [Finding]) {
        let (byAxis, findings) = parseDimensionsByAxis(text, axes: axes, fallback: fallback, field: field)
        return (DimensionAxis.allCases.compactMap { byAxis[$0] }, findings)
    }

    /// Like `parseDimensions`, keyed by axis (a two-part `B x H` string fills width and height).
    public func parseDimensionsByAxis(_ text: String, axes: [DimensionAxis]? = nil, fallback: UnitFallback, field: String) -> (values: [DimensionAxis: Quantity], findings: [Finding]) {
        let cleaned = MoneyParsing.normalizeSpaces(text)
        let separators: Set<Character> = ["x", "X", "×", "*", "/", "х"]
        let parts = cleaned.split(whereSeparator: { separators.contains($0) }).map { $0.trimmingSpaces() }
        guard parts.count == 2 || parts.count == 3 else { return ([:], [.dimensionsUnreadable(text, field: field)]) }
        // A part may start with its axis name: `L 14 cm`, `dł. 14 cm`, `H: 0,5`.
        var named: [DimensionAxis?] = []
        let pieces = parts.map { part -> (String, String)? in
            let prefix = part.prefix { !$0.isASCIIDigit && $0 != "-" }
            named.append(prefix.isEmpty ? nil : axisWords.axis(String(prefix)))
            return Self.splitNumber(String(part.dropFirst(prefix.count)))
        }
        guard pieces.allSatisfy({ $0 != nil }) else { return ([:], [.dimensionsUnreadable(text, field: field)]) }
        let order: [DimensionAxis]
        if named.allSatisfy({ $0 != nil }), Set(named.compactMap { $0 }).count == parts.count {
            order = named.compactMap { $0 }
        } else if let axes, axes.count == parts.count {
            order = axes
        } else {
            order = Array(DimensionAxis.allCases.prefix(parts.count))
        }
        // The unit written last applies to the parts that name none ("14 x 12 x 0,5 cm").
        let sharedUnit = pieces.compactMap { $0?.1 }.last { !$0.isEmpty }
        var values: [DimensionAxis: Quantity] = [:]
        var findings: [Finding] = []
        for (axis, piece) in zip(order, pieces) {
            guard let (number, unit) = piece else { continue }
            let unitText = unit.isEmpty ? (sharedUnit ?? "") : unit
            let (quantity, more) = parse(unitText.isEmpty ? number : number + " " + unitText, dimension: .length, fallback: fallback, field: field)
            findings.append(contentsOf: more)
            guard let quantity else { return ([:], findings) }
            values[axis] = quantity
        }
        // One "unit assumed" finding is enough for the whole string.
        var seen = Set<FindingCode>()
        findings = findings.filter { seen.insert($0.code).inserted }
        return (values, findings)
    }

    /// Whether `text` is a bare number, as most spreadsheet cells of a measure are (`1,1`, `35`, `0.5`): ASCII
    /// digits, each `.` or `,` between two digits. Such text is its own number with no unit: space normalization
    /// and trimming leave it as it is, and `splitNumber` takes all of it. Told from the bytes, it spares those
    /// three passes (about 1,600 instructions per value).
    static func isBareNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var previousIsDigit = false
            for byte in bytes {
                if byte &- UInt8(ascii: "0") < 10 {
                    previousIsDigit = true
                } else if previousIsDigit, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                    previousIsDigit = false
                } else {
                    return false
                }
            }
            return previousIsDigit
        }
    }

    /// Splits `14,00 cm` into (`14,00`, `cm`); nil when the text does not start with a number.
    static func splitNumber(_ text: String) -> (String, String)? {
        var copy = text
        // ASCII text (every feed's `1.1 kg`) is split on its bytes in place; other text walks Characters.
        let ascii: (String, String)?? = copy.withUTF8 { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? .some(splitASCIINumber(bytes)) : nil
        }
        if let ascii { return ascii }
        return splitNumberGenerally(text.trimmingSpaces())
    }

    /// `splitNumber` on the bytes of ASCII text, where a byte is a character (only "\r\n" is not, and neither of
    /// its bytes is part of a number) and `isNumber` means `0`–`9`. The number is a prefix of the text once spaces
    /// and tabs are trimmed off both ends, as `trimmingSpaces` does; so is the unit after it.
    static func splitASCIINumber(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, String)? {
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        var index = start
        var hasDigit = false
        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < end {
            let byte = bytes[index]
            if isDigit(byte) {
                hasDigit = true
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ","), index + 1 < end, isDigit(bytes[index + 1]) {
                // A mark followed by a digit.
            } else {
                break
            }
            index += 1
        }
        guard hasDigit else { return nil }
        var unitStart = index
        while unitStart < end, isSpace(bytes[unitStart]) { unitStart += 1 }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: bytes[unitStart..<end]), as: UTF8.self))
    }

    /// The general form of `splitNumber`, on text already trimmed.
    static func splitNumberGenerally(_ trimmed: String) -> (String, String)? {
        var number = ""
        var index = trimmed.startIndex
        if index < trimmed.endIndex, trimmed[index] == "-" {
            number.append("-")
            index = trimmed.index(after: index)
        }
        while index < trimmed.endIndex {
            let char = trimmed[index]
            if char.isASCIIDigit {
                number.append(char)
            } else if (char == "." || char == ","), trimmed.index(after: index) < trimmed.endIndex, trimmed[trimmed.index(after: index)].isNumber {
                number.append(char)
            } else {
                break
            }
            index = trimmed.index(after: index)
        }
        guard number.contains(where: \.isNumber) else { return nil }
        return (number, trimmed[index...].trimmingSpaces())
    }

    /// A measurement number: one `.` or `,` is the decimal separator (`14,00` → 14.00); grouping is not expected.
    static func readDecimal(_ number: String) -> Decimal? {
        let negative = number.hasPrefix("-")
        // Plain ASCII digits with at most one `.` or `,`: read from the bytes, as the general path below would.
        var bytes = number
        if let value = bytes.withUTF8({ DecimalFormatting.parsePlainASCII($0.dropFirst(negative ? 1 : 0), allowsMinus: false, allowsComma: true) }) {
            return negative ? -value : value
        }
        let body = negative ? String(number.dropFirst()) : number
        // `splitNumber` gives ASCII digits and marks, where bytes stand for characters: no Foundation replacement.
        let isASCII = body.utf8.allSatisfy { $0 < 0x80 }
        let marks = isASCII ? body.utf8.count(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) : body.filter { $0 == "." || $0 == "," }.count
        let canonical: String
        if marks <= 1 {
            canonical = isASCII
                ? String(decoding: body.utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
                : body.replacingOccurrences(of: ",", with: ".")
        } else if let reading = NumberReading.read(body) {
            canonical = reading.canonical
        } else {
            return nil
        }
        guard let value = DecimalFormatting.parse(canonical) else { return nil }
        return negative ? -value : value
    }
}

extension Finding {
    static func quantityUnreadable(_ text: String, field: String) -> Finding {
        Finding(.error, .unitUnreadable, "\(field): \"\(text)\" is not a number with a unit; the value was not kept.")
    }
    static func quantityUnknownUnit(_ text: String, unit: String, field: String, dimension: Dimension) -> Finding {
        Finding(.error, .unitUnknown, "\(field): \"\(unit)\" in \"\(text)\" is not a \(dimension.rawValue) unit Katalog knows; the value was not kept.")
    }

    static func quantityUnitFromLabel(_ text: String, unit: String, field: String) -> Finding {
        Finding(.info, .unitFromLabel, "\(field): \"\(text)\" has no unit; \(unit) was taken from the label.")
    }

    /// The spreadsheet form of `unit.from-label`: said once for the column.
    static func columnUnitFromHeader(_ header: String, unit: String) -> Finding {
        Finding(.info, .unitFromLabel, "Column \"\(header)\": values without a unit are read in \(unit), the unit its header names (reported once per file for the column).")
    }
    static func quantityUnitFromConfiguration(_ text: String, unit: String, field: String) -> Finding {
        Finding(.info, .unitFromConfiguration, "\(field): \"\(text)\" has no unit; \(unit) was taken from the source's defaults (its configuration, or the export platform's documented unit).")
    }
    static func quantityUnitAssumed(_ text: String, unit: String, field: String) -> Finding {
        Finding(.warning, .unitAssumed, "\(field): \"\(text)\" has no unit and the label names none; assumed \(unit), the documented default for \(field).")
    }
    static func quantityUnitIsStoreSetting(_ text: String, field: String) -> Finding {
        Finding(.warning, .unitStoreSetting, "\(field): \"\(text)\" has no unit, and this export writes the unit chosen in the shop's settings, which the file does not name; the value was not kept. Set the source's units in a configuration file (sources: units, docs/validate.md).")
    }
    static func quantityUnitMissing(_ text: String, field: String) -> Finding {
        Finding(.error, .unitMissing, "\(field): \"\(text)\" has no unit and no default applies; the value was not kept.")
    }
    static func quantityNegative(_ text: String, field: String) -> Finding {
        Finding(.warning, .unitNegative, "\(field): \"\(text)\" is negative.")
    }
    static func dimensionsUnreadable(_ text: String, field: String) -> Finding {
        Finding(.error, .unitDimensionsUnreadable, "\(field): \"\(text)\" is not a dimension string such as \"14 x 12 x 0,5 cm\"; the value was not kept.")
    }
}
