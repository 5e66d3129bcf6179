// The CSV/TSV tokenizer and dialect sniffer, then the CSV reader (platform shapers included) and the whole
// pipeline. Invariants: the tokenizer gives the same rows however the bytes are split into chunks (the reader
// feeds 1 MiB chunks, so a row may straddle any boundary); rows' lines count up; caps hold; the sniffer picks one
// of its candidates; records located in the file; read = imported + rejected.
import FuzzSupport
import KatalogCore
@testable import KatalogReaders

/// What a tokenized row is, for comparison.
struct RowImage: Equatable {
    var fields: [String]
    var line: Int
    var unterminatedQuoteLine: Int?
    var strayQuotes: Int
    var oversizedFields: Int
    var truncatedCells: Int
    var droppedCells: Int
    var runawayQuoteLine: Int?

    init(_ row: CSVTokenizer.Row) {
        fields = row.fields
        line = row.line
        unterminatedQuoteLine = row.unterminatedQuoteLine
        strayQuotes = row.strayQuotes
        oversizedFields = row.oversizedFields
        truncatedCells = row.truncatedCells
        droppedCells = row.droppedCells
        runawayQuoteLine = row.runawayQuoteLine
    }
}

/// Tokenizes `bytes` on `delimiter`, fed in chunks whose sizes cycle through `chunkSizes`.
func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, chunkSizes: [Int]) -> [RowImage] {
    var tokenizer = CSVTokenizer(delimiter: delimiter)
    var rows: [RowImage] = []
    var offset = 0, turn = 0
    while offset < bytes.count {
        let size = min(max(1, chunkSizes[turn % chunkSizes.count]), bytes.count - offset)
        turn += 1
        tokenizer.feed(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + size)])) { rows.append(RowImage($0)) }
        offset += size
    }
    tokenizer.finish { rows.append(RowImage($0)) }
    return rows
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    let bytes = raw.bindMemory(to: UInt8.self)

    // The sniffer, on the whole input and on a cut prefix.
    let delimiter = CSVDialectSniffer.delimiter(forPrefix: bytes, endsInput: true, preferTab: false)
    invariant(CSVDialectSniffer.candidates.contains(delimiter), "the sniffer chose \(delimiter)")
    let cut = UnsafeBufferPointer(rebasing: bytes[0..<(bytes.count / 2)])
    _ = CSVDialectSniffer.delimiter(forPrefix: cut, endsInput: false, preferTab: true)
    let shape = CSVDialectSniffer.shape(of: bytes, delimiter: delimiter, endsInput: true)
    invariant(shape.rows.count <= CSVDialectSniffer.maximumRows, "the sniffer looked at \(shape.rows.count) rows")

    // The tokenizer: one chunk, then byte by byte and in odd sizes, must agree.
    let whole = tokenize(bytes, delimiter: delimiter, chunkSizes: [max(1, bytes.count)])
    let split = tokenize(bytes, delimiter: delimiter, chunkSizes: [1, 7, 2, 64, 3])
    invariant(whole == split, "chunking changed the rows:\n\(whole)\nvs\n\(split)")
    var previousLine = 0
    for row in whole {
        invariant(row.line >= 1 && row.line >= previousLine, "row line \(row.line) after \(previousLine)")
        previousLine = row.line
        invariant(row.fields.count <= CSVTokenizer.maximumCells, "a row of \(row.fields.count) cells")
        invariant(row.fields.allSatisfy { $0.utf8.count <= CSVTokenizer.maximumFieldBytes + 3 }, "a cell over the cap")
    }

    // The reader (it sniffs again, then shapes platform exports) and the pipeline.
    readChecked(raw, named: "rows.csv", kind: .csv, with: CSVReader())
    readChecked(raw, named: "rows.tsv", kind: .tsv, with: CSVReader())
    PipelineCheck.run(path: ScratchInput.folder + "/rows.csv")
    return 0
}
