import Foundation
import Testing

/// HTML pages through the whole pipeline: markup that the sniffer takes for an XML feed but that is not
/// well-formed XML is still read (as HTML), and a page that sells nothing is counted as no record at all.
struct HTMLPagePipelineTests {
    @Test func malformedXMLThatIsAPageIsReadAndAPageWithoutProductCountsNothing() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The HTML-only markup stands after a long export comment, beyond what the sniffer looks at.
        let comment = "<!-- " + String(repeating: "catalog export ", count: 1_500) + " -->\n"
        let page = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + comment + """
        <product-page>
        <h1 class="product-title">Gorenje K17WE kettle</h1>
        <p class="price main">29,99 €</p><br>
        <img src="kettle.jpg">
        </product-page>
        """
        try Data(page.utf8).write(to: directory.appendingPathComponent("kettle.xml"))
        let article = """
        <!DOCTYPE html><html lang="en"><head><title>How to descale a kettle</title><meta property="og:type" content="article"></head>
        <body><article><h1>How to descale a kettle</h1><p>Vinegar and water, one to one.</p></article></body></html>
        """
        try Data(article.utf8).write(to: directory.appendingPathComponent("article.html"))

        let run = try TestSupport.katalog(["validate", directory.path, "--format", "json", "--fail-on", "never"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let files = try #require(report["files"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: files.map { (($0["file"] as? String).map { ($0 as NSString).lastPathComponent } ?? "", $0) })

        let kettle = try #require(byName["kettle.xml"])
        #expect((kettle["records"] as? [String: Int])?["read"] == 1)
        #expect((kettle["codes"] as? [String: Int])?["html.read-as-html"] == 1)
        #expect((kettle["codes"] as? [String: Int])?["xml.malformed"] == nil)

        let articleFile = try #require(byName["article.html"])
        #expect(articleFile["records"] as? [String: Int] == ["read": 0, "imported": 0, "rejected": 0])
        #expect(articleFile["codes"] as? [String: Int] == ["html.no-product": 1])
    }
}
