import Foundation

/// Flags package measurements that are plausible for most products but not for the product at hand: a gift card
/// weighing 20 kg, a service plan in a 60 cm box. Limits and the words that mark such products live in
/// `Resources/plausibility.json`; general limits (a 14 m box, net above gross) are the record rules
/// `package.dimension-implausible` and `package.weight-implausible`.
///
/// Pure: product in, findings out. Values are never changed — a merchandiser decides — and the usual cause (a unit
/// mix-up such as g written as kg) is named in the message.
public struct PackagePlausibility: Sendable {
    struct File: Decodable {
        struct LightItems: Decodable {
            var max_side_mm: Decimal
            var max_weight_g: Decimal
            var words: [String: [String]]
        }
        var light_items: LightItems
    }

    let file: File
    /// Light-item words in `PricePhrases.words` form, longest first.
    let lightWords: [String]
    /// `lightWords` as UTF-8 bytes, matched against a title's words in one pass.
    private let lightWordBytes: [[UInt8]]

    /// The first words of the light-item phrases, behind one reference (the title check captures only it).
    private let firstWords: FirstWords

    init(file: File, lightWords: [String]) {
        self.file = file
        self.lightWords = lightWords
        lightWordBytes = lightWords.map { Array($0.utf8) }
        firstWords = FirstWords(phrases: lightWordBytes)
    }

    /// The first word of each light-item phrase (its bytes up to the first space), by `shapeIndex`: a phrase is
    /// in a title's words only where its first word is one of them, and most titles have none of these words.
    private final class FirstWords: Sendable {
        let shapes: [Bool]
        let words: [[UInt8]]

        init(phrases: [[UInt8]]) {
            var shapes = [Bool](repeating: false, count: 64 * 256)
            var words: [[UInt8]] = []
            for phrase in phrases {
                let first = Array(phrase.prefix { $0 != 0x20 })
                guard let byte = first.first else { continue }
                shapes[Self.shapeIndex(length: first.count, firstByte: byte)] = true
                if !words.contains(first) { words.append(first) }
            }
            self.shapes = shapes
            self.words = words
        }

        /// Lengths from 63 bytes up share one slot.
        private static func shapeIndex(length: Int, firstByte: UInt8) -> Int { min(length, 63) << 8 | Int(firstByte) }

        /// Whether some word of `bytes` (a `PricePhrases.words` form) is one of `words`.
        func anyIn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                if end > start, shapes[Self.shapeIndex(length: end - start, firstByte: bytes[start])] {
                    let length = end - start
                    for first in words where first.count == length {
                        if first.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress! + start, length) }) == 0 { return true }
                    }
                }
                start = end + 1
            }
            return false
        }
    }

    public static let builtIn: PackagePlausibility = {
        let file = BundledData.decode(File.self, from: "plausibility")
        let words = Set(file.light_items.words.values.flatMap { $0 }.map(PricePhrases.words)).sorted { ($0.count, $0) > ($1.count, $1) }
        return PackagePlausibility(file: file, lightWords: words)
    }()

    /// Findings about `product`'s package measurements (empty unless it is a light item with a heavy or big box).
    public func check(_ product: Product) -> [Finding] {
        let package = product.package
        let limits = file.light_items
        // Cheap test first: most packages are within even the light-item limits, and then the title is not read.
        func above(_ limit: Decimal, _ value: Decimal?) -> Bool { value.map { DecimalFastMath.isLess(limit, $0) } ?? false }
        let big = above(limits.max_side_mm, package.length?.value) || above(limits.max_side_mm, package.width?.value)
            || above(limits.max_side_mm, package.height?.value)
        guard big || above(limits.max_weight_g, package.grossWeight?.value) || above(limits.max_weight_g, package.netWeight?.value)
                || above(limits.max_weight_g, package.weight?.value),
              let light = lightItemWord(product) else { return [] }
        var findings: [Finding] = []
        for (key, side) in [("package_length", package.length), ("package_width", package.width), ("package_height", package.height)] {
            guard let value = side?.value, DecimalFastMath.isLess(file.light_items.max_side_mm, value) else { continue }
            findings.append(.implausibleSizeForItem(key, value: value, limit: file.light_items.max_side_mm, item: light))
        }
        for (key, weight) in [("gross_weight", package.grossWeight), ("net_weight", package.netWeight), ("weight", package.weight)] {
            guard let value = weight?.value, DecimalFastMath.isLess(file.light_items.max_weight_g, value) else { continue }
            findings.append(.implausibleWeightForItem(key, value: value, limit: file.light_items.max_weight_g, item: light))
        }
        return findings
    }

    /// The light-item word in the title, or `plan_term` when the record is a service plan.
    func lightItemWord(_ product: Product) -> String? {
        if let title = product.title {
            // The title's words are first looked at on the stack (`ScalarFolding.withWords` gives the bytes of
            // `PricePhrases.words` for Latin and Cyrillic text); the string is made only when a phrase may be there.
            let firstWords = self.firstWords
            let mayHold = ScalarFolding.withWords(title) { firstWords.anyIn($0) } ?? mayHoldLightWord(PricePhrases.words(title))
            if mayHold, let index = PricePhrases.firstContained(lightWordBytes, in: PricePhrases.words(title)) { return lightWords[index] }
        }
        return product.attributes.contains { $0.key == "plan_term" } ? "a service plan" : nil
    }

    /// False when no word of `words` (`PricePhrases.words` form) is the first word of a light-item phrase.
    func mayHoldLightWord(_ words: String) -> Bool {
        var words = words
        return words.withUTF8(firstWords.anyIn)
    }
}

extension Finding {
    private static func text(_ value: Decimal) -> String { DecimalFormatting.trimmed(value, maxFractionDigits: 3) }

    static func implausibleSizeForItem(_ key: String, value: Decimal, limit: Decimal, item: String) -> Finding {
        Finding(.warning, .unitImplausibleForItem, "\(key) is \(text(value)) mm, more than the \(text(limit)) mm plausible for a product sold as \"\(item)\"; check the unit (mm written as cm?). Kept as read.")
    }
    static func implausibleWeightForItem(_ key: String, value: Decimal, limit: Decimal, item: String) -> Finding {
        Finding(.warning, .unitImplausibleForItem, "\(key) is \(text(value)) g, more than the \(text(limit)) g plausible for a product sold as \"\(item)\"; check the unit (g written as kg?). Kept as read.")
    }
}
