import Foundation

/// Tells the language of short shop texts (titles, descriptions) from letters and frequent words; no model files.
///
/// Scores every language of the text's script: a word on the language's list counts 3, a letter only that language
/// uses counts 3, a letter typical of it counts 1. A language is returned only when it has at least `minimumScore`
/// and leads the next by `minimumLead`; otherwise nil — an untagged text is better than a wrongly tagged one.
/// Baltic and Slavic texts are told apart by their exclusive letters (ė į ų / ā ē ī ķ ļ ņ / ł ś ż / ě ř ů / ô ľ).
public struct LanguageDetection: Sendable {
    public let profiles: LanguageProfiles
    public var minimumScore: Int
    public var minimumLead: Int

    public static let builtIn = LanguageDetection(profiles: .builtIn)

    /// How much of a text is scored.
    public static let sampleLength = 2_000

    /// Everything made from the profiles, behind one reference: a detector is copied per record
    /// (`ProductNormalizer.finish`), and a copy then retains one object instead of every table.
    private let tables: Tables

    private final class Tables: Sendable {
        /// Languages in code order; scores are kept per index.
        let languages: [(code: String, script: String)]
        /// Language indices of each script, in code order.
        let latinLanguages: [Int]
        let cyrillicLanguages: [Int]
        /// Lower-cased word → indices of the languages that list it. Looked up with a `String` made of the word: a
        /// short word is then a small string whose hash needs no normalisation pass, unlike a slice of a non-ASCII text.
        let wordLanguages: [String: [Int]]
        /// Letter → (language index, weight: 3 exclusive, 1 typical) for every language that has it.
        let letterWeights: [Character: [(language: Int, weight: Int)]]
        /// `letterWeights` of each one-scalar letter below `scalarTableEnd`, by scalar value (Latin, Greek and
        /// Cyrillic letters are found without hashing a `Character`); nil where no language has the letter.
        let scalarWeights: [[(language: Int, weight: Int)]?]
        /// Which (UTF-8 length, first byte) shapes the NFC forms of the listed words have, by `shapeIndex`. A word
        /// made only of scalars below U+0300 is in NFC (no such scalar decomposes or composes with another), so it
        /// equals a listed word only when it has the bytes of that word's NFC form: a word of no listed shape is
        /// passed over without hashing it, and most words of a text are not listed.
        let listedShapes: [Bool]
        /// The tables of the byte walk (`fastTally`), which scores most texts without building the lowered sample.
        let scan: ScanTables

        init(profiles: LanguageProfiles) {
            let sorted = profiles.profiles.sorted { $0.key < $1.key }
            languages = sorted.map { ($0.key, $0.value.script) }
            latinLanguages = sorted.indices.filter { sorted[$0].value.script == "latin" }
            cyrillicLanguages = sorted.indices.filter { sorted[$0].value.script == "cyrillic" }
            var words: [String: [Int]] = [:]
            var letters: [Character: [(language: Int, weight: Int)]] = [:]
            for (index, (_, profile)) in sorted.enumerated() {
                for word in Set(profile.words.map { $0.lowercased() }) { words[word, default: []].append(index) }
                let exclusive = Set(profile.exclusive)
                for char in exclusive.union(profile.letters) {
                    letters[char, default: []].append((index, exclusive.contains(char) ? 3 : 1))
                }
            }
            wordLanguages = words
            // The NFC form of each listed word: a word of scalars below U+0300 is its own (see `listedShapes`).
            let normalized: [(bytes: [UInt8], languages: [Int])] = words.map { word, languages in
                let form = word.unicodeScalars.allSatisfy { $0.value < 0x300 } ? word : word.precomposedStringWithCanonicalMapping
                return (Array(form.utf8), languages)
            }
            var shapes = [Bool](repeating: false, count: 64 * 256)
            for (bytes, _) in normalized {
                guard let first = bytes.first else { continue }
                shapes[LanguageDetection.shapeIndex(length: bytes.count, firstByte: first)] = true
            }
            listedShapes = shapes
            letterWeights = letters
            // Only the letters the profiles name have weights: set those, not every scalar of the table. A scalar is
            // the same `Character` as a listed letter when their NFC forms are equal, and a scalar is its own NFC
            // form but for a few singletons (`ScanTables.nfcSingletons`), which are looked up as before.
            var byNFC: [UInt32: [(language: Int, weight: Int)]] = [:]
            for (char, weights) in letters {
                let scalars = String(char).precomposedStringWithCanonicalMapping.unicodeScalars
                if scalars.count == 1, let scalar = scalars.first { byNFC[scalar.value] = weights }
            }
            let weightsOf: (UInt32) -> [(language: Int, weight: Int)]? = { value in
                guard ScanTables.nfcSingletons.contains(value) else { return byNFC[value] }
                return Unicode.Scalar(value).flatMap { letters[Character($0)] }
            }
            var byScalar = [[(language: Int, weight: Int)]?](repeating: nil, count: Int(LanguageDetection.scalarTableEnd))
            for (value, weights) in byNFC where value < LanguageDetection.scalarTableEnd { byScalar[Int(value)] = weights }
            for value in ScanTables.nfcSingletons where value < LanguageDetection.scalarTableEnd { byScalar[Int(value)] = weightsOf(value) }
            scalarWeights = byScalar
            scan = ScanTables(words: normalized, weightsOf: weightsOf)
        }
    }
    private static let scalarTableEnd: UInt32 = 0x530

