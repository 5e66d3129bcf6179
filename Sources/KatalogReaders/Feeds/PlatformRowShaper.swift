import Foundation
import KatalogCore

/// One data row of a spreadsheet on its way to becoming a record: its cells (one per header column, `""` when
/// empty), its line, and fields the shaping added (a group's images, a parent's SKU, translations).
struct ShapedRow {
    var cells: [String]
    var line: Int
    var extraFields: [RawField] = []
}

/// Turns the rows of a recognised shop-platform export into records, as the platform's documentation defines
/// them (`PlatformProfiles`): rows grouped by a key or by a row type (Shopify's `Handle`, BigCommerce's `Item`,
/// Squarespace's and Wix's variant rows), variations and their parent rows (WooCommerce, Shopware), Magento's
/// store-view rows, name/value column pairs and `name=value` lists in one cell.
///
/// Structural: cells move between rows and become fields; no value is parsed but a Wix surcharge (a plain decimal
/// added to the product's price) and a BigCommerce Bulk Edit rule (`[ADD]3.00`: plain decimals set or added). A row is never lost: rows that are not records of their own (a Shopify image
/// row, a parent with variations, a Magento store-view row) give their values to the records they belong to, and a
/// parent nobody references is a record when it is let go (at the end of the file, or earlier past the limits).
/// Memory is bounded: a group holds at most `maxGroupRows` rows, and at most `maxParents` parents
/// (`maxParentBytes` of text) are held back, the oldest let go first.
struct PlatformRowShaper {
    let profile: PlatformProfiles.Profile
    let header: [String]
    let file: String
    static let maxGroupRows = 10_000
    static let maxParents = 100_000
    /// The text of the parent rows held back, at most (Shopware holds every top-level product, since any of them
    /// may have variants further down).
    static let maxParentBytes = 16 << 20

    /// How the row's cells become fields; immutable, so the builder can keep a copy while the shaper holds rows.
    let layout: PlatformRowLayout

    // Group (Shopify).
    private var groupKey: String?
    private var groupRows: [ShapedRow] = []
    // Parent (WooCommerce, Shopware): held parents by their sequence number, oldest first out.
    private var parents: [String: Int] = [:]
    private var heldParents: [Int: HeldParent] = [:]
    private var nextParent = 0
    private var oldestParent = 0
    private var heldParentBytes = 0
    private var parentLimitReported = false

    /// A parent row waiting for its variations, its cells packed into one buffer: as separate strings, the rows held
    /// took about five times their text in memory (24 allocations a row, and the pages they pinned).
    private struct HeldParent {
        let cells: PackedCells
        let line: Int
        let extraFields: [RawField]
        var referenced = 0
        var keys: [String]
        var bytes: Int { cells.byteCount }

        init(_ row: ShapedRow, keys: [String]) {
            cells = PackedCells(row.cells)
            line = row.line
            extraFields = row.extraFields
            self.keys = keys
        }

        var row: ShapedRow { ShapedRow(cells: cells.unpacked(), line: line, extraFields: extraFields) }
    }
    // Translations (Magento).
    private var pending: ShapedRow?

    /// Parents held back at most: rows, and bytes of their text (the statics but in tests).
    let parentRowLimit: Int
    let parentByteLimit: Int

