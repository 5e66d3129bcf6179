import Foundation
import Testing
import KatalogCore
@testable import KatalogReport

@Suite struct DataIslandTests {
    @Test func escapingKeepsTheScriptElementClosedAndTheDataIntact() throws {
        let hostile = "</script><script>alert(1)</script><!-- </SCRIPT >"
        let escaped = DataIsland.escapedForScript(#"{"t":"\#(hostile)"}"#)
        #expect(!escaped.lowercased().contains("</script"))
        #expect(!escaped.contains("<!--"))
        #expect(!escaped.contains("<"))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(escaped.utf8))
        #expect(decoded["t"] == hostile)
    }

    @Test func recordsAreCompactWithShortKeysAndLinks() throws {
        let outputs = try RunOutputs(directory: ReportTestSupport.tinyRun())
        var island = DataIsland(files: ["shop/plans.txt"])
        try outputs.forEachRecord {
            island.append($0, covers: outputs.covers[$0.id] ?? [], coveredBy: outputs.coveredBy[$0.id] ?? [])
        }
        let decoded = try JSONSerialization.jsonObject(with: Data(island.text.utf8)) as? [String: Any]
        let records = try #require(decoded?["records"] as? [[String: Any]])
        #expect(records.count == 3)
        #expect(records[0]["p"] as? String == "58.99 EUR")
        #expect(records[0]["cv"] as? [String] == ["shop/gimbal.txt#1"])
        #expect(records[1]["cb"] as? [String] == ["shop/plans.txt#1"])
        #expect(records[2]["r"] as? Bool == true)
        #expect(records[2]["rs"] as? [String] == ["record.no-usable-price"])
        #expect((decoded?["files"] as? [String])?.count == 3)
    }
}

@Suite struct ReportPageTests {
    @Test func rendersATinyRunWithRealContent() throws {
        let folder = try ReportTestSupport.tinyRun()
        let html = try ReportPage.renderText(RunOutputs(directory: folder))
        // Totals and the chart of codes.
        #expect(html.contains(#"<dd data-total="read">3</dd>"#))
        #expect(html.contains(#"<dd data-total="rejected">1</dd>"#))
        #expect(html.contains(#"<dd data-total="error">2</dd>"#))
        #expect(html.contains(">unit.assumed</text>"))
        // Per file: kind, encoding, and the banner of the file that imported nothing.
        #expect(html.contains("windows-1257 (sniffed)"))
        #expect(html.contains("shop/empty.csv: Nothing was imported: no row has a price; check the price column."))
        // The plan, its facts and the link to the covered product's row (record 1).
        #expect(html.contains("care plan") == false)  // no kind in the tiny plan: the summary says only what is known
        #expect(html.contains("12 months · fee 199.00 PLN"))
        #expect(html.contains(##"<a class="covered" href="#record-1" data-record="1">RS 4 Mini gimbal</a>"##))
        // Text from the data is escaped in the markup and cannot close the data island.
        #expect(html.contains("Care &lt;/script&gt;&lt;!-- plan &lt;b&gt;x&lt;/b&gt;"))
        #expect(html.components(separatedBy: "</script>").count == 3)  // the data island's and the script's own
        // Self-contained: nothing is fetched.
        #expect(!html.contains("src="))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("default-src 'none'"))
        // Deterministic.
        #expect(try ReportPage.renderText(RunOutputs(directory: folder)) == html)
    }

    @Test func writesAtomicallyIntoTheOutputFolder() throws {
        let folder = try ReportTestSupport.tinyRun()
        let url = try ReportPage.write(outputDirectory: folder)
        #expect(url.lastPathComponent == "report.html")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.contains(".tmp-") })
    }

