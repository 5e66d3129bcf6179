/// Finds a delimited file's delimiter from its first rows: the candidate (`;` `,` TAB `|`) that splits the
/// most rows, quote-aware, into the same number (≥ 2) of fields. Semicolon wins ties, as spreadsheets in
/// decimal-comma locales export with it. Falls back to `,` (TAB for `.tsv`).
///
/// It counts delimiters rather than building cells, so a prefix costs no memory beyond itself, and it decides
/// on what the prefix holds: a header wider than the prefix (100,000 columns) is judged by its cut first row,
/// a first data row cut by the prefix (a 64 MB cell) does not vote.
enum CSVDialectSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: "|")]
    /// Rows looked at, at most.
    static let maximumRows = 50

    /// The cell counts of a prefix's first rows on one delimiter.
    struct Shape: Equatable {
        /// Cell counts of the rows that end (at a line break outside quotes) within the prefix; blank lines skipped.
        var rows: [Int] = []
        /// Cell count of the row the prefix ends in, when it holds anything.
        var cut: Int?
        /// Bytes of the row the prefix ends in.
        var cutBytes = 0
    }

    /// Counts cells per row on `delimiter`, quote-aware (as `CSVTokenizer` reads them), over `prefix`. When
    /// `endsInput`, the prefix is the whole input and its last row, line break or not, is complete.
    static func shape(of prefix: UnsafeBufferPointer<UInt8>, delimiter: UInt8, endsInput: Bool, maximumRows: Int = maximumRows) -> Shape {
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var shape = Shape()
        var cells = 1, rowBytes = 0
        var inQuotes = false, pendingQuote = false, atCellStart = true, lastWasCR = false
        var index = 0
        while index < prefix.count, shape.rows.count < maximumRows {
            let byte = prefix[index]
            index += 1
            if lastWasCR {
                lastWasCR = false
                if byte == lf { continue }
            }
            rowBytes += 1
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if byte == quote { continue }
                    inQuotes = false // closing quote: this byte is read outside quotes
                } else {
                    if byte == quote { pendingQuote = true }
                    continue
                }
            }
            switch byte {
            case delimiter:
                cells += 1
                atCellStart = true
            case lf, cr:
                if !(cells == 1 && rowBytes == 1) { shape.rows.append(cells) }
                cells = 1
                rowBytes = 0
                atCellStart = true
                lastWasCR = byte == cr
            case quote where atCellStart:
                inQuotes = true
                atCellStart = false
            default:
                atCellStart = false
            }
        }
        if shape.rows.count < maximumRows, rowBytes > 0 {
            if endsInput {
                shape.rows.append(cells)
            } else {
                shape.cut = cells
                shape.cutBytes = rowBytes
            }
        }
        return shape
    }

    /// Excel's delimiter directive, a first line `sep=;` (also quoted, `"sep=;"`, any case, one byte after `=`),
    /// which exports made for Excel in decimal-comma locales start with: its delimiter and the bytes of the line,
    /// line break included; nil when the input does not start with one.
    static func separatorDirective(in prefix: UnsafeBufferPointer<UInt8>) -> (delimiter: UInt8, length: Int)? {
        var index = 0
        let quoted = prefix.first == UInt8(ascii: "\"")
        if quoted { index += 1 }
        let keyword = Array("sep=".utf8)
        guard prefix.count >= index + keyword.count + 1 else { return nil }
        for (offset, byte) in keyword.enumerated() where prefix[index + offset] | 0x20 != byte { return nil }
        index += keyword.count
        let delimiter = prefix[index]
        guard delimiter != UInt8(ascii: "\n"), delimiter != UInt8(ascii: "\r"), delimiter != UInt8(ascii: "\""), delimiter < 0x80 else { return nil }
        index += 1
        if quoted {
            guard index < prefix.count, prefix[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
        }
        if index < prefix.count, prefix[index] == UInt8(ascii: "\r") { index += 1 }
        guard index < prefix.count, prefix[index] == UInt8(ascii: "\n") else { return nil }
        return (delimiter, index + 1)
    }

    /// Title lines before the header, at most this many (`Kainoraštis 2026-12-01`, a supplier's name).
    static let maximumPreamble = 5

    /// How many of `rows` (the cell counts of complete rows, blank lines skipped) are a preamble: leading rows of
    /// one cell followed by a header of at least three cells and a row of as many; 0 when there is none.
    static func preamble(of rows: [Int]) -> Int {
        var leading = 0
        while leading < rows.count, leading < maximumPreamble, rows[leading] == 1 { leading += 1 }
        guard leading > 0, leading + 1 < rows.count, rows[leading] >= 3, rows[leading + 1] == rows[leading] else { return 0 }
        return leading
    }

    /// The shape's complete rows after its preamble, and the preamble's length.
    static func afterPreamble(_ shape: Shape) -> (rows: [Int], preamble: Int) {
        let skipped = preamble(of: shape.rows)
        return (Array(shape.rows.dropFirst(skipped)), skipped)
    }

    /// The delimiter of an input that starts with `prefix` (`endsInput`: the prefix is all of it).
    static func delimiter(forPrefix prefix: UnsafeBufferPointer<UInt8>, endsInput: Bool, preferTab: Bool) -> UInt8 {
        dialect(forPrefix: prefix, endsInput: endsInput, preferTab: preferTab).delimiter
    }

    /// The delimiter of an input that starts with `prefix`, and how many non-blank lines before its header are a
    /// preamble (`preamble(of:)`).
    static func dialect(forPrefix prefix: UnsafeBufferPointer<UInt8>, endsInput: Bool, preferTab: Bool) -> (delimiter: UInt8, preamble: Int) {
        var best: (delimiter: UInt8, preamble: Int, score: Int)?
        for candidate in candidates {
            let found = shape(of: prefix, delimiter: candidate, endsInput: endsInput)
            let (rows, skipped) = afterPreamble(found)
            let cut = found.cut
            // The header is the first row, even when the prefix ends inside it.
            guard let header = rows.first ?? cut, header >= 2 else { continue }
            // The row the prefix ends in may be cut anywhere, so it does not vote.
            let voters = rows.count > 1 ? Array(rows.dropFirst()) : [header]
            let consistent = voters.filter { $0 == header }.count
            var score = consistent * 1000 / voters.count * 10_000_000 + min(header, 9_999_999)
            if preferTab && candidate == UInt8(ascii: "\t") { score += 1 << 50 }
            if score > (best?.score ?? Int.min) { best = (candidate, skipped, score) }
        }
        return best.map { ($0.delimiter, $0.preamble) } ?? (preferTab ? UInt8(ascii: "\t") : UInt8(ascii: ","), 0)
    }
}
