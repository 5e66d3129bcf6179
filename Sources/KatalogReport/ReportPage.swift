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
        let html = try render(RunOutputs(directory: directory))
        let file = try AtomicFile(destination: directory.appendingPathComponent(fileName))
        do {
            try file.write(html)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        return file.destination
    }

    /// The page for `outputs`, as text.
    public static func render(_ outputs: RunOutputs) throws -> String {
        let library = try templates()
        let context = PageContext(outputs)
        guard let html = library.render(context, withTemplate: "report") else {
            throw RunOutputs.ReadError(description: "the report template is missing from the KatalogReport bundle")
        }
        return html
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
