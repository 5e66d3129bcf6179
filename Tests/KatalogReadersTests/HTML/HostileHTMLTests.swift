import Foundation
import Testing
import KatalogCore
@testable import KatalogReaders
import KatalogTestSupport

@Suite("Hostile HTML")
struct HostileHTMLTests {
    @Test(arguments: [300, 50_000])
    func deeplyNestedPagesFinish(depth: Int) throws {
        let html = "<html><body><h1>Deep</h1><p class=\"price\">9,99 €</p>" + String(repeating: "<div><span>", count: depth) + "<p>Waga: 1 kg</p>" + String(repeating: "</span></div>", count: depth) + "</body></html>"
        let sink = HTMLTestSupport.read(html, reader: HTMLPageReader(maxDepth: 128))
        let record = try #require(sink.records.first)
        #expect(record.fields.first { $0.role == .title }?.value == "Deep")
        #expect(sink.diagnostics.contains { $0.code == .htmlTooDeep || $0.code == .htmlRecovered })
    }

    @Test func deeplyNestedJSONLDIsAnErrorNotACrash() {
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let sink = HTMLTestSupport.read("<html><head><script type=\"application/ld+json\">\(json)</script></head><body><h1>X</h1><p class=\"price\">9,99 €</p></body></html>")
        #expect(sink.diagnostics.contains { $0.code == .jsonLDInvalid && $0.message.contains("nested") })
        #expect(sink.records.count == 1)
    }

    @Test func hugePagesAreReadAndOversizedOnesCut() throws {
        let row = "<tr><th>Parametr</th><td>wartość 12345</td></tr>\n"
        let html = "<html><body><h1>Duża strona</h1><table>" + String(repeating: row, count: 60_000) + "</table></body></html>"
        #expect(html.utf8.count > 2_500_000)
        let sink = HTMLTestSupport.read(html)
        #expect(try #require(sink.records.first).fields.filter { $0.origin == .specTable }.count == 60_000)

        let cut = HTMLTestSupport.read(html, reader: HTMLPageReader(maxBytes: 100_000))
        #expect(cut.diagnostics.contains { $0.code == .htmlTruncated })
        #expect(cut.records.first?.fields.first { $0.role == .title }?.value == "Duża strona")
    }

    @Test func externalEntitiesAndLocalFilesAreNeverRead() throws {
        let html = """
        <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <html><head><link rel="stylesheet" href="file:///etc/passwd"></head>
        <body><h1>Produkt &xxe;</h1><iframe src="file:///etc/hostname"></iframe><p>Kod: A1</p></body></html>
        """
        let sink = HTMLTestSupport.read(html)
        let text = sink.records.flatMap(\.fields).map(\.value).joined(separator: "\n")
        #expect(!text.contains("root:"))
        #expect(sink.records.count == 1)
    }

    @Test func binaryGarbageDoesNotCrash() {
        var generator = SeededGenerator()
        let bytes = Data((0 ..< 200_000).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
        let sink = HTMLTestSupport.read(Data("<html><body>".utf8) + bytes)
        #expect(sink.records.count <= 1)
    }

    @Test func libxml2NeverWritesToStderr() throws {
        let broken = "<html><body><div><p>unclosed <b>bold</i></div></span>&bogus; <table><td>x</table>\u{0}</body>"
        let output = try StandardErrorCapture.capture {
            for _ in 0 ..< 20 { _ = HTMLTestSupport.read(broken) }
            _ = XMLDocument(data: Data("<a><b></a>&undefined;".utf8))
        }
        #expect(!output.contains("parser error"))
        #expect(!output.contains("HTML parser"))
        #expect(!output.contains("Opening and ending tag mismatch"))
    }

    @Test func parserMessagesBecomeDiagnosticsWithLines() {
        let sink = HTMLTestSupport.read("<html><body>\n<h1>T</h1>\n<div>\n</span>\n</div></body></html>")
        let recovered = sink.diagnostics.filter { $0.code == .htmlRecovered }
        #expect(recovered.contains { $0.location.line == 4 && $0.message.contains("span") })
    }
}

/// Redirects file descriptor 2 to a temporary file while `body` runs and returns what was written.
enum StandardErrorCapture {
    static func capture(_ body: () throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-stderr-\(UUID().uuidString)").path
        let file = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        guard file >= 0 else { return "" }
        let saved = dup(2)
        dup2(file, 2)
        defer {
            dup2(saved, 2)
            close(saved)
            close(file)
            unlink(path)
        }
        try body()
        fsync(2)
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
