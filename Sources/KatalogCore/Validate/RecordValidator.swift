/// Runs the record rules and decides, by policy, which findings keep a record out of the catalog.
public struct RecordValidator: Sendable {
    public var rules: [any RecordRule]
    /// Codes whose findings reject a record. By default only a record that cannot be identified or has no usable
    /// price is rejected; everything else is imported with its findings attached.
    public var rejectingCodes: Set<String>

    public static let defaultRules: [any RecordRule] = [
        UnidentifiedRecordRule(), UsablePriceRule(), SalePriceAbovePriceRule(), NonPositivePriceRule(),
    ]
    public static let defaultRejectingCodes: Set<String> = ["record.unidentified", "record.no-usable-price"]

    public init(rules: [any RecordRule] = RecordValidator.defaultRules, rejectingCodes: Set<String> = RecordValidator.defaultRejectingCodes) {
        self.rules = rules
        self.rejectingCodes = rejectingCodes
    }

    /// Adds the rules' diagnostics to `product` and returns the codes that reject it (empty: import it).
    public func validate(_ product: inout Product) -> [String] {
        let location = product.source
        for rule in rules {
            product.diagnostics += rule.check(product).map { Diagnostic($0, at: location) }
        }
        var reasons: [String] = []
        for diagnostic in product.diagnostics where rejectingCodes.contains(diagnostic.code) && !reasons.contains(diagnostic.code) {
            reasons.append(diagnostic.code)
        }
        return reasons
    }
}
