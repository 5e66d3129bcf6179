import Testing
@testable import KatalogCore

/// The duplicate rules' bounded-memory index: the same answers as a dictionary, whether keys are in memory or
/// spilled to disk.
struct FirstSeenIndexTests {
    /// A deterministic pseudo-random sequence (SplitMix64), so failures reproduce.
    struct Sequence {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Small capacities spill (and merge runs) hundreds of times.
    @Test(arguments: [1, 5, 64, 100_000])
    func answersLikeADictionary(memoryCapacity: Int) {
        let index = FirstSeenIndex(memoryCapacity: memoryCapacity)
        var model: [UInt64: FirstSeenIndex.Value] = [:]
        var random = Sequence(state: 42)
        // 2,000 distinct keys spread over the whole 64-bit range, each looked up about four times.
        let keys = (0..<2_000).map { _ in random.next() }
        for step in 0..<8_000 {
            let key = keys[Int(random.next() % UInt64(keys.count))]
            let value = FirstSeenIndex.Value(UInt64(step), random.next())
            let expected = model[key]
            if expected == nil { model[key] = value }
            #expect(index.firstValue(for: key, storingIfAbsent: value) == expected, "step \(step)")
        }
        if memoryCapacity < 2_000 { #expect(index.spilledKeyCount > 0) }
    }

    /// Keys that differ only in their high bits, or only in their low bits (sequential ones, and random ones, which
    /// collide in the table's buckets), and 0 and all ones: the in-memory table must keep them apart while it grows.
    @Test func keysThatShareBitsStayApartWhileTheTableGrows() {
        let index = FirstSeenIndex(memoryCapacity: 100_000)
        var random = Sequence(state: 7)
        let sequential: [UInt64] = (0..<3_000).map { UInt64($0) << 40 } + (1..<3_000).map { UInt64($0) }
        let highOnly: [UInt64] = (0..<3_000).map { _ in random.next() & 0xFFFF_FFFF_0000_0000 }
        let lowOnly: [UInt64] = (0..<3_000).map { _ in random.next() & 0x0000_0000_FFFF_FFFF }
        var seen = Set<UInt64>()
        let keys = (sequential + highOnly + lowOnly + [UInt64.max, UInt64.max - 1]).filter { seen.insert($0).inserted }
        for (step, key) in keys.enumerated() {
            #expect(index.firstValue(for: key, storingIfAbsent: .init(key, UInt64(step))) == nil, "\(key) is new")
        }
        for (step, key) in keys.enumerated() {
            #expect(index.firstValue(for: key, storingIfAbsent: .init(0, 0)) == .init(key, UInt64(step)), "\(key) was stored")
        }
        #expect(index.spilledKeyCount == 0)
    }

    /// Runs too large for the filter budget are looked up on disk every time, with the same answers.
    @Test(arguments: [0, 64])
    func runsWithoutFiltersAnswerTheSame(maximumFilterBytes: Int) {
        let index = FirstSeenIndex(memoryCapacity: 16, maximumFilterBytes: maximumFilterBytes)
        var model: [UInt64: FirstSeenIndex.Value] = [:]
        var random = Sequence(state: 9)
        let keys = (0..<1_000).map { _ in random.next() }
        for step in 0..<4_000 {
            let key = keys[Int(random.next() % UInt64(keys.count))]
            let value = FirstSeenIndex.Value(UInt64(step), 0)
            let expected = model[key]
            if expected == nil { model[key] = value }
            #expect(index.firstValue(for: key, storingIfAbsent: value) == expected, "step \(step)")
        }
        #expect(index.unfilteredKeyCount > 0)
    }

    @Test func removeAllForgetsSpilledKeysToo() {
        let index = FirstSeenIndex(memoryCapacity: 2)
        for key in UInt64(1)...10 { _ = index.firstValue(for: key, storingIfAbsent: .init(key, 0)) }
        #expect(index.spilledKeyCount == 10)
        index.removeAll()
        #expect(index.spilledKeyCount == 0)
        #expect(index.firstValue(for: 3, storingIfAbsent: .init(99, 0)) == nil)
        #expect(index.firstValue(for: 3, storingIfAbsent: .init(100, 0)) == .init(99, 0))
    }

    @Test func keysAbsentFromASpilledRunAreNotFound() {
        let index = FirstSeenIndex(memoryCapacity: 1_000)
        for key in stride(from: UInt64(0), to: 2_000, by: 2) { _ = index.firstValue(for: key, storingIfAbsent: .init(key, key)) }
        #expect(index.spilledKeyCount == 1_000)
        // Odd keys fall between spilled keys, before the first and after the last block.
        for key in stride(from: UInt64(1), to: 2_001, by: 2) {
            #expect(index.firstValue(for: key, storingIfAbsent: .init(0, 0)) == nil)
        }
        #expect(index.firstValue(for: 1_998, storingIfAbsent: .init(0, 0)) == .init(1_998, 1_998))
        #expect(index.firstValue(for: 0, storingIfAbsent: .init(1, 1)) == .init(0, 0))
    }

    /// The duplicate rules find the same duplicates, with the same earlier record numbers, when nearly all their
    /// state is on disk.
    @Test func runRulesGiveTheSameFindingsWhenSpilling() {
        func findings(memoryCapacity: Int) -> [String] {
            let run = RunValidator(rules: RuleCatalog.makeRunRules(memoryCapacity: memoryCapacity))
            var messages: [String] = []
            for file in ["a.csv", "b.csv"] {
                for record in 1...600 {
                    // SKUs repeat every 250 records (every other repeat with a new price); GTINs every 170 records.
                    let sku = "SKU-\(record % 250)"
                    let price = "\(record % 500 < 250 ? 10 : 12).00 EUR"
                    let stem = String(100_000_000_000 + record % 170)
                    let gtin = stem + String(GTINParsing.expectedCheckDigit(stem + "0"))
                    var product = ValidationRuleTests.product(
                        title: "Item \(record % 250)", sku: sku, gtin: gtin, price: price,
                        brand: file == "a.csv" ? "Acme" : "Other", file: file, record: record
                    )
                    messages += run.check(&product).map { "\(file)#\(record) \($0.code): \($0.message)" }
                }
            }
            return messages
        }
        let inMemory = findings(memoryCapacity: FirstSeenIndex.defaultMemoryCapacity)
        #expect(inMemory.count > 100)
        #expect(findings(memoryCapacity: 3) == inMemory)
    }
}
