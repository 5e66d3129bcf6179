import Foundation
import KatalogTestSupport
import KatalogCore
@testable import KatalogReaders

/// Helpers shared by the feed reader tests.
enum FeedTestSupport {
    /// `Samples/feeds` in the repository.
    static let samples: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/feeds")

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    /// Writes `contents` to a fresh temporary file and returns its path.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> String {
        let folder = try TestScratch.folder()
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        try temporaryFile(name, Data(text.utf8))
    }

    /// Reads `path` with `reader` into a collecting sink.
    static func read(_ reader: some RecordReader, _ path: String, kind: InputKind, hints: SourceHints = SourceHints()) throws -> CollectingSink {
        let sink = CollectingSink()
        let document = SourceDocument(fileURL: path, displayPath: (path as NSString).lastPathComponent, kind: kind, hints: hints)
        try reader.read(document, into: sink)
        return sink
    }
}

extension RawRecord {
    /// Values of every field labelled `label`, in order.
    func values(_ label: String) -> [String] { fields.filter { $0.label == label }.map(\.value) }
    /// The first value labelled `label`.
    func value(_ label: String) -> String? { fields.first { $0.label == label }?.value }
}

extension CollectingSink {
    var codes: [FindingCode] { diagnostics.map(\.code) }
}

extension SourceHints {
    /// The hints without their currency evidence, to compare the stated ones (evidence is checked on its own).
    var statedOnly: SourceHints {
        var copy = self
        copy.currencyEvidence = []
        return copy
    }
}