    init(profile: PlatformProfiles.Profile, header: [String], file: String, parentRowLimit: Int = maxParents, parentByteLimit: Int = maxParentBytes) {
        self.profile = profile
        self.header = header
        self.file = file
        self.parentRowLimit = parentRowLimit
        self.parentByteLimit = parentByteLimit
        layout = PlatformRowLayout(profile: profile, header: header)
        // Column lookups split `A|B` specs and search the header: done once here, not for every row (a WooCommerce
        // variation matched 50 columns against 20 translated fill specs each time, 2.5 ms a row).
        func columns(matching patterns: [String]) -> [Int] {
            header.indices.filter { index in patterns.contains { PlatformProfiles.matches(header[index], pattern: $0) } }
        }
        let rows = profile.rows
        groupFillColumns = columns(matching: rows?.group?.fill ?? [])
        memberColumns = (rows?.group?.memberColumns ?? []).compactMap { spec in
            PlatformProfiles.column(spec.column, in: header).map { (index: $0, label: spec.label) }
        }
        adjustedColumns = (rows?.group?.adjustments?.columns ?? []).flatMap { columns(matching: [$0]) }
        adjustmentMatchColumns = (rows?.group?.adjustments?.match ?? []).compactMap { PlatformProfiles.column($0, in: header) }
        groupCollectColumns = (rows?.group?.collect ?? []).flatMap { columns(matching: [$0]) }
        parentFillColumns = columns(matching: rows?.parent?.fill ?? [])
        var names: [String] = []
        if let group = rows?.group {
            names += [group.key, group.startsWhen?.column, group.memberWhen?.column, group.groupField?.column, group.surcharge?.price, group.surcharge?.surcharge, group.adjustments?.when.column].compactMap { $0 }
            names += group.memberWhenAny ?? []
        }
        if let parent = rows?.parent { names += [parent.reference, parent.parentWhen.column] + parent.keys }
        if let translations = rows?.translations { names += [translations.key, translations.whenFilled] }
        var indices: [String: Int] = [:]
        for name in names { if let index = PlatformProfiles.column(name, in: header) { indices[name] = index } }
        columnIndices = indices
    }

    private let groupFillColumns: [Int]
    /// Columns whose value on a variant row is read under another label (`member_columns`).
    private let memberColumns: [(index: Int, label: String)]
    /// The columns rule rows adjust, and those by which they name their variants, in the profile's order.
    private let adjustedColumns: [Int]
    private let adjustmentMatchColumns: [Int]
    private let groupCollectColumns: [Int]
    private let parentFillColumns: [Int]
    /// The profile's column specs (keys, conditions, references) resolved against the header.
    private let columnIndices: [String: Int]

    private func column(_ name: String) -> Int? { columnIndices[name] ?? PlatformProfiles.column(name, in: header) }

    private func cell(_ row: ShapedRow, _ name: String) -> String {
        guard let index = column(name), index < row.cells.count else { return "" }
        return row.cells[index].trimmingWhitespace()
    }

    /// Hands `row` to the shaping; `emit` receives every row that is a record, in a deterministic order.
    mutating func accept(_ row: ShapedRow, emit: (ShapedRow) -> Void, report: (Diagnostic) -> Void) {
        let rows = profile.rows
        if let group = rows?.group {
            if startsGroup(row, group) || groupRows.count >= Self.maxGroupRows {
                flushGroup(emit: emit, report: report)
                if let keyColumn = group.key { groupKey = cell(row, keyColumn) }
            }
            groupRows.append(row)
        } else if let parent = rows?.parent {
            acceptVariation(row, parent: parent, emit: emit, report: report)
        } else if let translations = rows?.translations {
            let language = cell(row, translations.whenFilled)
            if !language.isEmpty, var base = pending, cell(base, translations.key) == cell(row, translations.key) {
                for (index, value) in row.cells.enumerated() where index < header.count && !value.isEmpty {
                    let name = header[index]
                    guard index != column(translations.key), index != column(translations.whenFilled) else { continue }
                    base.extraFields.append(RawField(label: "store view \(language): \(name)", value: value, origin: .csvColumn, line: row.line))
                }
                pending = base
                return
            }
            if let pending { emit(pending) }
            pending = row
        } else {
            emit(row)
        }
    }

    /// Emits whatever is still held: the last group, the last pending record, parents nobody referenced.
    mutating func finish(emit: (ShapedRow) -> Void, report: (Diagnostic) -> Void) {
        flushGroup(emit: emit, report: report)
        if let pending { emit(pending) }
        pending = nil
        while oldestParent < nextParent { releaseOldestParent(emit: emit, report: report) }
    }