    public init(profiles: LanguageProfiles, minimumScore: Int = 4, minimumLead: Int = 3) {
        self.profiles = profiles
        self.minimumScore = minimumScore
        self.minimumLead = minimumLead
        tables = Tables(profiles: profiles)
    }

    /// Lengths from 63 bytes up share one slot.
    private static func shapeIndex(length: Int, firstByte: UInt8) -> Int {
        min(length, 63) << 8 | Int(firstByte)
    }

    /// Whether the word `text[start..<end]` may be listed: false only for a word of scalars below U+0300 (`plain`)
    /// whose shape no listed word has.
    private func mayBeListed(_ text: String, from start: String.Index, to end: String.Index, plain: Bool) -> Bool {
        guard plain else { return true }
        let bytes = text.utf8
        return tables.listedShapes[Self.shapeIndex(length: bytes.distance(from: start, to: end), firstByte: bytes[start])]
    }

    /// The weights of `scalar` as a letter (the same as `letterWeights[Character(scalar)]`).
    private func weights(of scalar: Unicode.Scalar) -> [(language: Int, weight: Int)]? {
        scalar.value < Self.scalarTableEnd ? tables.scalarWeights[Int(scalar.value)] : tables.letterWeights[Character(scalar)]
    }

    /// The ISO 639-1 language of `text`, or nil when the evidence is too thin or split.
    public func detect(_ text: String) -> String? {
        // The first two of `scores(text)`, without sorting every candidate: the best score (ties to the first code,
        // as candidates are in code order) and the best of the others.
        // Most texts: scored by the byte walk into a stack buffer, the top two picked by index.
        let tables = self.tables
        let fast: (found: Bool, language: Int, score: Int, second: Int) = withUnsafeTemporaryAllocation(of: Int.self, capacity: max(tables.languages.count, 1)) { scores in
            let candidates: [Int]
            switch fastTally(text, scores: scores) {
            case .unusable: return (false, 0, 0, 0)
            case .noLetters: return (true, -1, 0, 0)
            case .latin: candidates = tables.latinLanguages
            case .cyrillic: candidates = tables.cyrillicLanguages
            }
            var top = -1, best = 0, second = 0
            for language in candidates {
                let score = scores[language]
                if top < 0 {
                    top = language
                    best = score
                } else if score > best {
                    second = best
                    top = language
                    best = score
                } else {
                    second = max(second, score)
                }
            }
            return (true, top, best, second)
        }
        if fast.found {
            guard fast.language >= 0, fast.score >= minimumScore else { return nil }
            return fast.score - fast.second >= minimumLead ? tables.languages[fast.language].code : nil
        }
        let candidates = scoredCandidates(text)
        var top: (language: String, score: Int)?
        var second = 0
        for candidate in candidates {
            guard let best = top else { top = candidate; continue }
            if candidate.score > best.score {
                second = best.score
                top = candidate
            } else {
                second = max(second, candidate.score)
            }
        }
        guard let top, top.score >= minimumScore else { return nil }
        return top.score - second >= minimumLead ? top.language : nil
    }

