import Foundation

/// What an Excel workbook holds, read from its `xl/workbook.xml` and that part's relationships: its worksheets in
/// tab order (chart sheets and dialog sheets are no tables and are left out), and its date system.
public struct XLSXWorkbook: Sendable {
    /// One worksheet: its tab name, the package part that holds its cells, and whether the workbook hides it.
    public struct Sheet: Sendable, Hashable {
        public let name: String
        /// The part's name in the package (`xl/worksheets/sheet1.xml`).
        public let part: String
        /// Hidden (`state="hidden"` or `veryHidden`): lookup lists and settings, not shown to the user.
        public let isHidden: Bool
        /// The size the package declares for the part (0 when it declares none).
        public let declaredSize: Int
    }

    public let sheets: [Sheet]
    /// Dates count days from 1904-01-01 (`<workbookPr date1904="1"/>`, old Mac workbooks), not from 1899-12-30.
    public let uses1904Dates: Bool

    /// Reads the workbook at `path` (an `.xlsx` file). Throws when it is no readable workbook, with the reason.
    public init(path: String) throws {
        try self.init(package: XLSXPackage(path: path))
    }

    /// The workbook's main part. A binary workbook (`.xlsb`) has `xl/workbook.bin` instead and is not read.
    public static let mainPartName = "xl/workbook.xml"

    init(package: XLSXPackage) throws {
        guard package.has(Self.mainPartName) else {
            let binary = package.has("xl/workbook.bin")
            throw XLSXPackage.Unreadable(reason: binary
                ? "it is a binary Excel workbook (.xlsb), which is not read; save it as .xlsx or as CSV (UTF-8)"
                : "it has no \(Self.mainPartName): it is no Excel workbook")
        }
        var entries: [(name: String, relationship: String, hidden: Bool)] = []
        var date1904 = false
        let outcome = try package.withPart(Self.mainPartName) { path in
            XMLStreamReader.read(file: path) { event in
                guard case let .startElement(name, attributes, _, _) = event else { return }
                switch XLSXNames.local(name) {
                case "sheet":
                    let state = XLSXNames.attribute("state", in: attributes) ?? "visible"
                    entries.append((XLSXNames.attribute("name", in: attributes) ?? "", XLSXNames.attribute("id", in: attributes) ?? "", state != "visible"))
                case "workbookPr":
                    let value = XLSXNames.attribute("date1904", in: attributes)
                    date1904 = value == "1" || value == "true"
                default: break
                }
            }
        }
        if let outcome, !outcome.completed, entries.isEmpty {
            throw XLSXPackage.Unreadable(reason: "its \(Self.mainPartName) is not well-formed XML (line \(outcome.stoppedAtLine ?? 0))")
        }
        let targets = try Self.worksheetTargets(in: package)
        sheets = entries.compactMap { entry in
            guard let part = targets[entry.relationship] else { return nil }
            return Sheet(name: entry.name, part: part, isHidden: entry.hidden, declaredSize: package.declaredSize(of: part) ?? 0)
        }
        uses1904Dates = date1904
    }

    /// The worksheet relationships of the workbook part: relationship id → part name.
    private static func worksheetTargets(in package: XLSXPackage) throws -> [String: String] {
        let relationships = "xl/_rels/workbook.xml.rels"
        guard package.has(relationships) else { return [:] }
        var targets: [String: String] = [:]
        _ = try package.withPart(relationships) { path in
            XMLStreamReader.read(file: path) { event in
                guard case let .startElement(name, attributes, _, _) = event, XLSXNames.local(name) == "Relationship",
                      let type = XLSXNames.attribute("Type", in: attributes), type.hasSuffix("/worksheet"),
                      let id = XLSXNames.attribute("Id", in: attributes), let target = XLSXNames.attribute("Target", in: attributes),
                      XLSXNames.attribute("TargetMode", in: attributes) != "External" else { return }
                targets[id] = XLSXNames.partName(target: target, base: "xl/")
            }
        }
        return targets
    }
}

/// Element and attribute names of the package's XML parts, matched by local name: Excel writes them unprefixed,
/// other writers with a prefix of their choice (`x:row`).
enum XLSXNames {
    /// `name` without its namespace prefix.
    static func local(_ name: String) -> Substring {
        // On the UTF-8 view: a `Character` search took a twentieth of a large sheet's reading.
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name[...] }
        return name[name.utf8.index(after: colon)...]
    }

    /// The value of the attribute whose local name is `name`.
    static func attribute(_ name: String, in attributes: [XMLStreamAttribute]) -> String? {
        // Excel writes its attributes unprefixed (`r`, `t`, `s`): the plain comparison first.
        attributes.first { $0.name == name }?.value ?? attributes.first { local($0.name) == name }?.value
    }

    /// The part a relationship's `Target` names, relative to the folder `base` (`worksheets/sheet1.xml` →
    /// `xl/worksheets/sheet1.xml`) or absolute (`/xl/worksheets/sheet1.xml`); `..` steps are resolved.
    static func partName(target: String, base: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : base + target
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}
