import Foundation
import Testing
import KatalogCore
@testable import KatalogWriters

/// The byte-level paths of the writers give exactly what the plain forms they stand for give: CSV cells as
/// `ProductCSV.escape` writes `CSVCellList`'s cells, JSON strings as a scalar-by-scalar escaper, provenance names
/// in UTF-8 byte order.
struct ByteLevelWriterTests {
    /// Pieces that trip the byte rules: cluster joiners next to `,` `"` and spaces, CR LF, formula triggers,
    /// digits and points for numbers, U+2028.
    static let pieces = [",", "\"", " ", "\r", "\n", "\r\n", "a", "é", "\u{301}", "\u{600}", "=", "+", "-", "@", "\t", "'", "1", ".", "\u{2028}"]

    /// Every text of up to three pieces.
    static let texts: [String] = {
        var texts = [""]
        var last = [""]
        for _ in 0..<3 {
            last = last.flatMap { text in pieces.map { text + $0 } }
            texts += last
        }
        return texts
    }()

    /// `texts`, and each after and before nine plain bytes, so the word-at-a-time paths see them in whole words and
    /// in the overlapping last word.
    static let longerTexts = texts + texts.map { "Prekės: " + $0 } + texts.map { $0 + "ab 12345c" }

    /// One cell written by `write` to bytes, and as the string list's cell escaped.
    private func bothForms(_ write: (inout any CSVCellSink) -> Void) -> (bytes: [UInt8], reference: [UInt8]) {
        let buffer = ByteBuffer(capacity: 16)
        var bytes: any CSVCellSink = CSVLineBytes(into: buffer)
        write(&bytes)
        var list: any CSVCellSink = CSVCellList()
        write(&list)
        let cells = (list as! CSVCellList).cells
        return (buffer.bytes, Array(ProductCSV.escape(cells[0]).utf8))
    }

    @Test func csvCellsMatchTheStringForms() {
        for text in Self.longerTexts {
            let asText = bothForms { $0.cell(text) }
            #expect(asText.bytes == asText.reference, "text cell \(text.debugDescription)")
            let asNumber = bothForms { $0.number(text) }
            #expect(asNumber.bytes == asNumber.reference, "number cell \(text.debugDescription)")
        }
        #expect(bothForms { $0.cell(nil as String?) } == ([], []))
        #expect(bothForms { $0.number(nil) } == ([], []))
        for number in [0, 7, -7, 1200, Int.max, Int.min] {
            let cell = bothForms { $0.cell(number) }
            #expect(cell.bytes == cell.reference, "count \(number)")
        }
    }

    @Test func joinedCsvCellsMatchTheStringForms() {
        let short = Self.texts.prefix(1 + Self.pieces.count * (1 + Self.pieces.count))
        for first in short {
            for second in Self.pieces + [""] {
                for separator in [ProductCSV.multiValueSeparator, " "] {
                    let cell = bothForms { $0.cell(joining: [first, second], separator: separator) }
                    #expect(cell.bytes == cell.reference, "\([first, second].debugDescription) by \(separator.debugDescription)")
                }
            }
        }
        let empty = bothForms { $0.cell(joining: [String](), separator: " ") }
        #expect(empty.bytes == empty.reference)
    }