    /// Lets the oldest held parent go: a record when no variation named it, else the note that it is none.
    private mutating func releaseOldestParent(emit: (ShapedRow) -> Void, report: (Diagnostic) -> Void) {
        defer { oldestParent += 1 }
        guard let held = heldParents.removeValue(forKey: oldestParent) else { return }
        heldParentBytes -= held.bytes
        for key in held.keys where parents[key] == oldestParent { parents.removeValue(forKey: key) }
        if held.referenced == 0 {
            emit(held.row)
        } else {
            report(Diagnostic(.info, .csvParentRow,
                              "This row is the parent product of \(held.referenced) variation\(held.referenced == 1 ? "" : "s") in this \(profile.name); its columns fill theirs and it is not a record of its own.",
                              at: SourceLocation(file: file, line: held.line)))
        }
    }

    // MARK: - Groups

    /// Whether `row` starts a new group rather than continuing the current one.
    private func startsGroup(_ row: ShapedRow, _ group: PlatformProfiles.Group) -> Bool {
        if groupRows.isEmpty { return true }
        if let starts = group.startsWhen { return starts.holds(for: cell(row, starts.column)) }
        guard let keyColumn = group.key else { return false }
        let key = cell(row, keyColumn)
        if key.isEmpty && group.continueWhenKeyEmpty == true { return false }
        return key != groupKey
    }

    /// Whether `row` is a record of its own within its group.
    private func isMember(_ row: ShapedRow, _ group: PlatformProfiles.Group) -> Bool {
        if let condition = group.memberWhen, condition.holds(for: cell(row, condition.column)) { return true }
        return (group.memberWhenAny ?? []).contains { name in !cell(row, name).isEmpty }
    }

    private mutating func flushGroup(emit: (ShapedRow) -> Void, report: (Diagnostic) -> Void) {
        guard let group = profile.rows?.group, let first = groupRows.first else { return }
        defer { groupRows.removeAll(keepingCapacity: true) }
        var members = groupRows.filter { isMember($0, group) }
        let hasVariants = !members.isEmpty && !(members.count == 1 && members[0].line == first.line)
        if members.isEmpty { members = [first] }
        let fillColumns = groupFillColumns, collectColumns = groupCollectColumns
        if hasVariants, !members.contains(where: { $0.line == first.line }) {
            report(Diagnostic(.info, .csvParentRow,
                              "This row is the product of \(members.count) variant row\(members.count == 1 ? "" : "s") in this \(profile.name); its columns fill theirs and it is not a record of its own.",
                              at: SourceLocation(file: file, line: first.line)))
        }
        let rules = group.adjustments.map { adjustments in groupRows.filter { adjustments.when.holds(for: cell($0, adjustments.when.column)) } } ?? []
        var rulesApplied = Set<Int>()
        for var member in members {
            // What the variant's rules name it by: its own cells, before the product's fill them.
            let ownCells = member.cells
            if let surcharge = group.surcharge, member.line != first.line {
                applySurcharge(surcharge, from: first, to: &member)
            }
            if member.line != first.line {
                for (index, label) in memberColumns where index < member.cells.count && !member.cells[index].trimmingWhitespace().isEmpty {
                    member.extraFields.append(RawField(label: label, value: member.cells[index], origin: .csvColumn, line: member.line))
                    member.cells[index] = ""
                }
            }
            for index in fillColumns where index < member.cells.count && index < first.cells.count && member.cells[index].isEmpty {
                member.cells[index] = first.cells[index]
            }
            for (position, rule) in rules.enumerated() where member.line != first.line && names(rule, ownCells) {
                rulesApplied.insert(position)
                apply(rule, to: &member)
            }
            if hasVariants, let field = group.groupField, !cell(first, field.column).isEmpty {
                member.extraFields.append(RawField(label: field.label, value: cell(first, field.column), origin: .csvColumn, line: first.line))
            }
            for index in collectColumns {
                let own = index < member.cells.count ? member.cells[index] : ""
                var seen: Set<String> = own.isEmpty ? [] : [own]
                for other in groupRows where index < other.cells.count {
                    let value = other.cells[index]
                    guard !value.isEmpty, seen.insert(value).inserted else { continue }
                    member.extraFields.append(RawField(label: header[index], value: value, origin: .csvColumn, line: other.line))
                }
            }
            emit(member)
        }
        for (position, rule) in rules.enumerated() where !rulesApplied.contains(position) {
            var named = "no variant"
            for index in adjustmentMatchColumns where index < rule.cells.count && !rule.cells[index].trimmingWhitespace().isEmpty {
                named = "\(header[index]) \"\(rule.cells[index].trimmingWhitespace())\""
                break
            }
            report(Diagnostic(.warning, .csvRuleUnmatched,
                              "This rule row names \(named), which none of its product's variant rows has; its adjustments were not applied.",
                              at: SourceLocation(file: file, line: rule.line)))
        }
    }

