import KatalogCore

/// One data row of a spreadsheet on its way to becoming a record: its cells (one per header column, `""` when
/// empty), its line, and fields the shaping added (a group's images, a parent's SKU, translations).
struct ShapedRow {
    var cells: [String]
    var line: Int
    var extraFields: [RawField] = []
}

/// Turns the rows of a recognised shop-platform export into records, as the platform's documentation defines
/// them (`PlatformProfiles`): Shopify's rows grouped by `Handle`, WooCommerce's variations and their parent rows,
/// Magento's store-view rows, name/value column pairs and `name=value` lists in one cell.
///
/// Purely structural: cells move between rows and become fields; no value is parsed. A row is never lost: rows
/// that are not records of their own (a Shopify image row, a WooCommerce parent with variations, a Magento
/// store-view row) give their values to the records they belong to, and a parent nobody references is emitted as a
/// record at the end of the file. Memory is bounded: a group holds at most `maxGroupRows` rows and at most
/// `maxParents` parents are held back.
struct PlatformRowShaper {
    let profile: PlatformProfiles.Profile
    let header: [String]
    let file: String
    static let maxGroupRows = 10_000
    static let maxParents = 100_000

    /// How the row's cells become fields; immutable, so the builder can keep a copy while the shaper holds rows.
    let layout: PlatformRowLayout

    // Group (Shopify).
    private var groupKey: String?
    private var groupRows: [ShapedRow] = []
    // Parent (WooCommerce).
    private var parents: [String: Int] = [:]
    private var heldParents: [(row: ShapedRow, referenced: Int)] = []
    private var parentLimitReported = false
    // Translations (Magento).
    private var pending: ShapedRow?

    init(profile: PlatformProfiles.Profile, header: [String], file: String) {
        self.profile = profile
        self.header = header
        self.file = file
        layout = PlatformRowLayout(profile: profile, header: header)
    }

    private func column(_ name: String) -> Int? { PlatformProfiles.column(name, in: header) }

    private func cell(_ row: ShapedRow, _ name: String) -> String {
        guard let index = column(name), index < row.cells.count else { return "" }
        return row.cells[index].trimmingWhitespace()
    }

    /// Hands `row` to the shaping; `emit` receives every row that is a record, in a deterministic order.
    mutating func accept(_ row: ShapedRow, emit: (ShapedRow) -> Void, report: (Diagnostic) -> Void) {
        let rows = profile.rows
        if let group = rows?.group {
            let key = cell(row, group.key)
            if key != groupKey || groupRows.count >= Self.maxGroupRows {
                flushGroup(emit: emit)
                groupKey = key
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
        flushGroup(emit: emit)
        if let pending { emit(pending) }
        pending = nil
        for held in heldParents {
            if held.referenced == 0 {
                emit(held.row)
            } else {
                report(Diagnostic(.info, .csvParentRow,
                                  "This row is the parent product of \(held.referenced) variation\(held.referenced == 1 ? "" : "s") in this \(profile.name); its columns fill theirs and it is not a record of its own.",
                                  at: SourceLocation(file: file, line: held.row.line)))
            }
        }
        heldParents.removeAll()
    }

    // MARK: - Groups

    private mutating func flushGroup(emit: (ShapedRow) -> Void) {
        guard let group = profile.rows?.group, let first = groupRows.first else { return }
        defer { groupRows.removeAll(keepingCapacity: true) }
        let memberColumns = group.memberWhenAny.compactMap(column)
        var members = groupRows.filter { row in memberColumns.contains { $0 < row.cells.count && !row.cells[$0].trimmingWhitespace().isEmpty } }
        if members.isEmpty { members = [first] }
        let fillColumns = header.indices.filter { index in group.fill.contains { PlatformProfiles.matches(header[index], pattern: $0) } }
        let collectColumns = group.collect.compactMap(column)
        for var member in members {
            for index in fillColumns where index < member.cells.count && index < first.cells.count && member.cells[index].isEmpty {
                member.cells[index] = first.cells[index]
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
    }

    // MARK: - Parents and variations

    private mutating func acceptVariation(_ row: ShapedRow, parent: PlatformProfiles.Parent, emit: (ShapedRow) -> Void, report: (Diagnostic) -> Void) {
        let isParent = cell(row, parent.parentWhen.column).lowercased().contains(parent.parentWhen.contains.lowercased())
        if isParent {
            guard heldParents.count < Self.maxParents else {
                if !parentLimitReported {
                    parentLimitReported = true
                    report(Diagnostic(.warning, .csvParentLimit, "More than \(Self.maxParents) parent products: later parents are records of their own and do not fill their variations.", at: SourceLocation(file: file, line: row.line)))
                }
                return emit(row)
            }
            let index = heldParents.count
            heldParents.append((row, 0))
            for key in parent.keys {
                let value = cell(row, key)
                guard !value.isEmpty else { continue }
                if key == parent.keys.first, let prefix = parent.idPrefix { parents[prefix + value] = index }
                parents[value] = index
            }
            return
        }
        var variation = row
        let reference = cell(row, parent.reference)
        if !reference.isEmpty {
            if let index = parents[reference] {
                heldParents[index].referenced += 1
                let base = heldParents[index].row
                for column in header.indices where parent.fill.contains(where: { PlatformProfiles.matches(header[column], pattern: $0) }) {
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
    private let consumed: Set<Int>

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
        consumed = Set(pairs.flatMap { [$0.0, $0.1] }).union(lists.keys)
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
            } else if !consumed.contains(index) {
                plain(index, value, &fields)
            }
        }
        return fields + row.extraFields
    }

    /// `color=Blue,material=Canvas|Leather` → (color, Blue), (material, Canvas|Leather). An entry without the
    /// separator belongs to the value before it (`activity=Gym,Hiking` → activity `Gym,Hiking`). A trailing
    /// position (`Composition:Coton:1`) is dropped.
    static func split(_ text: String, list: PlatformProfiles.List) -> [(name: String, value: String)] {
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
            if !value.isEmpty { result.append((parts[0].trimmingWhitespace(), value)) }
        }
        return result
    }
}
