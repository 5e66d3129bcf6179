import KatalogCore

/// One imported record in the bytes of every catalog file, ready to append. Made by `CatalogOutput.encode(_:)`,
/// which is pure and thread-safe, so records can be encoded on worker threads and written in order by one.
public struct EncodedProduct: Sendable {
    /// The record in a pretty `catalog.json` (`--pretty`): its first line at indentation level 1, without the
    /// separator; empty otherwise.
    public let prettyJSON: [UInt8]
    /// The record's line in `catalog.jsonl`, newline included; without the newline, also its line in a compact
    /// `catalog.json` (the default), so the record is encoded once for both files.
    public let jsonLine: [UInt8]
    /// The record's `catalog.csv` row in the spool's form (see `CSVRowSpool`).
    let csvSpoolRow: [UInt8]
    /// The `attr.<key>` columns the record has cells in.
    public var attributeColumns: [String] { attributeKeys.map(ProductCSV.attributeColumn) }
    /// Their keys: the writer gathers keys and makes the column names once, at the end.
    let attributeKeys: [String]
    /// The partition file the record's line also goes to, with `--partitions`.
    public let partition: Int?

    /// Encodes the forms `files` needs in `layout` (and the line when `partitioning` is set); the others stay empty.
    /// `borrowing`: an initializer takes its arguments owned by default, and every record was copied to be encoded
    /// (its strings retained and released).
    init(_ product: borrowing Product, files: CatalogOutput.Files, layout: CatalogOutput.JSONLayout = .compact, partitioning: Partitioning? = nil) {
        let numbers = ProductNumbers(product)
        partition = partitioning?.partition(of: product)
        let wantsPretty = files.contains(.json) && layout == .pretty
        let wantsLine = files.contains(.jsonLines) || partitioning != nil || (files.contains(.json) && layout == .compact)
        if wantsPretty || wantsLine {
            var json = JSONWriter(compact: wantsLine, prettyIndent: wantsPretty ? 1 : nil, capacity: 2048)
            ProductJSON.write(product, numbers: numbers, to: &json)
            prettyJSON = wantsPretty ? json.pretty : []
            var line = wantsLine ? json.compact : []
            if wantsLine { line.append(0x0A) }
            jsonLine = line
        } else {
            prettyJSON = []
            jsonLine = []
        }
        (csvSpoolRow, attributeKeys) = files.contains(.csv) ? CSVRowSpool.encode(product, numbers: numbers) : ([], [])
    }
}

/// One diagnostic as it appears in `report.json`'s list: pretty, its first line at indentation level 2, without
/// the separator. Made by `CatalogOutput.encode(_:)`, pure and thread-safe like `EncodedProduct`.
public struct EncodedDiagnostic: Sendable {
    public let prettyJSON: [UInt8]

    init(_ diagnostic: Diagnostic) {
        var json = JSONWriter(compact: false, prettyIndent: 2, capacity: 256)
        ProductJSON.write(diagnostic, to: &json)
        prettyJSON = json.pretty
    }
}
