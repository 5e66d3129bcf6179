/// An exact pre-check for groups of service-plan patterns: the ASCII literals a pattern cannot match without,
/// looked for in one byte scan of the folded text. A group none of whose patterns has all its literals in the text
/// cannot match, so its regular expression is not run; a group that may match still goes through `NSRegularExpression`.
///
/// Exactness: every literal is a run of plain characters that every match of its pattern must contain, and the
/// scan sees the same folded characters `ServicePlanText` gives ICU. Case-insensitive matching could also let a
/// few non-ASCII characters stand for ASCII ones (`K` Kelvin for `k`, `ſ` for `s`, `ﬁ` for `fi`): a text holding
/// such a character is passed on to the expressions unfiltered.
struct ServicePlanPrefilter: Sendable {
    /// The literals and alternatives, in flat tables behind one reference (`Index`).
    private let index: Index
    /// Groups that may match any text (a pattern without a usable literal).
    private let unfiltered: UInt64
    private let groupCount: Int

    /// `groups[i]` holds the pattern fragments of group `i` (as in `service-plans.json`).
    init(groups: [[String]]) {
        groupCount = groups.count
        guard groups.count <= 64 else {
            unfiltered = ~0
            index = Index(literals: [], alternatives: [])
            return
        }
        var unfiltered: UInt64 = 0
        var literals: [[UInt8]] = []
        var alternatives: [(group: Int, literals: [Int])] = []
        var known: [[UInt8]: Int] = [:]
        for (group, patterns) in groups.enumerated() {
            for pattern in patterns {
                guard let required = Self.requiredLiterals(pattern) else {
                    unfiltered |= 1 << UInt64(group)
                    continue
                }
                for runs in required {
                    let indices = runs.map { literal in
                        if let index = known[literal] { return index }
                        known[literal] = literals.count
                        literals.append(literal)
                        return literals.count - 1
                    }
                    alternatives.append((group, indices))
                }
            }
        }
        self.unfiltered = unfiltered
        index = Index(literals: literals, alternatives: alternatives)
    }

