import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// The streaming wrapper itself: events as Swift values, lines, and the worker-thread pipeline.
struct XMLStreamReaderTests {
    static func events(_ xml: String) throws -> [String] {
        var events: [String] = []
        _ = XMLStreamReader.read(file: try FeedTestSupport.temporaryFile("s.xml", xml)) { event in
            switch event {
            case let .startElement(name, attributes, isEmpty, line):
                events.append("<\(name)\(attributes.map { " \($0.name)=\($0.value)" }.joined())\(isEmpty ? "/" : "")>@\(line)")
            case .endElement: events.append("</>")
            case let .text(text): events.append("'\(text)'")
            case let .entityReference(name, _): events.append("&\(name);")
            case let .documentType(name, _): events.append("!\(name)")
            case .progress: break
            }
        }
        return events
    }

    /// Namespace declarations (`xmlns:g`) are not attributes: they carry no product data.
    @Test func eventsCarryNamesAttributesTextAndLines() throws {
        let xml = "<?xml version=\"1.0\"?>\n<rss xmlns:g=\"http://base.google.com/ns/1.0\">\n  <item>\n    <g:id>1</g:id>\n    <g:price currency=\"EUR\">9.99</g:price><empty/>\n    <d><![CDATA[<b>x</b> &amp;]]></d>\n  </item>\n</rss>\n"
        #expect(try Self.events(xml) == [
            "<rss>@2", "<item>@3", "<g:id>@4", "'1'", "</>",
            "<g:price currency=EUR>@5", "'9.99'", "</>", "<empty/>@5", "<d>@6", "'<b>x</b> &amp;'", "</>", "</>", "</>",
        ])
    }

    /// A file is read through `CappedXMLInput`; a document with no text over the cap must give exactly the events
    /// (names, attributes, text, lines) libxml2 gives reading the same bytes directly.
    @Test func theCappedFileInputPassesOrdinaryDocumentsThroughUnchanged() throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<products>\n<!-- a comment -->\n"
        for index in 1...5_000 {
            xml += "<product id=\"\(index)\"><title>Prekė \(index) &amp; ąčę</title><desc><![CDATA[<b>\(index)</b>\nline]]></desc><price>\(index).99</price></product>\n"
        }
        xml += "</products>\n"
        let path = try FeedTestSupport.temporaryFile("p.xml", xml)
        var fromFile: [String] = []
        var fromMemory: [String] = []
        func describe(_ event: XMLStreamEvent) -> String {
            switch event {
            case let .startElement(name, attributes, _, line): "\(name)\(attributes.map(\.value))\(line)"
            case .endElement: "/"
            case let .text(text): text
            case let .entityReference(name, _), let .documentType(name, _): name
            case .progress: "progress"
            }
        }
        let file = XMLStreamReader.read(file: path) { fromFile.append(describe($0)) }
        let memory = XMLStreamReader.read(memory: Data(xml.utf8)) { fromMemory.append(describe($0)) }
        #expect(fromFile.count > 30_000)
        #expect(fromFile == fromMemory)
        #expect(file?.completed == true && memory.completed == true)
        #expect(file?.cutTexts.isEmpty == true)
    }

    @Test func aMissingFileIsUnreadableNotAFeedWithNoItems() throws {
        #expect(throws: InputUnreadable.self) {
            _ = try FeedTestSupport.read(GoogleMerchantXMLReader(), "/nonexistent/feed.xml", kind: .googleMerchant)
        }
    }

    /// Qualified names are cached by the interned local name and the prefix's bytes: prefixes declared on
    /// items (whose memory is freed and reused), one local name under several prefixes, and prefixes too long
    /// for the cache all keep their names as written.
    @Test func qualifiedNamesFollowEachNamespacePrefix() throws {
        var xml = "<?xml version=\"1.0\"?>\n<rss xmlns:g=\"urn:g\"><channel>\n"
        for index in 0..<300 {
            let prefix = ["a", "b", "g", "verylongprefix", "p\(index % 7)"][index % 5]
            xml += "<item xmlns:\(prefix)=\"urn:x\(index)\"><\(prefix):price>\(index)</\(prefix):price><g:price>g\(index)</g:price></item>\n"
        }
        xml += "</channel></rss>\n"
        let names = try Self.events(xml).filter { $0.hasPrefix("<") && $0.contains(":price") }.map { String($0.dropFirst().prefix { $0 != ">" }) }
        var expected: [String] = []
        for index in 0..<300 {
            expected.append(["a", "b", "g", "verylongprefix", "p\(index % 7)"][index % 5] + ":price")
            expected.append("g:price")
        }
        #expect(names == expected)
    }

    /// A leaf's text is gathered across text nodes and entity references, trimmed once, and kept when the
    /// leaf turns out to have child elements.
    @Test func leafTextIsJoinedTrimmedAndKeptWhenTheLeafHasChildren() throws {
        let xml = "<?xml version=\"1.0\"?>\n<rss xmlns:g=\"urn:g\"><channel><item>\n<title>  A &amp; B <!-- c --> C\t</title>\n<g:id>\n  7\n</g:id><blank>   </blank><g:brand>Ąžuolas €</g:brand>\n<g:shipping> x <g:price>3.99 EUR</g:price></g:shipping>\n</item></channel></rss>\n"
        let sink = try FeedTestSupport.read(GoogleMerchantXMLReader(), FeedTestSupport.temporaryFile("leaf.xml", xml), kind: .googleMerchant)
        let record = try #require(sink.records.first)
        #expect(record.value("title") == "A & B  C")
        #expect(record.value("g:id") == "7")
        #expect(record.value("blank") == nil)
        #expect(record.value("g:brand") == "Ąžuolas €")
        #expect(record.value("g:shipping/g:price") == "3.99 EUR")
        #expect(record.fields.first { $0.label == "g:id" }?.line == 4)
    }
}
