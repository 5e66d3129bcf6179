import Foundation
import Testing
@testable import KatalogCore
import KatalogTestSupport

/// The fast paths must give exactly what the general code gives: each is checked against the general form (kept
/// here as a reference) on every line of the sample inputs and on tricky cases.
struct FastPathTests {
    /// Every line of every file under `Samples/`, plus cases chosen to trip byte-level shortcuts.
    static let texts: [String] = {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples")
        var lines: [String] = []
        if let files = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil) {
            for case let url as URL in files {
                guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { continue }
                lines += text.split(whereSeparator: \.isNewline).map(String.init)
            }
        }
        return lines + tricky
    }()

    static let tricky: [String] = [
        "", " ", "  a  ", "Prekės kodas:", "PREKES  KODAS", "*Kaina*:", "a :", "x\r\ny", "\t58.99\u{0B} EUR\u{0C}", "\u{1C}a\u{1F}",
        "APPLECARE+ for iPhone", "AppleCare + plan", "Insurance", "\u{212A}ids", "\u{017F}ubscription", "\u{FB01}", "\u{0130}nsurance",
        "Prekė iš oficialaus atstovo. Oficiali garantija 24 mėn.", "Pratęsta garantija 2 metams", "Garantijos pratęsimas +1 m.",
        "Cafe\u{0301} insurance", "Страхование устройства", "Schutzbrief für Geräte", "Gerätesschutz", "Ein Abo", "Lizenzschlüssel",
        "Gift card 50 €", "Dovanų kuponas", "ÄŒ Å ilutÄ—", "A\u{0302}\u{80}", "\u{212B}\u{A0}", "â€™ quote", "Â°C", "  4700000000012 ",
        "1,5 kg", "0.5cm", "Kaina: 12,99 € su PVM", "nemokamai", "-3,5", "ﾃｽﾄ", "٣", "e\u{0301}", "\u{00A0}x\u{00A0}",
    ]

    // MARK: - Decimal text, UTF-8 decoding, phrase matching

    @Test func decimalTextEqualsFoundationDescription() {
        #expect(DecimalText.layoutHolds)
        var generator = SeededGenerator()
        var values: [Decimal] = [0, -1, Decimal(string: "0.00")!, Decimal(string: "1e-20")!, .nan,
                                 Decimal(string: "123456789012345678901234567890.123")!, Decimal(sign: .plus, exponent: -3, significand: 1_100)]
        for _ in 0..<20_000 {
            let significand = UInt64.random(in: 0...UInt64.random(in: 1...UInt64.max / 2, using: &generator), using: &generator)
            var value = Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: Int.random(in: -20...10, using: &generator),
                                significand: Decimal(significand))
            if Bool.random(using: &generator) { value = value * Decimal(Int.random(in: 1...1000, using: &generator)) / Decimal(Int.random(in: 1...1000, using: &generator)) }
            values.append(value)
            values.append(DecimalFormatting.round(value, fractionDigits: Int.random(in: 0...4, using: &generator)))
        }
        for value in values { #expect(DecimalText.plain(value) == value.description) }
    }

    @Test func validUTF8DecodesAsTheScalarWalk() {
        for text in Self.texts + ["\u{FEFF}BOM kept", "😀 🇱🇹 e\u{0301}"] {
            let decoded = Data(text.utf8).withUnsafeBytes { TextDecoding.decode($0, as: "utf-8", source: "test") }
            #expect(decoded.text == text && decoded.text.utf8.elementsEqual(text.utf8))
            #expect(decoded.invalidSequences == 0 && decoded.firstInvalidOffset == nil)
        }
        let broken = Data([0x41, 0xC4, 0x42, 0xE2, 0x82]).withUnsafeBytes { TextDecoding.decode($0, as: "utf-8", source: "test") }
        #expect(broken.text.hasPrefix("A\u{FFFD}B\u{FFFD}") && broken.invalidSequences >= 2 && broken.firstInvalidOffset == 1)
    }

    @Test func firstContainedPhraseEqualsTheContainsScan() {
        let phrases = ["gift card", "card", "kuponas", "dovanu kuponas", "e", "plan 2", "x"].map(PricePhrases.words)
        let bytes = phrases.map { Array($0.utf8) }
        for text in Self.texts + ["Dovanų kuponas 50", "gift  card", "card gift card", "giftcard"] {
            let words = PricePhrases.words(text)
            #expect(PricePhrases.firstContained(bytes, in: words) == phrases.firstIndex { PricePhrases.contains($0, in: words) }, "\(text)")
        }
    }

    @Test func prefilterFoldingByScalarEqualsTheCharacterWalk() {
        let extra = ["Žieminė padanga Nokian", "ÆØÅ ß ĳ ǅ", "a\r\nb", "e\u{0301}x", "Ⱥ", "ﬁ card", "\u{00AD}soft", "İstanbul",
                     "Garantija – 2 m. “Premium” 5 €", "a\u{200D}b", "x\u{2028}y", "\u{2122} \u{2116} \u{20BF}"]
            + StandaloneScalars.punctuation.compactMap { Unicode.Scalar($0).map { "Ab" + String($0) + "c" } }
        for text in Self.texts + extra {
            #expect(ServicePlanPrefilter.foldedASCII(text) == ServicePlanPrefilter.foldedByCharacter(text), "\(text)")
        }
    }

    // MARK: - Service-plan pre-filter

    @Test func prefilterNeverDropsAKindThatMatches() {
        let patterns = ServicePlanPatterns.builtIn
        for text in Self.texts {
            let candidates = patterns.kindPrefilter.candidates(in: text)
            let folded = ServicePlanText(text)
            for (index, kind) in patterns.kinds.enumerated() where kind.cues.matches(folded) {
                #expect(candidates & (1 << UInt64(index)) != 0, "\(kind.kind) matches \"\(text)\" but was filtered out")
            }
        }
    }

    /// The indexed scan finds exactly the groups a plain substring search of every alternative's literals finds.
    @Test func prefilterCandidatesEqualTheLiteralSearch() {
        let file = ServicePlanPatterns.bundledFile
        let groups = ServicePlan.Kind.allCases.compactMap { kind in
            file.classification.kinds[kind.rawValue].map { lists in lists.sorted { $0.key < $1.key }.flatMap(\.value) }
        }
        let prefilter = ServicePlanPrefilter(groups: groups)
        let all: UInt64 = (1 << UInt64(groups.count)) - 1
        func reference(_ text: String) -> UInt64 {
            guard let folded = ServicePlanPrefilter.foldedByCharacter(text) else { return all }
            var found: UInt64 = 0
            for (group, patterns) in groups.enumerated() {
                for pattern in patterns {
                    guard let alternatives = ServicePlanPrefilter.requiredLiterals(pattern) else { found |= 1 << UInt64(group); continue }
                    if alternatives.contains(where: { $0.allSatisfy { folded.firstRange(of: $0) != nil } }) { found |= 1 << UInt64(group) }
                }
            }
            return found
        }
        let words = groups.flatMap { $0 }.flatMap { ServicePlanPrefilter.requiredLiterals($0) ?? [] }.flatMap { $0 }
            .map { String(decoding: $0, as: UTF8.self) }
        let pool = words + words.map { $0.uppercased() } + ["Prekė", "iš", " ", "  ", "ą", "Ž", "–", "€", "\r\n", "e\u{0301}", "ﬁ", "K", "5", "+", "🔍"]
        var generator = SeededGenerator()
        var texts = Self.texts
        for _ in 0..<10_000 {
            texts.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(prefilter.candidates(in: text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test func prefilterSkipsOrdinaryProducts() {
        let prefilter = ServicePlanPatterns.builtIn.kindPrefilter
        #expect(prefilter.candidates(in: "Kavos aparatas De'Longhi Magnifica S") == 0)
        #expect(prefilter.candidates(in: "Prekė iš oficialaus atstovo. Oficiali garantija 24 mėn.") == 0)
        #expect(prefilter.candidates(in: "AppleCare+ for iPhone 15") != 0)
        // A folded character that case-insensitive matching may read as ASCII (`ﬁ` for `fi`) disables the filter.
        #expect(prefilter.candidates(in: "\u{FB01}avos aparatas") == (1 << UInt64(ServicePlanPatterns.builtIn.kinds.count)) - 1)
    }

    /// The contract of `requiredLiterals`, not its choice of literals: every text a pattern matches contains all
    /// the literals of one of the alternatives it returns, so a text without them can be skipped safely. (Texts are
    /// written folded, as the matcher sees them.)
    @Test(arguments: [
        ("care ?(refresh|\\+|plus|pack|plan)\\b", ["care refresh", "careplus", "applecare plan", "care pack 2y"]),
        ("accident(al)? (damage )?(protection|cover)", ["accidental damage protection", "accident cover"]),
        ("pratest\\w* garantij", ["pratestas garantijos", "pratestos garantija 2 m."]),
        ("licen[cs]e key", ["license key", "licence key"]),
        ("warranty \\+ ?\\d", ["warranty +2 years", "warranty + 3"]),
        ("\\babo\\b", ["ein abo für 12 monate"]),
        ("hours?|hrs?", ["2 hours", "3 hrs", "1 hr"]),
        ("a{0,2}b", ["aab", "b"]),
    ])
    func requiredLiteralsAreInEveryMatch(pattern: String, matches: [String]) throws {
        let alternatives = try #require(ServicePlanPrefilter.requiredLiterals(pattern), "a literal-bearing pattern should be filterable")
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        for text in matches {
            #expect(regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil, "test text \"\(text)\" must match")
            let bytes = Array(text.utf8)
            let found = alternatives.contains { literals in
                literals.allSatisfy { literal in !literal.isEmpty && bytes.firstRange(of: Array(literal)) != nil }
            }
            #expect(found, "\"\(text)\" matches \(pattern) but holds none of its required literals")
        }
    }

    /// Patterns whose matches share no safe literal are never filtered.
    @Test(arguments: ["(?x) a b", "\\Qa+b\\E", "(a|b)", "x|\\d+"])
    func patternsWithoutASafeLiteralAreNotFiltered(pattern: String) {
        #expect(ServicePlanPrefilter.requiredLiterals(pattern) == nil)
    }

    @Test func caseClosureFindsASCIIStandIns() {
        for scalar: Unicode.Scalar in ["\u{212A}", "\u{017F}", "\u{FB01}", "\u{0130}", "\u{0131}", "\u{00DF}", "\u{1E9E}", "\u{0149}"] {
            #expect(CaseClosure.reachesASCII(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        for scalar: Unicode.Scalar in ["\u{00E9}", "\u{0436}", "\u{2013}", "\u{20AC}", "\u{00A0}"] {
            #expect(!CaseClosure.reachesASCII(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        // Every non-ASCII character ICU matches to an ASCII letter case-insensitively is caught.
        let letters = try! NSRegularExpression(pattern: "[a-z]", options: [.caseInsensitive])
        for value in UInt32(0x80)..<0x3_0000 {
            guard let scalar = Unicode.Scalar(value), !CaseClosure.reachesASCII(scalar) else { continue }
            let text = String(Character(scalar))
            #expect(letters.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "U+\(String(value, radix: 16))")
        }
    }

    // MARK: - Folding and words

    @Test func asciiFoldingAndWordsEqualTheGeneralForms() {
        var texts = Self.texts.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        texts += (0..<0x80).map { String(UnicodeScalar(UInt8($0))) + "A b" + String(UnicodeScalar(UInt8($0))) }
        for text in texts {
            #expect(ASCIIWords.fold(text) == Reference.fold(text), "\"\(text)\"")
            #expect(ASCIIWords.words(text) == Reference.words(text), "\"\(text)\"")
        }
        #expect(ASCIIWords.fold("Kaina ė") == nil)
    }

    // MARK: - Language detection

    @Test func languageScoresEqualThePerLanguageScoring() {
        let detector = LanguageDetection.builtIn
        for text in Self.texts {
            let fast = detector.scores(text).map { "\($0.language)=\($0.score)" }
            let general = Reference.scores(text, profiles: LanguageProfiles.builtIn).map { "\($0.language)=\($0.score)" }
            #expect(fast == general, "\"\(text)\"")
        }
    }

    @Test func languageByteWalkEqualsTheLoweredSample() {
        let detector = LanguageDetection.builtIn
        let listed = LanguageProfiles.builtIn.profiles.values.flatMap(\.words)
        var pool: [String] = listed + listed.map { $0.uppercased() } + listed.map { $0.capitalized }
        pool += ["a", "Ė", "ž", "Ł", "ö", "ß", "ǅ", "ω", "Σ", "ж", "Ё", "ї", "'", "’", " ", "  ", ",", ".", "-", "–", "\n", "\r\n", "\r",
                 "\t", "€", "5", "🔍", "👍🏻", "e\u{0301}", "\u{0345}", "\u{0374}", "\u{037E}", "\u{0387}", "\u{2000}", "\u{0483}", "\u{034F}",
                 "İ", "\u{1E9E}", "ﬁ", "ا", "日本", "\u{2071}", "\u{00AD}", "\u{200D}", "\u{FEFF}", "Ǆ", "ſ"]
        var generator = SeededGenerator()
        var texts = Self.texts + [String(repeating: "Prekė iš ", count: 250), String(repeating: "ė", count: 2_000) + "e\u{0301}",
                                  String(repeating: "a ", count: 1_000) + "İ", String(repeating: "Žž ", count: 700) + "\r\n",
                                  String(repeating: "ab", count: 999) + "c\r\n", String(repeating: "x", count: 1_999) + "\u{0301}"]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...12, using: &generator)
            texts.append((0..<count).map { _ in pool.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : ""))
        }
        var walked = 0
        for text in texts {
            let fast = detector.scoredCandidates(text).map { "\($0.language)=\($0.score)" }
            let general = detector.scoredCandidatesGenerally(text).map { "\($0.language)=\($0.score)" }
            #expect(fast == general, "\(text.debugDescription)")
            let tally = withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { detector.fastTally(text, scores: $0) }
            if tally != .unusable { walked += 1 }
        }
        // The walk takes most texts (else this test would compare the general form with itself).
        #expect(walked > texts.count / 2)
        for text in ["Prekė iš oficialaus atstovo", "Słuchawki bezprzewodowe Sony WH-1000XM4 #5", "Беспроводной пылесос, чёрный",
                     "Kaina – 5 € “x”", String(repeating: "Prekė iš oficialaus atstovo. ", count: 100)] {
            #expect(withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { detector.fastTally(text, scores: $0) } != .unusable, "\(text)")
        }
    }

    @Test func languageWordsOfTheTablesAreInNFC() {
        let tableScalars = (0..<UInt32(0x530)).compactMap(Unicode.Scalar.init)
            + StandaloneScalars.punctuation.compactMap(Unicode.Scalar.init) + StandaloneScalars.pictographs.compactMap(Unicode.Scalar.init)
        for scalar in tableScalars {
            let alone = String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar])
            #expect(alone == !ScanTables.nfcSingletons.contains(scalar.value), "U+\(String(scalar.value, radix: 16))")
            guard ScanTables.isInNFC(scalar) else { continue }
            // Nothing the walk takes as in NFC composes with a starter before it or after it.
            for other in ["a", "e", "о", "α", "z", "ę"].flatMap(\.unicodeScalars) {
                for pair in [String(other) + String(scalar), String(scalar) + String(other)] {
                    #expect(pair.precomposedStringWithCanonicalMapping.utf8.elementsEqual(pair.utf8), "\(pair.debugDescription)")
                }
            }
        }
    }

    @Test func languageSampleLowersAsTheStandardLibrary() {
        let scalars = (0..<UInt32(0x530)).compactMap(Unicode.Scalar.init)
        var checked = 0
        // Every scalar of the table alone and inside words (a context-dependent mapping such as a final sigma would show).
        for scalar in scalars {
            for text in [String(scalar), "a" + String(scalar), String(scalar) + "b", "Σ" + String(scalar), String(scalar) + "Σ ΑΣ"] {
                if let fast = TextLowercasing.lowercasedByTable(text) {
                    checked += 1
                    #expect(fast == text.lowercased(), "\(text.debugDescription)")
                }
            }
        }
        var generator = SeededGenerator()
        let pool = scalars + ["\u{0301}", "\u{1E9E}", "\u{2019}", "€", " ", "–", "\u{200D}", "\u{2028}", "\u{20AB}"]
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...10, using: &generator) { text.append(pool.randomElement(using: &generator)!) }
            let string = String(text)
            if let fast = TextLowercasing.lowercasedByTable(string) { checked += 1; #expect(fast == string.lowercased()) }
        }
        #expect(checked > 5_000)
        let long = String(repeating: "Ąžuolas Ėė ", count: 300)
        for text in Self.texts + [long, String(repeating: "a", count: 1_999) + "Ė", String(repeating: "a", count: 2_000) + "Ė", "İstanbul",
                     String(repeating: "a", count: 2_000) + "e\u{0301}", String(repeating: "ė", count: 1_999) + "e\u{0301}x",
                     String(repeating: "Ab\r\n", count: 700), String(repeating: "Ω ж Ⱥ ", count: 500), String(repeating: "aa", count: 1_000) + "Ė",
                     String(repeating: "Kaina – 5 € “x” ", count: 200), String(repeating: "a–", count: 1_000) + "\u{200D}b",
                     String(repeating: "Ieškoti 🔍 ", count: 300), String(repeating: "a🔍", count: 1_000) + "\u{1F3FB}", "👍🏻 🔍\u{FE0F} 🏳️‍🌈 🇱🇹",
                     String(repeating: "x", count: 699) + "🔍\u{FE0F}", String(repeating: "x", count: 699) + "🔍\u{200D}🔍"] {
            #expect(LanguageDetection.lowercasedSample(text) == text.prefix(LanguageDetection.sampleLength).lowercased(), "\(text.debugDescription)")
            #expect(TextLowercasing.lowercased(text) == text.lowercased())
            #expect(TextLowercasing.lowercasedPrefix(text, characters: 700) == String(text.prefix(700)).lowercased())
        }
    }

    @Test func asciiNumberSplitEqualsTheGeneralForm() {
        var generator = SeededGenerator()
        let pool: [Character] = ["0", "1", "5", "9", ".", ",", "-", " ", "\t", "c", "m", "x", "k", "g", "\r\n", "\n", "+", "(", ")"]
        var cases = Self.texts + ["14,00 cm", "-3,5", "1.", "1.,5", "-", "-.5", ".5 kg", "1,2,3 g", "0.5cm", "  12  ", "1\r\n2", "- 5", "5 -"]
        for _ in 0..<20_000 { cases.append(String((0..<Int.random(in: 0...9, using: &generator)).map { _ in pool.randomElement(using: &generator)! })) }
        var checked = 0
        for text in cases {
            let trimmed = text.trimmingSpaces()
            guard trimmed.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            checked += 1
            // ASCII text takes the byte path of `splitNumber`.
            let fast = QuantityParsing.splitNumber(text), general = QuantityParsing.splitNumberGenerally(trimmed)
            #expect(fast?.0 == general?.0 && fast?.1 == general?.1, "\(text.debugDescription)")
        }
        #expect(checked > 15_000)
    }

    @Test func asciiCurrencyTokensEqualTheGeneralForm() {
        var generator = SeededGenerator()
        let words = ["PLN", "EUR", "eur", "Kc", "SEK", "S", "B", "US", "AU", "CAD", "RM", "Rs", "zl", "lei", "Ft", "kr", "USD", "XYZ", "abc",
                     "S/", "S/.", "B/.", "$", "AU $", "US$", "Price", "from", "su PVM", "Kaina", "EURO", "euro"]
        let numbers = ["1299.00", "11,01", "1 299,00", "9.99", "-5", "0", "49.90", "1.299,-", "12"]
        let separators = [" ", "", "/", ": ", " (", ") ", "*", "~"]
        var cases = Self.texts + ["1299.00 PLN", "PLN 1299.00", "S/ 49.90", "S/.49.90", "B/. 10", "AU $49.95", "US $ 9.99", "EUR9,99",
                                  "RM49.90", "SEK 99 (inkl. moms)", "9,99 EUR/szt", "Rs.1,299", "10 eur", "S 10", "xS/ 5", "5 CAD$"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                text += (Bool.random(using: &generator) ? words : numbers).randomElement(using: &generator)!
                text += separators.randomElement(using: &generator)!
            }
            cases.append(text)
        }
        let table = CurrencyTable.builtIn
        // The usual feed prices take the byte path (were it never taken, the comparison below would still hold).
        #expect(CurrencyTokens.asciiWordTokens(in: "1299.00 PLN", table: table) == ["PLN"])
        #expect(CurrencyTokens.asciiWordTokens(in: "EUR 9,99", table: table) == ["EUR"])
        #expect(CurrencyTokens.asciiWordTokens(in: "S/ 49.90", table: table) == nil && CurrencyTokens.asciiWordTokens(in: "49,99 zł", table: table) == nil)
        for text in cases {
            #expect(CurrencyTokens.find(in: text, table: table) == CurrencyTokens.find(in: text, table: table, generalPathOnly: true),
                    "\(text.debugDescription)")
        }
    }

    @Test func amountTraitsOnBytesEqualTheCharacterForms() {
        var generator = SeededGenerator()
        let pool: [String] = ["0", "1", "5", ".", ".", ",", "'", "’", " ", "0", "00", "é", "e\u{301}", "A", "EUR", "Kč", "PVM", "x", "-"]
        var cases = Self.texts + ["34.0000", "1.250", "1..5", ".5", "5.", "1.5.30", "1.0.0", "0.", "", ".", "1299.00", "11.01", "1'299.00", "1’299"]
        for _ in 0..<20_000 { cases.append((0..<Int.random(in: 0...7, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()) }
        let context = MoneyContext()
        for text in cases {
            #expect(MoneyParsing.significantFractionDigits(text) == (text.split(separator: ".").dropFirst().first.map { $0.reversed().drop { $0 == "0" }.count } ?? 0),
                    "\(text.debugDescription)")
            #expect(MoneyParsing.groupingMarks(in: text) == Set(text.filter { $0 == "'" || $0 == "’" }), "\(text.debugDescription)")
            #expect(CurrencyResolution.unknownCurrencyCode(in: text, context: context) == Self.referenceUnknownCurrencyCode(in: text, context: context),
                    "\(text.debugDescription)")
        }
    }

    /// `CurrencyResolution.unknownCurrencyCode` without its byte check.
    static func referenceUnknownCurrencyCode(in text: String, context: MoneyContext) -> String? {
        for piece in text.split(whereSeparator: { !$0.isLetter }) where piece.count == 3 && piece.allSatisfy({ $0.isUppercase }) {
            let word = String(piece)
            let table = context.currencies
            if table.candidates(for: word).isEmpty && !table.notCurrencyWords.contains(word) && !context.phrases.isPriceWord(word) { return word }
        }
        return nil
    }

    @Test func plainAmountsAreFoundAsByTheGeneralScan() {
        var generator = SeededGenerator()
        let pool: [String] = ["1", "0", "9", "12", ".", ",", " ", "PLN", "eur", "Kč", "-", "%", ",-", "x", "'", "\u{00A0}", "€", "$", "A4"]
        var cases = Self.texts + ["11,01", "1299.00 PLN", "PLN 1299.00", "EUR 9,99", "9,99  EUR", "1.", ",99", "1,,2", "49,- Kč", "5 %",
                                  "RS4 1", "A 1 B", "1 299,00", "PLN 1299.00 EUR", "10 x", "x10", "-5 EUR", "1 PLN ", " 1"]
        for _ in 0..<20_000 { cases.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()) }
        #expect(AmountSpan.plainAmount(in: "1299.00 PLN")?.digits == "1299.00" && AmountSpan.plainAmount(in: "PLN 11,01")?.digits == "11,01")
        #expect(AmountSpan.plainAmount(in: "49,- Kč") == nil && AmountSpan.plainAmount(in: "-5 EUR") == nil && AmountSpan.plainAmount(in: "5 %") == nil)
        for text in cases {
            let fast = AmountSpan.find(in: text, currencies: .builtIn), general = AmountSpan.find(in: text, currencies: .builtIn, generalPathOnly: true)
            #expect(fast == general, "\(text.debugDescription)")
        }
    }

    /// A URL's host as the whole URL lowered and cut gives it: the reference the byte scans are held to.
    static func loweredHost(of url: String) -> Substring? {
        let lower = url.lowercased()
        guard let schemeEnd = lower.range(of: "://") else { return nil }
        let host = lower[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : host
    }

    @Test func urlHostsEqualTheLoweredURLForm() {
        let reference = Self.loweredHost(of:)
        let urls = Self.texts + ["https://www.Shop.se:8080/p", "HTTP://SKLEP.EXAMPLE.PL/x?y#z", "https://", "https:///p", "ftp://a.b",
                                 "https://ÖL.de/ä", "https://xn--l-fka.de", "no url", "://x.lt", "https:/x.lt", "a://b://c", "https://Straße.DE#f"]
        for url in urls {
            #expect(CountryDomains.host(ofURL: url) == reference(url), "\(url.debugDescription)")
        }
        #expect(CountryDomains.countryDomain(ofURL: "https://www.Shop.SE/p/1")?.country == "SE")
        #expect(CountryDomains.countryDomain(ofURL: "https://shop.co.UK/p")?.country == "GB")
        #expect(CountryDomains.countryDomain(ofURL: "https://shop.com/p") == nil)
        let domains: [(String, String?)] = [
            ("https://sklep.pl", "PL"), ("http://x.LT:8080/a", "LT"), ("https://ÖL.de/ä", "DE"), ("https://.se", "SE"),
            ("https://se", nil), ("https://shop.io/p", nil), ("https://x.eu", nil), ("https://x.tv?q", nil), ("https://x.s", nil),
            ("https://x.s1", nil), ("https://x.sé", nil), ("https://x.lt.", nil), ("https://x.l\u{0301}t", nil), ("no url", nil),
        ]
        for (url, country) in domains {
            #expect(CountryDomains.countryDomain(ofURL: url)?.country == country, "\(url.debugDescription)")
            #expect(CountryDomains.countryDomain(ofURL: url)?.tld == country.map { $0 == "GB" ? "uk" : $0.lowercased() })
        }
    }

    /// The country domain read on an ASCII host's bytes equals the one read from the lowered host, for generated
    /// URLs: hosts of every case, ports, queries, generic and two-letter domains, non-ASCII hosts (the Kelvin sign
    /// `K` lowers to an ASCII `k`).
    @Test func countryDomainsOnBytesEqualTheLoweredHostForm() {
        func reference(_ url: String) -> (country: String, tld: String)? {
            guard let host = Self.loweredHost(of: url) else { return nil }
            let tail = Array(host.utf8.suffix(3))
            guard tail.count == 3, tail[0] == UInt8(ascii: "."), tail[1...].allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
            let tld = String(decoding: tail.dropFirst(), as: UTF8.self)
            if tld == "uk" { return ("GB", tld) }
            if CountryDomains.genericCountryDomains.contains(tld) { return nil }
            return (tld.uppercased(), tld)
        }
        var generator = SeededGenerator()
        let schemes = ["https://", "HTTP://", "ftp://", "", "https:/", "://"]
        let labels = ["www", "Shop", "sklep", "x", "ÖL", "Straße", "xn--l-fka", "", "a-b", "1"]
        let endings = ["lt", "LT", "Lt", "uk", "UK", "io", "EU", "se", "s", "s1", "sé", "\u{212A}\u{212A}", "k\u{212A}", "l\u{0301}t",
                       "com", "de", "@[", "`{", "", "pl."]
        let tails = ["", "/p/1", ":8080/a", "?q=1", "#f", "/ą.jpg"]
        for _ in 0..<20_000 {
            var host = (0..<Int.random(in: 0...2, using: &generator)).map { _ in labels.randomElement(using: &generator)! }.joined(separator: ".")
            host += "." + endings.randomElement(using: &generator)!
            if Bool.random(using: &generator) { host.removeFirst() }
            let url = schemes.randomElement(using: &generator)! + host + tails.randomElement(using: &generator)!
            let fast = CountryDomains.countryDomain(ofURL: url), expected = reference(url)
            #expect(fast?.country == expected?.country && fast?.tld == expected?.tld, "\(url.debugDescription)")
        }
    }

    @Test func imageURLsSplitAtCommasSpacesAndLineBreaks() {
        #expect(ProductNormalizer.imageURLs(in: "https://a.lt/1.jpg,https://a.lt/2.jpg") == ["https://a.lt/1.jpg", "https://a.lt/2.jpg"])
        #expect(ProductNormalizer.imageURLs(in: " https://a.lt/1.jpg ,, https://a.lt/2.jpg\nhttps://a.lt/3.jpg ") ==
                ["https://a.lt/1.jpg", "https://a.lt/2.jpg", "https://a.lt/3.jpg"])
        // A CRLF between links (a spreadsheet cell) separates them too: a URL holds no line break.
        #expect(ProductNormalizer.imageURLs(in: "https://a.lt/1.jpg\r\nhttps://a.lt/ą.jpg") == ["https://a.lt/1.jpg", "https://a.lt/ą.jpg"])
        #expect(ProductNormalizer.imageURLs(in: "") == [] && ProductNormalizer.imageURLs(in: " , ") == [])
    }

    @Test func freeAndVATPhrasesAreFoundAsWholeWords() {
        let phrases = PricePhrases.builtIn
        for free in ["nemokamai", "Kaina: nemokamai", "nemokamai su PVM", "Free", "gratis inkl. MwSt."] {
            #expect(phrases.isFree(free), "\(free)")
        }
        for paid in ["12,99 €", "nemokamai pristatymas 5 €", "freeware 5", "0", "Kaina: 12 su PVM"] {
            #expect(!phrases.isFree(paid), "\(paid)")
        }
        #expect(phrases.vat(in: "12,99 € su PVM") == "included")
        #expect(phrases.vat(in: "99 zł netto") == "excluded")
        #expect(phrases.vat(in: "1299.00 PLN") == nil && phrases.vat(in: "12,99") == nil)
    }

    @Test func gtinFacetsOnBytesEqualTheCharacterForm() {
        var generator = SeededGenerator()
        var cases: [String?] = [nil, "", "4700000000012", "12345670", "02345673", "20000004", "036000291452", "10012345678902", "9790000000001",
                                "979000000000", "09790000000001", "97900000", "4006381333931", "0000000000000", "1234567890123x", "٣٣٣٣٣٣٣٣"]
        let leads = ["", "0", "2", "97", "979", "9790", "02", "04", "05", "99", "977", "978", "140", "200", "470"]
        for _ in 0..<20_000 {
            let lead = leads.randomElement(using: &generator)!
            let length = [7, 8, 8, 12, 12, 13, 13, 13, 14, 14, 15].randomElement(using: &generator)!
            cases.append(String((lead + String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })).prefix(length)))
        }
        for digits in cases {
            #expect(GTINFacets.of(digits: digits) == Self.referenceFacets(digits: digits), "\(digits ?? "nil")")
        }
    }

    /// `GTINFacets.of` as it was, building the GTIN-13 form and its prefix as strings.
    static func referenceFacets(digits: String?) -> GTINFacets {
        guard let digits, !digits.isEmpty, digits.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }),
              [8, 12, 13, 14].contains(digits.utf8.count) else {
            return GTINFacets(checksum: .notChecked, lengthValid: false, prefix: nil, prefixClass: nil, country: nil, organisation: nil)
        }
        let checksum: GTINFacets.Check = GTINParsing.hasValidCheckDigit(digits) ? .valid : .invalid
        if digits.count == 8, let first = digits.first, first == "0" || first == "2" {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: String(digits.prefix(3)), prefixClass: .restrictedCirculation, country: nil, organisation: "Restricted circulation (GTIN-8 velocity codes)")
        }
        let thirteen = digits.count == 12 ? "0" + digits : (digits.count == 14 ? String(digits.dropFirst()) : digits)
        if thirteen.hasPrefix("9790") && digits.count != 8 {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: "9790", prefixClass: .ismn, country: nil, organisation: "Sheet music (ISMN)")
        }
        let prefix = String(thirteen.prefix(3))
        guard let range = GS1PrefixTable.builtIn.range(for: prefix) else {
            return GTINFacets(checksum: checksum, lengthValid: true, prefix: prefix, prefixClass: .unassigned, country: nil, organisation: nil)
        }
        return GTINFacets(checksum: checksum, lengthValid: true, prefix: prefix, prefixClass: GTINFacets.PrefixClass(rawValue: range.class) ?? .unassigned,
                          country: range.country, organisation: range.organisation)
    }

    @Test func unitKeysOnBytesEqualTheCharacterForm() {
        var generator = SeededGenerator()
        let pool = ["k", "g", "K", "G", "cm", "CM", "Mm", ".", ".", " ", "\t", "\u{00A0}", "\r\n", "\n", "ł", "Ž", "Z", "@", "[", "`", "{", "1"]
        var cases = Self.texts + ["kg", " kg. ", "Kg.", ".cm", "..", ". .", " . cm . ", "\tmm\t", "KGM", "kg\u{00A0}", "\u{00A0}kg.", "cm\r\n", "Zoll"]
        for _ in 0..<20_000 { cases.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()) }
        func reference(_ spelling: String, trimmingDots: Bool) -> String {
            let spaced = spelling.trimmingSpaces()
            guard trimmingDots else { return spaced.lowercased() }
            return (spaced.utf8.allSatisfy { $0 < 0x80 } ? spaced.trimming(where: { $0 == "." }) : spaced.trimmingCharacters(in: CharacterSet(charactersIn: "."))).lowercased()
        }
        for text in cases {
            for dots in [true, false] {
                #expect(UnitTable.key(text, trimmingDots: dots) == reference(text, trimmingDots: dots), "\(text.debugDescription)")
            }
        }
        // A unit in a column label (`Svoris (kg)`) is keyed on its bytes.
        #expect(UnitTable.asciiKey("kg", trimmingDots: true) == "kg" && UnitTable.asciiKey(" Cm. ", trimmingDots: true) == "cm")
        #expect(UnitTable.builtIn.unit("kg", in: .mass)?.symbol == "kg" && UnitTable.builtIn.unit(" CM. ", in: .length)?.symbol == "cm")
    }

    @Test func bareNumbersAreTheirOwnSplit() {
        var generator = SeededGenerator()
        let pool = ["0", "1", "5", "9", ".", ",", "-", " ", "\t", "$", "€", "&", "c", "m", "\r\n", "١", "\u{00A0}", "'"]
        var cases = Self.texts + ["1,1", "35", "0.5", "3,5", "1.2.3", "1,,2", ".5", "5.", "-3,5", " 1", "1 ", "19€99", "1&2", ""]
        for _ in 0..<20_000 { cases.append((0..<Int.random(in: 0...7, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()) }
        var bare = 0
        for text in cases where QuantityParsing.isBareNumber(text) {
            bare += 1
            let split = QuantityParsing.splitNumber(MoneyParsing.normalizeSpaces(text))
            #expect(split?.0 == text && split?.1 == "", "\(text.debugDescription)")
        }
        #expect(bare > 400)
        // A spreadsheet's measure cells are bare numbers; anything with a unit, sign or space is not.
        #expect(["1,1", "35", "0.5", "3,5"].allSatisfy(QuantityParsing.isBareNumber))
        #expect(!["1 kg", "-3,5", " 1", "1.", ".5", ""].contains(where: QuantityParsing.isBareNumber))
    }

    /// A column's label unit looked up once (`knownLabelUnit`) reads every value as the per-row look-up does,
    /// including labels that name no unit of the dimension or no unit at all.
    @Test func knownLabelUnitReadsAsTheLookUp() {
        let parsing = QuantityParsing()
        let values = Self.texts + ["1,1", "35", "0.5", "3,5", "-2", "2 kg", "1,5 cm", "", "abc", "0"]
        for hint in ["kg", "cm", " KG. ", "g", "mm", "lbs", "in", "ml", "zzz", "Svoris"] {
            for dimension in [Dimension.length, .mass] {
                let fallback = QuantityParsing.UnitFallback(fromLabel: hint, defaultUnit: dimension == .length ? "cm" : "kg")
                let known: UnitTable.Unit?? = .some(parsing.units.unit(hint, in: dimension))
                for value in values {
                    for columnar in [true, false] {
                        let general = parsing.parse(value, dimension: dimension, fallback: fallback, field: "weight", labelUnitIsColumnFact: columnar)
                        let fast = parsing.parse(value, dimension: dimension, fallback: fallback, field: "weight", labelUnitIsColumnFact: columnar, knownLabelUnit: known)
                        #expect(fast.quantity == general.quantity && fast.findings == general.findings && fast.labelUnit == general.labelUnit, "\(hint) \(value.debugDescription)")
                    }
                }
            }
        }
    }

    /// Rows that share their labels (and so the column's looked-up unit) normalize as each row does alone.
    @Test func measuresOfLaterRowsReadAsAFirstRow() {
        func row(_ number: Int, _ weight: String, _ length: String) -> RawRecord {
            RawRecord(location: SourceLocation(file: "a.csv", line: number + 1, record: number), kind: .csv, fields: [
                RawField(label: "Pavadinimas", value: "Prekė \(number)", origin: .csvColumn, line: number + 1),
                RawField(label: "Svoris (kg)", value: weight, origin: .csvColumn, line: number + 1),
                RawField(label: "Ilgis (cm)", value: length, origin: .csvColumn, line: number + 1),
                RawField(label: "Weight (lbs)", value: weight, origin: .csvColumn, line: number + 1),
            ])
        }
        let rows = [row(1, "1,1", "11"), row(2, "2", "3,5 mm"), row(3, "0,5 g", "12"), row(4, "x", ""), row(5, "7", "8")]
        let shared = ProductNormalizer()
        // The same (empty) file evidence for both, so only the column's shared look-ups can tell them apart.
        for record in rows {
            #expect(shared.normalize(record, observed: FileObservation()) == ProductNormalizer().normalize(record, observed: FileObservation()))
        }
    }

    /// The remembered name of the last currency evidence is the name `describe` gives, whatever came before it.
    @Test func describedEvidenceIsTheDescription() {
        var generator = SeededGenerator()
        let details = ["the record's Valiuta field", "the record's Currency field", "product URL on .lt", "", "the record's Valiuta field"]
        let normalizer = ProductNormalizer()
        for _ in 0..<2_000 {
            let basis = CurrencyEvidence.Basis.allCases.randomElement(using: &generator)!
            let evidence = CurrencyEvidence(basis, currency: ["EUR", "PLN", nil].randomElement(using: &generator)!, detail: details.randomElement(using: &generator)!)
            #expect(normalizer.describedEvidence(evidence) == ProductNormalizer.describe(evidence))
        }
    }

    /// A single description paragraph is cleaned as the general form cleans it, footnote marks and all.
    @Test func oneParagraphCleansAsTheGeneralForm() {
        let cases = Self.texts + ["¹ Price with VAT.", "¹Replacement cost 1", "Replacement cost 1", "² ", "¹", " ¹ a", "Žieminė padanga",
                                  "<a href=\"x\">link</a> text", "Prekė iš oficialaus atstovo", "\u{00A0}\u{00A0}", "\t\n"]
        for text in cases {
            #expect(TextCleaning.cleanParagraphs([text]) == TextCleaning.cleanParagraphsGenerally([text]), "\(text.debugDescription)")
        }
        #expect(TextCleaning.cleanParagraphs(["Replacement cost 1", "¹If you apply"]) == "Replacement cost\n\nIf you apply")
    }

    /// The 14-digit form written as bytes is the general form's, for every length a valid GTIN has and for digits
    /// the byte path leaves to it.
    @Test func asciiGTIN14EqualsTheGeneralForm() {
        var generator = SeededGenerator()
        var cases = ["96385074", "036000291452", "4700000000012", "04700000000012", "0", "", "٣٤٥", "12345678901234"]
        for _ in 0..<2_000 { cases.append(String((0..<Int.random(in: 1...14, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })) }
        for digits in cases {
            let gtin = GTIN(raw: digits, digits: digits, format: nil, isValid: true)
            #expect(gtin.gtin14 == GTIN.gtin14Generally(digits), "\(digits)")
            #expect(gtin.gtin14?.utf8.count == 14 || digits.utf8.count != digits.count)
        }
        #expect(GTIN.asciiGTIN14("٣٤٥") == nil && GTIN.asciiGTIN14("123456789012345") == nil)
    }

    /// `11.01 EUR`: the shortcut gives the general reading, for every code in the table (those it takes and those it
    /// leaves), amounts of every shape it accepts and some it must refuse, and contexts that would decide something
    /// for a price that named no currency.
    @Test func plainPricesWithACodeReadAsInGeneral() {
        let tables = NormalizationTables.builtIn
        let base = tables.moneyContext
        var contexts = [base]
        for change in [
            { (context: inout MoneyContext) in context.currency = "PLN" },
            { context in context.country = "SE" },
            { context in context.language = "de"; context.observedDecimalMark = "," },
            { context in context.evidence = [CurrencyEvidence(.document, country: "CH", detail: "og:locale de_CH")] },
        ] {
            var context = base
            change(&context)
            contexts.append(context)
        }
        // A user vocabulary that makes a currency code a VAT word: the shortcut must then leave such prices alone.
        var odd = NormalizationTables.builtIn
        odd = odd.merging(userFile: LabelDictionary.File(vocabularies: ["vat": ["gross": ["en": ["eur"]]]]))
        contexts.append(odd.moneyContext)
        let codes = base.currencies.currencies.keys.sorted() + ["XYZ", "EUR".lowercased(), "RUR", "DEM"]
        let amounts = ["0", "7", "11.01", "1299", "1299.00", "0.99", "100000", "01.50", "1.5", "1.005", "1,299.00", "12.3", "-5", ".50", "1 299"]
        var shortcuts = 0
        for code in codes {
            for amount in amounts {
                for text in ["\(amount) \(code)", "\(amount)  \(code)", "\(code) \(amount)", "\(amount)\(code)", "\(amount) \(code) "] {
                    for context in contexts {
                        if MoneyParsing.plainAmountAndCode(text, context: context) != nil { shortcuts += 1 }
                        #expect(MoneyParsing.read(text, context: context) == MoneyParsing.read(text, context: context, generalPathOnly: true),
                                "\(text.debugDescription)")
                    }
                }
            }
        }
        // The shortcut is taken (were it never, the comparisons above would still hold), and not for the odd vocabulary.
        #expect(shortcuts > 1_000)
        #expect(MoneyParsing.plainAmountAndCode("11.01 EUR", context: base) != nil)
        #expect(MoneyParsing.plainAmountAndCode("11.01 EUR", context: odd.moneyContext) == nil)
        #expect(MoneyParsing.plainAmountAndCode("150 HUF", context: base) == nil, "written without decimals")
        #expect(MoneyParsing.plainAmountAndCode("11.01 EUR", context: base)?.price?.money.amountText == "11.01")
    }

    /// `11,01` beside a currency column: the shortcut gives the general reading, for every code of the table as the
    /// record's currency (those it takes and those it leaves), amounts of every shape it accepts and some it must
    /// refuse, and evidence that names the currency, names another one, or only assumes it.
    @Test func plainAmountsInTheRecordsCurrencyReadAsInGeneral() {
        let tables = NormalizationTables.builtIn
        let base = tables.moneyContext
        let column = CurrencyEvidence(.recordField, currency: "EUR", detail: "the record's Valiuta field")
        let evidenceSets: [[CurrencyEvidence]] = [
            [],
            [column],
            [CurrencyEvidence(.recordField, currency: "PLN", detail: "the record's Waluta field")],
            [CurrencyEvidence(.document, country: "CH", detail: "og:locale de_CH"), column],
            [CurrencyEvidence(.fileOtherPrices, currency: "EUR", detail: "earlier prices of this file, in EUR")],
        ]
        // A user vocabulary with a phrase of numbers only: the shortcut must then leave bare amounts alone.
        let numeric = NormalizationTables.builtIn.merging(userFile: LabelDictionary.File(vocabularies: ["vat": ["gross": ["en": ["23"]]]]))
        let codes: [String] = base.currencies.currencies.keys.sorted() + ["XYZ", "eur", "RUR", "DEM", ""]
        let amounts = [
            "0", "7", "11,01", "11.01", "1299", "1299,00", "0,99", "100000", "01,50", "1,5", "1,005", "1.299,00", "12,3", "-5", ",50",
            "1 299", "11,01 ", " 11,01", "11,01€", "1,234", "23", "11,0x", "123456789012345", "1234567890123456",
        ]
        var shortcuts = 0
        for code in codes {
            for evidence in evidenceSets {
                for vocabulary in [tables, numeric] {
                    var context = vocabulary.moneyContext
                    context.currency = code.isEmpty ? nil : code
                    context.evidence = evidence
                    context.observedDecimalMark = code == "CHF" ? "." : nil
                    for text in amounts {
                        if MoneyParsing.plainAmountInStatedCurrency(text, context: context) != nil { shortcuts += 1 }
                        #expect(MoneyParsing.read(text, context: context) == MoneyParsing.read(text, context: context, generalPathOnly: true),
                                "\(text.debugDescription) in \(code)")
                    }
                }
            }
        }
        // The shortcut is taken (were it never, the comparisons above would still hold), and left where it must be.
        #expect(shortcuts > 1_000)
        var euro = base
        euro.currency = "EUR"
        euro.evidence = [column]
        let reading = MoneyParsing.plainAmountInStatedCurrency("11,01", context: euro)
        #expect(reading?.price?.money.amountText == "11.01")
        #expect(reading?.currencyDecision == column)
        #expect(reading?.decimalMark == ",")
        euro.currency = "HUF"
        #expect(MoneyParsing.plainAmountInStatedCurrency("150", context: euro) == nil, "written without decimals")
        var numericContext = numeric.moneyContext
        numericContext.currency = "EUR"
        #expect(MoneyParsing.plainAmountInStatedCurrency("11,01", context: numericContext) == nil)
    }

    @Test func normalASCIIPricesAreLeftAsTheyAre() {
        var generator = SeededGenerator()
        let pool = ["1", "9", "0", ",", ".", " ", "  ", "$", "&", "&nbsp;", "&euro;", "€", "£", "EUR", "PLN", "zł", "\t", "\u{00A0}", "-", "–", "~", "\u{7F}", "\u{1F}"]
        var cases = Self.texts + ["11,01", "1299.00 PLN", "EUR 9,99", "19$99", "$5", " 5", "5 ", "5&amp;", "49,-", "~5~", "1 299,00"]
        for _ in 0..<20_000 { cases.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()) }
        for text in cases {
            #expect(MoneyParsing.normalizeSpaces(text) == MoneyParsing.normalizeSpaces(text, generalPathOnly: true), "\(text.debugDescription)")
        }
        #expect(["11,01", "1299.00 PLN", "EUR 9,99"].allSatisfy(MoneyParsing.isNormalASCII))
        #expect(!["19$99", " 5", "5&amp;", "5 €", ""].contains(where: MoneyParsing.isNormalASCII))
    }

    @Test func plainDigitGTINsReadAsTheGeneralForm() {
        var generator = SeededGenerator()
        var cases = ["4700000000012", "4700000000013", "12345670", "036000291452", "10012345678902", "0", "00000000", "01234565",
                     "123456789", "0306406152", "030640615X", "4006381333931", "400638133393", "40063813339310", "96385074"]
        for _ in 0..<5_000 {
            cases.append(String((0..<Int.random(in: 1...15, using: &generator)).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) }))
        }
        func describe(_ result: (gtin: GTIN, findings: [Finding])) -> String { "\(result.gtin) \(result.findings)" }
        for text in cases {
            #expect(describe(GTINParsing.parseDigits(text)) == describe(GTINParsing.parseDigitsGenerally(text)), "\(text)")
        }
        // The ISBN-10 shortcut: plain digits other than ten are never an ISBN-10.
        for text in cases where text.count != 10 { #expect(ISBN10.convert(text) == nil, "\(text)") }
    }

    // MARK: - Small checks

    @Test func mojibakeScanAgreesWithTheCharacterWalk() {
        var texts = Self.texts
        for lead in MojibakeRule.leads { texts += [String(lead) + "\u{A9}", String(lead).decomposedStringWithCanonicalMapping + "\u{A9}"] }
        texts.append("\u{212B}\u{A9}")
        var generator = SeededGenerator()
        let pool = MojibakeRule.leads.map(String.init) + ["\u{A9}", "€", "\u{302}", "\u{300}", "A", "a", " ", "ė", "\u{212B}", "\u{2122}", "Ã", "\u{84}"]
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(MojibakeRule.firstMojibake(in: text) == Reference.firstMojibake(in: text), "\"\(text)\"")
            #expect(MojibakeRule.mayHoldLead(text) == MojibakeRule.mayHoldLeadByBytes(text), "\"\(text)\"")
        }
    }

    @Test func checkDigitsEqualTheGeneralSum() {
        var generator = SeededGenerator()
        var cases = ["4700000000012", "4700000000013", "12345670", "036000291452", "10012345678902", "", "7", "١٢٣٤٥٦٧٠", "47000000000x2"]
        for _ in 0..<5_000 { cases.append(String((0..<Int.random(in: 1...15, using: &generator)).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })) }
        for digits in cases + Self.texts.map({ $0.filter(\.isNumber) }) {
            #expect(GTINParsing.expectedCheckDigit(digits) == Reference.expectedCheckDigit(digits), "\(digits)")
            #expect(GTINParsing.hasValidCheckDigit(digits) == (digits.last?.wholeNumberValue.map { Reference.expectedCheckDigit(digits) == $0 } ?? false))
        }
    }

    @Test func trimmingRandomTextEqualsTheCharacterForm() {
        var generator = SeededGenerator()
        let pool: [Unicode.Scalar] = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}",
                                      "a", "Z", "5", "-", ",", "~", "\u{301}", "\u{200D}", "\u{0600}", "\u{1F3FB}", "é", "€"]
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...7, using: &generator) { scalars.append(pool.randomElement(using: &generator)!) }
            let text = String(scalars)
            #expect(text.trimmingWhitespace() == text.trimming(where: { $0.isWhitespace }), "\(text.debugDescription)")
            #expect(text.trimmingSpaces() == text.trimming(where: { $0.isWhitespace && !$0.isNewline }), "\(text.debugDescription)")
        }
    }

    @Test func trimmingEqualsTheCharacterForm() {
        // The byte path's edges: spaces and tabs around ASCII, around non-ASCII, around marks that join a space,
        // line breaks it must keep, and nothing but spaces.
        let edges = [" kg", "\t1,2 kg \t", "   ", "\t", " \u{0301}x ", " x\u{0301} ", " é ", " \u{00A0}x", "x \u{2003}", " \nx ",
                     "\u{000B} x", " x \u{000C}", " \u{0600}1 ", " a b ", " \r\n", "\t\t-5 ", " \u{1F600} ",
                     "\r\nx\r\n", "\u{1C}x\u{1F}", " x\u{0085}", "x \u{0301}", "\u{000B}\u{000C}\u{000D}", "\n\n1,2\n"]
        for text in Self.texts + ["\u{0600}1", "a\u{0301}", " x", "x\n", "x", "\r\n"] + edges {
            // As a String and as a Substring (the normalizer trims both).
            #expect(text.trimmingWhitespace() == text.trimming(where: { $0.isWhitespace }), "\(text.debugDescription)")
            #expect(text[...].trimmingWhitespace() == text.trimming(where: { $0.isWhitespace }), "\(text.debugDescription)")
            #expect(text.trimmingSpaces() == text.trimming(where: { $0.isWhitespace && !$0.isNewline }), "\(text.debugDescription)")
            #expect(text[...].trimmingSpaces() == text.trimming(where: { $0.isWhitespace && !$0.isNewline }), "\(text.debugDescription)")
        }
    }

    /// The Latin/Cyrillic table path equals Foundation's folding: every covered scalar alone, every sample line,
    /// and 20,000 random mixes of covered scalars, ASCII, white space and separators.
    @Test func scalarTableFoldingEqualsFoundationFolding() {
        var texts = Self.texts
        let covered = ScalarFolding.blocks.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        texts += covered.map { String($0) }
        texts += covered.map { "A\($0)b \($0):" }
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let ascii = Array("aZ09 :*-+%.,\t\n")
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + next(12)) {
                if next(3) == 0 { text.append(ascii[next(ascii.count)]) } else { text.unicodeScalars.append(covered[next(covered.count)]) }
            }
            texts.append(text)
        }
        var fastPaths = 0
        for text in texts {
            if let fast = ScalarFolding.fold(text) {
                fastPaths += 1
                #expect(fast == TextFolding.foldedByFoundation(text), "fold of \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            if let fast = ScalarFolding.words(text) {
                #expect(fast == PricePhrases.wordsOfFolded(TextFolding.foldedByFoundation(text)), "words of \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            #expect(ScalarFolding.withWords(text) { String(decoding: $0, as: UTF8.self) } == ScalarFolding.words(text))
        }
        #expect(fastPaths > 20_000, "the table must cover ordinary Latin and Cyrillic text")
        #expect(ScalarFolding.fold("Prekės kodas:") == "prekes kodas")
        #expect(ScalarFolding.fold("Cafe\u{0301}") == nil, "combining marks take the general path")
    }

    /// The light-item word of a title is the first phrase whole-word contained in its words, whatever the
    /// first-word filter and the stack form of the words skip.
    @Test func lightItemWordIsTheFirstContainedPhrase() {
        let plausibility = PackagePlausibility.builtIn
        let phrases = plausibility.lightWords
        var titles = Self.texts + phrases + phrases.map { "Nauja \($0.uppercased()) 50 €" } + ["Dovanų kuponas", "DOVANU  KUPONAS!", "gift-card", "Gift Card", "care plan+"]
        var generator = SeededGenerator()
        let pool = phrases.flatMap { $0.split(separator: " ").map(String.init) } + ["Sony", "ė", "–", " ", "  ", "5", "ﬁ", "e\u{0301}"]
        for _ in 0..<5_000 { titles.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined(separator: " ")) }
        for title in titles {
            var product = Product(id: "t#1", source: SourceLocation(file: "t", record: 1), sourceKind: .textPage)
            product.title = title
            let words = PricePhrases.words(title)
            #expect(plausibility.lightItemWord(product) == phrases.first { PricePhrases.contains($0, in: words) }, "\(title.debugDescription)")
        }
    }

    @Test func asciiLineCleaningEqualsTheGeneralForm() {
        let cases = Self.texts + ["a \n b", "a\nb", "\tb\t", "x\r\n  y ", "\u{1C}a\u{1F} b", "a\u{7F}b", "  ", "\n"]
        var checked = 0
        for text in cases {
            guard let fast = TextCleaning.cleanASCIILine(text) else { continue }
            checked += 1
            #expect(fast == TextCleaning.cleanLineGenerally(text), "\(text.debugDescription)")
        }
        #expect(checked > 100)
    }

    @Test func commonScriptLineCleaningEqualsTheGeneralForm() {
        let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x370...0x3FF, 0x400...0x482, 0x48A...0x52F, 0x2000...0x206F, 0x20A0...0x20CF]
        let common = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        #expect(common.allSatisfy { TextCleaning.isCommonScriptScalar($0.value) })
        #expect(!TextCleaning.isCommonScriptScalar(0x301) && !TextCleaning.isCommonScriptScalar(0x483) && !TextCleaning.isCommonScriptScalar(0x1F3FB))
        let spaces: [Unicode.Scalar] = ["\u{20}", "\u{09}", "\u{0A}", "\u{0D}", "\u{1F}"] + common.filter { Character($0).isWhitespace || $0.properties.isDefaultIgnorableCodePoint }
        var checked = 0
        func check(_ text: String) {
            guard let fast = TextCleaning.cleanCommonScriptLine(text) else { return }
            checked += 1
            #expect(fast == TextCleaning.cleanLineGenerally(text), "\(text.debugDescription)")
        }
        // Every common scalar next to every whitespace or ignorable one, on both sides.
        for scalar in common {
            for space in spaces {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: [space, "a", space, scalar, space, scalar, scalar, space, "b", space])
                check(String(text))
            }
        }
        // Random mixes, including scalars that must send the text to the general path.
        var generator = SeededGenerator()
        let pool: [Unicode.Scalar] = common + spaces + ["a", "Z", "0", " ", " ", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{1F44D}", "\u{1F3FB}", "\u{0600}"]
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(pool.randomElement(using: &generator)!) }
            check(String(text))
        }
        for text in Self.texts + ["Prekė  iš\toficialaus\u{00A0}atstovo\n", "Гарантия\u{2003}24 мес.", "\u{00AD}a\u{2060} b ", "€ 5 – ‘x’"] { check(text) }
        #expect(checked > 50_000)
    }

    @Test func cleanTextTestOnBytesEqualsTheScalarWalk() {
        var generator = SeededGenerator()
        let scalars = (UInt32(0x80)..<0x530).compactMap(Unicode.Scalar.init) + StandaloneScalars.punctuation.compactMap(Unicode.Scalar.init)
        let pool: [Unicode.Scalar] = scalars + ["a", "Z", "0", " ", " ", " ", "\t", "\n", "\r", "\u{7F}", "\u{1F}", "\u{301}", "\u{200D}", "\u{FE0F}",
                                                "\u{1F44D}", "\u{1F3FB}", "\u{0600}", "\u{3000}", "\u{FEFF}", "\u{E0001}", "\u{0903}", "\u{20DD}"]
        var cases = Self.texts + ["", " ", "a ", " a", "a  b", "a \u{301}", "a\u{301}", "a \u{20DD}", "a\u{00A0}b", "a\u{00AD}b",
                                  // Found by a random case in CI: an emoji modifier (a symbol, not a mark) joins the space
                                  // before it, and the general cleaning drops both; a spacing letter (Thai) does the same.
                                  "⁁·xѠǸ \u{1F3FB}ʮʉ", "a \u{1F3FB}b", "a \u{0E33}b", "a \u{FF9E}b"]
        for _ in 0..<30_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...10, using: &generator) {
                text.append(Bool.random(using: &generator) ? pool.randomElement(using: &generator)! : "x")
            }
            cases.append(String(text))
        }
        for text in cases {
            #expect(TextCleaning.isAlreadyClean(text) == TextCleaning.isAlreadyCleanByScalars(text), "\(text.debugDescription)")
            #expect(TextCleaning.cleanLine(text) == TextCleaning.cleanLineGenerally(text), "\(text.debugDescription)")
        }
    }

    @Test func quantityDecimalsReadAsBefore() {
        for text in ["1,1", "3,5", "0.5", "14,00", "1.234,5", "-2,25", "12", "1,2,3"] {
            #expect(QuantityParsing.readDecimal(text) == Reference.readDecimal(text), "\(text)")
        }
    }
}