    /// Whether a rule row names the variant whose own cells are `ownCells`: by the first match column the rule fills.
    private func names(_ rule: ShapedRow, _ ownCells: [String]) -> Bool {
        for index in adjustmentMatchColumns where index < rule.cells.count {
            let named = rule.cells[index].trimmingWhitespace()
            guard !named.isEmpty else { continue }
            return index < ownCells.count && ownCells[index].trimmingWhitespace() == named
        }
        return false
    }

    /// A rule's adjustments applied to a variant's figures: `[FIXED]0.35` sets, `[ADD]3` and `[REMOVE]3` move the
    /// variant's figure (the product's when it has none, filled before). The rule is kept on the variant as the field
    /// `<column> rule`. An adjustment that cannot be read, or a figure that is no plain number, leaves the figure
    /// empty (a variant without a price is rejected with its reason) rather than the product's, which would be wrong.
    private func apply(_ rule: ShapedRow, to member: inout ShapedRow) {
        for index in adjustedColumns where index < rule.cells.count && index < member.cells.count {
            let text = rule.cells[index].trimmingWhitespace()
            guard !text.isEmpty else { continue }
            member.extraFields.append(RawField(label: header[index] + " rule", value: text, origin: .csvColumn, line: rule.line))
            member.cells[index] = Self.adjusted(member.cells[index].trimmingWhitespace(), by: text).map { "\($0)" } ?? ""
        }
    }

    /// `base` moved by `rule` (`[FIXED]45`, `[ADD]3.00`, `[REMOVE]1.5`, case-insensitive); nil when either cannot
    /// be read. A plain number without an operation sets the figure.
    static func adjusted(_ base: String, by rule: String) -> Decimal? {
        var operation = "FIXED", amount = Substring(rule)
        if rule.hasPrefix("["), let close = rule.firstIndex(of: "]") {
            operation = rule[rule.index(after: rule.startIndex)..<close].uppercased()
            amount = rule[rule.index(after: close)...]
        }
        guard let value = plainDecimal(amount.trimmingWhitespace()) else { return nil }
        switch operation {
        case "FIXED": return value
        case "ADD": return plainDecimal(base).map { $0 + value }
        case "REMOVE": return plainDecimal(base).map { $0 - value }
        default: return nil
        }
    }

    /// A variant row without a price of its own costs the product's price plus its surcharge (`32` + `2`): both
    /// plain decimal numbers, as the platform writes them; without a surcharge, the product's price. A surcharge
    /// that is not a plain number leaves the variant without a price (it is rejected, its surcharge in its fields):
    /// the product's price would be wrong. The price column must not also be a `fill` column.
    private func applySurcharge(_ surcharge: PlatformProfiles.Surcharge, from first: ShapedRow, to member: inout ShapedRow) {
        guard let priceColumn = column(surcharge.price), priceColumn < member.cells.count,
              member.cells[priceColumn].trimmingWhitespace().isEmpty else { return }
        let base = cell(first, surcharge.price), extra = cell(member, surcharge.surcharge)
        if extra.isEmpty { return member.cells[priceColumn] = base }
        guard let basePrice = Self.plainDecimal(base), let added = Self.plainDecimal(extra) else { return }
        member.cells[priceColumn] = "\(basePrice + added)"
    }

