import Foundation
import KatalogCore
import KatalogWriters

extension CatalogOutput: ImportConsumer {
    /// Records and their diagnostics are encoded on the pipeline's worker threads; only the bytes are written in
    /// order.
    public var preparation: RecordPreparation<EncodedProduct, EncodedDiagnostic>? {
        let files = self.files, layout = self.layout, partitioning = self.partitioning
        return RecordPreparation(record: { CatalogOutput.encode($0, files: files, layout: layout, partitioning: partitioning) }, diagnostic: CatalogOutput.encode)
    }

    public func consume(_ product: Product) throws { try write(product) }
    public func consume(_ product: Product, prepared: EncodedProduct) throws { try write(prepared) }
    public func consume(_ rejected: RejectedRecord) throws { try write(rejected) }
    public func consume(_ diagnostic: Diagnostic) throws { try write(diagnostic) }
    public func consume(_ diagnostic: Diagnostic, prepared: EncodedDiagnostic) throws { try write(prepared) }
}

/// `katalog import`: runs the pipeline over inputs and writes the catalog folder atomically.
public enum CatalogImport {
    /// Imports `paths` into `outputDirectory`. Throws `OutputError` when the folder cannot be written; the
    /// previous outputs are then left as they were.
    public static func run(_ paths: [String], outputDirectory: URL, pipeline: ImportPipeline = ImportPipeline(), files: CatalogOutput.Files = .all,
                           layout: CatalogOutput.JSONLayout = .compact, partitioning: Partitioning? = nil) throws -> ImportReport {
        let output = try CatalogOutput(directory: outputDirectory, files: files, layout: layout, partitioning: partitioning, finalPassThreads: pipeline.jobs)
        var pipeline = pipeline
        pipeline.writtenByThisRun.append(outputDirectory.path)
        do {
            let report = try pipeline.run(paths, into: output)
            try output.finish(summary: report)
            return report
        } catch {
            output.discard()
            throw error
        }
    }

    /// The one-line summary printed to stderr.
    public static func summaryLine(_ report: ImportReport, output: String?) -> String {
        let records = report.totalRecords
        let severities = report.totalDiagnostics
        var line = "katalog: \(report.files.count) file\(report.files.count == 1 ? "" : "s"), \(records.read) record\(records.read == 1 ? "" : "s"): "
        line += "\(records.imported) imported, \(records.rejected) rejected; "
        line += "\(severities.error) error\(severities.error == 1 ? "" : "s"), \(severities.warning) warning\(severities.warning == 1 ? "" : "s"), \(severities.info) info"
        if !report.unreadableFiles.isEmpty { line += "; \(report.unreadableFiles.count) unreadable input\(report.unreadableFiles.count == 1 ? "" : "s")" }
        if let output { line += " → \(output)" }
        let failed = report.filesWithNothingImported
        if !failed.isEmpty {
            line += "\nkatalog: nothing imported from \(failed.count) file\(failed.count == 1 ? "" : "s") (see file.nothing-imported in the report): " + failed.joined(separator: ", ")
        }
        return line
    }
}
