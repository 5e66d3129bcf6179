/// Finds a delimited file's delimiter from its first rows: the candidate (`;` `,` TAB `|`) that splits the
/// most rows, quote-aware, into the same number (≥ 2) of fields. Semicolon wins ties, as spreadsheets in
/// decimal-comma locales export with it. Falls back to `;`-then-`,` by the header's counts, and TAB for `.tsv`.
enum CSVDialectSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: "|")]

    static func delimiter(forPrefix prefix: [UInt8], preferTab: Bool) -> UInt8 {
        var best: (delimiter: UInt8, score: Int)?
        for candidate in candidates {
            var tokenizer = CSVTokenizer(delimiter: candidate)
            var counts: [Int] = []
            prefix.withUnsafeBufferPointer { buffer in
                tokenizer.feed(buffer) { row in
                    if counts.count < 50, !(row.fields.count == 1 && row.fields[0].isEmpty) { counts.append(row.fields.count) }
                }
            }
            // The last row may be cut off by the end of the prefix, so it does not vote (unless it is alone).
            guard let header = counts.first, header >= 2 else { continue }
            let voters = counts.count > 2 ? Array(counts.dropFirst().dropLast()) : counts
            let consistent = voters.filter { $0 == header }.count
            var score = consistent * 1000 / max(voters.count, 1) * 100 + min(header, 99)
            if preferTab && candidate == UInt8(ascii: "\t") { score += 1_000_000 }
            if score > (best?.score ?? Int.min) { best = (candidate, score) }
        }
        return best?.delimiter ?? (preferTab ? UInt8(ascii: "\t") : UInt8(ascii: ","))
    }
}
