import Foundation

/// Weights of zero, above a tonne, or a net weight above the gross weight are data errors.
public struct PackageWeightRule: RecordRule {
    public let code: FindingCode = .packageWeightImplausible
    public let title = "Implausible weight"
    public let defaultSeverity = Severity.warning
    public let explanation = "Weights are converted to grams. A weight of zero, above one tonne (`limits.max_weight_g` in the configuration), or a net weight above the gross weight (the packaging cannot weigh less than nothing) is almost always a unit mix-up or swapped columns. The converted values are kept and flagged."
    public let example = "`Svoris: 350 kg` on a phone case, or `Netto: 2 kg` with `Brutto: 1.5 kg`."

    public init() {}

    public func check(_ product: Product) -> [Finding] { check(product, context: RuleContext()) }

    public func check(_ product: Product, context: RuleContext) -> [Finding] {
        // A service plan's box (a code card) says nothing about the product it covers.
        guard !product.isServicePlan else { return [] }
        let limit = context.settings.maxWeightGrams
        let package = product.package
        var findings: [Finding] = []
        // Weight by weight, without a list of them (most packages pass).
        func check(_ name: String, _ quantity: Quantity?) {
            guard let quantity, !DecimalFastMath.isLess(0, quantity.value) || DecimalFastMath.isLess(limit, quantity.value) else { return }
            findings.append(finding("The \(name) \(quantity.valueText) \(quantity.unit) is implausible (expected above 0 and at most \(DecimalFormatting.trimmed(limit, maxFractionDigits: 0)) g); check the unit."))
        }
        check("weight", package.weight)
        check("gross weight", package.grossWeight)
        check("net weight", package.netWeight)
        if let net = package.netWeight, let gross = package.grossWeight, DecimalFastMath.isLess(gross.value, net.value) {
            findings.append(finding("The net weight \(net.valueText) g is above the gross weight \(gross.valueText) g; the columns may be swapped."))
        }
        return findings
    }
}
