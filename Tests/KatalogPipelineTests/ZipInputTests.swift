import Foundation
import Testing
import KatalogCore
import KatalogReaders
import KatalogTestSupport
@testable import KatalogPipeline

/// Zipped feeds and exports (`feed.zip`) import member by member, as their files would. Before, a zip archive was
/// taken for a binary file and skipped with `input.unsupported`: nothing imported.
struct ZipInputTests {
    private static let csv = CompressedInputTests.csv
    /// `csv` as `export/prekes.csv`, deflated by Python's `zipfile` (zlib), so no tool is needed to run the test.
    private static let deflated = Data(base64Encoded: "UEsDBBQAAAAIAAAAh12uXTw5zgAAAP4AAAARAAAAZXhwb3J0L3ByZWtlcy5jc3Y9z71uwjAQB/Cdp7iNhUo2Fyqsm4hADFAJlQIS2ykJcCTYlW0i9SE6d+670PeqQ1W2/33op7uVr+rbV4DalRxoxS2XYuWS8pwvYqM7p7hgsUxbbuQamXL29+3efP+k06x1AfidPUcOMK36S2ePJ4EXPlo5SMGwpkeXMDMDY2i2eaVMqWcca0Q0qDtsSNNWPN8+xcHPNzfpCpjkm3WiCo7OU1fQKAHqH0DUYz3SQ5V1ANKsqero0wcBElVem48AuQvFCd52C7onQjNQf0DvF1BLAQIUAxQAAAAIAAAAh12uXTw5zgAAAP4AAAARAAAAAAAAAAAAAACAAQAAAABleHBvcnQvcHJla2VzLmNzdlBLBQYAAAAAAQABAD8AAAD9AAAAAAA=")!

    private func message(_ code: String, in result: (lines: [String], report: ImportReport, diagnostics: [[String: Any]])) -> String? {
        result.diagnostics.first { $0["code"] as? String == code }?["message"] as? String
    }

    @Test func deflatedAndStoredMembersImportAsThePlainFileDoes() throws {
        let plain = try CompressedInputTests.catalog(["prekes.csv": Data(Self.csv.utf8)])
        let deflated = try CompressedInputTests.catalog(["export.zip": Self.deflated])
        let stored = try CompressedInputTests.catalog(["export.zip": Data(ZipBuilder([.init("export/prekes.csv", Self.csv)]).bytes)])
        #expect(plain.lines.count == 3)
        for zipped in [deflated, stored] {
            #expect(zipped.lines == plain.lines.map { $0.replacingOccurrences(of: "prekes.csv", with: "export.zip/export/prekes.csv") })
            #expect(zipped.report.files.map(\.kind) == [.csv])
            #expect(zipped.report.files.map(\.records) == plain.report.files.map(\.records))
            #expect(zipped.report.files.map(\.unreadable) == [false])
        }
        #expect(try CompressedInputTests.spoolLeftovers(named: "prekes.csv").isEmpty, "the extracted copies are removed after the import")
    }

    @Test func membersAreReadInNameOrderAndFoldersLinksAndMacOSExtrasAreSkipped() throws {
        let archive = ZipBuilder([
            .init("b/second.csv", Self.csv),
            .init("a-first.csv", Self.csv.replacingOccurrences(of: "GZ-", with: "ZIP-")),
            .init("b/", ""),
            .init("__MACOSX/b/._second.csv", "\u{0}\u{5}\u{16}\u{7} resource fork"),
            .init(".DS_Store", "Bud1"),
            .init("link.csv", "a-first.csv", unixMode: 0o120777),
        ])
        let result = try CompressedInputTests.catalog(["feeds.zip": Data(archive.bytes)])
        #expect(result.report.files.map { $0.file.components(separatedBy: "feeds.zip/").last } == ["a-first.csv", "b/second.csv"])
        #expect(result.lines.count == 6)
        #expect(result.diagnostics.allSatisfy { $0["code"] as? String != "input.unsupported" })
    }

