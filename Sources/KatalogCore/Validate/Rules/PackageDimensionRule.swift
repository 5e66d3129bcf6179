import Foundation

/// Package sides of zero or beyond a few metres are almost always unit mix-ups (cm read as mm, m as cm).
public struct PackageDimensionRule: RecordRule {
    public let code: FindingCode = .packageDimensionImplausible
    public let title = "Implausible package dimension"
    public let defaultSeverity = Severity.warning
    public let explanation = "Package length, width and height are converted to millimetres. A side of zero, or longer than 6 metres (`limits.max_dimension_mm` in the configuration), is almost always a unit mix-up — a value in millimetres read as centimetres, or a weight typed into a dimension column. Shipping costs are computed from these, so they are flagged; the converted value is kept."
    public let example = "`Dėžės ilgis: 14000` with the label's unit cm (140 m)."

    public init() {}

    public func check(_ product: Product) -> [Finding] { check(product, context: RuleContext()) }

    public func check(_ product: Product, context: RuleContext) -> [Finding] {
        // A service plan's box (a code card) says nothing about the product it covers.
        guard !product.isServicePlan else { return [] }
        let limit = context.settings.maxDimensionMillimetres
        var findings: [Finding] = []
        // Side by side, without a list of them (most packages pass).
        func check(_ name: String, _ quantity: Quantity?) {
            // `value <= 0` is `!(0 < value)` (as Comparable defines it), here through the fast comparison.
            guard let quantity, !DecimalFastMath.isLess(0, quantity.value) || DecimalFastMath.isLess(limit, quantity.value) else { return }
            findings.append(finding("The package \(name) \(quantity.valueText) \(quantity.unit) is implausible (expected above 0 and at most \(DecimalFormatting.trimmed(limit, maxFractionDigits: 0)) mm); check the unit."))
        }
        check("length", product.package.length)
        check("width", product.package.width)
        check("height", product.package.height)
        return findings
    }
}