    /// `32`, `2.50`, `-1.5` as a `Decimal`; nil for anything else (a thousands separator, a currency, a comma).
    static func plainDecimal(_ text: String) -> Decimal? {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    // MARK: - Parents and variations

    private mutating func acceptVariation(_ row: ShapedRow, parent: PlatformProfiles.Parent, emit: (ShapedRow) -> Void, report: (Diagnostic) -> Void) {
        let isParent = parent.parentWhen.holds(for: cell(row, parent.parentWhen.column))
        if isParent {
            let index = nextParent
            nextParent += 1
            var keys: [String] = []
            for key in parent.keys {
                let value = cell(row, key)
                guard !value.isEmpty else { continue }
                if key == parent.keys.first, let prefix = parent.idPrefix { keys.append(prefix + value) }
                keys.append(value)
            }
            for key in keys { parents[key] = index }
            let held = HeldParent(row, keys: keys)
            heldParents[index] = held
            heldParentBytes += held.bytes
            // Bounded memory: past the limits, the oldest parent is let go (a record if nobody named it yet).
            while heldParents.count > parentRowLimit || (heldParentBytes > parentByteLimit && heldParents.count > 1) {
                if !parentLimitReported {
                    parentLimitReported = true
                    report(Diagnostic(.warning, .csvParentLimit, "More than \(parentRowLimit) parent products, or more than \(parentByteLimit >> 20) MiB of them, wait for variations that may follow: from here the oldest is let go (a record of its own when no variation named it yet), and a variation that names it later does not take its columns.", at: SourceLocation(file: file, line: row.line)))
                }
                releaseOldestParent(emit: emit, report: report)
            }
            return
        }
        var variation = row
        let reference = cell(row, parent.reference)
        if !reference.isEmpty {
            if let index = parents[reference], let held = heldParents[index] {
                heldParents[index]?.referenced += 1
                let base = held.row
                for column in parentFillColumns {
                    if column < variation.cells.count, column < base.cells.count, variation.cells[column].isEmpty {
                        variation.cells[column] = base.cells[column]
                    }
                }
                let parentSKU = parent.keys.dropFirst().map { cell(base, $0) }.first { !$0.isEmpty }
                variation.extraFields.append(RawField(label: parent.groupLabel, value: parentSKU ?? reference, origin: .csvColumn, line: base.line))
            } else {
                variation.extraFields.append(RawField(label: parent.groupLabel, value: reference, origin: .csvColumn, line: row.line))
            }
        }
        emit(variation)
    }

}

/// Which cells of a platform export's row become which fields: name/value column pairs and `name=value` lists
/// are reshaped, every other non-empty cell is handed to the caller's plain reshaping.
struct PlatformRowLayout {
    let header: [String]
    private let pairColumns: [(name: Int, value: Int, skip: Set<String>)]
    private let listColumns: [Int: PlatformProfiles.List]
    /// Lists that split added fields, by the fields' label.
    private let fieldLists: [String: PlatformProfiles.List]
    private let consumed: Set<Int>
    /// Columns of media file names, by index.
    private let mediaColumns: [Int: PlatformProfiles.MediaBase]
    /// Columns read under a label that another cell decides, by index: their rules in the profile's order.
    private let conditionalColumns: [Int: [ConditionalRule]]

    /// A conditional column's rule, its condition's column found in the header.
    private struct ConditionalRule {
        let conditionColumn: Int?
        let condition: PlatformProfiles.Condition
        let label: String?
        let otherwise: String?
    }

