import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// Feeds come from outside: no external entity, DTD or network access, bombs end fast, faults keep what came before.
struct XMLHostileInputTests {
    static let rssHead = #"<?xml version="1.0" encoding="UTF-8"?>"#
    static let rssOpen = #"<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>t</title>"#

    static func item(_ id: Int, title: String = "Prekė") -> String {
        "\n<item><g:id>SKU-\(id)</g:id><title>\(title) \(id)</title><g:price>\(id).99 EUR</g:price></item>"
    }

    static func read(_ xml: String, kind: InputKind = .googleMerchant) throws -> CollectingSink {
        let path = try FeedTestSupport.temporaryFile("feed.xml", xml)
        return try FeedTestSupport.read(FeedReaders.reader(for: kind)!, path, kind: kind)
    }

    /// (name, DOCTYPE that tries to pull in a local file or the network, entity reference used in an item)
    static let externalEntityCases: [(String, String, String)] = [
        ("file:// general entity", #"<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#, "&xxe;"),
        ("http:// general entity", #"<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>"#, "&xxe;"),
        ("external DTD", #"<!DOCTYPE rss SYSTEM "file:///etc/passwd">"#, ""),
        ("parameter entity", #"<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>"#, ""),
        ("public DTD over http", #"<!DOCTYPE rss PUBLIC "-//X//DTD X//EN" "http://127.0.0.1:9/x.dtd">"#, ""),
    ]

    @Test(arguments: externalEntityCases)
    func externalEntitiesAndDTDsAreNeverLoaded(_ name: String, _ doctype: String, _ reference: String) throws {
        let xml = Self.rssHead + "\n" + doctype + "\n" + Self.rssOpen + Self.item(1, title: "A" + reference) + Self.item(2) + "\n</channel></rss>\n"
        let sink = try Self.read(xml)
        #expect(sink.records.count == 2, "\(name): \(sink.diagnostics)")
        let allValues = sink.records.flatMap(\.fields).map(\.value).joined(separator: "\n")
        #expect(!allValues.contains("root:"), "\(name) leaked a local file")
        #expect(sink.records.last?.value("g:id") == "SKU-2")
        if !reference.isEmpty {
            #expect(sink.codes.contains(.xmlEntityBlocked), "\(name): \(sink.diagnostics)")
        }
    }

    @Test func billionLaughsEndsWithinASecondAndTheNextFeedIsRead() throws {
        var entities = #"<!ENTITY lol "lol">"#
        entities += #"<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">"#
        for level in 2...9 {
            let previous = "&lol\(level - 1);"
            entities += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">"
        }
        let xml = Self.rssHead + "\n<!DOCTYPE rss [" + entities + "]>\n" + Self.rssOpen + Self.item(1) + Self.item(2, title: "&lol9;") + Self.item(3) + "\n</channel></rss>\n"
        let clock = ContinuousClock()
        var sink = CollectingSink()
        let elapsed = try clock.measure { sink = try Self.read(xml) }
        #expect(elapsed < .seconds(1))
        #expect(sink.records.count >= 1)
        #expect(sink.records.first?.value("g:id") == "SKU-1")
        let laughs = sink.records.flatMap(\.fields).map(\.value).joined()
        #expect(laughs.count < 10_000, "the entity was expanded")
        let bomb = try #require(sink.diagnostics.first { $0.code == .xmlEntityBomb }, "\(sink.diagnostics)")
        #expect(bomb.severity == .error)
        #expect(sink.codes.filter { $0 == .xmlEntityBomb }.count == 1)
        #expect(!sink.codes.contains(.xmlParserMessage), "\(sink.diagnostics)")
        // The run goes on: the next feed reads normally.
        let next = try Self.read(Self.rssHead + Self.rssOpen + Self.item(7) + "</channel></rss>")
        #expect(next.records.count == 1)
        #expect(next.diagnostics.isEmpty)
    }

    @Test func quadraticBlowupIsNotExpanded() throws {
        let big = String(repeating: "x", count: 50_000)
        let title = String(repeating: "&big;", count: 2_000)
        let xml = Self.rssHead + "\n<!DOCTYPE rss [<!ENTITY big \"\(big)\">]>\n" + Self.rssOpen + Self.item(1, title: title) + "</channel></rss>"
        let clock = ContinuousClock()
        var sink = CollectingSink()
        let elapsed = try clock.measure { sink = try Self.read(xml) }
        #expect(elapsed < .seconds(1))
        #expect(sink.records.count == 1)
        #expect((sink.records.first?.value("title")?.count ?? 0) < 1_000)
        #expect(sink.codes.contains(.xmlEntityBlocked))
    }

    @Test(arguments: [1, 2, 3, 5])
    func truncatedFeedKeepsEveryItemReadBeforeTheCut(completeItems: Int) throws {
        var xml = Self.rssHead + "\n" + Self.rssOpen
        for id in 1...completeItems { xml += Self.item(id) }
        xml += "\n<item><g:id>SKU-CUT</g:id><title>Nukirpta prek"
        let sink = try Self.read(xml)
        #expect(sink.records.count == completeItems + 1)
        #expect(sink.records.prefix(completeItems).map { $0.value("g:id") } == (1...completeItems).map { "SKU-\($0)" })
        #expect(sink.records.last?.value("g:id") == "SKU-CUT")
        let truncated = try #require(sink.diagnostics.first { $0.code == .xmlTruncated })
        #expect(truncated.location.line != nil)
        #expect(truncated.severity == .error)
        #expect(sink.codes.contains(.feedItemIncomplete))
    }

    @Test func malformedItemCostsOnlyItselfAndTheFaultSaysWhere() throws {
        let xml = Self.rssHead + "\n" + Self.rssOpen + Self.item(1) + Self.item(2)
            + "\n<item><g:id>SKU-3</g:id><title>Bad</tittle></item>" + Self.item(4) + "</channel></rss>"
        let sink = try Self.read(xml)
        // The broken item is kept, marked incomplete; reading goes on at the next <item> (issue 14).
        #expect(sink.records.map { $0.value("g:id") } == ["SKU-1", "SKU-2", "SKU-3", "SKU-4"])
        #expect(sink.records.map(\.location.record) == [1, 2, 3, 4])
        #expect(sink.records.map(\.location.line) == [3, 4, 5, 6])
        let restart = try #require(sink.diagnostics.first { $0.code == .xmlResynchronized })
        #expect(restart.location.line == 5)
        #expect(restart.message.contains("line 6"))
        #expect(!sink.codes.contains(.xmlMalformed))
        #expect(sink.codes.contains(.feedItemIncomplete))
    }

    @Test func malformedFeedWithNoLaterItemStopsAtTheFault() throws {
        let xml = Self.rssHead + "\n" + Self.rssOpen + Self.item(1) + Self.item(2)
            + "\n<item><g:id>SKU-3</g:id><title>Bad</tittle></item></channel></rss>"
        let sink = try Self.read(xml)
        #expect(sink.records.map { $0.value("g:id") } == ["SKU-1", "SKU-2", "SKU-3"])
        let malformed = try #require(sink.diagnostics.first { $0.code == .xmlMalformed })
        #expect(malformed.location.line == 5)
        #expect(!sink.codes.contains(.xmlResynchronized))
    }

    @Test func parserMessagesNeverReachStandardError() throws {
        // libxml2 prints to stderr unless a handler takes its messages; the handler turns them into diagnostics.
        let sink = try Self.read(Self.rssHead + Self.rssOpen + Self.item(1) + "<item><g:id>2</g:id>&undefined;</item></channel></rss>")
        #expect(!sink.diagnostics.isEmpty)
        #expect(sink.diagnostics.allSatisfy { !$0.message.isEmpty && $0.code.group == "xml" || $0.code.group == "feed" })
    }
}