    /// A record's spooled core cells are its `ProductCSV.line`, on values that need quoting and defusing.
    @Test func spooledRowIsTheCoreLine() throws {
        var product = Product(id: "feed.csv#3", source: SourceLocation(file: "feed.csv", line: 4, record: 3), sourceKind: .csv)
        product.title = "=HYPERLINK(\"x\"), e\u{301}"
        product.description = " leading, \"quoted\"\r\nand trailing "
        product.brand = "-Brand"
        product.sku = "@sku,1"
        product.mpn = "\tTab"
        product.url = "https://example.com/a?b=c,d"
        product.images = ["+a.jpg", "b,\u{301}.jpg", " c.jpg "]
        product.category = "\r"
        product.price = Price(money: Money(amount: Decimal(string: "-0.5")!, currency: "EUR"), text: "-0,50 €")
        product.attributes = [
            Attribute(key: "color", isMapped: true, label: "Spalva", value: "=red", originalValue: "=red", language: nil, origin: .csvColumn, line: 4),
            Attribute(key: "size", isMapped: false, label: "Dydis", value: "L, \"XL\"", originalValue: "L, \"XL\"", language: nil, origin: .csvColumn, line: 4),
        ]
        let row = CSVRowSpool.encode(product, numbers: ProductNumbers(product)).row
        let coreLength = Int(row[0]) | Int(row[1]) << 8 | Int(row[2]) << 16 | Int(row[3]) << 24
        let line = ProductCSV.line(ProductCSV.coreCells(product))
        #expect(Array(row[4..<4 + coreLength]) == Array(line.utf8.dropLast(2)))  // without CR LF
        let tail = row[(4 + coreLength)...]
        let attributes = ProductCSV.attributeCells(product)
        for column in ["attr.color", "attr.size"] {
            let cell = ProductCSV.escape(CSVFormulaGuard.defused(try #require(attributes[column])))
            #expect(tail.firstRange(of: Array(column.utf8)) != nil && tail.firstRange(of: Array(cell.utf8)) != nil, "\(column)")
        }
    }

    @Test func jsonStringsAreEscapedScalarByScalar() {
        let extra = ["\\", "\u{0}", "\u{1F}", "\u{7F}", "\u{2029}", "€", "–", "📦", "abcdefgh"]
        for text in Self.longerTexts + extra + extra.map({ String(repeating: "x", count: 9) + $0 + "yz" }) {
            let buffer = ByteBuffer(capacity: 16)
            JSONWriter.escape(text, into: buffer)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == Self.referenceEscape(text), "\(text.debugDescription)")
        }
    }

    /// Run-time keys: plain ones in one append, the rest escaped as strings are.
    @Test func runTimeKeysAreEscapedLikeStrings() {
        let keys = ["package_length", "a", "sixteen_bytes_ab", "longer_than_sixteen_bytes", "tab\tkey", "del\u{7F}", "quote\"",
                    "back\\slash", "ė", "x\u{2028}", "seventeen_bytes_\u{7F}", "sixteen_bytes_\u{1F}"]
        for key in keys {
            var json = JSONWriter(compact: true, prettyIndent: nil)
            json.beginObject()
            json.key(key)
            json.int(1)
            json.endObject()
            #expect(String(decoding: json.compact, as: UTF8.self) == "{" + Self.referenceEscape(key) + ":1}", "\(key.debugDescription)")
        }
    }

    private static func referenceEscape(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func packedNamesSortInByteOrder() {
        let names = ["", "a", "a\u{0}", "ab", "b", "price", "price_text", "sale_price", "item_group_id", "package_length",
                     "exactly_16_bytes", "exactly_16_bytez", "seventeen_bytes_a", "seventeen_bytes_b", "seventeen_bytes_",
                     "é", "e\u{301}", "Z", "~", "ž", "spalva_ūkis", "a_very_long_field_name_of_forty_bytes_!"]
        for a in names {
            for b in names {
                let packed = PackedName(a).precedes(PackedName(b))
                if let packed { #expect(packed == JSONValue.byteOrder(a, b), "\(a) < \(b)") }
                #expect(packed != nil || (a.utf8.count > 16 && b.utf8.count > 16), "\(a) < \(b) undecided")
            }
            #expect(RecordedText.Field(PackedName(a))?.name == (RecordedText.fieldsWithPlaces.contains(a) ? a : nil))
        }
    }

    /// Provenance keys come out in byte order whatever they hold, and the raw value only where the record does not
    /// already write it.
    @Test func provenanceIsWrittenInByteOrder() throws {
        var product = Product(id: "x#1", source: SourceLocation(file: "x", line: 1, record: 1), sourceKind: .csv)
        product.title = "Kava"
        product.sku = "S-1"
        // "é" and "e\u{301}" would be one key (`String`s compare as `Character`s), so one of them.
        let keys = ["title", "sku", "ž", "e\u{301}", "ą", "weight", "seventeen_bytes_b", "seventeen_bytes_a", "Z"]
        for key in keys {
            product.provenance[key] = FieldProvenance(label: "L", value: key == "title" ? "Kava" : "raw \(key)", origin: .csvColumn, line: 2)
        }
        var json = JSONWriter(compact: true, prettyIndent: nil)
        ProductJSON.writeProvenance(of: product, to: &json)
        let text = String(decoding: json.compact, as: UTF8.self)
        let positions = try keys.sorted(by: JSONValue.byteOrder).map { key in try #require(text.range(of: "\"\(key)\":{")).lowerBound }
        #expect(positions == positions.sorted())
        #expect(!text.contains("\"value\":\"Kava\"") && text.contains("\"value\":\"raw sku\""))
    }
}