/// The general forms the fast paths replace, as they were.
private enum Reference {
    static func fold(_ text: String) -> String {
        let folded = text.lowercased()
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimming(where: { $0 == ":" || $0 == "*" || ($0.isWhitespace && !$0.isNewline) })
    }

    static func words(_ text: String) -> String {
        let mapped = String(fold(text).map { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "%" ? $0 : " " })
        return mapped.split(separator: " ").joined(separator: " ")
    }

    static func scores(_ text: String, profiles: LanguageProfiles) -> [(language: String, score: Int)] {
        let lowered = text.prefix(LanguageDetection.sampleLength).lowercased()
        var cyrillic = 0, latin = 0
        var letters: [Character: Int] = [:]
        var words: [Substring: Int] = [:]
        var wordStart: String.Index?
        let scalars = lowered.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let value = scalar.value
            let isLetter = value < 0x80 ? (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) : scalar.properties.isAlphabetic
            if isLetter || value == 0x27 || value == 0x2019 {
                if wordStart == nil { wordStart = index }
                if isLetter {
                    if (0x0400...0x04FF).contains(value) { cyrillic += 1 } else if value < 0x0250 { latin += 1 }
                    if value >= 0x80 { letters[Character(scalar), default: 0] += 1 }
                }
            } else if let start = wordStart {
                words[lowered[start..<index], default: 0] += 1
                wordStart = nil
            }
            index = scalars.index(after: index)
        }
        if let start = wordStart { words[lowered[start...], default: 0] += 1 }
        guard cyrillic + latin > 0 else { return [] }
        let script = cyrillic > latin ? "cyrillic" : "latin"
        var result: [(language: String, score: Int)] = []
        for (language, profile) in profiles.profiles where profile.script == script {
            var score = 0
            let list = Set(profile.words.map { $0.lowercased() })
            for (word, count) in words where list.contains(String(word)) { score += 3 * count }
            let exclusive = Set(profile.exclusive), typical = Set(profile.letters)
            for (char, count) in letters {
                if exclusive.contains(char) { score += 3 * count } else if typical.contains(char) { score += count }
            }
            result.append((language, score))
        }
        return result.sorted { $0.score != $1.score ? $0.score > $1.score : $0.language < $1.language }
    }

    static func firstMojibake(in text: String) -> String.Index? {
        var previous: (Character, String.Index)?
        for index in text.indices {
            let char = text[index]
            if let (lead, leadIndex) = previous, let scalar = char.unicodeScalars.first, char.unicodeScalars.count == 1 {
                if lead == "â" ? char == "€" : MojibakeRule.continuations.contains(scalar) { return leadIndex }
            }
            previous = MojibakeRule.leads.contains(char) ? (char, index) : nil
        }
        return nil
    }

    static func expectedCheckDigit(_ digits: String) -> Int {
        let body = digits.dropLast().compactMap(\.wholeNumberValue)
        var sum = 0
        for (offset, digit) in body.reversed().enumerated() { sum += digit * (offset % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10
    }

    static func readDecimal(_ number: String) -> Decimal? {
        let negative = number.hasPrefix("-")
        let body = negative ? String(number.dropFirst()) : number
        let marks = body.filter { $0 == "." || $0 == "," }
        let canonical: String
        if marks.count <= 1 {
            canonical = body.replacingOccurrences(of: ",", with: ".")
        } else if let reading = NumberReading.read(body) {
            canonical = reading.canonical
        } else {
            return nil
        }
        guard let value = DecimalFormatting.parse(canonical) else { return nil }
        return negative ? -value : value
    }
}