    init(profile: PlatformProfiles.Profile, header: [String]) {
        self.header = header
        var pairs: [(Int, Int, Set<String>)] = []
        for pair in profile.pairs ?? [] {
            // `Attribute # name|Attribut # Name` pairs with `Attribute # value(s)|Attribut # Wert(e)`, alternative by alternative.
            let forms = zip(PlatformProfiles.alternatives(pair.name), PlatformProfiles.alternatives(pair.value))
            let patterns: [(String, String)] = forms.flatMap { name, value in
                name.contains("#")
                    ? (1...50).map { (name.replacingOccurrences(of: "#", with: "\($0)"), value.replacingOccurrences(of: "#", with: "\($0)")) }
                    : [(name, value)]
            }
            for (name, value) in patterns {
                guard let nameIndex = header.firstIndex(of: name), let valueIndex = header.firstIndex(of: value) else { continue }
                pairs.append((nameIndex, valueIndex, Set(pair.skip ?? [])))
            }
        }
        pairColumns = pairs
        var lists: [Int: PlatformProfiles.List] = [:]
        for list in profile.lists ?? [] {
            if let index = PlatformProfiles.column(list.column, in: header) { lists[index] = list }
        }
        listColumns = lists
        // Lists named after no column split the fields the shaping adds under that label (a variant's options).
        fieldLists = Dictionary((profile.lists ?? []).filter { PlatformProfiles.column($0.column, in: header) == nil }.map { ($0.column, $0) }) { first, _ in first }
        consumed = Set(pairs.flatMap { [$0.0, $0.1] }).union(lists.keys)
        var conditional: [Int: [ConditionalRule]] = [:]
        for rule in profile.conditional ?? [] {
            guard let index = PlatformProfiles.column(rule.column, in: header) else { continue }
            conditional[index, default: []].append(ConditionalRule(
                conditionColumn: PlatformProfiles.column(rule.when.column, in: header), condition: rule.when,
                label: rule.label, otherwise: rule.otherwiseLabel
            ))
        }
        conditionalColumns = conditional
        var media: [Int: PlatformProfiles.MediaBase] = [:]
        for rule in profile.mediaBase ?? [] {
            if let index = PlatformProfiles.column(rule.column, in: header) { media[index] = rule }
        }
        mediaColumns = media
    }

    /// The fields of `row`: its non-empty cells in column order (pairs and lists reshaped), then the added fields.
    func fields(of row: ShapedRow, plain: (Int, String, inout [RawField]) -> Void) -> [RawField] {
        var fields: [RawField] = []
        fields.reserveCapacity(row.cells.count + row.extraFields.count)
        for (index, value) in row.cells.enumerated() where index < header.count && !value.isEmpty {
            if let list = listColumns[index] {
                let entries = Self.split(value, list: list)
                if entries.isEmpty { plain(index, value, &fields) }
                for entry in entries { fields.append(RawField(label: entry.name, value: entry.value, origin: .csvColumn, line: row.line)) }
            } else if let pair = pairColumns.first(where: { $0.value == index }) {
                let name = row.cells[pair.name].trimmingWhitespace()
                if name.isEmpty { plain(index, value, &fields) } else if !pair.skip.contains(value.trimmingWhitespace()) {
                    fields.append(RawField(label: name, value: value, origin: .csvColumn, line: row.line))
                }
            } else if let media = mediaColumns[index] {
                for piece in value.components(separatedBy: media.separator) {
                    let name = piece.trimmingWhitespace()
                    guard !name.isEmpty else { continue }
                    let lowered = name.lowercased()
                    let url = lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? name
                        : name.hasPrefix("//") ? "https:" + name : media.base + name
                    fields.append(RawField(label: header[index], value: url, origin: .csvColumn, line: row.line))
                }
            } else if let rules = conditionalColumns[index] {
                let holding = rules.first { rule in
                    rule.condition.holds(for: rule.conditionColumn.flatMap { $0 < row.cells.count ? row.cells[$0].trimmingWhitespace() : nil } ?? "")
                }
                // A holding rule's label, or the column's own when it names none; the first fallback when none holds.
                let label = holding != nil ? holding?.label : rules.lazy.compactMap(\.otherwise).first
                if let label {
                    fields.append(RawField(label: label, value: value, origin: .csvColumn, line: row.line))
                } else {
                    plain(index, value, &fields)
                }
            } else if !consumed.contains(index) {
                plain(index, value, &fields)
            }
        }
        if fieldLists.isEmpty { return fields + row.extraFields }
        for field in row.extraFields {
            let entries = field.label.flatMap { fieldLists[$0] }.map { Self.split(field.value, list: $0) } ?? []
            if entries.isEmpty { fields.append(field); continue }
            for entry in entries { fields.append(RawField(label: entry.name, value: entry.value, origin: field.origin, line: field.line)) }
        }
        return fields
    }

