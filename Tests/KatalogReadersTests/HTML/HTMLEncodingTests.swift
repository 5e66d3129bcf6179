import Foundation
import Testing
import KatalogCore
@testable import KatalogReaders

@Suite("HTML page encodings")
struct HTMLEncodingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: Data
        var encoding: String
        var source: String
        var testDescription: String { name }
    }

    static func page(_ head: String, _ body: String) -> String {
        "<!DOCTYPE html><html><head>\(head)<title>t</title></head><body><h1>\(body)</h1><p class=\"price\">12,00</p></body></html>"
    }

    static func encoded(_ text: String, _ encoding: String.Encoding) -> Data {
        text.data(using: encoding) ?? Data()
    }

    static let cases: [Case] = [
        Case(name: "utf-8 from meta charset", bytes: Data(page("<meta charset=\"utf-8\">", "Ražotājs ąčęėįšųū").utf8), encoding: "utf-8", source: "meta"),
        Case(name: "utf-8 without declaration", bytes: Data(page("", "Ražotājs ąčęėįšųū").utf8), encoding: "utf-8", source: "default"),
        Case(name: "utf-8 with BOM", bytes: Data([0xEF, 0xBB, 0xBF]) + Data(page("", "Ražotājs ąčęėįšųū").utf8), encoding: "utf-8", source: "bom"),
        Case(name: "utf-16le with BOM", bytes: Data([0xFF, 0xFE]) + encoded(page("", "Ražotājs ąčęėįšųū"), .utf16LittleEndian), encoding: "utf-16le", source: "bom"),
        Case(name: "utf-16be with BOM", bytes: Data([0xFE, 0xFF]) + encoded(page("", "Ražotājs ąčęėįšųū"), .utf16BigEndian), encoding: "utf-16be", source: "bom"),
        Case(name: "windows-1257 from meta charset", bytes: try! Samples.bytes("Ražotājs ąčęėįšųū", page("<meta charset=\"windows-1257\">", "%@"), "cp1257"), encoding: "windows-1257", source: "meta"),
        Case(name: "windows-1250 from http-equiv", bytes: try! Samples.bytes("Žluťoučký kůň ąćęłńśźż", page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\">", "%@"), "cp1250"), encoding: "windows-1250", source: "http-equiv"),
        Case(name: "iso-8859-2 from http-equiv", bytes: try! Samples.bytes("Zażółć gęślą jaźń", page("<meta http-equiv=\"content-type\" content=\"text/html;charset=ISO-8859-2\">", "%@"), "iso-8859-2"), encoding: "iso-8859-2", source: "http-equiv"),
        Case(name: "windows-1251 from meta charset", bytes: try! Samples.bytes("Кафемашина", page("<meta charset=windows-1251>", "%@"), "cp1251"), encoding: "windows-1251", source: "meta"),
    ]

    @Test(arguments: cases)
    func decodesAndRecordsTheEncoding(_ testCase: Case) {
        let sink = HTMLTestSupport.read(testCase.bytes)
        #expect(sink.encoding?.name == testCase.encoding)
        #expect(sink.encoding?.source == testCase.source)
        let title = sink.records.first?.fields.first { $0.role == .title }?.value
        #expect(title.map { !$0.contains("\u{FFFD}") && $0.unicodeScalars.contains { $0.value > 0x7F } } == true)
        #expect(!sink.diagnostics.contains { $0.code == .encodingInvalidBytes })
    }

    @Test func lithuanianWindows1257IsReadExactly() throws {
        let bytes = try Samples.bytes("Ražotājs ąčęėįšųū", Self.page("<meta charset=\"windows-1257\">", "%@"), "cp1257")
        let title = HTMLTestSupport.read(bytes).records.first?.fields.first { $0.role == .title }?.value
        #expect(title == "Ražotājs ąčęėįšųū")
    }

    @Test func invalidUTF8GivesADiagnosticNotACrash() {
        var bytes = Data(Self.page("<meta charset=\"utf-8\">", "Kaina ").utf8)
        bytes.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xFE, 0x80], at: bytes.count - 30)
        let sink = HTMLTestSupport.read(bytes)
        let diagnostic = sink.diagnostics.first { $0.code == .encodingInvalidBytes }
        #expect(diagnostic?.severity == .warning)
        #expect(diagnostic?.location.line == 1)
        #expect(sink.records.count == 1)
    }

    @Test func undeclaredSingleByteLatvianIsSniffed() throws {
        let bytes = try Samples.bytes("Velosipēdu ķivere, melna, svars 270 g, ražotājs Abus, krāsa melna", "<html lang=\"lv\"><body><h1>%@</h1><p class=\"price\">12,00</p></body></html>", "cp1257")
        let sink = HTMLTestSupport.read(bytes)
        #expect(sink.encoding?.source == "sniffed")
        #expect(sink.records.first?.fields.first { $0.role == .title }?.value.contains("ķivere") == true)
    }

    @Test func unsupportedCharsetIsReported() {
        let sink = HTMLTestSupport.read(Self.page("<meta charset=\"shift_jis\">", "plain"))
        #expect(sink.diagnostics.contains { $0.code == .encodingUnsupported })
    }
}

/// Builds test pages in legacy encodings with Python-free, table-free encoding: Foundation knows these code pages.
enum Samples {
    struct Unencodable: Error {}

    static func bytes(_ text: String, _ template: String, _ codec: String) throws -> Data {
        let page = template.replacingOccurrences(of: "%@", with: text)
        let encoding: String.Encoding
        switch codec {
        case "cp1250": encoding = .windowsCP1250
        case "cp1251": encoding = .windowsCP1251
        case "iso-8859-2": encoding = .isoLatin2
        case "cp1257": return try windows1257(page)
        default: throw Unencodable()
        }
        guard let data = page.data(using: encoding) else { throw Unencodable() }
        return data
    }

    /// Foundation has no windows-1257 encoder on Linux; encode through Katalog's own code page table.
    static func windows1257(_ text: String) throws -> Data {
        var reverse: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8(0x80) ... UInt8(0xFF) {
            let decoded = TextDecoding.decode(Data([byte]), declared: "windows-1257")
            if let scalar = decoded.text.unicodeScalars.first, decoded.invalidSequences == 0 { reverse[scalar] = byte }
        }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else if let byte = reverse[scalar] { bytes.append(byte) } else { throw Unencodable() }
        }
        return Data(bytes)
    }
}