    @Test func aMemberThatCannotBeReadIsReportedAndTheOthersImport() throws {
        let archive = ZipBuilder([
            .init("bzip2.csv", Self.csv, method: 12),
            .init("secret.csv", Self.csv, flags: 0x801),
            .init("plain.csv", Self.csv),
        ])
        let result = try CompressedInputTests.catalog(["mixed.zip": Data(archive.bytes)])
        #expect(result.lines.count == 3)
        let unreadable = result.report.files.filter(\.unreadable).map { ($0.file as NSString).lastPathComponent }
        #expect(unreadable == ["bzip2.csv", "secret.csv"])
        let messages = result.diagnostics.filter { $0["code"] as? String == "input.unreadable" }.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("mixed.zip/bzip2.csv cannot be read: it is compressed with zip method 12 (bzip2)") })
        #expect(messages.contains { $0.contains("mixed.zip/secret.csv cannot be read: it is encrypted") })
    }

    @Test func aMemberWhoseBytesDoNotMatchItsCRCIsDamaged() throws {
        let result = try CompressedInputTests.catalog(["crc.zip": Data(ZipBuilder([.init("prekes.csv", Self.csv, crc: 0xDEAD_BEEF)]).bytes)])
        let file = try #require(result.report.files.first)
        #expect(file.unreadable)
        #expect(file.codes[.inputCompressedDamaged] == 1)
    }

    @Test func aMemberLongerThanItsDeclaredSizeIsRefusedAsItComes() throws {
        // Large enough that the first read ends before the data does: a short member is caught by its trailer instead.
        let rows = (1...5_000).map { "LIE-\($0);Kavos aparatas De'Longhi Magnifica S;De'Longhi;\($0),99;EUR;" }
        let text = (["Prekės kodas;Pavadinimas;Gamintojas;Kaina;Valiuta;Barkodas"] + rows).joined(separator: "\n")
        let result = try CompressedInputTests.catalog(["lies.zip": Data(ZipBuilder([.init("prekes.csv", text, declaredSize: 40)]).bytes)])
        #expect(result.lines.isEmpty)
        #expect(message("input.unreadable", in: result)?.contains("it decompresses to more than the 40 bytes its archive declares") == true)

        let short = try CompressedInputTests.catalog(["short.zip": Data(ZipBuilder([.init("prekes.csv", Self.csv, declaredSize: 40)]).bytes)])
        #expect(short.lines.isEmpty)
        #expect(short.report.files.first?.codes[.inputCompressedDamaged] == 1)
    }

    @Test func archivesShapedLikeBombsAreRefusedWhole() throws {
        let huge = ZipBuilder([.init("a.csv", Self.csv, declaredSize: 600 << 20), .init("b.csv", Self.csv, declaredSize: 600 << 20)])
        let declared = try CompressedInputTests.catalog(["huge.zip": Data(huge.bytes)])
        #expect(declared.report.files.map(\.unreadable) == [true])
        #expect(message("input.unreadable", in: declared)?.contains("its members declare more than 1073741824 bytes in all") == true)

        var overlapping = ZipBuilder([.init("a.csv", Self.csv), .init("b.csv", Self.csv)])
        overlapping.entries[1].sharesDataWith = 0
        let shared = try CompressedInputTests.catalog(["overlap.zip": Data(overlapping.bytes)])
        #expect(shared.lines.isEmpty)
        #expect(message("input.unreadable", in: shared)?.contains("its members overlap") == true)
    }

    @Test func aCutShortArchiveIsUnreadable() throws {
        let bytes = ZipBuilder([.init("prekes.csv", Self.csv)]).bytes
        let result = try CompressedInputTests.catalog(["cut.zip": Data(bytes.prefix(bytes.count / 2))])
        #expect(result.report.files.map(\.unreadable) == [true])
        #expect(message("input.unreadable", in: result)?.contains("cut.zip cannot be read: it has no zip end record") == true)
    }

    @Test func zip64SizesAndOffsetsAreRead() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("big.zip").path
        try Data(ZipBuilder([.init("first.csv", Self.csv), .init("second.csv", Self.csv)], zip64: true).bytes).write(to: URL(fileURLWithPath: path))
        let archive = try ZipArchive(path: path)
        #expect(archive.members.map { String(decoding: $0.nameBytes, as: UTF8.self) } == ["first.csv", "second.csv"])
        #expect(archive.members.map(\.uncompressedSize) == [Self.csv.utf8.count, Self.csv.utf8.count])
        #expect(archive.members[1].localHeaderOffset > archive.members[0].localHeaderOffset + Self.csv.utf8.count)
        let result = try CompressedInputTests.catalog(["big.zip": try Data(contentsOf: URL(fileURLWithPath: path))])
        #expect(result.lines.count == 6)
    }

    @Test func aNameThatIsNotUTF8IsShownEscapedAndAGzipMemberIsDecompressed() throws {
        // "prekės.csv" in windows-1257 (ė = 0xEB), as an old Windows zip tool stores it, without the UTF-8 flag.
        let legacy = Array("prek".utf8) + [0xEB] + Array("s.csv".utf8)
        let archive = ZipBuilder([
            .init(name: legacy, data: Array(Self.csv.utf8), flags: 0),
            .init(name: Array("nested/feed.csv.gz".utf8), data: Array(CompressedInputTests.gzip)),
        ])
        let result = try CompressedInputTests.catalog(["legacy.zip": Data(archive.bytes)])
        #expect(result.report.files.map { $0.file.components(separatedBy: "legacy.zip/").last } == ["nested/feed.csv.gz", "prek\\xEBs.csv"])
        #expect(result.report.files.map(\.kind) == [.csv, .csv])
        #expect(result.lines.count == 6)
    }

    @Test func anArchiveIsToldByItsBytesNotItsName() throws {
        let result = try CompressedInputTests.catalog(["nightly-export": Self.deflated, "empty.zip": Data(ZipBuilder([]).bytes)])
        #expect(result.report.files.map(\.file).map { $0.components(separatedBy: "/").suffix(3).joined(separator: "/") } == ["nightly-export/export/prekes.csv"])
        #expect(result.lines.count == 3)
        #expect(ZipArchive.isArchive(prefix: Self.deflated))
        #expect(!ZipArchive.isArchive(prefix: Data(Self.csv.utf8)))
    }

    @Test func anOfficeDocumentIsOneWarningNotItsPartsReadAsFeeds() throws {
        let binaryWorkbook = ZipBuilder([.init("[Content_Types].xml", "<Types/>"), .init("xl/workbook.bin", "\u{1}"), .init("xl/worksheets/sheet1.bin", "\u{2}")])
        let calc = ZipBuilder([.init("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), .init("content.xml", "<office:document-content/>")])
        let letter = ZipBuilder([.init("[Content_Types].xml", "<Types/>"), .init("word/document.xml", "<w:document/>")])
        let result = try CompressedInputTests.catalog([
            "kainos.xlsb": Data(binaryWorkbook.bytes), "kainos.ods": Data(calc.bytes), "laiskas.docx": Data(letter.bytes), "prekes.csv": Data(Self.csv.utf8),
        ])
        #expect(result.lines.count == 3, "the CSV beside them imports")
        let warnings = result.diagnostics.filter { $0["code"] as? String == "input.unsupported" }.compactMap { $0["message"] as? String }
        #expect(warnings.count == 3)
        #expect(warnings.contains { $0.contains("kainos.xlsb is a binary Excel workbook (.xlsb)") && $0.hasSuffix("Save it as .xlsx, or the sheet as CSV (UTF-8), from the spreadsheet program and import that file.") })
        #expect(warnings.contains { $0.contains("an OpenDocument file") && $0.contains("If it is a spreadsheet, save the sheet as CSV") })
        // A Word document has no sheet to save.
        #expect(warnings.contains { $0.contains("laiskas.docx is a Word document (.docx)") && $0.hasSuffix("It holds no product data Katalog can read.") })
        #expect(!result.diagnostics.contains { $0["code"] as? String == "feed.no-items" }, "no part is read as a feed")
        #expect(result.report.files.filter { $0.file.hasSuffix(".xml") || $0.file.hasSuffix(".bin") }.isEmpty)
    }

    @Test func anExcelWorkbooksVisibleSheetsAreInputsOfTheirOwn() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples/feeds/kainorastis-2026-12.xlsx")
        let result = try CompressedInputTests.catalog(["kainos.xlsx": try Data(contentsOf: sample)])
        let files = result.report.files.map(\.file).map { ($0 as NSString).lastPathComponent }
        // Tab order; the hidden tab is reported in its place, not read.
        #expect(files == ["Kavos aparatai", "Arbata", "Sąrašai", "Sheet3"])
        #expect(result.report.files.map(\.records.read) == [4, 2, 0, 0])
        #expect(result.report.files.map(\.kind) == [.xlsx, .xlsx, .unknown, .xlsx])
        let totals = result.report.totalRecords
        #expect(totals.read == 6 && totals.imported == 5 && totals.rejected == 1)
        let codes = Set(result.diagnostics.compactMap { $0["code"] as? String })
        #expect(codes.isSuperset(of: ["xlsx.sheet-hidden", "xlsx.sheet-empty", "xlsx.cell-error", "csv.preamble"]))
        let coffee = try #require(result.lines.first { $0.contains("KA-1004") })
        #expect(coffee.contains(#""amount":"15.26""#) && coffee.contains(#""line":7"#) && coffee.contains("kainos.xlsx/Kavos aparatai"))
        #expect(coffee.contains(#""value":"9%""#) && coffee.contains(#""value":"2026-12-01""#))
    }

    /// A supplier's zip of price lists, or a gzipped workbook: the workbook's sheets are read from its extracted
    /// copy, in its place among the members, as they are beside the archive (the workbook used to be removed
    /// before its sheets were read: nothing of it imported).
    @Test func aWorkbookInAnArchiveOrCompressedIsReadSheetBySheet() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples/feeds/kainorastis-2026-12.xlsx")
        let workbook = Array(try Data(contentsOf: sample))
        let archive = ZipBuilder([
            .init(name: Array("kainos/zip-workbook-test.xlsx".utf8), data: workbook),
            .init("prekes.csv", Self.csv),
        ])
        let beside = try CompressedInputTests.catalog(["zip-workbook-test.xlsx": Data(workbook)])
        let zipped = try CompressedInputTests.catalog(["tiekejas.zip": Data(archive.bytes)])
        let names = zipped.report.files.map { $0.file.components(separatedBy: "tiekejas.zip/").last ?? $0.file }
        #expect(names == ["kainos/zip-workbook-test.xlsx/Kavos aparatai", "kainos/zip-workbook-test.xlsx/Arbata",
                          "kainos/zip-workbook-test.xlsx/Sąrašai", "kainos/zip-workbook-test.xlsx/Sheet3", "prekes.csv"])
        #expect(zipped.report.files.map(\.records.read) == [4, 2, 0, 0, 3])
        // The sheets give what the workbook beside the archive gives, line for line.
        let sheetLines = zipped.lines.filter { $0.contains("zip-workbook-test.xlsx/") }
        #expect(sheetLines == beside.lines.map { $0.replacingOccurrences(of: "zip-workbook-test.xlsx/", with: "tiekejas.zip/kainos/zip-workbook-test.xlsx/") })
        #expect(sheetLines.count == 5)
        #expect(zipped.diagnostics.contains { $0["code"] as? String == "xlsx.sheet-hidden" })

        let gzipped = try CompressedInputTests.catalog(["zip-workbook-test.xlsx.gz": try Self.gzip(workbook)])
        #expect(gzipped.report.files.map(\.records.read) == [4, 2, 0, 0])
        #expect(gzipped.lines == beside.lines.map { $0.replacingOccurrences(of: "zip-workbook-test.xlsx/", with: "zip-workbook-test.xlsx.gz/") })
        #expect(try CompressedInputTests.spoolLeftovers(named: "zip-workbook-test.xlsx").isEmpty, "the copies are removed after the import")
    }

    /// `bytes` gzipped by the system's gzip.
    private static func gzip(_ bytes: [UInt8]) throws -> Data {
        let folder = try TestSupport.temporaryDirectory()
        let file = folder.appendingPathComponent("workbook")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-kn", file.path]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: folder.appendingPathComponent("workbook.gz"))
    }

    @Test func anArchiveOfFeedsIsNoOfficeDocument() {
        #expect(ArchiveListing.officeDocument(named: [Array("feed.xml".utf8), Array("content.xml".utf8)]) == nil)
        #expect(ArchiveListing.officeDocument(named: [Array("[Content_Types].xml".utf8), Array("export/prekes.csv".utf8)]) == nil)
        #expect(ArchiveListing.officeDocument(named: [Array("[Content_Types].xml".utf8), Array("xl/workbook.bin".utf8)])?.what == "a binary Excel workbook (.xlsb)")
        // An .xlsx is read, sheet by sheet.
        #expect(ArchiveListing.isExcelWorkbook(named: [Array("[Content_Types].xml".utf8), Array("xl/workbook.xml".utf8)]))
        #expect(!ArchiveListing.isExcelWorkbook(named: [Array("xl/workbook.xml".utf8)]))
    }
}
