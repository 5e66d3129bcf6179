/// An RFC 4180 state machine over UTF-8 bytes fed in chunks of any size.
///
/// Quoted fields may hold delimiters, `""` and line breaks; rows end at LF, CRLF or a lone CR outside quotes.
/// It is lenient where spreadsheets are sloppy: a quote inside an unquoted field is kept as a character, text
/// after a closing quote is appended (and counted in `strayQuotes`).
///
/// Memory is bounded whatever the input: a field longer than `maximumFieldBytes` is cut (counted in
/// `oversizedFields`), a row's cells keep at most `maximumRowBytes` of text between them (past that, cells stay in
/// place but empty: `truncatedCells`), and cells past `maximumCells` are dropped (`droppedCells`). The bytes past
/// a cap are scanned, not kept, so the row still ends at its own line break and the next row is read as usual.
struct CSVTokenizer {
    static let maximumFieldBytes = 1 << 20
    static let maximumRowBytes = 4 << 20
    static let maximumCells = 100_000

    /// One row: its fields and the 1-based line it starts on.
    struct Row {
        var fields: [String] = []
        var line = 1
        /// Line of the opening quote when the input ended inside a quoted field.
        var unterminatedQuoteLine: Int?
        var strayQuotes = 0
        var oversizedFields = 0
        /// Cells whose text was cut or dropped because the row reached `maximumRowBytes`.
        var truncatedCells = 0
        /// Cells past `maximumCells`, not kept.
        var droppedCells = 0
        /// Line of a quote whose cell ran past `maximumFieldBytes` across line breaks, read again as a character.
        var runawayQuoteLine: Int?
    }

