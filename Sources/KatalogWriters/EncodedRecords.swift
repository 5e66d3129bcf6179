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
        let forms = Forms(files: files, layout: layout, partitioning: partitioning)
        (prettyJSON, jsonLine) = forms.json(of: product, numbers: numbers)
        (csvSpoolRow, attributeKeys) = forms.csv(of: product, numbers: numbers)
        partition = partitioning?.partition(of: product)
    }

    private init(json: (pretty: [UInt8], line: [UInt8]), csv: (row: [UInt8], attributeKeys: [String]), partition: Int?) {
        (prettyJSON, jsonLine) = json
        (csvSpoolRow, attributeKeys) = csv
        self.partition = partition
    }

    /// `init(_:files:layout:partitioning:)` of each of `products`, in order, made in passes over all of them: the
    /// numbers of every record, then every record's JSON, then every CSV row. Each encoder's code stays in the
    /// processor's instruction cache from one record to the next, where record by record they evicted each other's.
    /// `products` is `inout` and left as it was: each product is reached in place (`&products[i]`), where an
    /// array's getter gave each pass a copy of the record (its strings retained and released).
    static func encode(_ products: inout [Product], files: CatalogOutput.Files, layout: CatalogOutput.JSONLayout = .compact,
                       partitioning: Partitioning? = nil) -> [EncodedProduct] {
        let forms = Forms(files: files, layout: layout, partitioning: partitioning)
        var numbers: [ProductNumbers] = [], json: [(pretty: [UInt8], line: [UInt8])] = [], csv: [(row: [UInt8], attributeKeys: [String])] = []
        numbers.reserveCapacity(products.count)
        json.reserveCapacity(products.count)
        csv.reserveCapacity(products.count)
        for index in products.indices { numbers.append(Forms.numbers(of: &products[index])) }
        for index in products.indices { json.append(forms.json(of: &products[index], numbers: &numbers[index])) }
        for index in products.indices { csv.append(forms.csv(of: &products[index], numbers: &numbers[index])) }
        var encoded: [EncodedProduct] = []
        encoded.reserveCapacity(products.count)
        for index in products.indices {
            encoded.append(EncodedProduct(json: json[index], csv: csv[index], partition: partitioning.map { Forms.partition(of: &products[index], by: $0) }))
        }
        return encoded
    }

    /// Which forms a record is encoded in, and the encoders of each.
    private struct Forms {
        let wantsPretty: Bool
        let wantsLine: Bool
        let wantsCSV: Bool

        init(files: CatalogOutput.Files, layout: CatalogOutput.JSONLayout, partitioning: Partitioning?) {
            wantsPretty = files.contains(.json) && layout == .pretty
            wantsLine = files.contains(.jsonLines) || partitioning != nil || (files.contains(.json) && layout == .compact)
            wantsCSV = files.contains(.csv)
        }

        // The `inout` forms below only read: they let a batch pass its records and numbers in place (see
        // `encode(_:files:layout:partitioning:)`).

        static func numbers(of product: inout Product) -> ProductNumbers { ProductNumbers(product) }

        static func partition(of product: inout Product, by partitioning: Partitioning) -> Int { partitioning.partition(of: product) }

        func json(of product: inout Product, numbers: inout ProductNumbers) -> (pretty: [UInt8], line: [UInt8]) {
            json(of: product, numbers: numbers)
        }

        func csv(of product: inout Product, numbers: inout ProductNumbers) -> (row: [UInt8], attributeKeys: [String]) {
            csv(of: product, numbers: numbers)
        }

        /// The pretty form and the line, each empty unless wanted.
        func json(of product: borrowing Product, numbers: ProductNumbers) -> (pretty: [UInt8], line: [UInt8]) {
            guard wantsPretty || wantsLine else { return ([], []) }
            var json = JSONWriter(compact: wantsLine, prettyIndent: wantsPretty ? 1 : nil, capacity: 2048)
            ProductJSON.write(product, numbers: numbers, to: &json)
            var line = wantsLine ? json.compact : []
            if wantsLine { line.append(0x0A) }
            return (wantsPretty ? json.pretty : [], line)
        }

        func csv(of product: borrowing Product, numbers: ProductNumbers) -> (row: [UInt8], attributeKeys: [String]) {
            wantsCSV ? CSVRowSpool.encode(product, numbers: numbers) : ([], [])
        }
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
