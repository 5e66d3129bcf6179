import Foundation

/// A reproducible random number generator for tests that try many generated inputs (SplitMix64).
///
/// Every run of the suite tries the same inputs, so a failure in CI fails again on a laptop. To explore other inputs,
/// set `KATALOG_TEST_SEED` to any integer; a failing case prints its input, and the case is then added to the test's
/// fixed list as a regression.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// The seed of this run: `KATALOG_TEST_SEED` when set, else a fixed value.
    public static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["KATALOG_TEST_SEED"], let value = UInt64(text) { return value }
        return 0x4B41_5441_4C4F_4721
    }()

    public init(seed: UInt64 = SeededGenerator.seed) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