    /// `text.prefix(sampleLength).lowercased()`, from tables where it can be (`TextLowercasing`).
    static func lowercasedSample(_ text: String) -> String {
        TextLowercasing.lowercasedPrefix(text, characters: sampleLength)
    }

    /// Every candidate language with its score, best first (ties by code, for determinism).
    ///
    /// One pass over the text; each word and non-ASCII letter adds to the score of every language listing it.
    public func scores(_ text: String) -> [(language: String, score: Int)] {
        scoredCandidates(text).sorted { $0.score != $1.score ? $0.score > $1.score : $0.language < $1.language }
    }

    /// Every candidate language (of the text's script) with its score, in code order.
    func scoredCandidates(_ text: String) -> [(language: String, score: Int)] {
        let tables = self.tables
        let fast: [(language: String, score: Int)]? = withUnsafeTemporaryAllocation(of: Int.self, capacity: max(tables.languages.count, 1)) { scores in
            switch fastTally(text, scores: scores) {
            case .unusable: return nil
            case .noLetters: return []
            case .latin: return tables.latinLanguages.map { (tables.languages[$0].code, scores[$0]) }
            case .cyrillic: return tables.cyrillicLanguages.map { (tables.languages[$0].code, scores[$0]) }
            }
        }
        return fast ?? scoredCandidatesGenerally(text)
    }

    /// `scoredCandidates` through the lowered sample, for any text.
    func scoredCandidatesGenerally(_ text: String) -> [(language: String, score: Int)] {
        // The first `sampleLength` characters settle the language of a shop text; long descriptions only repeat it.
        let lowered = Self.lowercasedSample(text)
        let tables = self.tables
        var cyrillic = 0, latin = 0
        var scores = [Int](repeating: 0, count: tables.languages.count)
        var wordStart: String.Index?
        // Whether every scalar of the current word is below U+0300 (`mayBeListed`).
        var plainWord = true
        let scalars = lowered.unicodeScalars
        var index = scalars.startIndex
        // Scalar by scalar: ASCII is decided without Unicode property look-ups, which dominate on long texts. Each
        // word and letter is looked up once in tables that list every language having it.
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            let isLetter = value < 0x80 ? (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) : scalar.properties.isAlphabetic
            if isLetter || value == 0x27 || value == 0x2019 {
                if wordStart == nil {
                    wordStart = index
                    plainWord = true
                }
                if value >= 0x300 { plainWord = false }
                if isLetter {
                    if (0x0400...0x04FF).contains(value) { cyrillic += 1 } else if value < 0x0250 { latin += 1 }
                    if value >= 0x80, let weights = weights(of: scalar) {
                        for entry in weights { scores[entry.language] += entry.weight }
                    }
                }
            } else if let start = wordStart {
                if mayBeListed(lowered, from: start, to: index, plain: plainWord),
                   let found = tables.wordLanguages[String(lowered[start..<index])] { for language in found { scores[language] += 3 } }
                wordStart = nil
            }
            index = scalars.index(after: index)
        }
        if let start = wordStart, mayBeListed(lowered, from: start, to: lowered.endIndex, plain: plainWord),
           let found = tables.wordLanguages[String(lowered[start...])] { for language in found { scores[language] += 3 } }
        guard cyrillic + latin > 0 else { return [] }
        let script = cyrillic > latin ? "cyrillic" : "latin"
        var result: [(language: String, score: Int)] = []
        result.reserveCapacity(tables.languages.count)
        for (language, entry) in tables.languages.enumerated() where entry.script == script {
            result.append((entry.code, scores[language]))
        }
        return result
    }
}

// MARK: - The byte walk

extension LanguageDetection {
    /// What the byte walk found: the text's script, no Latin or Cyrillic letter, or a text it does not take.
    enum Tally { case unusable, noLetters, latin, cyrillic }

