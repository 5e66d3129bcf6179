import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// Every sample feed is read completely, item by item, by the reader its kind selects.
struct SampleFeedSmokeTests {
    static let cases: [(file: String, kind: InputKind, items: Int)] = [
        ("google-merchant-rss.xml", .googleMerchant, 12),
        ("google-merchant-atom.xml", .googleMerchant, 10),
        ("google-merchant.tsv", .tsv, 12),
        ("ceneo.xml", .ceneo, 12),
        ("heureka.xml", .heureka, 12),
        ("yml-catalog.xml", .yml, 12),
        ("kaina24-products.xml", .xml, 12),
        ("distributor-artikel.xml", .xml, 12),
        ("prekes-lt-cp1257.csv", .csv, 12),
        ("produkty-pl-iso8859-2.csv", .csv, 12),
        ("preces-lv.tsv", .tsv, 12),
        ("products.json", .json, 12),
        ("prekes.jsonl", .jsonLines, 12),
        ("schema-itemlist.json", .json, 10),
    ]

    @Test(arguments: cases)
    func sampleIsReadWhole(_ sample: (file: String, kind: InputKind, items: Int)) throws {
        let path = FeedTestSupport.sample(sample.file)
        #expect(try InputSniffer().sniff(path: path) == sample.kind)
        let reader = try #require(FeedReaders.reader(for: sample.kind))
        let sink = try FeedTestSupport.read(reader, path, kind: sample.kind)
        #expect(sink.records.count == sample.items)
        #expect(sink.records.map { $0.location.record } == Array(1...sample.items).map(Optional.some))
        #expect(sink.records.allSatisfy { $0.fields.count >= 4 })
        #expect(!sink.diagnostics.contains { $0.severity == .error }, "\(sink.diagnostics)")
        if ProcessInfo.processInfo.environment["SHOW_RECORDS"] != nil, let first = sink.records.first {
            print(sample.file, first.location, first.hints)
            for field in first.fields { print("   ", field.label ?? "-", "=", field.value, field.origin.rawValue, field.line ?? 0) }
            print("   diagnostics:", sink.diagnostics)
        }
    }
}
