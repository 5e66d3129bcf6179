import Foundation
import Testing
import KatalogTestSupport

/// The Python peer pipeline that `katalog-bench feeds` compares Katalog with (`scripts/peers/python_peer.py`) does the
/// work its docstring claims: it maps the labels, parses prices into an amount and a currency, reads weights and
/// box sizes with their units, checks GTINs, and rejects what it cannot read, so a ratio against it compares like
/// with like. Skipped, with a message naming what is missing, without python3 and its packages; on CI (`CI=true`,
/// where `.ci/setup` installs them) a missing package is a failure, not a skip.
struct PythonPeerTests {
    static let script = TestSupport.packageRoot.appendingPathComponent("scripts/peers/python_peer.py").path

    static let peerAvailable: Bool = {
        let probe = try? ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import lxml, extruct, price_parser, stdnum"],
                                          in: FileManager.default.temporaryDirectory)
        return probe?.status == 0
    }()

    static let onCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Runs the peer on `input` (on a folder of pages for `html`); its report's totals and its accepted records, one
    /// JSON object a line, and its rejects.
    func runPeer(_ kind: String, input: String, named name: String, pages: [String: Data] = [:]) throws
        -> (totals: [String: Int], records: [[String: Any]], rejects: String) {
        try #require(Self.peerAvailable, "CI must have python3 with lxml, extruct, price-parser and python-stdnum (.ci/setup installs them)")
        let folder = try TestScratch.folder()
        let inputPath = folder.appendingPathComponent(name)
        if kind == "html" {
            try FileManager.default.createDirectory(at: inputPath, withIntermediateDirectories: true)
            for (page, bytes) in pages { try bytes.write(to: inputPath.appendingPathComponent(page)) }
        } else {
            try input.write(to: inputPath, atomically: true, encoding: .utf8)
        }
        let output = folder.appendingPathComponent("peer-out")
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script, kind, inputPath.path, output.path], in: folder)
        try #require(run.status == 0, "the peer failed: \(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report.json"))) as? [String: Any]
        let totals = try #require(report?["totals"] as? [String: Int])
        let lines = try String(contentsOf: output.appendingPathComponent("catalog.jsonl"), encoding: .utf8).split(separator: "\n")
        let records = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        return (totals, records, try String(contentsOf: output.appendingPathComponent("rejects.jsonl"), encoding: .utf8))
    }

    @Test(.enabled(if: peerAvailable || onCI, "skipped: python3 with lxml, extruct, price-parser and python-stdnum is missing (pip install lxml extruct price-parser python-stdnum)"))
    func csvPeerMapsParsesAndRejects() throws {
        let csv = """
        Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Barkodas;Svoris (kg);Ilgis (cm);Plotis (cm);Aukštis (cm);Aprašymas
        SKU-1;Kavos aparatas   De'Longhi;De'Longhi;11,01;EUR;4700000000012;1,1;11;6;3,5;"Prekė iš
        oficialaus atstovo"
        SKU-2;Šalmas ABUS;ABUS;;EUR;4700000000029;2,2;12;7;4,5;be kainos
        SKU-3;Virdulys Bosch;Bosch;13,03;EUR;4700000000037;3,3;13;8;5,5;neteisingas barkodas

        """
        let (totals, records, rejects) = try runPeer("csv", input: csv, named: "prekes.csv")
        #expect(totals == ["read": 3, "accepted": 2, "rejected": 1, "warning": 1])
        #expect(records.map { $0["sku"] as? String } == ["SKU-1", "SKU-3"])
        #expect(records.first?["name"] as? String == "Kavos aparatas De'Longhi")
        #expect(records.first?["price"] as? [String: String] == ["amount": "11.01", "currency": "EUR"])
        #expect(records.first?["weight_kg"] as? String == "1.1")
        #expect(records.first?["height_cm"] as? String == "3.5")
        #expect(records.first?["description"] as? String == "Prekė iš oficialaus atstovo")
        #expect(records.last?["gtin"] as? String == "", "a GTIN that fails its checksum is dropped with a warning")
        #expect(rejects.contains("\"record\": 2") && rejects.contains("price unreadable"))
    }

    @Test(.enabled(if: peerAvailable || onCI, "skipped: python3 with lxml, extruct, price-parser and python-stdnum is missing (pip install lxml extruct price-parser python-stdnum)"))
    func googlePeerReadsItemsWithUnitsAndRejects() throws {
        let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Shop</title>
        <item><g:id>A-1</g:id><title>Kettle</title><description><![CDATA[A <b>steel</b>  kettle]]></description>
        <g:price>24.90 EUR</g:price><g:gtin>4700000000012</g:gtin><g:brand>Bosch</g:brand>
        <g:shipping_weight>1100 g</g:shipping_weight><g:shipping_length>300 mm</g:shipping_length></item>
        <item><g:id>A-2</g:id><title>Helmet</title><g:price>on request</g:price></item>
        </channel></rss>
        """
        let (totals, records, rejects) = try runPeer("google", input: feed, named: "feed.xml")
        #expect(totals == ["read": 2, "accepted": 1, "rejected": 1, "warning": 0])
        #expect(records.first?["price"] as? [String: String] == ["amount": "24.90", "currency": "EUR"])
        #expect(records.first?["weight_kg"] as? String == "1.1")
        #expect(records.first?["length_cm"] as? String == "30")
        #expect(records.first?["description"] as? String == "A steel kettle")
        #expect(rejects.contains("\"record\": 2"))
    }

    /// As docs/feeds.md says of the peer: a feed's external entity is not read (the peer must not get an unfair
    /// shortcut, nor a hostile feed a local file).
    @Test(.enabled(if: peerAvailable || onCI, "skipped: python3 with lxml, extruct, price-parser and python-stdnum is missing (pip install lxml extruct price-parser python-stdnum)"))
    func googlePeerReadsNoExternalEntity() throws {
        let secret = try TestScratch.folder().appendingPathComponent("secret.txt")
        try "not-for-the-catalog".write(to: secret, atomically: true, encoding: .utf8)
        let feed = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "\(secret.absoluteString)">]>
        <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
        <item><g:id>A-1</g:id><title>Kettle &secret;</title><g:price>24.90 EUR</g:price></item>
        </channel></rss>
        """
        let (totals, records, _) = try runPeer("google", input: feed, named: "feed.xml")
        #expect(totals["read"] == 1)
        #expect(records.first?["name"] as? String == "Kettle")
    }

    @Test(.enabled(if: peerAvailable || onCI, "skipped: python3 with lxml, extruct, price-parser and python-stdnum is missing (pip install lxml extruct price-parser python-stdnum)"))
    func htmlPeerReadsEachMarkupAndTheSpecificationTable() throws {
        let jsonLD = """
        <!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>Wiertarka</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Shop"},
        {"@type":"Product","name":"Wiertarka Bosch","sku":"B-1","gtin13":"4700000000012","brand":{"@type":"Brand","name":"Bosch"},
        "offers":{"@type":"Offer","price":"199.00","priceCurrency":"PLN"}}]}</script></head><body><h1>Wiertarka</h1></body></html>
        """
        // The brand's own name comes first: it must not be taken for the product's.
        let rdfa = """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div vocab="https://schema.org/" typeof="Product">
        <div property="brand" typeof="Brand"><span property="name">Abus</span></div><h1 property="name">Ķivere Abus</h1>
        <span property="sku">A-2</span><div property="offers" typeof="Offer"><span property="price" content="44.90">44,90 €</span>
        <meta property="priceCurrency" content="EUR"></div></div></body></html>
        """
        // windows-1257, as a Latvian shop serves it: "Ražotājs" is R a 0xFE o t 0xE2 j s, the euro sign 0x80.
        var table = Data("<html><head><meta charset=\"windows-1257\"></head><body><h1>Lampa</h1><table><tr><th>Ra".utf8)
        table += Data([0xFE]) + Data("ot".utf8) + Data([0xE2]) + Data("js</th><td>Philips</td></tr></table>".utf8)
        table += Data("<span class=\"price\">12,50 ".utf8) + Data([0x80]) + Data("</span></body></html>".utf8)  // 0x80: €
        let noPrice = "<html><body><h1>Kettle</h1><p>Ask us for a price.</p></body></html>"
        let (totals, records, rejects) = try runPeer("html", input: "", named: "pages", pages: [
            "a.html": Data(jsonLD.utf8), "b.html": Data(rdfa.utf8), "c.html": table, "d.html": Data(noPrice.utf8),
        ])
        #expect(totals == ["read": 4, "accepted": 3, "rejected": 1, "warning": 0])
        #expect(records.map { $0["name"] as? String } == ["Wiertarka Bosch", "Ķivere Abus", "Lampa"])
        #expect(records.map { $0["brand"] as? String } == ["Bosch", "Abus", "Philips"])
        #expect(records.map { $0["price"] as? [String: String] } == [
            ["amount": "199.00", "currency": "PLN"], ["amount": "44.90", "currency": "EUR"], ["amount": "12.50", "currency": "EUR"],
        ])
        #expect(records.first?["gtin"] as? String == "4700000000012")
        #expect(rejects.contains("d.html") && rejects.contains("price unreadable"))
    }
}