    /// `scoredCandidatesGenerally`'s scores, without building the lowered sample or a `String` per word: the text's
    /// UTF-8 bytes are decoded and each scalar lowered from `ScanTables`, and each word is looked up by its lowered
    /// bytes. Fills `scores` (one per language, in code order) unless it gives `.unusable`: a text with a scalar
    /// outside the tables (nothing below U+0530, U+2000…U+20CF or the pictographs of `StandaloneScalars`), a word
    /// that may not be in NFC (so equal to a listed word without having its bytes), or a long text whose sample is
    /// not cut by scalars (`TextLowercasing.scalarPrefix`).
    func fastTally(_ text: String, scores: UnsafeMutableBufferPointer<Int>) -> Tally {
        scores.update(repeating: 0)
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            tables.scan.tally(bytes, scores: scores, sampleLength: Self.sampleLength)
        } ?? .unusable
    }
}

/// The tables of `LanguageDetection.fastTally`, made once per detector and never changed (hence Sendable).
final class ScanTables: @unchecked Sendable {
    /// What the walk needs of one scalar: its lowercase mapping as UTF-8 (`byteCount` 0: not one scalar, the walk
    /// gives up) and, of the lowered scalar, whether it is a letter or part of a word, its script and its weights.
    struct Entry {
        var bytes: UInt32 = 0
        var byteCount: UInt8 = 0
        var flags: UInt8 = 0
        var weightCount: UInt16 = 0
        var weightStart: Int32 = 0
    }
    static let letter: UInt8 = 1, wordCharacter: UInt8 = 2, inNFC: UInt8 = 4, cyrillic: UInt8 = 8, latin: UInt8 = 16, standalone: UInt8 = 32

    struct Word {
        var hash: UInt32
        var length: Int32
        var offset: Int32
        var languageStart: Int32
        var languageCount: Int32
    }

    /// By scalar: below U+0530 at its value, U+2000…U+20CF from `punctuationBase`, the pictographs from `pictographBase`.
    private let entries: UnsafeMutableBufferPointer<Entry>
    static let punctuationBase = 0x530
    static let pictographBase = 0x530 + 0xD0
    private let weights: UnsafeMutableBufferPointer<(language: Int32, weight: Int32)>
    /// Open addressing over `words` (-1: empty); the listed words' NFC bytes in `wordBytes`.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let words: UnsafeMutableBufferPointer<Word>
    private let wordBytes: UnsafeMutableBufferPointer<UInt8>
    private let wordLanguages: UnsafeMutableBufferPointer<Int32>
    /// The longest listed word, in bytes: a longer word is not looked up.
    private let maxWordLength: Int

