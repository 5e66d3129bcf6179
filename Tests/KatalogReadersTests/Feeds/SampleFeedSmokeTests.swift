import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// Every sample feed is read completely, item by item, by the reader its kind selects, and its first item's fields
/// come out with their labels and decoded values (windows-1257, ISO-8859-2, entities and CDATA included). The
/// normalized content of every sample is pinned byte for byte by `Output/` (OutputSyncTests).
struct SampleFeedSmokeTests {
    typealias Case = (file: String, kind: InputKind, items: Int, label: String, value: String)

    static let cases: [Case] = [
        ("google-merchant-rss.xml", .googleMerchant, 12, "title", "Belaidės ausinės Sony WH-1000XM4"),
        ("google-merchant-atom.xml", .googleMerchant, 10, "title", "Słuchawki bezprzewodowe Sony WH-1000XM4"),
        ("google-merchant.tsv", .tsv, 12, "title", "Bezvadu austiņas Sony WH-1000XM4"),
        ("ceneo.xml", .ceneo, 12, "price", "1209.56"),
        ("heureka.xml", .heureka, 12, "PRODUCTNAME", "Bezdrátová sluchátka Sony WH-1000XM4"),
        ("yml-catalog.xml", .yml, 12, "id", "Y3000"),
        ("kaina24-products.xml", .xml, 12, "title", "Belaidės ausinės Sony WH-1000XM4"),
        ("distributor-artikel.xml", .xml, 12, "mpn", "WH1000XM4B.CE7"),
        ("prekes-lt-cp1257.csv", .csv, 12, "Pavadinimas", "Belaidės ausinės Sony WH-1000XM4"),
        ("produkty-pl-iso8859-2.csv", .csv, 12, "Nazwa", "Słuchawki bezprzewodowe Sony WH-1000XM4"),
        ("preces-lv.tsv", .tsv, 12, "Nosaukums", "Bezvadu austiņas Sony WH-1000XM4"),
        ("products.json", .json, 12, "title", "Sony WH-1000XM4 wireless headphones"),
        ("prekes.jsonl", .jsonLines, 12, "Kaina", "279,99 €"),
        ("schema-itemlist.json", .json, 10, "name", "Juhtmevabad kõrvaklapid Sony WH-1000XM4"),
    ]

    @Test(arguments: cases)
    func sampleIsReadWhole(_ sample: Case) throws {
        let path = FeedTestSupport.sample(sample.file)
        #expect(try InputSniffer().sniff(path: path) == sample.kind)
        let reader = try #require(FeedReaders.reader(for: sample.kind))
        let sink = try FeedTestSupport.read(reader, path, kind: sample.kind)
        #expect(sink.records.count == sample.items)
        #expect(sink.records.map { $0.location.record } == Array(1...sample.items).map(Optional.some))
        #expect(sink.records.allSatisfy { $0.fields.count >= 4 })
        let first = try #require(sink.records.first)
        #expect(first.fields.contains { $0.label == sample.label && $0.value == sample.value }, "\(sample.label) = \(sample.value) in \(first.fields.map { "\($0.label ?? "-") = \($0.value)" })")
        #expect(!sink.diagnostics.contains { $0.severity == .error }, "\(sink.diagnostics)")
        if ProcessInfo.processInfo.environment["SHOW_RECORDS"] != nil, let first = sink.records.first {
            print(sample.file, first.location, first.hints)
            for field in first.fields { print("   ", field.label ?? "-", "=", field.value, field.origin.rawValue, field.line ?? 0) }
            print("   diagnostics:", sink.diagnostics)
        }
    }
}
