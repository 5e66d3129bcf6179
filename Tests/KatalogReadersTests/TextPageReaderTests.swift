import Foundation
import Testing
@testable import KatalogCore
@testable import KatalogReaders

struct TextPageReaderTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = packageRoot.appendingPathComponent("Samples/text/000_6e65ef817e1cc529.txt").path

    private func read(_ path: String) throws -> CollectingSink {
        let sink = CollectingSink()
        try TextPageReader().read(SourceDocument(fileURL: path, displayPath: "seed.txt", kind: .textPage), into: sink)
        return sink
    }

    @Test func readsSeedAsOneRecordWithTitleHeaderAndPrice() throws {
        let sink = try read(Self.seed)
        let record = try #require(sink.records.first)
        #expect(sink.records.count == 1)
        #expect(record.location == SourceLocation(file: "seed.txt", line: 5, record: 1))
        // The shop's domain is evidence of its market, not a stated country (the currency stays an assumption).
        #expect(record.hints.country == nil)
        #expect(record.hints.currencyEvidence == [CurrencyEvidence(.document, country: "LT", detail: "shop domain .lt")])
        let title = try #require(record.fields.first)
        #expect(title.role == .title && title.value == "DJI Care Refresh RS 4 Mini (plan roczny)")
        let labelled = record.fields.filter { $0.role == .labelled }.map { "\($0.label ?? ""): \($0.value)" }
        #expect(Array(labelled.prefix(4)) == ["Modelis: CP.SH.CR000376.01", "Gamintojas: DJI", "EAN: 6937224103313", "Prekės kodas: 352289"])
        let unlabelled = record.fields.filter { $0.role == .unlabelled }
        #expect(unlabelled.map(\.value) == ["58.99€"])
        #expect(unlabelled.first?.line == 17)
    }

    @Test func splitsAttributeLineWithoutBreakingDecimalCommas() throws {
        let record = try #require(try read(Self.seed).records.first)
        let attributeLine = record.fields.filter { $0.line == 85 }.map { "\($0.label ?? "")=\($0.value)" }
        #expect(attributeLine == [
            "Plan=Roczny", "Seria Ronin=DJI RS 4 Mini", "Usługa=Karta z kodem", "Gross weight=20", "Net weight=20",
            "Minimalna liczba towaru w zamówieniu detalicznym=1", "Minimalna liczba towaru w zamówieniu hurtowym=1",
            "test=DJI Care Refresh RS 4 Mini (plan roczny)", "Box length=14,00", "Box width=12,00", "Box height=0,50",
        ])
    }

    @Test func leavesOutBlocksRepeatedAtPageBreaks() throws {
        let sink = try read(Self.seed)
        let record = try #require(sink.records.first)
        let description = record.fields.filter { $0.role == .description }.map(\.value)
        #expect(!description.contains { $0.contains("Pateikta prekės informacija") })
        #expect(!description.contains { $0.contains("info@shopro.lt") })
        #expect(description.contains("About the service"))
        #expect(description.contains { $0.hasPrefix("For DJI RS 4 Mini, the cost of each replacement") })
        let removed = sink.diagnostics.filter { $0.code == .textBoilerplateRemoved }
        #expect(removed.count == 2)
        #expect(removed.allSatisfy { $0.severity == .info })
        #expect(removed.first?.message.contains("lines 31, 63") == true)
    }

    @Test func descriptionSentencesWithColonsStayProse() {
        let layout = TextPageLayout(text: "", conventions: .builtIn)
        #expect(layout.pairsOf("For DJI RS 4 Mini, the cost of each replacement under DJI Care Refresh is: PLN 199") == nil)
        #expect(layout.pairsOf("1 Go to the following website:") == nil)
        #expect(layout.pairsOf("Sparen Sie mit dem Entkalker-Set: zusammen nur 1.279,00 €.") == nil)
        #expect(layout.pairsOf("Kolor: czarny")?.map(\.value) == ["czarny"])
    }

    @Test func dropsPageMarkersInManyLanguages() {
        let conventions = TextPageConventions.builtIn
        for marker in ["Page 2 of 3", "Strona 1 z 2", "Lapa 2 no 2", "Seite 1 von 2", "Puslapis 2 iš 3", "- 2 -", "2/3"] {
            #expect(conventions.isPageMarker(marker), "\(marker)")
        }
        for text in ["2 years warranty", "Plan roczny", "Box 2 of cards"] {
            #expect(!conventions.isPageMarker(text), "\(text)")
        }
    }

    @Test func pageWithoutTitleLineStartsWithLabels() throws {
        let layout = TextPageLayout(text: "Pavadinimas: Lempa\n\nKaina: 10 EUR\n", conventions: .builtIn)
        #expect(layout.fields().map(\.role) == [.labelled, .labelled])
    }

    @Test func emptyFileGivesNoRecordAndAWarning() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-empty-\(UUID().uuidString).txt")
        try Data("\n\n  \n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = try read(url.path)
        #expect(sink.records.isEmpty)
        #expect(sink.diagnostics.map(\.code) == [.textEmpty])
    }

    @Test func missingFileThrowsUnreadable() {
        #expect(throws: InputUnreadable.self) { try read("/nonexistent/katalog/page.txt") }
    }
}

struct InputSnifferTests {
    @Test(arguments: [
        ("DJI Care Refresh\n\nModelis: X\n\n58.99€\n", "page.txt", InputKind.textPage),
        ("<!DOCTYPE html><html><body>x</body></html>", "page", .html),
        ("<?xml version=\"1.0\"?><rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel></channel></rss>", "feed", .googleMerchant),
        ("<?xml version=\"1.0\"?><offers><group name=\"x\"><o id=\"1\"></o></group></offers>", "feed.xml", .ceneo),
        ("<?xml version=\"1.0\"?><SHOP><SHOPITEM></SHOPITEM></SHOP>", "feed.xml", .heureka),
        ("<?xml version=\"1.0\"?><yml_catalog><shop></shop></yml_catalog>", "feed.xml", .yml),
        ("Prekės kodas;Pavadinimas;Kaina\n1;Lempa;10\n2;Stalas;20\n", "export.txt", .csv),
        ("id\ttitle\tprice\n1\tLamp\t10 EUR\n2\tDesk\t20 EUR\n", "feed", .tsv),
        ("[{\"sku\": \"1\"}]", "data", .json),
        ("{\"sku\": \"1\"}\n{\"sku\": \"2\"}\n", "data", .jsonLines),
    ])
    func detectsKindFromBytes(text: String, name: String, kind: InputKind) {
        #expect(InputSniffer().sniff(prefix: Data(text.utf8), fileName: name) == kind)
    }

    @Test func binaryAndEmptyAreUnknown() {
        #expect(InputSniffer().sniff(prefix: Data([0x00, 0x01, 0x02, 0x89, 0x50, 0x4E, 0x47, 0x00]), fileName: "x.png") == .unknown)
        #expect(InputSniffer().sniff(prefix: Data(), fileName: "x") == .unknown)
    }
}
