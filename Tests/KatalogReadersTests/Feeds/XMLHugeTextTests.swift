import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// A giant text node costs only itself: it is cut, and the items after it are read (issue 14).
struct XMLHugeTextTests {
    static func feed(firstDescription: String) -> String {
        var text = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\"><channel><title>t</title>\n"
        text += "<item><g:id>A-1</g:id><title>Huge</title><description>\(firstDescription)</description><g:price>10.00 EUR</g:price></item>\n"
        for index in 2...4 { text += "<item><g:id>A-\(index)</g:id><title>Item \(index)</title><g:price>\(index).00 EUR</g:price></item>\n" }
        return text + "</channel></rss>\n"
    }

    static func read(_ text: String) throws -> CollectingSink {
        try FeedTestSupport.read(GoogleMerchantXMLReader(), FeedTestSupport.temporaryFile("huge.xml", Data(text.utf8)), kind: .googleMerchant)
    }

    @Test(arguments: [
        String(repeating: "x", count: 3 << 20),
        String(repeating: "é", count: (1 << 20) / 2 + 1) + String(repeating: "ąčę ", count: 300_000),  // multi-byte at the cap
        String(repeating: "a", count: (1 << 20) - 3) + String(repeating: "&amp; ", count: 400_000),   // a reference at the cap
        "<![CDATA[<p>Photo: <img src=\"data:image/png;base64," + String(repeating: "QUJD", count: 1 << 20) + "\"></p>]]>",  // an inline image in CDATA
        String(repeating: "line\n", count: 700_000),                                                     // line breaks kept
    ])
    func everyItemAfterAGiantTextIsRead(description: String) throws {
        let sink = try Self.read(Self.feed(firstDescription: description))
        #expect(sink.records.map { $0.value("g:id") } == ["A-1", "A-2", "A-3", "A-4"])
        #expect(!sink.codes.contains(.xmlMalformed) && !sink.codes.contains(.xmlTruncated), "\(sink.codes)")
        // At most the cap, the kept tail and the kept line breaks.
        #expect(sink.records.first.flatMap { $0.value("description") }.map { $0.utf8.count <= (1 << 20) + 64 + 700_000 } == true)
        #expect(sink.records.first?.value("g:price") == "10.00 EUR", "fields after the cut text are read")
    }

    @Test func theCutIsReportedWhereItStartsAndLaterLinesStayRight() throws {
        let sink = try Self.read(Self.feed(firstDescription: String(repeating: "word ", count: 700_000)))
        let cut = try #require(sink.diagnostics.first { $0.code == .xmlTextTooLong })
        #expect(cut.location.line == 3)
        #expect(sink.records.map(\.location.line) == [3, 4, 5, 6])
    }

    @Test func aTextUnderTheCapIsUntouched() throws {
        let description = String(repeating: "ž", count: 200_000)
        let sink = try Self.read(Self.feed(firstDescription: description))
        #expect(sink.records.first?.value("description") == description)
        #expect(!sink.codes.contains(.xmlTextTooLong))
    }
}
