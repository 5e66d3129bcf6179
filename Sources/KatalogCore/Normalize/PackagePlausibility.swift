import Foundation

/// Flags package measurements that are possible to parse but implausible to ship: a 14 m box, a 0.1 mm side, a
/// gift card weighing 20 kg, a net weight above the gross weight. Limits live in `Resources/plausibility.json`.
///
/// Pure: product in, findings out. Values are never changed — a merchandiser decides — and the usual cause (a unit
/// mix-up such as mm written as cm) is named in the message.
public struct PackagePlausibility: Sendable {
    struct File: Decodable {
        struct Limits: Decodable {
            var min_side_mm: Decimal
            var max_side_mm: Decimal
            var min_weight_g: Decimal
            var max_weight_g: Decimal
        }
        struct LightItems: Decodable {
            var max_side_mm: Decimal
            var max_weight_g: Decimal
            var words: [String: [String]]
        }
        var package: Limits
        var light_items: LightItems
    }

    let file: File
    /// Light-item words in `PricePhrases.words` form, longest first.
    let lightWords: [String]

    public static let shared: PackagePlausibility = {
        let file = BundledData.decode(File.self, from: "plausibility")
        let words = Set(file.light_items.words.values.flatMap { $0 }.map(PricePhrases.words)).sorted { ($0.count, $0) > ($1.count, $1) }
        return PackagePlausibility(file: file, lightWords: words)
    }()

    /// Findings about `product`'s package measurements (empty when they are plausible or absent).
    public func check(_ product: Product) -> [Finding] {
        let package = product.package
        var findings: [Finding] = []
        let light = lightItemWord(product)
        let maxSide = light == nil ? file.package.max_side_mm : file.light_items.max_side_mm
        let maxWeight = light == nil ? file.package.max_weight_g : file.light_items.max_weight_g
        for (key, side) in [("package_length", package.length), ("package_width", package.width), ("package_height", package.height)] {
            guard let value = side?.value else { continue }
            if value > maxSide {
                findings.append(.implausibleSize(key, value: value, limit: maxSide, lightItem: light))
            } else if value < file.package.min_side_mm {
                findings.append(.implausiblySmall(key, value: value, unit: "mm", limit: file.package.min_side_mm))
            }
        }
        for (key, weight) in [("gross_weight", package.grossWeight), ("net_weight", package.netWeight), ("weight", package.weight)] {
            guard let value = weight?.value else { continue }
            if value > maxWeight {
                findings.append(.implausibleWeight(key, value: value, limit: maxWeight, lightItem: light))
            } else if value < file.package.min_weight_g {
                findings.append(.implausiblySmall(key, value: value, unit: "g", limit: file.package.min_weight_g))
            }
        }
        if let net = package.netWeight?.value, let gross = package.grossWeight?.value, net > gross {
            findings.append(.netAboveGross(net: net, gross: gross))
        }
        return findings
    }

    /// The light-item word in the title, or `plan_term` when the record is a service plan.
    func lightItemWord(_ product: Product) -> String? {
        if let title = product.title {
            let words = " " + PricePhrases.words(title) + " "
            if let word = lightWords.first(where: { words.contains(" " + $0 + " ") }) { return word }
        }
        return product.attributes.contains { $0.key == "plan_term" } ? "plan_term" : nil
    }
}

extension Finding {
    private static func text(_ value: Decimal) -> String { DecimalFormatting.trimmed(value, maxFractionDigits: 3) }

    static func implausibleSize(_ key: String, value: Decimal, limit: Decimal, lightItem: String?) -> Finding {
        let why = lightItem.map { " for a product sold as \"\($0)\"" } ?? ""
        return Finding(.warning, "unit.implausible", "\(key) is \(text(value)) mm, more than the \(text(limit)) mm that is plausible\(why); check the unit (mm written as cm?). Kept as read.")
    }
    static func implausibleWeight(_ key: String, value: Decimal, limit: Decimal, lightItem: String?) -> Finding {
        let why = lightItem.map { " for a product sold as \"\($0)\"" } ?? ""
        return Finding(.warning, "unit.implausible", "\(key) is \(text(value)) g, more than the \(text(limit)) g that is plausible\(why); check the unit (g written as kg?). Kept as read.")
    }
    static func implausiblySmall(_ key: String, value: Decimal, unit: String, limit: Decimal) -> Finding {
        Finding(.warning, "unit.implausible", "\(key) is \(text(value)) \(unit), less than \(text(limit)) \(unit); check the unit. Kept as read.")
    }
    static func netAboveGross(net: Decimal, gross: Decimal) -> Finding {
        Finding(.warning, "unit.net-above-gross", "The net weight (\(text(net)) g) is above the gross weight (\(text(gross)) g); they may be swapped. Kept as read.")
    }
}
