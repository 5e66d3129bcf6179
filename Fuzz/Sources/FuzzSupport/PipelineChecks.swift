import Foundation
import KatalogCore
import KatalogPipeline

/// Runs the import pipeline (discover → sniff → read → normalize → validate → reduce) on one file, on the
/// calling thread (`jobs: 1`), and checks the accounting: every record read is imported or rejected, the report's
/// counts add up and match what the consumer received, a rejected record says why, and every product and
/// diagnostic points into the file.
public enum PipelineCheck {
    nonisolated(unsafe) private static let pipeline = ImportPipeline(jobs: 1)

    public static func run(path: String) {
        let consumer = CountingConsumer(file: path)
        let report: ImportReport
        do {
            report = try pipeline.run([path], into: consumer)
        } catch {
            invariant(false, "the pipeline threw: \(error)")
            return
        }
        ExternalLoadGuard.check()
        let total = report.totalRecords
        invariant(total.read == total.imported + total.rejected, "read \(total.read) ≠ imported \(total.imported) + rejected \(total.rejected)")
        invariant(consumer.imported == total.imported, "the consumer got \(consumer.imported) products, the report says \(total.imported)")
        invariant(consumer.rejected == total.rejected, "the consumer got \(consumer.rejected) rejects, the report says \(total.rejected)")
        for file in report.files {
            invariant(file.records.read == file.records.imported + file.records.rejected, "\(file.file): counts do not add up")
        }
    }
}

/// Receives a run's results and checks each.
final class CountingConsumer: ImportConsumer {
    let file: String
    var imported = 0
    var rejected = 0

    init(file: String) { self.file = file }

    func consume(_ product: Product) throws {
        imported += 1
        check(product)
    }

    func consume(_ rejected: RejectedRecord) throws {
        self.rejected += 1
        invariant(!rejected.reasons.isEmpty, "a rejected record without reasons")
        check(rejected.product)
    }

    func consume(_ diagnostic: Diagnostic) throws {
        invariant(!diagnostic.code.rawValue.isEmpty, "a diagnostic without a code")
        Canary.check(diagnostic.message, "diagnostic \(diagnostic.code)")
    }

    private func check(_ product: Product) {
        invariant(product.source.file == file, "a product located in \(product.source.file)")
        invariant(product.source.record.map { $0 >= 1 } ?? false, "a product without a record index")
        for text in [product.title, product.description, product.sku, product.brand, product.url] {
            if let text { Canary.check(text, "a product") }
        }
        for attribute in product.attributes { Canary.check(String(describing: attribute), "an attribute") }
    }
}
