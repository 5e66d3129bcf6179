import Foundation

/// How many of last night's records one night may take out of the catalog (`sync --max-removed`): a number of
/// records (`500`) or a share of last night's records (`20%`). Records leave the catalog as `removed` or as `now
/// rejected`; both count. A night over the limit writes nothing and leaves the state as it was, so an empty
/// download folder or a feed cut to its header does not delete a shop's products.
public enum RemovalLimit: Sendable, Equatable, CustomStringConvertible {
    case records(Int)
    case percent(Decimal)

    /// Parses `500` or `20%` (a decimal point is allowed in a share: `2.5%`); nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            let number = trimmed.dropLast()
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), number.filter({ $0 == "." }).count <= 1,
                  let share = Decimal(string: String(number), locale: Locale(identifier: "en_US_POSIX")), share <= 100 else { return nil }
            self = .percent(share)
        } else {
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(trimmed) else { return nil }
            self = .records(count)
        }
    }

    public var description: String {
        switch self {
        case .records(let count): return "\(count)"
        case .percent(let share): return "\(share)%"
        }
    }

    /// Whether taking `leaving` of last night's `previous` records out of the catalog is more than the limit.
    public func isExceeded(leaving: Int, of previous: Int) -> Bool {
        switch self {
        case .records(let count): return leaving > count
        case .percent(let share): return Decimal(leaving) * 100 > share * Decimal(previous)
        }
    }

    /// Thrown by `CatalogSync.run` when a night is over the limit: nothing was written, the state is unchanged.
    public struct Exceeded: Error, CustomStringConvertible {
        public let limit: RemovalLimit
        public let removed: Int
        public let rejected: Int
        public let previous: Int

        public var description: String {
            let leaving = removed + rejected
            let share = previous == 0 ? "" : String(format: ", %.1f%%", Double(leaving) * 100 / Double(previous))
            return "tonight would take \(leaving) of last night's \(previous) records out of the catalog (\(removed) removed, "
                + "\(rejected) now rejected\(share)), more than --max-removed \(limit). Nothing was written: the outputs and "
                + "the state are as they were. Check the inputs (a missing download, an empty folder, a feed cut short); "
                + "to accept the night, run again with a higher --max-removed."
        }
    }
}