    /// `color=Blue,material=Canvas|Leather` → (color, Blue), (material, Canvas|Leather). An entry without the
    /// separator belongs to the value before it (`activity=Gym,Hiking` → activity `Gym,Hiking`). A trailing
    /// position (`Composition:Coton:1`) is dropped.
    static func split(_ text: String, list: PlatformProfiles.List) -> [(name: String, value: String)] {
        if let keyed = list.keyed { return splitKeyed(text, list: list, keyed: keyed) }
        var result: [(name: String, value: String)] = []
        for entry in text.components(separatedBy: list.entry) {
            let parts = entry.components(separatedBy: list.nameValue)
            guard parts.count >= 2, !parts[0].trimmingWhitespace().isEmpty else {
                if let last = result.popLast() { result.append((last.name, last.value + list.entry + entry)); continue }
                return []
            }
            var valueParts = Array(parts.dropFirst())
            if valueParts.count > 1, let last = valueParts.last, !last.isEmpty, last.allSatisfy(\.isNumber) { valueParts.removeLast() }
            let value = valueParts.joined(separator: list.nameValue).trimmingWhitespace()
            var name = parts[0].trimmingWhitespace()
            if list.typePrefix == true, name.hasPrefix("["), let close = name.firstIndex(of: "]") {
                name = String(name[name.index(after: close)...]).trimmingWhitespace()
            }
            if !value.isEmpty, !name.isEmpty { result.append((name, value)) }
        }
        return result
    }
}

extension PlatformRowLayout {
    /// `Type=Swatch|Name=Color|Value=Blue[#0000FF]|Type=Rectangle|Name=Size|Value=M` with `Name` and `Value` as the
    /// keyed parts → (Color, Blue), (Size, M). A part naming a field starts a new one; a field takes the first value
    /// after its name; other parts (`Type`) are not kept. A swatch's colour codes or pattern after the value, in
    /// brackets, are not part of it. Nothing when any part has no `name_value` separator or a name has no value:
    /// the cell is then kept whole.
    static func splitKeyed(_ text: String, list: PlatformProfiles.List, keyed: PlatformProfiles.List.KeyedParts) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var name: String?
        for part in text.components(separatedBy: list.entry) where !part.trimmingWhitespace().isEmpty {
            guard let separator = part.range(of: list.nameValue) else { return [] }
            let key = part[..<separator.lowerBound].trimmingWhitespace()
            let value = String(part[separator.upperBound...]).trimmingWhitespace()
            if key.caseInsensitiveCompare(keyed.name) == .orderedSame {
                if name != nil { return [] }
                name = value
            } else if key.caseInsensitiveCompare(keyed.value) == .orderedSame, let fieldName = name {
                var kept = value
                if kept.hasSuffix("]"), let open = kept.lastIndex(of: "["), open > kept.startIndex {
                    kept = String(kept[..<open]).trimmingWhitespace()
                }
                if !fieldName.isEmpty, !kept.isEmpty { result.append((fieldName, kept)) }
                name = nil
            }
        }
        return name == nil ? result : []
    }
}

/// Strings packed into one byte buffer: one allocation for a row's cells.
struct PackedCells {
    private let bytes: [UInt8]
    /// The end offset of each cell in `bytes`.
    private let ends: [Int32]

    init(_ cells: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.reduce(0) { $0 + $1.utf8.count })
        var ends: [Int32] = []
        ends.reserveCapacity(cells.count)
        for cell in cells {
            bytes.append(contentsOf: cell.utf8)
            ends.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.ends = ends
    }

    var byteCount: Int { bytes.count }

    func unpacked() -> [String] {
        var start = 0
        return ends.map { end in
            defer { start = Int(end) }
            return bytes[start..<Int(end)].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        }
    }
}
