import Foundation
import Testing
import KatalogCore
import KatalogReaders
import KatalogWriters
@testable import KatalogPipeline

/// Feeds published compressed (`feed.xml.gz`, `export.csv.xz`) import as their decompressed bytes would. Before, a
/// compressed feed was taken for a binary file and skipped with `input.unsupported`: nothing imported.
struct CompressedInputTests {
    static let csv = """
        Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Barkodas
        GZ-1;Kavos aparatas De'Longhi Magnifica S;De'Longhi;349,99;EUR;4006381333931
        GZ-2;Dviračio šalmas ABUS Macator;ABUS;59,90;EUR;4003318151204
        GZ-3;Elektrinis virdulys Bosch TWK;Bosch;39,00;EUR;

        """
    /// `csv` compressed by `xz` 5.4 and by `gzip -n` (no name, no time stamp), so no tool is needed to run the test.
    private static let xz = Data(base64Encoded: "/Td6WFoAAATm1rRGAgAhARYAAAB0L+Wj4AD9AMpdACgciKbfabQ9vlHCadBpuhuH1sNJ5v0jnYLM/dmL5UBIWrdOW76rb03hLLHG/Vz8siCDTsUIc7qTOla99NJlie2VJjbAta+8+vY3uApZtOhK6221QI0LhPWFcsdyn9xSO1q+D5+eSkXhZF5YvFY30eGyuVJcxqCOT7Tt0+884P0mBo7f0eNKepJCs07UtrY+Yld6OLi0cbTC7HTmwkshi5SL0hqbV0L5/DXtCymCbuLFGh6t+Ol7xXh7hJY1jv6kpWKb+7tbgGuC7QAAAAB5kxxHXAPHFgAB5gH+AQAAUQ5TWbHEZ/sCAAAAAARZWg==")!
    static let gzip = Data(base64Encoded: "H4sIAAAAAAAAAz3PvW7CMBAH8J2nuI2FSjYXKqybiEAMUAmVAhLbKQlwJNiVbSL1ITp37rvQ96pDVbb/feinu5Wv6ttXgNqVHGjFLZdi5ZLynC9iozunuGCxTFtu5BqZcvb37d58/6TTrHUB+J09Rw4wrfpLZ48ngRc+WjlIwbCmR5cwMwNjaLZ5pUypZxxrRDSoO2xI01Y83z7Fwc83N+kKmOSbdaIKjs5TV9AoAeofQNRjPdJDlXUA0qyp6ujTBwESVV6bjwC5C8UJ3nYLuidCM1B/QO8Xrl08Of4AAAA=")!

    /// Imports `files` (name → bytes) from one folder; the catalog's lines with the folder's path taken out.
    static func catalog(_ files: [String: Data]) throws -> (lines: [String], report: ImportReport, diagnostics: [[String: Any]]) {
        let folder = try TestSupport.temporaryDirectory()
        for (name, bytes) in files { try bytes.write(to: folder.appendingPathComponent(name)) }
        let out = try TestSupport.temporaryDirectory()
        let output = try CatalogOutput(directory: out)
        let report = try ImportPipeline(jobs: 2).run([folder.path], into: output)
        try output.finish(summary: report)
        let jsonl = try String(decoding: Data(contentsOf: out.appendingPathComponent("catalog.jsonl")), as: UTF8.self)
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
        return (jsonl.replacingOccurrences(of: folder.path + "/", with: "").split(separator: "\n").map(String.init), report,
                written?["diagnostics"] as? [[String: Any]] ?? [])
    }

