import Testing
import KatalogCore

/// Katalog's one JSON parser: lenient for JSON-LD (repairs reported), strict for feeds (structural damage is an
/// error), exact for the bundled tables (`ParsedJSONTableTests`), all keeping number literals as written.
struct JSONParserTests {
    @Test(arguments: [
        ("{\"price\": 58.99, \"sku\": \"A-1\",}", "a trailing comma was removed"),
        ("{\"name\": \"Lempa\"};", "a trailing ';' after the JSON was ignored"),
        ("{\"a\": 1} {\"b\": 2}", "several JSON values in one block were read as a list"),
    ])
    func lenientRepairsStructureStrictRejectsIt(text: String, repair: String) throws {
        var lenient = JSONParser(text, mode: .lenient)
        _ = try lenient.parse()
        #expect(lenient.repairs == [repair])
        var strict = JSONParser(text, mode: .strict)
        #expect(throws: JSONParser.SyntaxError.self) { try strict.parse() }
    }

    @Test func bothModesReadControlCharactersInStrings() throws {
        for mode in [JSONParser.Mode.lenient, .strict] {
            var parser = JSONParser("{\"desc\": \"line one\nline two\"}", mode: mode)
            let value = try parser.parse()
            #expect(value["desc"]?.scalarText == "line one\nline two")
        }
    }

    /// Character-level faults that feeds carry are read by strict mode as before; only exact mode (tables) refuses them.
    @Test(arguments: ["\"\\x\"", "\"\\ud83d\"", "\"\\ude00\"", "\"a\nb\"", "-", "1.", "[01]", "[1e]"])
    func strictReadsWhatOnlyExactRefuses(text: String) throws {
        var strict = JSONParser(text, mode: .strict)
        _ = try strict.parse()
        var exact = JSONParser(text, mode: .exact)
        #expect(throws: JSONParser.SyntaxError.self) { try exact.parse() }
    }

    @Test func exactAndStrictReadValidJSONAlike() throws {
        let text = "{\n  \"a\": [1, -0.5e+3, \"\\u00e9\\ud83d\\ude00\", true, null],\n  \"b\": {\"c\": \"d\"}\n}"
        var strict = JSONParser(text, mode: .strict)
        var exact = JSONParser(text, mode: .exact)
        #expect(try exact.parse() == strict.parse())
        var invalidUTF8 = JSONParser(bytes: [0x22, 0xC3, 0x28, 0x22], mode: .strict)
        #expect(try invalidUTF8.parse() == .string("\u{FFFD}("))
    }

    @Test func numbersKeepTheirLiteralAndMembersTheirLine() throws {
        var parser = JSONParser("{\n  \"price\": 15.00,\n  \"gtin\": \"06937224103313\"\n}", mode: .strict)
        let value = try parser.parse()
        #expect(value["price"] == .number("15.00"))
        #expect(value.members.map(\.line) == [2, 3])
    }

    @Test func truncatedInputIsToldApartFromMalformedInput() {
        var cut = JSONParser("[{\"sku\": \"A-1\", \"price\": 1", mode: .strict)
        do {
            _ = try cut.parse()
            Issue.record("a cut-off document must not parse")
        } catch {
            #expect(error.truncated)
        }
        var broken = JSONParser("{\"sku\" \"A-1\"}", mode: .strict)
        do {
            _ = try broken.parse()
            Issue.record("a missing colon must not parse")
        } catch {
            #expect(!error.truncated)
            #expect(error.offset == 7)
        }
    }

    @Test(arguments: [
        ("[1 2]", "expected ',' or ']' in an array"), ("{\"a\":1 \"b\":2}", "expected ',' or '}' in an object"),
        ("[", "an array is not closed"), ("{", "an object is not closed"), ("[1,", "the JSON ends too early"),
        ("{\"a\":1,", "expected a quoted property name"), ("{,}", "expected a quoted property name"), ("[,]", "unexpected character ','"),
    ])
    func containerFaultsAreNamed(text: String, message: String) {
        var parser = JSONParser(text, mode: .strict)
        do {
            _ = try parser.parse()
            Issue.record("\(text) must not parse")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        var parser = JSONParser(deep, mode: .lenient)
        #expect(throws: JSONParser.SyntaxError.self) { try parser.parse() }
    }

    /// `parseStrict(_:keeping:)` steps over the other members without building them, but still refuses a damaged line.
    @Test func keptMembersAreReadAndTheRestChecked() throws {
        let line = #"{"attributes":[{"key":"source","value":{"file":"decoy"}}],"description":"a \"quoted\" \u00e9 text","price":{"amount":"58.99"},"source":{"file":"night-1/feed.csv","line":2},"title":"Lempa"}"#
        let kept = try ParsedJSON.parseStrict(Array(line.utf8), keeping: ["source", "title", "missing"])
        #expect(kept["source"]?["file"]?.scalarText == "night-1/feed.csv", "the nested \"source\" key is not the top-level one")
        #expect(kept.members.map(\.key) == ["source", "title"])
        let whole = try ParsedJSON.parseStrict(Array(line.utf8))
        #expect(kept["source"] == whole["source"] && kept["title"] == whole["title"])
        let skipped = try ParsedJSON.parseStrict(Array(line.utf8), skipping: ["description", "attributes"])
        #expect(skipped.members.map(\.key) == ["price", "source", "title"] && skipped["price"] == whole["price"])
        for damaged in [#"{"a":[1,2,"source":{}}"#, #"{"a":"unclosed,"source":{"file":"x"}}"#, #"{"a":{"b" 1},"source":{}}"#, #"["source"]"#,
                        #"{"a":tru,"source":1}"#, #"{"source":1} {"b":2}"#, #"{"source":1}}"#] {
            #expect(throws: JSONSyntaxError.self, "\(damaged)") { try ParsedJSON.parseStrict(Array(damaged.utf8), keeping: ["source"]) }
        }
    }
}
