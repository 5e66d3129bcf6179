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

    @Test func workerThreadPipelineDeliversTheSameEventsInOrder() throws {
        var xml = "<?xml version=\"1.0\"?>\n<products>\n"
        for index in 1...5_000 { xml += "<product id=\"\(index)\"><title>Prekė \(index)</title><price>\(index).99</price></product>\n" }
        xml += "</products>\n"
        let path = try FeedTestSupport.temporaryFile("p.xml", xml)
        var direct: [String] = []
        var piped: [String] = []
        func describe(_ event: XMLStreamEvent) -> String {
            switch event {
            case let .startElement(name, attributes, _, line): "\(name)\(attributes.map(\.value))\(line)"
            case .endElement: "/"
            case let .text(text): text
            case let .entityReference(name, _), let .documentType(name, _): name
            case .progress: "progress"
            }
        }
        let one = XMLStreamReader.readSynchronously(file: path) { direct.append(describe($0)) }
        let two = XMLStreamPipeline.read(file: path) { piped.append(describe($0)) }
        #expect(direct.count > 30_000)
        #expect(direct == piped)
        #expect(one?.completed == true && two?.completed == true)
    }

    @Test func aMissingFileIsUnreadableNotAFeedWithNoItems() throws {
        #expect(throws: InputUnreadable.self) {
            _ = try FeedTestSupport.read(GoogleMerchantXMLReader(), "/nonexistent/feed.xml", kind: .googleMerchant)
        }
    }
}