    /// `words`: the NFC bytes of each listed word (lower case) and the languages listing it; `weightsOf`: the
    /// weights of a scalar as a letter (`letterWeights[Character(scalar)]`).
    init(words listed: [(bytes: [UInt8], languages: [Int])], weightsOf: (UInt32) -> [(language: Int, weight: Int)]?) {
        let count = Self.pictographBase + StandaloneScalars.pictographs.count
        entries = .allocate(capacity: count)
        entries.initialize(repeating: Entry())
        var flatWeights: [(language: Int32, weight: Int32)] = []
        let latinLower = TextLowercasing.lowercaseTable, punctuationLower = TextLowercasing.punctuationLowercaseTable
        let pictographLower = TextLowercasing.pictographLowercaseTable
        for index in 0..<count {
            let value: UInt32, mapped: UInt32
            if index < Self.punctuationBase {
                value = UInt32(index)
                mapped = latinLower[index]
            } else if index < Self.pictographBase {
                value = StandaloneScalars.punctuation.lowerBound + UInt32(index - Self.punctuationBase)
                mapped = punctuationLower[index - Self.punctuationBase]
            } else {
                value = StandaloneScalars.pictographs.lowerBound + UInt32(index - Self.pictographBase)
                mapped = pictographLower[index - Self.pictographBase]
            }
            guard mapped != .max, let lowered = Unicode.Scalar(mapped) else { continue }
            var entry = Entry()
            UTF8.encode(lowered) { byte in
                entry.bytes |= UInt32(byte) << (8 * UInt32(entry.byteCount))
                entry.byteCount += 1
            }
            let isLetter = mapped < 0x80 ? (0x61...0x7A).contains(mapped) || (0x41...0x5A).contains(mapped) : lowered.properties.isAlphabetic
            if isLetter {
                entry.flags |= Self.letter
                if (0x0400...0x04FF).contains(mapped) { entry.flags |= Self.cyrillic } else if mapped < 0x0250 { entry.flags |= Self.latin }
                if mapped >= 0x80, let found = weightsOf(mapped) {
                    entry.weightStart = Int32(flatWeights.count)
                    entry.weightCount = UInt16(found.count)
                    flatWeights += found.map { (Int32($0.language), Int32($0.weight)) }
                }
            }
            if isLetter || mapped == 0x27 || mapped == 0x2019 { entry.flags |= Self.wordCharacter }
            if Self.isInNFC(lowered) { entry.flags |= Self.inNFC }
            if StandaloneScalars.contains(value) { entry.flags |= Self.standalone }
            entries[index] = entry
        }
        weights = .allocate(capacity: max(flatWeights.count, 1))
        _ = weights.initialize(from: flatWeights)

        var bytes: [UInt8] = [], languages: [Int32] = [], table: [Word] = []
        var longest = 0
        for (normalized, indices) in listed {
            table.append(Word(hash: Self.hash(normalized), length: Int32(normalized.count), offset: Int32(bytes.count),
                              languageStart: Int32(languages.count), languageCount: Int32(indices.count)))
            bytes += normalized
            languages += indices.map(Int32.init)
            longest = max(longest, normalized.count)
        }
        maxWordLength = longest
        var slotCount = 16
        while slotCount < table.count * 2 { slotCount *= 2 }
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: -1)
        for (index, word) in table.enumerated() {
            var slot = Int(word.hash) & (slotCount - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(index)
        }
        words = .allocate(capacity: max(table.count, 1))
        _ = words.initialize(from: table)
        wordBytes = .allocate(capacity: max(bytes.count, 1))
        _ = wordBytes.initialize(from: bytes)
        wordLanguages = .allocate(capacity: max(languages.count, 1))
        _ = wordLanguages.initialize(from: languages)
    }

    deinit {
        entries.deallocate()
        weights.deallocate()
        slots.deallocate()
        words.deallocate()
        wordBytes.deallocate()
        wordLanguages.deallocate()
    }