    /// The groups (bit `i` for group `i`) that may match the folded form of `text`; all of them when the text
    /// holds a character that case-insensitive matching could read as ASCII.
    func candidates(in text: String) -> UInt64 {
        let all: UInt64 = groupCount >= 64 ? ~0 : (1 << UInt64(groupCount)) - 1
        // Folded on the stack from the scalar table; the character walk for text the table does not take.
        let fast: UInt64?? = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.foldedCapacity(bytes.count)) { folded -> UInt64? in
                switch Self.fold(bytes, into: folded) {
                case .general: return nil
                case .reachesASCII: return all
                case .folded(let count): return (unfiltered | index.present(in: UnsafeBufferPointer(rebasing: folded[..<count]))) & all
                }
            }
        }
        if let fast, let found = fast { return found }
        guard let bytes = Self.foldedByCharacter(text) else { return all }
        return (unfiltered | bytes.withUnsafeBufferPointer { index.present(in: $0) }) & all
    }

    /// Literals and alternatives as flat arrays, made once per pre-filter and never changed (hence Sendable).
    private final class Index: @unchecked Sendable {
        /// Each literal's bytes in `bytes` from `offsets[i]`, `lengths[i]` long (at least one byte, all ASCII).
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        private let offsets: UnsafeMutableBufferPointer<Int32>
        private let lengths: UnsafeMutableBufferPointer<Int32>
        /// Literals by their first two bytes: those of pair `first << 7 | second` are `byPair[pairStarts[pair]..<
        /// pairStarts[pair + 1]]`.
        private let pairStarts: UnsafeMutableBufferPointer<Int32>
        private let byPair: UnsafeMutableBufferPointer<Int32>
        /// Bit `byte` set when some one-byte literal is that byte.
        /// The one-byte literals as (byte, literal): each is looked for in its own scan after the pairs.
        private let singleLiterals: [(byte: UInt8, literal: Int)]
        /// By pair (`first << 7 | second`): `pairTwo` set when a two-byte literal is that pair, `pairLonger` when a
        /// longer literal starts with it. Most pairs of a text start no literal, and are passed over on one load.
        private let pairFlags: UnsafeMutableBufferPointer<UInt8>
        static let pairTwo: UInt8 = 1, pairLonger: UInt8 = 2
        /// Bit `trigramBit(first three bytes)` set for every literal of three bytes or more: a pair that starts
        /// only longer literals is passed over unless its trigram's bit is set (it may be another trigram's).
        private let trigramMask: UnsafeMutableBufferPointer<UInt64>
        static let trigramBits = 16
        /// Per top-level alternative of a pattern: its group and the literals it cannot match without (all of
        /// them), `alternativeLiterals[alternativeStarts[i]..<alternativeStarts[i + 1]]`.
        private let alternativeGroups: UnsafeMutableBufferPointer<Int32>
        private let alternativeStarts: UnsafeMutableBufferPointer<Int32>
        private let alternativeLiterals: UnsafeMutableBufferPointer<Int32>
        /// The alternatives each literal is the first literal of: `keyed[keyedStarts[l]..<keyedStarts[l + 1]]`.
        /// Only those of a literal found are looked at, and a text holds few of them.
        private let keyedStarts: UnsafeMutableBufferPointer<Int32>
        private let keyed: UnsafeMutableBufferPointer<Int32>
        private let literalCount: Int

        init(literals: [[UInt8]], alternatives: [(group: Int, literals: [Int])]) {
            literalCount = literals.count
            var flat: [UInt8] = [], offsets: [Int32] = [], lengths: [Int32] = []
            var pairs: [(key: Int, value: Int32)] = [], singles: [(key: Int, value: Int32)] = []
            for (index, literal) in literals.enumerated() {
                offsets.append(Int32(flat.count))
                lengths.append(Int32(literal.count))
                flat += literal
                if literal.count == 1 { singles.append((Int(literal[0]), Int32(index))) } else { pairs.append((Int(literal[0]) << 7 | Int(literal[1]), Int32(index))) }
            }
            /// Values grouped by key, in order: those of key `k` are `items[starts[k]..<starts[k + 1]]`.
            func compressed(_ entries: [(key: Int, value: Int32)], keys: Int) -> (starts: [Int32], items: [Int32]) {
                var starts = [Int32](repeating: 0, count: keys + 1)
                for entry in entries { starts[entry.key + 1] += 1 }
                for key in 0..<keys { starts[key + 1] += starts[key] }
                var next = starts
                var items = [Int32](repeating: 0, count: entries.count)
                for entry in entries {
                    items[Int(next[entry.key])] = entry.value
                    next[entry.key] += 1
                }
                return (starts, items)
            }
            let pairIndex = compressed(pairs, keys: 128 * 128)
            let alternativeIndex = compressed(alternatives.enumerated().flatMap { index, alternative in alternative.literals.map { (index, Int32($0)) } },
                                              keys: alternatives.count)
            let keyedIndex = compressed(alternatives.enumerated().map { index, alternative in (alternative.literals[0], Int32(index)) },
                                        keys: literals.count)
            func stored<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
                _ = buffer.initialize(from: array)
                return UnsafeMutableBufferPointer(rebasing: buffer[..<array.count])
            }
            bytes = stored(flat)
            self.offsets = stored(offsets)
            self.lengths = stored(lengths)
            pairStarts = stored(pairIndex.starts)
            byPair = stored(pairIndex.items)
            singleLiterals = singles.map { (UInt8($0.key), Int($0.value)) }
            var flags = [UInt8](repeating: 0, count: 128 * 128)
            var trigrams = [UInt64](repeating: 0, count: (1 << Self.trigramBits) / 64)
            for (pair, literal) in pairs {
                let bytes = literals[Int(literal)]
                if bytes.count == 2 {
                    flags[pair] |= Self.pairTwo
                } else {
                    flags[pair] |= Self.pairLonger
                    let bit = Self.trigramBit(pair << 7 | Int(bytes[2]))
                    trigrams[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
            pairFlags = stored(flags)
            trigramMask = stored(trigrams)
            alternativeGroups = stored(alternatives.map { Int32($0.group) })
            alternativeStarts = stored(alternativeIndex.starts)
            alternativeLiterals = stored(alternativeIndex.items)
            keyedStarts = stored(keyedIndex.starts)
            keyed = stored(keyedIndex.items)
        }

        deinit {
            bytes.baseAddress?.deallocate()
            offsets.baseAddress?.deallocate()
            lengths.baseAddress?.deallocate()
            pairStarts.baseAddress?.deallocate()
            byPair.baseAddress?.deallocate()
            alternativeGroups.baseAddress?.deallocate()
            alternativeStarts.baseAddress?.deallocate()
            alternativeLiterals.baseAddress?.deallocate()
            keyedStarts.baseAddress?.deallocate()
            keyed.baseAddress?.deallocate()
            pairFlags.baseAddress?.deallocate()
            trigramMask.baseAddress?.deallocate()
        }

        /// The bit of three bytes below 0x80 (`first << 14 | second << 7 | third`) in `trigramMask`.
        @inline(__always)
        static func trigramBit(_ trigram: Int) -> Int {
            Int(truncatingIfNeeded: (UInt32(truncatingIfNeeded: trigram) &* 0x9E37_79B1) >> UInt32(32 - trigramBits))
        }

        /// The groups of the alternatives all of whose literals are in `folded` (bytes below 0x80).
        func present(in folded: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard literalCount > 0, let text = folded.baseAddress else { return 0 }
            let count = folded.count
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (literalCount + 63) / 64) { present -> UInt64 in
                present.update(repeating: 0)
                var any = false
                let flags = pairFlags.baseAddress!, trigrams = trigramMask.baseAddress!
                var start = 0
                while start &+ 1 < count {
                    let pair = Int(text[start]) &<< 7 | Int(text[start &+ 1])
                    let kinds = flags[pair]
                    if kinds == 0 {
                        start &+= 1
                        continue
                    }
                    if kinds == Self.pairLonger {
                        // Only longer literals start here: their trigram must be here too.
                        guard start &+ 2 < count else { break }
                        let bit = Self.trigramBit(pair &<< 7 | Int(text[start &+ 2]))
                        if trigrams[bit &>> 6] & (1 &<< UInt64(bit & 63)) == 0 {
                            start &+= 1
                            continue
                        }
                    }
                    let end = Int(pairStarts[pair &+ 1])
                    var item = Int(pairStarts[pair])
                    while item < end {
                        let literal = Int(byPair[item])
                        item &+= 1
                        let bit: UInt64 = 1 &<< UInt64(literal & 63)
                        if present[literal &>> 6] & bit != 0 { continue }
                        let length = Int(lengths[literal])
                        guard start &+ length <= count else { continue }
                        let offset = Int(offsets[literal])
                        var equal = true
                        var k = 2
                        while k < length {
                            if text[start &+ k] != bytes[offset &+ k] {
                                equal = false
                                break
                            }
                            k &+= 1
                        }
                        if equal {
                            present[literal &>> 6] |= bit
                            any = true
                        }
                    }
                    start &+= 1
                }
                for (byte, literal) in singleLiterals where UnsafeBufferPointer(start: text, count: count).contains(byte) {
                    present[literal >> 6] |= 1 << UInt64(literal & 63)
                    any = true
                }
                guard any else { return 0 }
                // Every alternative all of whose literals are present has its first one present.
                var found: UInt64 = 0
                for word in 0..<present.count {
                    var bits = present[word]
                    while bits != 0 {
                        let key = word << 6 | bits.trailingZeroBitCount
                        bits &= bits - 1
                        for keyedItem in Int(keyedStarts[key])..<Int(keyedStarts[key + 1]) {
                            let alternative = Int(keyed[keyedItem])
                            let bit: UInt64 = 1 << UInt64(alternativeGroups[alternative])
                            if found & bit != 0 { continue }
                            var all = true
                            for item in Int(alternativeStarts[alternative])..<Int(alternativeStarts[alternative + 1]) {
                                let literal = Int(alternativeLiterals[item])
                                if present[literal >> 6] & (1 << UInt64(literal & 63)) == 0 {
                                    all = false
                                    break
                                }
                            }
                            if all { found |= bit }
                        }
                    }
                }
                return found
            }
        }
    }

    // MARK: - Folded text

    /// The folded text (`ServicePlanText.fold`, character by character) with ASCII letters in lower case and every
    /// other non-ASCII character as byte 0; nil when a character could match an ASCII letter case-insensitively.
    static func foldedASCII(_ text: String) -> [UInt8]? {
        let fast: [UInt8]?? = text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]?? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: foldedCapacity(bytes.count)) { folded -> [UInt8]?? in
                switch fold(bytes, into: folded) {
                case .general: return nil
                case .reachesASCII: return .some(nil)
                case .folded(let count): return .some(Array(folded[..<count]))
                }
            }
        } ?? nil
        if let fast { return fast }
        return foldedByCharacter(text)
    }

    /// What `fold` gave.
    enum Folding {
        /// The folded bytes, this many.
        case folded(Int)
        /// The general form gives nil.
        case reachesASCII
        /// The text is not of the kind the table folds.
        case general
    }

    /// Room for the folded form of `count` UTF-8 bytes: a scalar of the table is at least one byte and folds to at
    /// most two bytes per byte of it (`Folded`).
    static func foldedCapacity(_ count: Int) -> Int { max(count * 2, 1) }

    /// `foldedByCharacter` for text made only of `StandaloneScalars` below U+0300 and in U+2000…U+20CF (each one a
    /// character), from its UTF-8 bytes into `folded`: each scalar is folded from a table of what the general
    /// form gives for it alone.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>) -> Folding {
        guard let base = bytes.baseAddress, let out = folded.baseAddress else { return .folded(0) }
        let count = bytes.count
        return foldTable.withUnsafeBufferPointer { table -> Folding in
            var i = 0, written = 0
            while i < count {
                let lead = base[i]
                if lead < 0x80 {
                    // CR is no character of its own (CR LF is one).
                    if lead == 0x0D { return .general }
                    out[written] = lead &- 0x41 < 26 ? lead | 0x20 : lead
                    written &+= 1
                    i &+= 1
                    continue
                }
                // The table holds the scalars below U+0300, then those of U+2000…U+20CF.
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                let entry: Folded
                if value < 0x300 {
                    entry = table[Int(value)]
                } else if StandaloneScalars.punctuation.contains(value) {
                    entry = table[0x300 + Int(value - StandaloneScalars.punctuation.lowerBound)]
                } else {
                    return .general
                }
                i += length
                switch entry.count {
                case Folded.general: return .general
                case Folded.reachesASCII: return .reachesASCII
                default:
                    var packed = entry.bytes
                    for _ in 0..<entry.count {
                        out[written] = UInt8(truncatingIfNeeded: packed)
                        written += 1
                        packed >>= 8
                    }
                }
            }
            return .folded(written)
        }
    }

    /// One scalar folded alone: up to four bytes, packed from the low end; or what stops the table.
    struct Folded {
        var bytes: UInt32 = 0
        var count: UInt8
        /// Not a `StandaloneScalars` one (or folds to more than `maximum` bytes): the general form decides.
        static let general: UInt8 = 0xFE
        /// The general form gives nil.
        static let reachesASCII: UInt8 = 0xFF
    }

    /// `foldedByCharacter` of each scalar below U+0300, then of each in `StandaloneScalars.punctuation`, alone.
    private static let foldTable: [Folded] = (0..<UInt32(0x300)).map(foldedAlone) + StandaloneScalars.punctuation.map(foldedAlone)
    private static func foldedAlone(_ value: UInt32) -> Folded {
        guard StandaloneScalars.contains(value), let scalar = Unicode.Scalar(value) else { return Folded(count: Folded.general) }
        // `foldedByCharacter(String(Character(scalar)))`, with the fold of the one character computed here: through
        // `ServicePlanText.fold` it would first fill that type's whole table (U+0080…U+04FF), which costs more
        // than this one does at start-up, and ordinary products never need it.
        var folded: [UInt8] = []
        if value < 0x80 {
            folded.append(lowered(UInt8(value)))
        } else {
            guard appendFolded(ServicePlanText.foldSlowly(Character(scalar)), to: &folded) else { return Folded(count: Folded.reachesASCII) }
        }
        // At most two folded bytes per UTF-8 byte of the scalar (`foldedCapacity`), and at most four.
        guard folded.count <= min(4, 2 * String(Character(scalar)).utf8.count) else { return Folded(count: Folded.general) }
        var entry = Folded(count: UInt8(folded.count))
        for (index, byte) in folded.enumerated() { entry.bytes |= UInt32(byte) << (8 * UInt32(index)) }
        return entry
    }

    /// The general form of `foldedASCII`, character by character.
    static func foldedByCharacter(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for char in text {
            if char.utf8.count == 1, let byte = char.utf8.first {
                bytes.append(lowered(byte))
                continue
            }
            guard appendFolded(ServicePlanText.fold(char), to: &bytes) else { return nil }
        }
        return bytes
    }

    /// Appends the bytes of a folded character (`foldedByCharacter`); false when it could match ASCII text.
    private static func appendFolded(_ folded: Character, to bytes: inout [UInt8]) -> Bool {
        for scalar in folded.unicodeScalars {
            if scalar.isASCII {
                bytes.append(lowered(UInt8(scalar.value)))
            } else if CaseClosure.reachesASCII(scalar) {
                return false
            } else {
                bytes.append(0)
            }
        }
        return true
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    // MARK: - Literals of a pattern

    /// For each top-level alternative of an ICU pattern fragment, the runs of plain characters every match contains
    /// (lower case, in order); nil when some alternative has none or the pattern uses syntax this reader does not
    /// follow (inline flags such as `(?x)`, `\Q…\E`).
    static func requiredLiterals(_ pattern: String) -> [[[UInt8]]]? {
        let chars = Array(pattern.unicodeScalars)
        var result: [[[UInt8]]] = []
        var runs: [[UInt8]] = []
        var run: [UInt8] = []
        /// Whether the last atom was a character appended to `run` (so a quantifier removes it).
        var lastWasLiteral = false
        func endRun() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                guard i + 1 < chars.count else { return nil }
                let next = chars[i + 1]
                i += 2
                if next == "Q" || next == "E" { return nil }
                if next.isASCII, !(next.properties.isAlphabetic || ("0"..."9").contains(next)), next.value >= 0x20 {
                    run.append(lowered(UInt8(next.value)))
                    lastWasLiteral = true
                } else {
                    endRun()
                    lastWasLiteral = false
                }
                continue
            case "(":
                if i + 1 < chars.count, chars[i + 1] == "?" {
                    guard i + 2 < chars.count, [":", "=", "!", "<", ">"].contains(chars[i + 2]) else { return nil }
                }
                guard let close = closing(chars, from: i) else { return nil }
                endRun()
                lastWasLiteral = false
                i = close + 1
                continue
            case "[":
                guard let close = closingBracket(chars, from: i) else { return nil }
                endRun()
                lastWasLiteral = false
                i = close + 1
                continue
            case ")", "]":
                return nil
            case "|":
                endRun()
                guard !runs.isEmpty else { return nil }
                result.append(runs)
                runs = []
                lastWasLiteral = false
            case "?", "*", "+", "{":
                // The quantified atom is optional (`?`, `*`, `{0,}`) or repeated: drop it from the run, end the run.
                if lastWasLiteral, c != "+" { run.removeLast() }
                endRun()
                lastWasLiteral = false
                if c == "{" {
                    guard let close = chars[i...].firstIndex(of: "}") else { return nil }
                    i = close
                }
                // A lazy or possessive marker belongs to the quantifier.
                if i + 1 < chars.count, chars[i + 1] == "?" || chars[i + 1] == "+" { i += 1 }
            case ".", "^", "$":
                endRun()
                lastWasLiteral = false
            default:
                if c.isASCII, c.value >= 0x20, c.value < 0x7F {
                    run.append(lowered(UInt8(c.value)))
                    lastWasLiteral = true
                } else {
                    endRun()
                    lastWasLiteral = false
                }
            }
            i += 1
        }
        endRun()
        guard !runs.isEmpty else { return nil }
        result.append(runs)
        return result
    }

    /// The index of the `)` closing the group opened at `open`, skipping escapes and bracket sets.
    private static func closing(_ chars: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "[":
                guard let close = closingBracket(chars, from: i) else { return nil }
                i = close
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The index of the `]` closing the set opened at `open` (sets nest in ICU), skipping escapes.
    private static func closingBracket(_ chars: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "[": depth += 1
            case "]":
                // `[]…]` and `[^]…]`: a `]` right after the opening is a literal.
                let previous = chars[i - 1]
                if previous == "[" || (previous == "^" && i >= 2 && chars[i - 2] == "[") { break }
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }
}

/// Which non-ASCII characters case-insensitive matching may equate with ASCII text: those whose lower, upper or
/// title case (or the case of those) contains an ASCII character (`K` Kelvin, `ſ`, `ß`, `ﬁ`, `İ`).
enum CaseClosure {
    static func reachesASCII(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < tableLimit { return table[Int(scalar.value)] }
        return computed(scalar)
    }

    /// Latin, Greek and Cyrillic, decided once.
    private static let tableLimit: UInt32 = 0x0800
    private static let table: [Bool] = (0..<tableLimit).map { value in Unicode.Scalar(value).map(computed) ?? false }

    private static func computed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return true }
        let properties = scalar.properties
        // Uncased characters (punctuation, symbols, most scripts) map only to themselves.
        guard properties.changesWhenCaseMapped || properties.changesWhenCaseFolded else { return false }
        let mappings = [properties.lowercaseMapping, properties.uppercaseMapping, properties.titlecaseMapping]
        for mapping in mappings {
            if mapping.unicodeScalars.contains(where: \.isASCII) { return true }
            if mapping.uppercased().unicodeScalars.contains(where: \.isASCII) { return true }
            if mapping.lowercased().unicodeScalars.contains(where: \.isASCII) { return true }
        }
        return false
    }
}
