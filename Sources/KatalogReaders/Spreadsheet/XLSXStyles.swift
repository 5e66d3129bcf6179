import Foundation

/// How a cell's number is meant to be read, from its style's number format: Excel stores a date as a count of days
/// and a percentage as a fraction, and shows them formatted; only the format tells them from plain numbers.
enum XLSXNumberFormat: Sendable, Equatable {
    case number
    case date
    case dateTime
    case time
    case percent

    /// The meaning of a format code (`yyyy-mm-dd`, `0.00%`, `#,##0.00 "Lt"`): quoted text, `[…]` locale and colour
    /// tags and escaped characters are no part of it; only its first section (positive numbers) counts.
    static func of(code: String) -> XLSXNumberFormat {
        var letters = ""
        var elapsedTime = false
        var iterator = code.makeIterator()
        scan: while let character = iterator.next() {
            switch character {
            case "\"":
                while let next = iterator.next(), next != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                var tag = ""
                while let next = iterator.next(), next != "]" { tag.append(next) }
                // `[h]:mm:ss` counts elapsed hours; `[$€-427]`, `[Red]` and conditions are no digits.
                if ["h", "hh", "m", "mm", "s", "ss"].contains(tag.lowercased()) { elapsedTime = true }
            case ";":
                break scan
            default:
                letters.append(character)
            }
        }
        let lowered = letters.lowercased()
        let hasDate = lowered.contains("y") || lowered.contains("d")
        let hasTime = elapsedTime || lowered.contains("h") || lowered.contains("s")
        if hasDate { return hasTime ? .dateTime : .date }
        if hasTime { return .time }
        if lowered.contains("%") { return .percent }
        return .number
    }

    /// Excel's built-in formats (ECMA-376 part 1, 18.8.30) that are dates, times or percentages; every other id
    /// below 164 is a number or text format.
    static func builtIn(_ id: Int) -> XLSXNumberFormat {
        switch id {
        case 9, 10: .percent
        case 14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58: .date
        case 22: .dateTime
        case 18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56: .time
        default: .number
        }
    }
}

/// The number format of each cell style of a workbook (`xl/styles.xml`: a cell's `s` attribute is an index into
/// `cellXfs`, each naming a built-in or custom `numFmt`).
struct XLSXStyles: Sendable {
    private var formats: [XLSXNumberFormat] = []

    /// The format of style `index`; a plain number when the workbook has no such style.
    func format(ofStyle index: Int) -> XLSXNumberFormat {
        index >= 0 && index < formats.count ? formats[index] : .number
    }

    init() {}

    /// The styles of `package`'s `xl/styles.xml`; none (every number plain) when it has no such part.
    init(package: XLSXPackage) throws {
        let part = "xl/styles.xml"
        guard package.has(part) else { return }
        var custom: [Int: XLSXNumberFormat] = [:]
        var styleFormatIDs: [Int] = []
        var open: [Substring] = []
        _ = try package.withPart(part) { path in
            XMLStreamReader.read(file: path) { event in
                switch event {
                case let .startElement(name, attributes, isEmpty, _):
                    let local = XLSXNames.local(name)
                    if local == "numFmt", let id = XLSXNames.attribute("numFmtId", in: attributes).flatMap({ Int($0) }) {
                        custom[id] = XLSXNumberFormat.of(code: XLSXNames.attribute("formatCode", in: attributes) ?? "")
                    } else if local == "xf", open.last == "cellXfs" {
                        styleFormatIDs.append(XLSXNames.attribute("numFmtId", in: attributes).flatMap { Int($0) } ?? 0)
                    }
                    if !isEmpty { open.append(local) }
                case .endElement:
                    _ = open.popLast()
                default:
                    break
                }
            }
        }
        formats = styleFormatIDs.map { custom[$0] ?? XLSXNumberFormat.builtIn($0) }
    }
}
