// The quantity parser (numbers, units, unit fallbacks, dimension strings by axis) and the GTIN parser
// (spreadsheet damage, UPC-E / ISBN-10 expansion, check digits). Invariants: a quantity is in its dimension;
// dimensions by axis are at most three; a valid GTIN is 8, 12, 13 or 14 ASCII digits whose check digit holds,
// with the format its length implies and a 14-digit GTIN-14 form; digits are digits only.
import Foundation
import FuzzSupport
import KatalogCore

let fallbacks: [QuantityParsing.UnitFallback] = [
    .init(), .init(fromLabel: "kg"), .init(defaultUnit: "cm"), .init(fromConfiguration: "in"), .init(fromLabel: "ml", defaultUnit: "l"),
]
let quantities = QuantityParsing()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuantityGTIN(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let selector = bytes.first else { return 0 }
    let text = UnsafeRawBufferPointer(rebasing: bytes.dropFirst()).lossyText

    let dimension = Dimension.allCases[Int(selector) % Dimension.allCases.count]
    let fallback = fallbacks[Int(selector / 4) % fallbacks.count]
    let single = quantities.parse(text, dimension: dimension, fallback: fallback, field: "weight")
    if let quantity = single.quantity {
        invariant(quantity.dimension == dimension, "asked for \(dimension), got \(quantity.dimension)")
        _ = quantity.valueText
    }
    invariant(single.quantity != nil || !single.findings.isEmpty, "no quantity and no finding for \(text.debugDescription)")
    let dimensions = quantities.parseDimensions(text, fallback: fallback, field: "dimensions")
    invariant(dimensions.values.count <= 3, "\(dimensions.values.count) dimensions in \(text.debugDescription)")
    invariant(dimensions.values.allSatisfy { $0.dimension == .length }, "a dimension that is not a length")
    let byAxis = quantities.parseDimensionsByAxis(text, axes: [.height, .width, .length], fallback: fallback, field: "dimensions")
    invariant(byAxis.values.count <= 3, "\(byAxis.values.count) axes in \(text.debugDescription)")

    let (gtin, findings) = GTINParsing.parse(text)
    invariant(gtin.raw == text, "the GTIN's raw text is not the input")
    if let digits = gtin.digits {
        invariant(digits.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }, "GTIN digits \(digits.debugDescription)")
    }
    if gtin.isValid {
        guard let digits = gtin.digits else { invariant(false, "a valid GTIN without digits"); return 0 }
        invariant([8, 12, 13, 14].contains(digits.utf8.count), "a valid GTIN of \(digits.utf8.count) digits")
        invariant(GTINParsing.hasValidCheckDigit(digits), "a valid GTIN whose check digit fails: \(digits)")
        invariant(gtin.format == GTINParsing.format(forLength: digits.utf8.count), "format \(String(describing: gtin.format)) for \(digits)")
        invariant(gtin.gtin14?.utf8.count == 14, "GTIN-14 form \(String(describing: gtin.gtin14))")
    } else {
        invariant(gtin.gtin14 == nil, "an invalid GTIN with a GTIN-14 form")
        invariant(!findings.isEmpty, "an invalid GTIN without a finding: \(text.debugDescription)")
    }
    return 0
}
