import Foundation
import KatalogWriters
import Mustache

/// `report.html`: one self-contained page (styles, script and data inline; no network) for merchandisers to review
/// a run — totals, a chart of the top finding codes, files, every product with its findings and provenance, and the
/// service plans with the products they cover.
///
/// The page is rendered from `Resources/report.mustache` (with `report.css` and `report.js` as partials) and the
/// same run outputs always give the same bytes: nothing in it depends on the time or the machine.
public enum ReportPage {
    /// The file name written into the output folder.
    public static let fileName = "report.html"

    /// Reads the run's outputs in `directory`, renders the page and writes `report.html` there atomically.
    /// Throws `RunOutputs.ReadError` when the outputs are missing or unreadable, `OutputError` when the folder
    /// cannot be written (an existing `report.html` is then left as it was).
    @discardableResult
    public static func write(outputDirectory directory: URL) throws -> URL {
        let pieces = try render(RunOutputs(directory: directory))
        let file = try AtomicFile(destination: directory.appendingPathComponent(fileName))
        do {
            for piece in pieces { try file.write(bytes: piece) }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        return file.destination
    }

    /// The page for `outputs` as one string (tests, small runs).
    public static func renderText(_ outputs: RunOutputs) throws -> String {
        String(decoding: try render(outputs).joined(), as: UTF8.self)
    }

    /// The page for `outputs` in pieces to write one after the other: the rendered template before the data
    /// island, the island, the rendered template after it.
    static func render(_ outputs: RunOutputs) throws -> [[UInt8]] {
        let library = try templates()
        let context = try PageContext(outputs)
        guard let html = library.render(context, withTemplate: "report") else {
            throw RunOutputs.ReadError(description: "the report template is missing from the KatalogReport bundle")
        }
        let parts = html.components(separatedBy: PageContext.islandMarker)
        guard parts.count == 2 else {
            throw RunOutputs.ReadError(description: "the report template must place the data island ({{{data}}}) exactly once")
        }
        return [Array(parts[0].utf8)] + context.island.pieces + [Array(parts[1].utf8)]
    }

    /// The page template and its partials, from the target's resources.
    static func templates() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, file) in [("report", "report.mustache"), ("style", "report.css"), ("script", "report.js")] {
            guard let url = Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: file, withExtension: nil) else {
                throw RunOutputs.ReadError(description: "\(file) is missing from the KatalogReport bundle")
            }
            try library.register(String(decoding: try Data(contentsOf: url), as: UTF8.self), named: name)
        }
        return library
    }
}
