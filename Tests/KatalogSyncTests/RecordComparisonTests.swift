import Testing
import KatalogCore
@testable import KatalogSync

/// What sync compares (`RecordFields`), how it recognises a record (`IdentityChain`, `SourceNames`) and how a
/// price change is stated (`FieldChange`).
@Suite struct RecordComparisonTests {
    static func record(_ json: String) throws -> ParsedJSON {
        try ParsedJSON.parseStrict(Array(json.utf8))
    }

    static let line = """
    {"attributes":[{"key":"color","label":"Kolor","line":16,"value":"black"},{"key":"color","label":"Barva","line":17,"value":"graphite"},{"key":"plan","label":"Plan","line":3,"value":null}],\
    "converted_price":{"amount":"61.20"},"description":null,"diagnostics":[{"code":"x"}],"gtin":{"digits":"4902548974118","facets":{"prefix":"490"},"gtin14":"04902548974118","valid":true},\
    "id":"feed.xml#1","images":[],"language":"pl","package":{"weight_g":254,"length_mm":null},"price":{"amount":"58.99","currency":"EUR","text":"58,99 €"},\
    "provenance":{"title":{"line":4}},"sku":"A-1","source":{"file":"feeds/feed.xml","line":4},"title":"Słuchawki"}
    """

    @Test func fieldsLeaveOutWhereAFactWasFoundAndWhatIsDerived() throws {
        let fields = RecordFields(record: try Self.record(Self.line)).values
        #expect(Set(fields.keys) == ["attributes.color", "gtin", "package.weight_g", "price.amount", "price.currency", "sku", "title"])
        #expect(fields["attributes.color"] == .array([.string("black"), .string("graphite")]))
        #expect(fields["gtin"] == .string("4902548974118"))
        #expect(fields["package.weight_g"] == .number("254"))
    }

    @Test func storedFieldsReadBackEqualWithTheSameFingerprint() throws {
        let fields = RecordFields(record: try Self.record(Self.line))
        let back = try RecordFields.decode(fields.encoded)
        #expect(back == fields)
        #expect(back.fingerprint == fields.fingerprint)
        let moved = Self.line.replacingOccurrences(of: #""line":4}"#, with: #""line":40}"#)
        #expect(RecordFields(record: try Self.record(moved)).fingerprint == fields.fingerprint, "a record that moved in its file is unchanged")
    }

    @Test func aPriceChangeInTheSameCurrencyHasItsPercentage() throws {
        let old = RecordFields(values: ["price.amount": .string("549.00"), "price.currency": .string("EUR"), "title": .string("Bosch")])
        let cheaper = RecordFields(values: ["price.amount": .string("499.00"), "price.currency": .string("EUR"), "title": .string("Bosch")])
        #expect(FieldChange.between(old, cheaper) == [FieldChange(field: "price.amount", old: .string("549.00"), new: .string("499.00"), percent: "-9.11")])
        let inPLN = RecordFields(values: ["price.amount": .string("2100.00"), "price.currency": .string("PLN")])
        let changes = FieldChange.between(old, inPLN)
        #expect(changes.map(\.field) == ["price.amount", "price.currency", "title"])
        #expect(changes[0].percent == nil, "no percentage across currencies")
        #expect(changes[2].new == nil, "a field gone is a change to null")
    }

    @Test func theIdentityChainTakesTheFirstStepARecordSatisfies() throws {
        let full = RecordIdentityFacts(record: try Self.record(Self.line))
        #expect(IdentityChain.standard.key(of: full, source: "feed.xml") == "sku:feed.xml:A-1")
        #expect(IdentityChain(names: "gtin,sku")?.key(of: full, source: "feed.xml") == "gtin:feed.xml:04902548974118")
        var noSKU = full
        noSKU.sku = nil
        #expect(IdentityChain.standard.key(of: noSKU, source: "s") == "gtin:s:04902548974118")
        noSKU.validGTIN14 = nil
        noSKU.mpn = "WH1000XM4"
        noSKU.brand = "Sony"
        #expect(IdentityChain.standard.key(of: noSKU, source: "s") == "mpn:s:sony:WH1000XM4")
        noSKU.mpn = nil
        let key = IdentityChain.standard.key(of: noSKU, source: "s")
        #expect(key.hasPrefix("fp:s:") && key.count == "fp:s:".count + 16)
        #expect(IdentityChain(names: "sku,barcode") == nil)
        #expect(IdentityChain(names: "gtin")?.description == "gtin,fingerprint")
    }

    @Test func sourcesAreNamedInsideTheFolderTheyWereFoundIn() {
        let sync = SourceNames(inputs: ["/data/night-2/", "extra/prices.csv"])
        #expect(sync.name(of: "/data/night-2/feeds/shop.csv") == "feeds/shop.csv")
        #expect(sync.name(of: "extra/prices.csv") == "prices.csv")
        let diff = SourceNames(catalogFiles: ["out/n1/feeds/a.csv", "out/n1/pages/b.html"])
        #expect(diff.name(of: "out/n1/feeds/a.csv") == "feeds/a.csv")
        #expect(SourceNames(catalogFiles: ["n1/feeds/a.csv"]).name(of: "n1/feeds/a.csv") == "a.csv")
        #expect(SourceNames(catalogFiles: ["a.csv", "b/c.csv"]).name(of: "b/c.csv") == "b/c.csv")
    }

    @Test func precedenceRanksAFieldByItsOrigin() {
        let standard = SourcePrecedence.standard
        #expect(standard.rank(origin: "xml-element", kind: "google-merchant") < standard.rank(origin: "json-ld", kind: "html"))
        #expect(standard.rank(origin: "json-ld", kind: "html") < standard.rank(origin: "text-line", kind: "text-page"))
        #expect(standard.rank(origin: nil, kind: "html") == 2, "a page's field without origin counts as page text")
        #expect(SourcePrecedence(names: "structured")?.description == "structured,feed,text")
    }
}
