import KatalogCore
import KatalogWriters

/// An `ImportConsumer` that writes nothing and keeps what was found, grouped by file and record, for
/// `katalog validate`. Memory grows with the number of records and findings (not with the input's size).
final class FindingsCollector: ImportConsumer {
    private(set) var files: [FindingsDocument.FileEntry] = []
    private var indexByFile: [String: Int] = [:]
    /// The pipeline hands a record's own diagnostics on right after the record; those are already kept with it.
    private var recordDiagnosticsToSkip = 0

    func consume(_ product: Product) throws {
        add(product, reasons: [])
    }

    func consume(_ rejected: RejectedRecord) throws {
        add(rejected.product, reasons: rejected.reasons)
    }

    func consume(_ diagnostic: Diagnostic) throws {
        if recordDiagnosticsToSkip > 0 {
            recordDiagnosticsToSkip -= 1
            return
        }
        files[entry(for: diagnostic.location.file)].diagnostics.append(diagnostic)
    }

    private func add(_ product: Product, reasons: [FindingCode]) {
        let record = FindingsDocument.RecordEntry(
            id: product.id, location: product.source, title: product.title,
            rejectionReasons: reasons, diagnostics: product.diagnostics
        )
        files[entry(for: product.source.file)].records.append(record)
        recordDiagnosticsToSkip = product.diagnostics.count
    }

    private func entry(for file: String) -> Int {
        if let index = indexByFile[file] { return index }
        files.append(FindingsDocument.FileEntry(file: file))
        indexByFile[file] = files.count - 1
        return files.count - 1
    }

    /// The document for `report`: one entry per reported file, in the report's order.
    func document(report: ImportReport) -> FindingsDocument {
        var document = FindingsDocument()
        document.report = report
        var seen = Set<String>()
        for file in report.files where seen.insert(file.file).inserted {
            document.files.append(indexByFile[file.file].map { files[$0] } ?? FindingsDocument.FileEntry(file: file.file))
        }
        for entry in files where !seen.contains(entry.file) { document.files.append(entry) }
        return document
    }
}
