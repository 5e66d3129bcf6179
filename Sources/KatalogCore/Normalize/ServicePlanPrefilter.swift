/// An exact pre-check for groups of service-plan patterns: the ASCII literals a pattern cannot match without,
/// looked for in one byte scan of the folded text. A group none of whose patterns has all its literals in the text
/// cannot match, so its regular expression is not run; a group that may match still goes through `NSRegularExpression`.
///
/// Exactness: every literal is a run of plain characters that every match of its pattern must contain, and the
/// scan sees the same folded characters `ServicePlanText` gives ICU. Case-insensitive matching could also let a
/// few non-ASCII characters stand for ASCII ones (`K` Kelvin for `k`, `ſ` for `s`, `ﬁ` for `fi`): a text holding
/// such a character is passed on to the expressions unfiltered.
struct ServicePlanPrefilter: Sendable {
    /// Distinct literals (lower case), indexed by their first two bytes (`first << 7 | second`), one-byte ones by
    /// their byte.
    private var literals: [[UInt8]] = []
    private var byPair: [[Int]] = Array(repeating: [], count: 128 * 128)
    private var bySingle: [[Int]] = Array(repeating: [], count: 128)
    /// Per top-level alternative of a pattern: its group and the literals it cannot match without (all of them).
    private var alternatives: [(group: Int, literals: [Int])] = []
    /// Groups that may match any text (a pattern without a usable literal).
    private var unfiltered: UInt64 = 0
    private let groupCount: Int

    /// `groups[i]` holds the pattern fragments of group `i` (as in `service-plans.json`).
    init(groups: [[String]]) {
        groupCount = groups.count
        guard groups.count <= 64 else {
            unfiltered = ~0
            return
        }
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
                        let index = literals.count
                        known[literal] = index
                        literals.append(literal)
                        if literal.count == 1 { bySingle[Int(literal[0])].append(index) } else { byPair[Int(literal[0]) << 7 | Int(literal[1])].append(index) }
                        return index
                    }
                    alternatives.append((group, indices))
                }
            }
        }
    }

    /// The groups (bit `i` for group `i`) that may match the folded form of `text`; all of them when the text
    /// holds a character that case-insensitive matching could read as ASCII.
    func candidates(in text: String) -> UInt64 {
        let all: UInt64 = groupCount >= 64 ? ~0 : (1 << UInt64(groupCount)) - 1
        guard let bytes = Self.foldedASCII(text) else { return all }
        var present = [Bool](repeating: false, count: literals.count)
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            for start in 0..<count {
                let first = Int(buffer[start])
                for index in bySingle[first] { present[index] = true }
                guard start + 1 < count else { break }
                for index in byPair[first << 7 | Int(buffer[start + 1])] where !present[index] {
                    let literal = literals[index]
                    guard start + literal.count <= count else { continue }
                    var equal = true
                    for offset in 2..<literal.count where buffer[start + offset] != literal[offset] {
                        equal = false
                        break
                    }
                    if equal { present[index] = true }
                }
            }
        }
        var found = unfiltered
        for alternative in alternatives where alternative.literals.allSatisfy({ present[$0] }) {
            found |= 1 << UInt64(alternative.group)
        }
        return found & all
    }

    // MARK: - Folded text

    /// The folded text (`ServicePlanText.fold`, character by character) with ASCII letters in lower case and every
    /// other non-ASCII character as byte 0; nil when a character could match an ASCII letter case-insensitively.
    static func foldedASCII(_ text: String) -> [UInt8]? {
        if let folded = foldedByScalarTable(text) { return folded }
        return foldedByCharacter(text)
    }

    /// `foldedByCharacter` for text made only of `StandaloneScalars` below U+0300 and in U+2000…U+20CF (each one a
    /// character): each scalar is folded
    /// from a table of what the general form gives for it alone. Nil when the text is not of that kind;
    /// `.some(nil)` when the general form gives nil.
    private static func foldedByScalarTable(_ text: String) -> [UInt8]?? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard StandaloneScalars.contains(value), value < 0x300 || StandaloneScalars.punctuation.contains(value) else { return nil }
            if value < 0x80 {
                bytes.append(lowered(UInt8(value)))
            } else if value < 0x300 {
                guard let folded = latinTable[Int(value)] else { return .some(nil) }
                bytes.append(contentsOf: folded)
            } else {
                guard let folded = punctuationTable[Int(value - StandaloneScalars.punctuation.lowerBound)] else { return .some(nil) }
                bytes.append(contentsOf: folded)
            }
        }
        return .some(bytes)
    }

    /// `foldedByCharacter` of each scalar below U+0300, and of each in `StandaloneScalars.punctuation`, alone.
    private static let latinTable: [[UInt8]?] = (0..<UInt32(0x300)).map(foldedAlone)
    private static let punctuationTable: [[UInt8]?] = StandaloneScalars.punctuation.map(foldedAlone)
    private static func foldedAlone(_ value: UInt32) -> [UInt8]? {
        Unicode.Scalar(value).flatMap { foldedByCharacter(String(Character($0))) }
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
            for scalar in ServicePlanText.fold(char).unicodeScalars {
                if scalar.isASCII {
                    bytes.append(lowered(UInt8(scalar.value)))
                } else if CaseClosure.reachesASCII(scalar) {
                    return nil
                } else {
                    bytes.append(0)
                }
            }
        }
        return bytes
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
