import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// When libxml2 stops inside a feed, reading starts again at the next item (issue 14): a CDATA section over
/// libxml2's 10 MB limit made of many short runs (which the 1 MiB text cut cannot shorten) costs only its item.
struct XMLResyncTests {
    /// A Google Merchant feed whose `hostile`-th item (of `items`) holds a description of `cdataBytes` of CDATA in
    /// short `<p>` runs, with `<item>`s inside it to tempt a naive resync; pretty-printed or on one line.
    static func feed(items: Int = 5, hostile: Int = 1, cdataBytes: Int = 11 << 20, oneLine: Bool = false) -> Data {
        let br = oneLine ? "" : "\n"
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\(br)<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\">\(br)<channel>\(br)<title>Shop</title>\(br)"
        let run = "<p>short run with a fake <item><g:id>FAKE</g:id></item></p>\(br)"
        for index in 1...items {
            text += "<item>\(br)<g:id>A-\(index)</g:id>\(br)<title>Item \(index)</title>\(br)<g:price>\(index).00 EUR</g:price>\(br)"
            if index == hostile {
                text += "<description><![CDATA[" + String(repeating: run, count: cdataBytes / run.utf8.count + 1) + "]]></description>\(br)"
            }
            text += "</item>\(br)"
        }
        return Data((text + "</channel>\(br)</rss>\(br)").utf8)
    }

    static func read(_ data: Data, kind: InputKind = .googleMerchant) throws -> CollectingSink {
        try FeedTestSupport.read(FeedReaders.reader(for: kind)!, FeedTestSupport.temporaryFile("resync.xml", data), kind: kind)
    }

    @Test func aCDATASectionOverTheLimitCostsOnlyItsItem() throws {
        let sink = try Self.read(Self.feed())
        #expect(sink.records.map { $0.value("g:id") } == ["A-1", "A-2", "A-3", "A-4", "A-5"], "\(sink.diagnostics)")
        #expect(sink.records.map(\.location.record) == [1, 2, 3, 4, 5])
        #expect(sink.records.first?.value("g:price") == "1.00 EUR", "fields before the fault are kept")
        let restart = try #require(sink.diagnostics.first { $0.code == .xmlResynchronized }, "\(sink.diagnostics)")
        #expect(restart.severity == .error)
        #expect(sink.codes.contains(.feedItemIncomplete))
        #expect(!sink.codes.contains(.xmlTruncated) && !sink.codes.contains(.xmlMalformed), "\(sink.codes)")
        // The later items' lines are the file's: each item is 6 lines, the hostile CDATA adds its runs' lines.
        let lines = sink.records.dropFirst().compactMap(\.location.line)
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $1 - $0 == 5 }, "\(lines)")
        #expect(restart.message.contains("line \(lines[0])"), "\(restart.message)")
    }

    @Test func theSameOnOneLine() throws {
        let sink = try Self.read(Self.feed(items: 4, hostile: 2, oneLine: true))
        #expect(sink.records.map { $0.value("g:id") } == ["A-1", "A-2", "A-3", "A-4"], "\(sink.diagnostics)")
        #expect(sink.codes.filter { $0 == .xmlResynchronized }.count == 1)
    }

    @Test func severalFaultsEachCostTheirItem() throws {
        let head = "<?xml version=\"1.0\"?>\n<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n"
        var text = head
        for index in 1...6 {
            let title = index % 2 == 0 ? "<title>Bad \(index)</tittle>" : "<title>Good \(index)</title>"
            text += "<item><g:id>B-\(index)</g:id>\(title)</item>\n"
        }
        let sink = try Self.read(Data((text + "</channel></rss>\n").utf8))
        #expect(sink.records.map { $0.value("g:id") } == (1...6).map { "B-\($0)" }, "\(sink.diagnostics)")
        #expect(sink.records.compactMap(\.location.line) == Array(3...8))
        // The last bad item has no item after it: reading stops there, as before.
        #expect(sink.codes.filter { $0 == .xmlResynchronized }.count == 2)
        #expect(sink.codes.filter { $0 == .xmlMalformed }.count == 1)
        #expect(sink.codes.filter { $0 == .feedItemIncomplete }.count == 3)
    }

    @Test func aDoctypeIsReportedOnceAcrossRestarts() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY shop \"Shop\">]>\n<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n"
            + "<item><g:id>C-1</g:id><title>Bad</tittle></item>\n<item><g:id>C-2</g:id><title>&shop;</title></item>\n</channel></rss>\n"
        let sink = try Self.read(Data(text.utf8))
        #expect(sink.records.map { $0.value("g:id") } == ["C-1", "C-2"])
        #expect(sink.codes.filter { $0 == .xmlDTDIgnored }.count == 1, "\(sink.codes)")
        #expect(sink.codes.filter { $0 == .xmlEntityBlocked }.count == 1, "\(sink.codes)")
    }

    @Test func itemStartsAreFoundOutsideCommentsAndCDATA() {
        let text = "<r><!-- <item> --><item a=\"<\"/><![CDATA[<item>]]><item><item>nested</item></item><?pi <item>?><items/><item >"
        let starts = Array(text.utf8).withUnsafeBufferPointer { XMLFeedResync.itemStarts(in: $0, name: Array("item".utf8), from: 0, count: 10) }
        let bytes = Array(text.utf8)
        #expect(starts.map { String(decoding: bytes[$0..<min(bytes.count, $0 + 6)], as: UTF8.self) } == ["<item ", "<item>", "<item "])
    }
}