    /// Decompressed copies of a file named `inner` left in the temporary folder (other tests spool at the same time,
    /// so only this test's own names count).
    static func spoolLeftovers(named inner: String) throws -> [String] {
        let temporary = NSTemporaryDirectory()
        return try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("katalog-spool-") }.filter {
            FileManager.default.fileExists(atPath: (temporary as NSString).appendingPathComponent($0) + "/" + inner)
        }
    }

    @Test func gzipAndXZFilesImportAsThePlainFileDoes() throws {
        let name = "compressed-input-test.csv"
        let plain = try Self.catalog([name: Data(Self.csv.utf8)])
        let gzipped = try Self.catalog([name + ".gz": Self.gzip])
        let xzipped = try Self.catalog([name + ".xz": Self.xz])
        #expect(plain.lines.count == 3)
        #expect(gzipped.lines == plain.lines.map { $0.replacingOccurrences(of: name, with: name + ".gz") })
        #expect(xzipped.lines == plain.lines.map { $0.replacingOccurrences(of: name, with: name + ".xz") })
        for compressed in [gzipped, xzipped] {
            #expect(compressed.report.files.map(\.kind) == [.csv])
            #expect(compressed.report.files.map(\.records) == plain.report.files.map(\.records))
            #expect(compressed.report.files.map(\.unreadable) == [false])
        }
        #expect(try Self.spoolLeftovers(named: name).isEmpty, "the decompressed copies are removed after the import")
    }

    @Test func aCompressedFileIsRecognisedByItsBytesNotItsName() throws {
        let result = try Self.catalog(["nightly-export": Self.gzip])
        #expect(result.lines.count == 3)
        #expect(result.report.files.map(\.kind) == [.csv])
    }

    @Test func aCutShortGzipKeepsTheRecordsBeforeTheCutAndSaysSo() throws {
        // Enough rows that the first part decompresses before the cut.
        let rows = (1...20_000).map { "CUT-\($0);Kavos aparatas De'Longhi Magnifica S #\($0 * 7919 % 100_003);De'Longhi;\($0),99;EUR;" }
        let whole = Data((["Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Barkodas"] + rows).joined(separator: "\n").utf8)
        let folder = try TestSupport.temporaryDirectory()
        let plain = folder.appendingPathComponent("feed.csv")
        try whole.write(to: plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-n", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try Data(contentsOf: folder.appendingPathComponent("feed.csv.gz"))
        #expect(compressed.count > 20_000)

        let result = try Self.catalog(["feed.csv.gz": compressed.prefix(compressed.count / 2)])
        let file = try #require(result.report.files.first)
        #expect(file.unreadable)
        #expect(file.codes[.inputCompressedDamaged] == 1)
        #expect((5_000..<20_000).contains(result.lines.count), "the rows before the cut are imported")
        #expect(file.records.read == result.lines.count + file.records.rejected)
        let damage = try #require(result.diagnostics.first { $0["code"] as? String == "input.compressed-damaged" })
        #expect(damage["severity"] as? String == "error")
        #expect((damage["message"] as? String)?.contains("feed.csv.gz: the compressed data ends early or is corrupt") == true)
    }

    @Test func aDecompressionBombIsRefusedAtItsLimit() throws {
        let folder = try TestSupport.temporaryDirectory()
        let source = folder.appendingPathComponent("bomb.csv.gz").path
        try Self.gzip.write(to: URL(fileURLWithPath: source))
        #expect(throws: InputSpool.SpoolFailure.self) {
            _ = try InputSpool(decompressing: source, format: .gzip, name: "bomb.csv.gz", compressedSize: Self.gzip.count, limit: 100)
        }
        let spool = try InputSpool(decompressing: source, format: .gzip, name: "bomb.csv.gz", compressedSize: Self.gzip.count, limit: 10_000)
        #expect(spool.byteCount == Self.csv.utf8.count)
        #expect((spool.path as NSString).lastPathComponent == "bomb.csv")
        #expect(InputSpool.decompressedLimit(compressedSize: 100) == 1 << 30)
        #expect(InputSpool.decompressedLimit(compressedSize: 10 << 20) == 250 * (10 << 20))
    }

    @Test(arguments: [("feed.xml.gz", "feed.xml"), ("export.CSV.GZ", "export.CSV"), ("prices.csv.xz", "prices.csv"),
                      ("backup.tgz", "backup.tar"), ("nightly", "nightly"), (".gz", ".gz")])
    func theFileInsideIsNamedWithoutTheCompressionExtension(name: String, inner: String) {
        #expect(CompressedFile.innerName(of: name) == inner)
    }

    @Test func formatsAreToldByTheirFirstBytes() {
        #expect(CompressedFile.format(prefix: Self.gzip) == .gzip)
        #expect(CompressedFile.format(prefix: Self.xz) == .xz)
        #expect(CompressedFile.format(prefix: Data(Self.csv.utf8)) == nil)
        #expect(CompressedFile.format(prefix: [0x1F]) == nil)
    }
}
