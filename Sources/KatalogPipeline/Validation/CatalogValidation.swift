import KatalogCore
import KatalogWriters

/// `katalog validate`: discover → read → normalize → validate, writing no catalog; returns what was found.
public enum CatalogValidation {
    /// Validates `paths`. Never throws for bad input: unreadable files are findings (`input.unreadable`) and
    /// marked unreadable in the report.
    public static func run(_ paths: [String], pipeline: ImportPipeline = ImportPipeline(), threshold: Severity? = .error, maxErrors: Int? = nil) -> FindingsDocument {
        let collector = FindingsCollector()
        // The collector never throws, so neither does the run.
        let report = (try? pipeline.run(paths, into: collector)) ?? ImportReport()
        var document = collector.document(report: report)
        document.threshold = threshold
        document.maxErrors = maxErrors
        return document
    }
}
