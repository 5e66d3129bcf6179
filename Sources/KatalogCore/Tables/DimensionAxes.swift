import Foundation

/// The axis a dimension-string part or label letter names (`L`, `Š`, `wys.`, `Breite`), from `units.json` `axes`.
public enum DimensionAxis: String, Sendable, Hashable, CaseIterable {
    case length, width, height
}

/// Words and letters that name axes in dimension strings, matched lower-cased without a trailing dot or colon.
public struct DimensionAxes: Sendable {
    /// `units.json` (its `axes`); the bundled file is read through `ParsedJSON.parseTable` (`init(table:)`).
    struct File: Decodable, Equatable {
        var axes: [String: AxisWords]
        /// An axis's words; anything but a list of strings (the section's `_comment`) gives none.
        struct AxisWords: Decodable, Equatable {
            var words: [String]
            init(from decoder: Decoder) throws {
                words = (try? decoder.singleValueContainer().decode([String].self)) ?? []
            }
            init(table: ParsedJSON) { words = (try? table.strings()) ?? [] }
        }

        init(table: ParsedJSON) throws {
            axes = try table.required("axes") { try $0.dictionary { AxisWords(table: $0) } }
        }
    }

    private let words: [String: DimensionAxis]

    public static let builtIn: DimensionAxes = {
        let file = BundledData.read("units", File.init(table:))
        var words: [String: DimensionAxis] = [:]
        for axis in DimensionAxis.allCases {
            for word in file.axes[axis.rawValue]?.words ?? [] where words[word.lowercased()] == nil {
                words[word.lowercased()] = axis
            }
        }
        return DimensionAxes(words: words)
    }()

    init(words: [String: DimensionAxis]) { self.words = words }

    /// The axis `word` names (`L`, `dł.`, `Höhe`), ignoring case and a trailing dot or colon; nil when none.
    public func axis(_ word: String) -> DimensionAxis? {
        let key = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".: "))
        return words[key]
    }

    /// The axes named, in order, by a pattern such as `D x Š x A`, `dł. x szer. x wys.`, `B x H x T`, `Š×V×H`;
    /// nil unless every part names a distinct axis. With both `V` and `H` present, `H` is depth (Czech hloubka).
    public func axes(inPattern text: String) -> [DimensionAxis]? {
        let parts = text.split(whereSeparator: { "xX×*/х".contains($0) }).map { $0.trimmingSpaces() }
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let lowered = parts.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".: ")) }
        let czech = lowered.contains("v") && lowered.contains("h")
        let axes = lowered.map { part -> DimensionAxis? in
            if czech && part == "h" { return .length }
            return axis(part)
        }
        guard axes.allSatisfy({ $0 != nil }) else { return nil }
        let found = axes.compactMap { $0 }
        return Set(found).count == found.count ? found : nil
    }
}