    @Test func aFolderWithoutARunIsAClearError() throws {
        let folder = try ReportTestSupport.temporaryDirectory()
        #expect(throws: RunOutputs.ReadError.self) { try RunOutputs(directory: folder) }
    }
}

@Suite struct RecordViewTests {
    @Test func provenanceNamesTheAssumptionAndTheNormalizedValue() throws {
        let outputs = try RunOutputs(directory: ReportTestSupport.tinyRun())
        let records = try outputs.allRecords()
        let plan = records[0]
        let length = try #require(plan.provenance.first { $0.field == "package_length" })
        #expect(length.label == "Box length")
        #expect(length.raw == "14,00")
        #expect(length.normalized == "140 mm")
        #expect(length.assumptions.first?.hasPrefix("unit.assumed:") == true)
        #expect(plan.planFacts.contains(.init(name: "claim fee", value: "199.00 PLN", evidence: #"description ¶7: "PLN 199""#)))
        #expect(plan.planFacts.contains(.init(name: "term", value: "12 months", evidence: #"attribute "Plan", line 85: "Roczny""#)))
        let reject = records[2]
        #expect(reject.rejected && reject.reasons == ["record.no-usable-price"] && reject.title == "Lonely row")
    }

    /// Compact provenance leaves a raw value out when the record writes it at the field's place; the view rebuilds
    /// it from there (the field itself, `price.text`, `gtin.raw`) and shows a value that is written as it is.
    @Test func rawValuesLeftOutOfProvenanceAreReadFromTheRecord() throws {
        let line = #"{"id":"a.csv#1","title":"Kavos aparatas","brand":"De'Longhi","availability":"in_stock","gtin":{"digits":"4700000000012","raw":"4700000000012"},"price":{"amount":"11.01","currency":"EUR","text":"11,01"},"provenance":{"availability":{"label":"Likutis","line":2,"origin":"csv-column","value":"Yra"},"brand":{"label":"Gamintojas","line":2,"origin":"csv-column"},"gtin":{"label":"Barkodas","line":2,"origin":"csv-column"},"price":{"label":"Kaina","line":2,"origin":"csv-column"},"title":{"label":"Pavadinimas","line":2,"origin":"csv-column"},"weight":{"label":"Svoris (kg)","line":2,"origin":"csv-column","value":"1,1"}},"source":{"file":"a.csv","kind":"csv","line":2,"record":1},"diagnostics":[]}"#
        let view = RecordView(catalogRecord: try JSONNode.parse(Data(line.utf8)))
        let raw = Dictionary(uniqueKeysWithValues: view.provenance.map { ($0.field, $0.raw) })
        #expect(raw == ["availability": "Yra", "brand": "De'Longhi", "gtin": "4700000000012", "price": "11,01", "title": "Kavos aparatas", "weight": "1,1"])
    }
}

@Suite struct JSONNodeParsingTests {
    @Test func readsWhatJSONSerializationWrites() throws {
        let text = #"{"a":[1,-2.5e3,true,false,null],"s":"t\u00e9st \"q\" \\ \/ \n\t\ud83d\ude00 ė <\/script>","o":{},"e":[]}"#
        let node = try JSONNode.parse(Data(text.utf8))
        #expect(node["a"]?.array == [.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])
        #expect(node["s"]?.text == "tést \"q\" \\ / \n\t😀 ė </script>")
        #expect(node["o"] == .object([:]))
        #expect(node["e"] == .array([]))
    }

    @Test(arguments: ["", "{", #"{"a"}"#, "[1,]", "tru", "01x", "{} {}", "+1"])
    func rejectsWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONNode.parse(Data(text.utf8)) }
    }

    /// The readers' parser reads a raw control character or an unknown escape as found (a report of a damaged file
    /// still shows it); Katalog's own writers never produce either.
    @Test func readsCharacterLevelOdditiesAsFound() throws {
        #expect(try JSONNode.parse(Data(#""\x""#.utf8)) == .string("x"))
        #expect(try JSONNode.parse(Data("\"a\u{1}\"".utf8)) == .string("a\u{1}"))
    }
}
