import Foundation
import KatalogCore
@testable import KatalogReaders

/// Reads pages for the HTML tests: sample files from `Samples/html/` or inline markup.
enum HTMLTestSupport {
    static let samplesDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/html")

    static func readSample(_ name: String) throws -> CollectingSink {
        let url = samplesDirectory.appendingPathComponent(name)
        let document = SourceDocument(fileURL: url.path, displayPath: "Samples/html/\(name)", kind: .html)
        let sink = CollectingSink()
        try HTMLPageReader().read(document, into: sink)
        return sink
    }

    static func read(_ html: String, reader: HTMLPageReader = HTMLPageReader()) -> CollectingSink {
        read(Data(html.utf8), reader: reader)
    }

    static func read(_ data: Data, reader: HTMLPageReader = HTMLPageReader()) -> CollectingSink {
        let sink = CollectingSink()
        reader.read(data, of: SourceDocument(fileURL: "/dev/null", displayPath: "page.html", kind: .html), into: sink)
        return sink
    }

    /// Values of the fields labelled `label` (any origin, or only `origin`), in record order.
    static func values(_ record: RawRecord, _ label: String, origin: FieldOrigin? = nil) -> [String] {
        record.fields.filter { $0.label == label && (origin == nil || $0.origin == origin) }.map(\.value)
    }
}
