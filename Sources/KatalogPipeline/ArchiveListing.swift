import KatalogReaders

/// The members of a zip input that are imported, each as an input of its own named `archive.zip/member/path`, in
/// the order of their names' UTF-8 bytes, as a folder's files are.
///
/// Folders, symbolic links and hidden members (a name part that starts with `.`, as in `__MACOSX/._feed.csv`, which
/// macOS adds to every archive it makes) are skipped, as a folder walk skips them. A name that is in the archive twice
/// is read once (`InputDiscovery.Problem.alreadyRead`). An archive whose members declare more bytes than a compressed
/// input may decompress to (`InputSpool.decompressedLimit(compressedSize:)`) is refused whole, as a likely bomb.
struct ArchiveListing {
    /// The members to import, with the inputs they stand for.
    let members: [(input: InputDiscovery.Input, member: ZipArchive.Member)]
    let problems: [InputDiscovery.Problem]
    /// What office document the zip is (`an Excel workbook (.xlsx)`) and what to do with it, told by its parts'
    /// names; nil for an archive.
    let officeDocument: (what: String, advice: String)?
    /// An Excel workbook (`.xlsx`): its worksheets are read (`WorkbookSheets`), not its members.
    let isExcelWorkbook: Bool

    /// Why an archive cannot be listed.
    struct Unreadable: Error {
        let reason: String
    }

    init(_ archive: InputDiscovery.Input) throws(Unreadable) {
        let contents: ZipArchive
        do { contents = try ZipArchive(path: archive.path) } catch { throw Unreadable(reason: "\(error)") }
        let limit = InputSpool.decompressedLimit(compressedSize: archive.byteCount)
        let (declared, overflow) = contents.members.reduce((0, false)) { sum, member in
            let (total, overflow) = sum.0.addingReportingOverflow(member.uncompressedSize)
            return (total, sum.1 || overflow)
        }
        guard !overflow, declared <= limit else {
            throw Unreadable(reason: "its members declare more than \(limit) bytes in all (the limit: 1 GiB or \(InputSpool.maximumRatio) times the archive's \(archive.byteCount) bytes); refused as a likely decompression bomb. Unzip it yourself to import it")
        }
        let names = Set(contents.members.map(\.nameBytes))
        isExcelWorkbook = Self.isExcelWorkbook(named: names)
        officeDocument = isExcelWorkbook ? nil : Self.officeDocument(named: names)
        var members: [(input: InputDiscovery.Input, member: ZipArchive.Member)] = []
        var problems: [InputDiscovery.Problem] = []
        var seen: Set<[UInt8]> = []
        let files = contents.members.filter { !$0.isFolderOrLink && !Self.isHidden($0.nameBytes) }
        for member in files.sorted(by: { $0.nameBytes.lexicographicallyPrecedes($1.nameBytes) }) {
            let bytes = Array(member.nameBytes.drop { $0 == UInt8(ascii: "/") })
            let name = String(validating: bytes, as: UTF8.self) ?? DirectoryEntry.escaped(bytes)
            let display = archive.displayPath + "/" + name
            guard seen.insert(bytes).inserted else {
                problems.append(.alreadyRead(display, firstPath: display))
                continue
            }
            members.append((InputDiscovery.Input(displayPath: display, path: archive.path, byteCount: member.uncompressedSize, isStream: false), member))
        }
        self.members = members
        self.problems = problems
    }

    /// Office Open XML packages hold `[Content_Types].xml` and their main part (`xl/workbook.xml`); OpenDocument
    /// files a `mimetype` and `content.xml`.
    static func officeDocument(named names: Set<[UInt8]>) -> (what: String, advice: String)? {
        func has(_ name: String) -> Bool { names.contains(Array(name.utf8)) }
        let saveAsCSV = "Save it as .xlsx, or the sheet as CSV (UTF-8), from the spreadsheet program and import that file."
        let noFeed = "It holds no product data Katalog can read."
        if has("[Content_Types].xml") {
            if has("xl/workbook.bin") { return ("a binary Excel workbook (.xlsb)", saveAsCSV) }
            if has("word/document.xml") { return ("a Word document (.docx)", noFeed) }
            if has("ppt/presentation.xml") { return ("a PowerPoint presentation (.pptx)", noFeed) }
        }
        if has("mimetype"), has("content.xml") { return ("an OpenDocument file (.ods, .odt)", "If it is a spreadsheet, save the sheet as CSV (UTF-8) and import that file.") }
        return nil
    }

    /// An Office Open XML package whose main part is a workbook.
    static func isExcelWorkbook(named names: Set<[UInt8]>) -> Bool {
        names.contains(Array("[Content_Types].xml".utf8)) && names.contains(Array(XLSXWorkbook.mainPartName.utf8))
    }

    /// Whether a part of the member's path starts with a dot.
    private static func isHidden(_ name: [UInt8]) -> Bool {
        name.split(separator: UInt8(ascii: "/")).contains { $0.first == UInt8(ascii: ".") }
    }
}