    /// Whether a word made of `scalar`s (with any other such scalars) is in NFC, so that it equals a listed word
    /// exactly when it has the bytes of that word's NFC form: below U+0300 every scalar; above, a starter that NFC
    /// keeps as it is. No scalar of the tables composes with a preceding starter. (Checked against Foundation in
    /// FastPathTests.)
    static func isInNFC(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return true }
        guard scalar.properties.canonicalCombiningClass == .notReordered else { return false }
        return !nfcSingletons.contains(scalar.value)
    }

    /// The scalars of the tables that NFC replaces (U+0374 by U+02B9, U+037E by `;`, U+0387 by U+00B7, U+2000 and
    /// U+2001 by U+2002 and U+2003, four combining marks); every other one is its own NFC form.
    static let nfcSingletons: [UInt32] = [0x340, 0x341, 0x343, 0x344, 0x374, 0x37E, 0x387, 0x2000, 0x2001]

    @inline(__always)
    static func mix(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 16_777_619 }
    static let hashSeed: UInt32 = 2_166_136_261

    static func hash(_ bytes: [UInt8]) -> UInt32 { bytes.reduce(hashSeed, mix) }

    /// Scores the first `sampleLength` characters of the text whose UTF-8 is `bytes` (see `fastTally`).
    func tally(_ bytes: UnsafeBufferPointer<UInt8>, scores: UnsafeMutableBufferPointer<Int>, sampleLength: Int) -> LanguageDetection.Tally {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .noLetters }
        let count = bytes.count
        // At most `sampleLength` bytes: the sample is the whole text. Else it is cut after `sampleLength` scalars,
        // when each of them and the one after is a character of its own.
        let long = count > sampleLength
        let maxWordLength = self.maxWordLength
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(maxWordLength, 1)) { word in
            var taken = 0, cyrillic = 0, latin = 0
            var inWord = false, wordLength = 0
            var hash = Self.hashSeed
            @inline(__always) func endWord() {
                inWord = false
                guard wordLength <= maxWordLength else { return }
                lookUp(word, length: wordLength, hash: hash, scores: scores)
            }
            var i = 0
            while i < count {
                let lead = base[i]
                if lead < 0x80 {
                    if long {
                        if lead == 0x0D { return .unusable }
                        if taken == sampleLength { break }
                        taken += 1
                    }
                    var byte = lead
                    if byte &- 0x41 < 26 { byte |= 0x20 }
                    let isLetter = byte &- 0x61 < 26
                    if isLetter || byte == 0x27 {
                        if !inWord {
                            inWord = true
                            wordLength = 0
                            hash = Self.hashSeed
                        }
                        if wordLength < maxWordLength { word[wordLength] = byte }
                        wordLength += 1
                        hash = Self.mix(hash, byte)
                        if isLetter { latin += 1 }
                    } else if inWord {
                        endWord()
                    }
                    i += 1
                    continue
                }
                let (value, length) = UTF8Scalars.decode(bytes, at: i)
                let index: Int
                if value < 0x530 {
                    index = Int(value)
                } else if value &- StandaloneScalars.punctuation.lowerBound < 0xD0 {
                    index = Self.punctuationBase + Int(value &- StandaloneScalars.punctuation.lowerBound)
                } else if value &- StandaloneScalars.pictographs.lowerBound < 0x300 {
                    index = Self.pictographBase + Int(value &- StandaloneScalars.pictographs.lowerBound)
                } else {
                    return .unusable
                }
                let entry = entries[index]
                if entry.byteCount == 0 { return .unusable }
                if long {
                    if entry.flags & Self.standalone == 0 { return .unusable }
                    if taken == sampleLength { break }
                    taken += 1
                }
                if entry.flags & Self.wordCharacter != 0 {
                    if entry.flags & Self.inNFC == 0 { return .unusable }
                    if !inWord {
                        inWord = true
                        wordLength = 0
                        hash = Self.hashSeed
                    }
                    var packed = entry.bytes
                    for _ in 0..<entry.byteCount {
                        let byte = UInt8(truncatingIfNeeded: packed)
                        if wordLength < maxWordLength { word[wordLength] = byte }
                        wordLength += 1
                        hash = Self.mix(hash, byte)
                        packed >>= 8
                    }
                } else if inWord {
                    endWord()
                }
                if entry.flags & Self.letter != 0 {
                    if entry.flags & Self.cyrillic != 0 { cyrillic += 1 } else if entry.flags & Self.latin != 0 { latin += 1 }
                    let start = Int(entry.weightStart)
                    for k in start..<start + Int(entry.weightCount) {
                        let weight = weights[k]
                        scores[Int(weight.language)] += Int(weight.weight)
                    }
                }
                i += length
            }
            if inWord { endWord() }
            guard cyrillic + latin > 0 else { return .noLetters }
            return cyrillic > latin ? .cyrillic : .latin
        }
    }

    /// Adds 3 for each language listing the word `word[..<length]`.
    @inline(__always)
    private func lookUp(_ word: UnsafeMutableBufferPointer<UInt8>, length: Int, hash: UInt32, scores: UnsafeMutableBufferPointer<Int>) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let found = Int(slots[slot])
            if found < 0 { return }
            let listed = words[found]
            if listed.hash == hash, Int(listed.length) == length {
                let offset = Int(listed.offset)
                var equal = true
                for k in 0..<length where word[k] != wordBytes[offset + k] {
                    equal = false
                    break
                }
                if equal {
                    let start = Int(listed.languageStart)
                    for k in start..<start + Int(listed.languageCount) { scores[Int(wordLanguages[k])] += 3 }
                    return
                }
            }
            slot = (slot + 1) & mask
        }
    }
}
