import Foundation
import Testing
import KatalogCore
@testable import KatalogPipeline
@testable import KatalogWriters
import KatalogTestSupport

/// Collects what the pipeline hands on, in order, so it can be written again another way.
private final class Collector: ImportConsumer {
    var products: [Product] = []
    var rejected: [RejectedRecord] = []
    var diagnostics: [Diagnostic] = []
    func consume(_ product: Product) throws { products.append(product) }
    func consume(_ rejected: RejectedRecord) throws { self.rejected.append(rejected) }
    func consume(_ diagnostic: Diagnostic) throws { diagnostics.append(diagnostic) }
}

/// The encode step (`CatalogOutput.encode`), run on worker threads, gives the same files as writing records one
/// by one; and the byte-level writers match the reference forms they replace.
struct WriterEncodingTests {
    @Test func encodingOnWorkerThreadsWritesTheSameFiles() throws {
        let samples = TestSupport.packageRoot.appendingPathComponent("Samples").path
        let collector = Collector()
        let report = try ImportPipeline(jobs: 1).run([samples], into: collector)
        #expect(collector.products.count > 100)

        let serial = try TestSupport.temporaryDirectory(), parallel = try TestSupport.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: serial)
            try? FileManager.default.removeItem(at: parallel)
        }
        let one = try CatalogOutput(directory: serial)
        for product in collector.products { try one.write(product) }
        for rejected in collector.rejected { try one.write(rejected) }
        for diagnostic in collector.diagnostics { try one.write(diagnostic) }
        try one.finish(summary: report)

        // Encode concurrently into slots, then write in order.
        let products = collector.products, diagnostics = collector.diagnostics
        let encodedProducts = ResultSlots<EncodedProduct>(count: products.count)
        let encodedDiagnostics = ResultSlots<EncodedDiagnostic>(count: diagnostics.count)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in stride(from: worker, to: products.count, by: 4) { encodedProducts[index] = CatalogOutput.encode(products[index]) }
            for index in stride(from: worker, to: diagnostics.count, by: 4) { encodedDiagnostics[index] = CatalogOutput.encode(diagnostics[index]) }
        }
        let many = try CatalogOutput(directory: parallel)
        for encoded in encodedProducts.values { try many.write(encoded) }
        for rejected in collector.rejected { try many.write(rejected) }
        for encoded in encodedDiagnostics.values { try many.write(encoded) }
        try many.finish(summary: report)

        for name in CatalogOutput.fileNames {
            let a = try Data(contentsOf: serial.appendingPathComponent(name))
            let b = try Data(contentsOf: parallel.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between write(product) and write(encode(product)) on threads")
        }
    }

    @Test func encodedRecordIsOneRecordInBothJSONForms() throws {
        let collector = Collector()
        _ = try ImportPipeline(jobs: 1).run([TestSupport.packageRoot.appendingPathComponent("Samples").path], into: collector)
        let product = try #require(collector.products.first { $0.servicePlan != nil })
        let encoded = CatalogOutput.encode(product, files: .all, layout: .pretty)
        #expect(encoded.jsonLine.last == 0x0A)
        #expect(encoded.jsonLine.dropLast().contains(0x0A) == false)
        #expect(encoded.prettyJSON.first == UInt8(ascii: "{") && encoded.prettyJSON.last == UInt8(ascii: "}"))
        let fromLine = try JSONSerialization.jsonObject(with: Data(encoded.jsonLine)) as? NSDictionary
        let fromPretty = try JSONSerialization.jsonObject(with: Data(encoded.prettyJSON)) as? NSDictionary
        #expect(fromLine != nil && fromLine == fromPretty)
        #expect(Set(encoded.attributeColumns) == Set(ProductCSV.attributeCells(product).keys))
    }

    /// Compact provenance loses nothing: every raw value a record's provenance leaves out is the text the record
    /// writes at the field's place (`RecordedText`), and every attribute's `original_value` left out is its `value`.
    @Test func compactProvenanceRebuildsEveryRawValue() throws {
        let collector = Collector()
        _ = try ImportPipeline(jobs: 1).run([TestSupport.packageRoot.appendingPathComponent("Samples").path], into: collector)
        var omitted: [String: Int] = [:], kept: [String: Int] = [:], attributeValuesOmitted = 0
        for product in collector.products {
            let encoded = CatalogOutput.encode(product)
            let record = try #require(try JSONSerialization.jsonObject(with: Data(encoded.jsonLine)) as? [String: Any])
            let provenance = try #require(record["provenance"] as? [String: [String: Any]])
            #expect(Set(provenance.keys) == Set(product.provenance.keys), "\(product.id)")
            for (field, entry) in product.provenance {
                let written = try #require(provenance[field])
                if let value = written["value"] as? String {
                    #expect(value == entry.value, "\(product.id) \(field)")
                    kept[field, default: 0] += 1
                } else {
                    let place = try #require(RecordedText.place(ofField: field), "\(product.id): \(field) has no place but its value was left out")
                    let node = record[place.key]
                    let rebuilt = place.member.map { (node as? [String: Any])?[$0] as? String } ?? node as? String
                    #expect(rebuilt == entry.value, "\(product.id) \(field): rebuilt \(rebuilt ?? "nil"), raw \(entry.value)")
                    omitted[field, default: 0] += 1
                }
            }
            let attributes = try #require(record["attributes"] as? [[String: Any]])
            for (written, attribute) in zip(attributes, product.attributes) {
                if written["original_value"] == nil { attributeValuesOmitted += 1 }
                #expect((written["original_value"] as? String ?? written["value"] as? String) == attribute.originalValue, "\(product.id) \(attribute.key)")
            }
        }
        // The samples exercise both sides of the rule for each kind of place.
        for field in ["title", "brand", "sku", "price", "gtin"] { #expect(omitted[field, default: 0] > 0, "\(field) never left out") }
        for field in ["weight", "package_length", "images", "availability"] { #expect(kept[field, default: 0] > 0, "\(field) never kept") }
        #expect(omitted["weight"] == nil && omitted["images"] == nil)
        #expect(attributeValuesOmitted > 0)
    }

    /// The writer's switch and the readers' table of places name the same fields.
    @Test func everyPlaceIsReadFromTheProduct() {
        var product = Product(id: "x#1", source: SourceLocation(file: "x", line: 1, record: 1), sourceKind: .csv)
        product.title = "t"; product.description = "d"; product.sku = "s"; product.mpn = "m"; product.brand = "b"
        product.category = "c"; product.url = "u"; product.itemGroupID = "g"; product.availability = "a"; product.condition = "n"
        product.price = Price(money: Money(amount: 1, currency: "EUR"), text: "1 €")
        product.salePrice = Price(money: Money(amount: 1, currency: "EUR"), text: "0,99 €")
        product.gtin = GTINParsing.parse("4006381333931").gtin
        let named = ["title", "description", "sku", "mpn", "brand", "category", "url", "item_group_id", "availability", "condition",
                     "price", "sale_price", "gtin", "weight", "gross_weight", "net_weight", "package_length", "images", "color"]
        let read = Set(named.filter { RecordedText.text(ofField: $0, in: product) != nil })
        #expect(read == RecordedText.fieldsWithPlaces)
        #expect(RecordedText.text(ofField: "sale_price", in: product) == "0,99 €")
        #expect(RecordedText.text(ofField: "gtin", in: product) == "4006381333931")
    }

    @Test func compactCatalogJSONHoldsTheJSONLinesAndPrettyTheSameRecords() throws {
        let samples = TestSupport.packageRoot.appendingPathComponent("Samples").path
        let collector = Collector()
        let report = try ImportPipeline(jobs: 1).run([samples], into: collector)
        var texts: [CatalogOutput.JSONLayout: (json: Data, lines: Data)] = [:]
        for layout in [CatalogOutput.JSONLayout.compact, .pretty] {
            let folder = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            let output = try CatalogOutput(directory: folder, layout: layout)
            for product in collector.products { try output.write(product) }
            try output.finish(summary: report)
            texts[layout] = (try Data(contentsOf: folder.appendingPathComponent("catalog.json")), try Data(contentsOf: folder.appendingPathComponent("catalog.jsonl")))
        }
        let compact = try #require(texts[.compact]), pretty = try #require(texts[.pretty])
        // The default catalog.json is the JSON Lines file's lines, as an array: one record per line.
        let lines = String(decoding: compact.lines, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == collector.products.count && lines.count > 100)
        #expect(String(decoding: compact.json, as: UTF8.self) == "[\n" + lines.joined(separator: ",\n") + "\n]\n")
        #expect(compact.lines == pretty.lines)
        // --pretty lays out the same records.
        let fromCompact = try JSONSerialization.jsonObject(with: compact.json) as? NSArray
        let fromPretty = try JSONSerialization.jsonObject(with: pretty.json) as? NSArray
        #expect(fromCompact != nil && fromCompact == fromPretty)
        #expect(pretty.json.count > compact.json.count * 5 / 4)
    }

    @Test func writerLaysOutLikeTheReferenceForms() {
        let value = JSONValue.object([
            "b": .array([.int(-42), .int(Int.min), .null, .bool(true), .array([]), .object([:])]),
            "a": .object(["x": .string("é\n\u{2028}"), "y": .decimal("58.99")]),
            "c": .array([.object(["k": .int(0)])]),
        ])
        var json = JSONWriter(compact: true, prettyIndent: 1)
        value.write(to: &json)
        #expect(json.compact == Array(#"{"a":{"x":"é\n\u2028","y":58.99},"b":[-42,-9223372036854775808,null,true,[],{}],"c":[{"k":0}]}"#.utf8))
        let pretty = """
        {
            "a": {
              "x": "é\\n\\u2028",
              "y": 58.99
            },
            "b": [
              -42,
              -9223372036854775808,
              null,
              true,
              [],
              {}
            ],
            "c": [
              {
                "k": 0
              }
            ]
          }
        """
        #expect(String(decoding: json.pretty, as: UTF8.self) == pretty)
        #expect(value.prettyBytes(indent: 1) == json.pretty)
        #expect(value.compactBytes == json.compact)
    }

    /// The byte-level CSV escaping gives exactly `ProductCSV.escape`, including where `Character`s (grapheme
    /// clusters) and bytes disagree: CR LF is one `Character`, a combining mark joins the comma before it.
    @Test(arguments: [
        "", "plain", "a,b", "say \"hi\"", " lead", "trail ", " ", "a\nb", "a\rb", "a\r\nb", "\r\n", "\r", "\n",
        "a,\u{301}b", ",\u{301}", "\"\u{301}x,", "x, \"\u{301}\"", " \u{301}x", "x \u{301}", "\u{600} x", "x\u{600} ",
        "Prekės kodas, 58,99 €", "kaina \"nuo\"", "ąčę\r\nžš", "é,", ",é", "é \"", "👍🏽,", "a\u{200D},b",
    ])
    func csvEscapingMatchesTheCharacterRules(cell: String) {
        var bytes: [UInt8] = []
        CSVEscaping.append(cell, to: &bytes)
        #expect(bytes == Array(ProductCSV.escape(cell).utf8), "cell \(cell.debugDescription)")
    }

    @Test func csvEscapingMatchesOnMixedText() {
        let pieces = [",", "\"", " ", "\r", "\n", "\r\n", "a", "Z", "é", "\u{301}", "\u{600}", "ą", "€", "👍", "\u{200D}", "\t"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5000 {
            var cell = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 61) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                cell += pieces[Int(state >> 33) % pieces.count]
            }
            var bytes: [UInt8] = []
            CSVEscaping.append(cell, to: &bytes)
            #expect(bytes == Array(ProductCSV.escape(cell).utf8), "cell \(cell.debugDescription)")
        }
    }

    /// The final CSV pass guesses each attribute cell's column from the row before; rows that name other columns,
    /// in another order, or fewer of them must still land every cell in its own column.
    @Test func attributeCellsLandInTheirColumnsWhateverTheRowsOrder() throws {
        func product(_ record: Int, _ attributes: [(String, String)]) -> Product {
            var product = Product(id: "feed.csv#\(record)", source: SourceLocation(file: "feed.csv", line: record + 1, record: record), sourceKind: .csv)
            product.title = "Item \(record)"
            product.attributes = attributes.map { key, value in
                Attribute(key: key, isMapped: true, label: key, value: value, originalValue: value, language: nil, origin: .csvColumn, line: record + 1)
            }
            return product
        }
        let rows: [[(String, String)]] = [
            [("color", "red"), ("size", "L")],
            [("color", "blue"), ("size", "M")],
            [("size", "S"), ("color", "green")],
            [("color", "black")],
            [],
            [("weight_note", "light, \"airy\""), ("color", "white"), ("size", "XL")],
            [("size", "XS"), ("weight_note", "heavy")],
        ]
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try CatalogOutput(directory: directory, files: [.csv])
        for (index, attributes) in rows.enumerated() { try output.write(product(index + 1, attributes)) }
        try output.finish(summary: ImportReport())
        let csv = try OutputInvariants.parseRFC4180(try String(contentsOf: directory.appendingPathComponent("catalog.csv"), encoding: .utf8))
        let header = try #require(csv.first)
        #expect(Array(header.suffix(3)) == ["attr.color", "attr.size", "attr.weight_note"])
        #expect(csv.count == rows.count + 1)
        for (index, attributes) in rows.enumerated() {
            let cells = Dictionary(uniqueKeysWithValues: zip(header, csv[index + 1]))
            let expected = Dictionary(uniqueKeysWithValues: attributes.map { ("attr." + $0.0, $0.1) })
            for column in ["attr.color", "attr.size", "attr.weight_note"] {
                #expect(cells[column] == expected[column] ?? "", "row \(index + 1), \(column)")
            }
        }
    }

    /// The final CSV pass lays runs of whole spooled rows out on several threads: any number of threads and any
    /// run size give the same file, and that file is every record's reference line (`ProductCSV.line` of its core
    /// cells and its attribute cells, defused, in the header's column order).
    @Test func finalCSVPassGivesTheSameLinesOnAnyNumberOfThreads() throws {
        var generator = SeededGenerator()
        let keys = ["color", "size", "plan_term", "material", "ąžuolas", "weight_note", "a", "z", "service", "stock_quantity"]
        let values = ["red", "L, \"XL\"", "=SUM(A1)", "two\r\nlines", "", " spaced ", "žalia", "-5", "📦", "x"]
        var products: [Product] = []
        for record in 1...1_500 {
            var product = Product(id: "feed.csv#\(record)", source: SourceLocation(file: "feed.csv", line: record + 1, record: record), sourceKind: .csv)
            product.title = record % 7 == 0 ? "Long \(String(repeating: "description, ", count: record % 50))" : "Item \(record)"
            product.description = record % 5 == 0 ? "para one\n\npara \"two\"" : nil
            let count = Int(generator.next() % 5)
            product.attributes = (0..<count).map { _ in
                let key = keys[Int(generator.next() % UInt64(keys.count))], value = values[Int(generator.next() % UInt64(values.count))]
                return Attribute(key: key, isMapped: true, label: key, value: value, originalValue: value, language: nil, origin: .csvColumn, line: record + 1)
            }
            products.append(product)
        }
        var files: [[UInt8]] = []
        for (threads, segmentBytes) in [(1, 4 << 20), (1, 1), (2, 4 << 20), (2, 700), (3, 5_000), (16, 1)] {
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let output = try CatalogOutput(directory: directory, files: [.csv], finalPassThreads: threads)
            output.finalPassSegmentBytes = segmentBytes
            for product in products { try output.write(CatalogOutput.encode(product, files: [.csv])) }
            try output.finish(summary: ImportReport())
            files.append(Array(try Data(contentsOf: directory.appendingPathComponent("catalog.csv"))))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(".catalog.csv.spool").path))
        }
        for (index, file) in files.enumerated().dropFirst() { #expect(file == files[0], "run \(index)") }

        let columns = Set(products.flatMap { $0.attributes.map { "attr." + $0.key } }).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var expected = "\u{FEFF}" + ProductCSV.line(ProductCSV.coreColumns + columns)
        for product in products {
            let attributes = ProductCSV.attributeCells(product)
            expected += ProductCSV.line(ProductCSV.coreCells(product) + columns.map { CSVFormulaGuard.defused(attributes[$0] ?? "") })
        }
        // Compared as bytes: a String read from the file would drop the byte order mark.
        #expect(files[0] == Array(expected.utf8))
    }

    /// A spool cut inside a row is an error, not a shorter catalog.
    @Test func aSpoolCutInsideARowIsReported() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var product = Product(id: "feed.csv#1", source: SourceLocation(file: "feed.csv", line: 2, record: 1), sourceKind: .csv)
        product.attributes = [Attribute(key: "color", isMapped: true, label: "color", value: "red", originalValue: "red", language: nil, origin: .csvColumn, line: 2)]
        let row = CSVRowSpool.encode(product, numbers: ProductNumbers(product)).row
        for cut in [1, 3, 4, row.count / 2, row.count - 1] {
            let path = directory.appendingPathComponent("spool-\(cut)").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(row + row.prefix(cut))))
            var reader = try CSVRowSpool.Reader(path: path)
            #expect(try reader.nextRows(about: 1)?.count == row.count)
            #expect(throws: OutputError.self, "cut after \(cut) bytes") { _ = try reader.nextRows(about: 1) }
        }
        let whole = directory.appendingPathComponent("whole").path
        #expect(FileManager.default.createFile(atPath: whole, contents: Data(row + row)))
        var reader = try CSVRowSpool.Reader(path: whole)
        #expect(try reader.nextRows(about: 1 << 20)?.count == row.count * 2)
        #expect(try reader.nextRows(about: 1 << 20) == nil)
    }
}

/// A fixed number of result slots that worker threads fill by index, each once (the test's own fan-out).
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// All values, in index order; every slot must have been filled.
    var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}