    let delimiter: UInt8
    private static let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    private var field: [UInt8] = []
    private var row = Row()
    private var inQuotes = false
    /// Just saw a quote inside a quoted field: either an escaped `""` or the closing quote.
    private var pendingQuote = false
    private var afterClosingQuote = false
    private var fieldHasContent = false
    private var lastWasCR = false
    /// The quoted run that ended the last chunk ended with a CR (its line counted): an LF starting the next chunk
    /// is the rest of that CRLF (fuzz-csv found a CRLF split across chunks counted as two lines).
    private var quotedRunEndedWithCR = false
    private(set) var line = 1
    private var quoteLine = 1

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        field.reserveCapacity(256)
    }

    /// Feeds bytes; `emit` receives every row completed by them (blank lines included, as one empty field).
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (inout Row) -> Void) {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if lastWasCR {
                lastWasCR = false
                if byte == Self.lf { index += 1; continue } // CRLF: the row already ended at CR
            }
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if byte == Self.quote { append(byte); index += 1; continue } // escaped ""
                    inQuotes = false
                    afterClosingQuote = true
                    continue // re-examine this byte outside quotes
                }
                // Copy the run up to the next quote (counting line breaks) in one go. A CR counts the line; an LF
                // right after a CR is the same line break, also when the CR ended the previous chunk.
                var end = index
                var previousWasCR = quotedRunEndedWithCR && index == 0
                quotedRunEndedWithCR = false
                while end < count, bytes[end] != Self.quote {
                    let byte = bytes[end]
                    if byte == Self.cr || (byte == Self.lf && !previousWasCR) { line += 1 }
                    previousWasCR = byte == Self.cr
                    end += 1
                }
                let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
                let room = Self.maximumFieldBytes - field.count
                // Checked once per cell, when it reaches the cap (a cell cut already is not checked again).
                if run.count > room, !fieldOversized, !fieldTruncated, swallowedRows(field, UnsafeBufferPointer(rebasing: run[0..<room])) {
                    rereadAfterRunawayQuote(then: UnsafeBufferPointer(rebasing: run[0..<room]), emit: emit)
                    index += room
                    continue
                }
                append(run)
                if end < count { pendingQuote = true; index = end + 1 } else { index = end; quotedRunEndedWithCR = previousWasCR }
                continue
            }
            switch byte {
            case delimiter:
                endField()
                index += 1
            case Self.lf, Self.cr:
                endField()
                row.line = rowStartLine
                emit(&row)
                resetRow()
                line += 1
                lastWasCR = byte == Self.cr
                index += 1
            case Self.quote where !fieldHasContent && !afterClosingQuote:
                inQuotes = true
                fieldHasContent = true
                quoteLine = line
                index += 1
            default:
                if afterClosingQuote { row.strayQuotes += 1; afterClosingQuote = false }
                // Copy the run of ordinary bytes in one go.
                var end = index + 1
                while end < count {
                    let next = bytes[end]
                    if next == delimiter || next == Self.lf || next == Self.cr { break }
                    end += 1
                }
                fieldHasContent = true
                append(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
        }
    }

    /// Ends the input: emits the last row when it has content (a final line without a line break). A quote
    /// never closed across line breaks is read as a character and the lines after it as rows.
    mutating func finish(emit: (inout Row) -> Void) {
        while inQuotes && !pendingQuote {
            row.unterminatedQuoteLine = quoteLine
            // Only a whole cell can be read again; one cut at a cap has lost bytes.
            guard !fieldOversized, !fieldTruncated, swallowedRows(field, UnsafeBufferPointer(start: nil, count: 0)) else { break }
            rereadAfterRunawayQuote(then: UnsafeBufferPointer(start: nil, count: 0), emit: emit)
        }
        inQuotes = false
        pendingQuote = false
        if fieldHasContent || !row.fields.isEmpty {
            endField()
            row.line = rowStartLine
            emit(&row)
        }
        resetRow()
    }

    private var rowStartLine = 1

    /// Whether a quoted cell's text (`field`, then `more`) looks like rows it swallowed rather than one long cell:
    /// it has line breaks and at least half the lines after the first one hold the delimiter. A long description
    /// whose lines are prose without delimiters stays one cell (cut at the cap).
    private func swallowedRows(_ field: [UInt8], _ more: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines = 0, linesWithDelimiter = 0, seenBreak = false, lineHasDelimiter = false, previous: UInt8 = 0
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes {
                defer { previous = byte }
                if byte == Self.lf && previous == Self.cr { continue }
                if byte == Self.lf || byte == Self.cr {
                    if seenBreak {
                        lines += 1
                        if lineHasDelimiter { linesWithDelimiter += 1 }
                    }
                    seenBreak = true
                    lineHasDelimiter = false
                } else if byte == delimiter {
                    lineHasDelimiter = true
                }
            }
        }
        field.withUnsafeBufferPointer { scan($0) }
        scan(more)
        if seenBreak, lineHasDelimiter { lines += 1; linesWithDelimiter += 1 } // the line the text ends in
        return lines > 0 && linesWithDelimiter * 2 >= lines
    }

    /// A quoted cell that runs past `maximumFieldBytes` across line breaks, or to the end of the input, is taken
    /// for a stray quote: the quote becomes a character of its cell and what was read after it (`field`, then
    /// `more`) is read again outside quotes, so the rows it swallowed come back. At most one field's worth of
    /// bytes is read twice (`""` pairs inside it come back as one quote).
    private mutating func rereadAfterRunawayQuote(then more: UnsafeBufferPointer<UInt8>, emit: (inout Row) -> Void) {
        var again = field
        again.append(contentsOf: more)
        rowBytes -= field.count
        field.removeAll(keepingCapacity: true)
        field.append(Self.quote)
        rowBytes += 1
        inQuotes = false
        pendingQuote = false
        fieldHasContent = true
        lastWasCR = false
        line = quoteLine
        if row.unterminatedQuoteLine == nil { row.runawayQuoteLine = quoteLine }
        again.withUnsafeBufferPointer { feed($0, emit: emit) }
    }

    private mutating func append(_ byte: UInt8) {
        withUnsafeBytes(of: byte) { append($0.bindMemory(to: UInt8.self)) }
    }

    /// Keeps what fits under the field's and the row's caps; the rest is only noted.
    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        let fieldRoom = Self.maximumFieldBytes - field.count
        let rowRoom = Self.maximumRowBytes - rowBytes
        let room = min(fieldRoom, rowRoom)
        if run.count <= room {
            field.append(contentsOf: run)
            rowBytes += run.count
            return
        }
        if room > 0 {
            field.append(contentsOf: UnsafeBufferPointer(rebasing: run[0..<room]))
            rowBytes += room
        }
        if fieldRoom <= rowRoom {
            if !fieldOversized { fieldOversized = true; row.oversizedFields += 1 }
        } else if !fieldTruncated {
            fieldTruncated = true
            row.truncatedCells += 1
        }
    }

    private var fieldOversized = false
    private var fieldTruncated = false
    /// Bytes kept in the current row's cells.
    private var rowBytes = 0

    private mutating func endField() {
        if row.fields.count < Self.maximumCells {
            row.fields.append(String(decoding: field, as: UTF8.self))
        } else {
            row.droppedCells += 1
        }
        field.removeAll(keepingCapacity: field.capacity <= 64 * 1024)
        fieldHasContent = false
        afterClosingQuote = false
        fieldOversized = false
        fieldTruncated = false
    }

    private mutating func resetRow() {
        row.fields.removeAll(keepingCapacity: row.fields.capacity <= 1024)
        row.unterminatedQuoteLine = nil
        row.strayQuotes = 0
        row.oversizedFields = 0
        row.truncatedCells = 0
        row.droppedCells = 0
        row.runawayQuoteLine = nil
        rowBytes = 0
        rowStartLine = line + 1
    }
}
