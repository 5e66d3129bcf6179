/// The text of an HTML fragment inside a feed or spreadsheet cell (Shopify's `Body (HTML)`, WooCommerce and
/// Magento descriptions, Heureka `DESCRIPTION`): block elements become paragraph breaks, list items lines,
/// `<script>`/`<style>` content is dropped, other tags are removed and character references decoded.
///
/// Deliberately small and tolerant: it never fails, keeps text it does not understand, and treats a `<` that does
/// not start a tag (`5 < 7`) as text. Whole HTML pages go through the HTML reader (libxml2), not here.
public enum HTMLFragmentText {
    /// Whether `text` holds markup worth removing: a tag such as `<p>`, `<br/>`, `</li>`, `<strong>`.
    public static func looksLikeMarkup(_ text: String) -> Bool {
        // On the contiguous bytes where the string has them (a native string always does): the iterator over
        // `utf8` took 2,600 instructions for a feed's description.
        if let found = text.utf8.withContiguousStorageIfAvailable(looksLikeMarkup(utf8:)) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(looksLikeMarkup(utf8:))
    }

    /// A `<` followed by a letter, `/` or `!`, and a `>` anywhere in the text.
    private static func looksLikeMarkup(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let last = bytes.count - 1
        while index < last {
            if bytes[index] == 0x3C {
                let next = bytes[index + 1]
                if (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A || next == 0x2F || next == 0x21 {
                    return bytes.contains(0x3E)
                }
            }
            index += 1
        }
        return false
    }

    /// The paragraphs of `html`, each with its whitespace collapsed, empty ones dropped. Works on the UTF-8 bytes
    /// in place: markup is ASCII, and text bytes are copied through whole into one scratch buffer, which becomes a
    /// `String` once per paragraph. A no-break space (C2 A0) is a space in HTML's text too, and inside a tag.
    public static func paragraphs(_ html: String) -> [String] {
        paragraphsCountingTagScans(html).paragraphs
    }

    /// `paragraphs(html)`, and how many bytes the tag scans read in all (internal, for the tests): whatever the
    /// input, a small multiple of its length, since a scan never reads again where an earlier one failed.
    static func paragraphsCountingTagScans(_ html: String) -> (paragraphs: [String], tagScanBytes: Int) {
        if html.isEmpty { return ([], 0) }
        if let result = html.utf8.withContiguousStorageIfAvailable({ paragraphs(utf8: $0) }) { return result }
        return Array(html.utf8).withUnsafeBufferPointer { paragraphs(utf8: $0) }
    }

    /// A paragraph is never longer than the input it came from: each output byte is a copied text byte, a byte of
    /// a decoded reference (never longer than the reference: `&lt;` is 4 bytes for 1, `&#128;` 6 for 2, `&#65536;`
    /// 8 for 4), or one space standing for at least one byte of whitespace, no-break space or `<td>` that wrote
    /// nothing. So `length <= index` throughout, and one byte more than the input is room for any run (checked).
    private static func paragraphs(utf8 input: UnsafeBufferPointer<UInt8>) -> (paragraphs: [String], tagScanBytes: Int) {
        plainTextTable.withUnsafeBufferPointer { plainText in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: input.count + 1) { scan(input, into: $0, plainText: plainText) }
        }
    }

    /// Text bytes copied through as they are: all but whitespace and controls, `&`, `<`, and C2 (which may start a
    /// no-break space). 0x3D…0xC1 and C3…FF at once; below 0x3D a bit per byte (0x21…0x3B less `&`).
    private static func isPlainText(_ byte: UInt8) -> Bool {
        if byte &- 0x3D < 0x85 || byte > 0xC2 { return true }
        return byte < 0x3D && (0x0FFF_FFBE_0000_0000 as UInt64) &>> UInt64(byte) & 1 != 0
    }

    /// `isPlainText` of every byte, looked up in the copying loop (one load instead of a handful of comparisons).
    private static let plainTextTable: [Bool] = (0...255).map { isPlainText(UInt8($0)) }

    /// The walk over the bytes. Its state lives in locals (no closures, no captured variables: nothing is checked
    /// for exclusive access at run time); the current paragraph is built in `scratch`.
    private static func scan(_ input: UnsafeBufferPointer<UInt8>, into scratch: UnsafeMutableBufferPointer<UInt8>,
                             plainText table: UnsafeBufferPointer<Bool>) -> (paragraphs: [String], tagScanBytes: Int) {
        guard let bytes = input.baseAddress, let output = scratch.baseAddress, let plainText = table.baseAddress else { return ([], 0) }
        let count = input.count
        let capacity = scratch.count
        var paragraphs: [String] = []
        var length = 0
        var pendingSpace = false
        /// The packed name of the element whose content is being dropped (`script` …), 0 when none.
        var skipping: UInt64 = 0
        var unclosed = UnclosedTags()
        defer { unclosed.release() }
        var index = 0
        while index < count {
            let byte = bytes[index]
            if skipping != 0 {
                if byte == 0x3C, let tag = readTag(bytes, count: count, at: index, unclosed: &unclosed) {
                    index = tag.end
                    if tag.closing && tag.high == 0 && tag.low == skipping { skipping = 0 }
                } else {
                    index += 1
                }
                continue
            }
            if plainText[Int(byte)] {
                // A run of text bytes, single spaces between them included: at most a space and every byte left,
                // which `length <= index` leaves room for. Each byte written is one read, so no overflow below.
                precondition(capacity - length > count - index, "HTMLFragmentText: paragraph longer than its input")
                if pendingSpace {
                    output[length] = 0x20
                    length &+= 1
                    pendingSpace = false
                }
                // A space with text after it is copied too: it is what the pending space would have written.
                var end = index &+ 1
                while end < count {
                    let next = bytes[end]
                    if plainText[Int(next)] {
                        end &+= 1
                    } else if next == 0x20, end &+ 1 < count, plainText[Int(bytes[end &+ 1])] {
                        end &+= 2
                    } else {
                        break
                    }
                }
                (output + length).initialize(from: bytes + index, count: end &- index)
                length &+= end &- index
                index = end
                continue
            }
            if byte == 0x3C, let tag = readTag(bytes, count: count, at: index, unclosed: &unclosed) {
                index = tag.end
                switch kind(low: tag.low, high: tag.high) {
                case .skipped:
                    if !tag.closing && !tag.selfClosing { skipping = tag.low }
                case .block:
                    if length != 0 {
                        paragraphs.append(String(decoding: UnsafeBufferPointer(start: output, count: length), as: UTF8.self))
                        length = 0
                    }
                    pendingSpace = false
                case .cell:
                    pendingSpace = length != 0
                case .other:
                    break
                }
                continue
            }
            if byte == 0x26, let reference = decodeReference(bytes, count: count, at: index) {
                index = reference.end
                let scalar = reference.scalar
                if scalar == noText { continue }
                if scalar == 0x20 || scalar == 0x09 || scalar == 0x0A || scalar == 0x0D || scalar == 0x0C {
                    pendingSpace = length != 0
                    continue
                }
                let (encoded, encodedCount) = utf8(scalar)
                precondition(capacity - length > encodedCount, "HTMLFragmentText: paragraph longer than its input")
                if pendingSpace {
                    output[length] = 0x20
                    length += 1
                    pendingSpace = false
                }
                for shift in 0..<encodedCount {
                    output[length] = UInt8(truncatingIfNeeded: encoded &>> UInt32(8 * shift))
                    length += 1
                }
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                pendingSpace = length != 0
                index += 1
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0xA0:
                pendingSpace = length != 0
                index += 2
            default:
                // Any other byte: a control, C2 not before A0, a `<` or `&` that starts no tag or reference.
                precondition(capacity - length > 1, "HTMLFragmentText: paragraph longer than its input")
                if pendingSpace {
                    output[length] = 0x20
                    length += 1
                    pendingSpace = false
                }
                output[length] = byte
                length += 1
                index += 1
            }
        }
        if length != 0 { paragraphs.append(String(decoding: UnsafeBufferPointer(start: output, count: length), as: UTF8.self)) }
        return (paragraphs, unclosed.scannedBytes)
    }

    /// The UTF-8 bytes of a Unicode scalar value, first byte lowest, and how many there are.
    @inline(__always) private static func utf8(_ scalar: UInt32) -> (bytes: UInt32, count: Int) {
        switch scalar {
        case ..<0x80:
            return (scalar, 1)
        case ..<0x800:
            return ((0xC0 | scalar &>> 6) | (0x80 | scalar & 0x3F) &<< 8, 2)
        case ..<0x10000:
            return ((0xE0 | scalar &>> 12) | (0x80 | scalar &>> 6 & 0x3F) &<< 8 | (0x80 | scalar & 0x3F) &<< 16, 3)
        default:
            return ((0xF0 | scalar &>> 18) | (0x80 | scalar &>> 12 & 0x3F) &<< 8 | (0x80 | scalar &>> 6 & 0x3F) &<< 16
                        | (0x80 | scalar & 0x3F) &<< 24, 4)
        }
    }

    @inline(__always) private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A tag's name, lower-cased and packed little-endian: its first 8 bytes in `low`, the next 8 in `high` (all
    /// ones when longer than 16). Name bytes are letters, digits and `!`, never 0, so equal packs are equal names.
    private struct Tag {
        var low: UInt64
        var high: UInt64
        var closing: Bool
        var selfClosing: Bool
        var end: Int
    }

    private enum Kind { case block, cell, skipped, other }

    /// What an element does to the text: the block elements break paragraphs, `td`/`th` separate with a space,
    /// `script`, `style`, `template` and `noscript` drop their content. Keys are the packed names (see `Tag`).
    @inline(__always) private static func kind(low: UInt64, high: UInt64) -> Kind {
        if high != 0 {
            if low == 0x6F75_716B_636F_6C62 && high == 0x6574 { return .block } // blockquote
            if low == 0x6974_7061_6367_6966 && high == 0x6E6F { return .block } // figcaption
            return .other
        }
        switch low {
        case 0x70, // p
             0x76_6964, // div
             0x7262, // br
             0x696C, // li
             0x6C75, // ul
             0x6C6F, // ol
             0x3168, 0x3268, 0x3368, 0x3468, 0x3568, 0x3668, // h1 … h6
             0x7274, // tr
             0x65_6C62_6174, // table
             0x6E_6F69_7463_6573, // section
             0x65_6C63_6974_7261, // article
             0x6464, // dd
             0x7464, // dt
             0x6C64, // dl
             0x7265_6461_6568, // header
             0x7265_746F_6F66, // footer
             0x7268, // hr
             0x65_7270, // pre
             0x6572_7567_6966, // figure
             0x79_646F_6274, // tbody
             0x64_6165_6874: // thead
            return .block
        case 0x6474, 0x6874: // td, th
            return .cell
        case 0x7470_6972_6373, // script
             0x65_6C79_7473, // style
             0x6574_616C_706D_6574, // template
             0x7470_6972_6373_6F6E: // noscript
            return .skipped
        default:
            return .other
        }
    }

    /// Where in the input a tag's attribute scan, in which quote state, is known to run to the end without a `>`.
    /// A `<` whose tag never closes is text, and the scan moves on by one byte, so each `<` of `<a "<a "<a "…` would
    /// scan to the end again: time growing with the square of the input (minutes for a megabyte). The scan is
    /// determined by its position and quote state, so one that reaches a position in a state an earlier scan failed
    /// from fails too; each position is marked at most once per state, and the scans together stay linear.
    private struct UnclosedTags {
        /// Per input byte: bit 1 outside quotes, 2 in `"…"`, 4 in `'…'` (allocated at the first failed scan).
        private var marks: UnsafeMutablePointer<UInt8>?
        /// Bytes read by the scans of tags' attributes, failed or not: the measure of the work they did.
        var scannedBytes = 0

        static func bit(quote: UInt8) -> UInt8 { quote == 0 ? 1 : quote == 0x22 ? 2 : 4 }

        func fails(at index: Int, quote: UInt8) -> Bool {
            guard let marks else { return false }
            return marks[index] & Self.bit(quote: quote) != 0
        }

        /// Marks the states of a failed scan of `bytes` from `start` (outside quotes) up to `end`.
        mutating func markFailed(_ bytes: UnsafePointer<UInt8>, count: Int, from start: Int, to end: Int) {
            if marks == nil {
                let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
                storage.initialize(repeating: 0, count: count)
                marks = storage
            }
            guard let marks else { return }
            // The same walk as `readTag`'s, no-break spaces taken whole.
            var quote: UInt8 = 0
            var index = start
            while index < end {
                marks[index] |= Self.bit(quote: quote)
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                }
                index += byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0 ? 2 : 1
            }
        }

        mutating func release() {
            marks?.deallocate()
            marks = nil
        }
    }

    /// A tag starting at `start` (`<p class="x">`, `</li>`, `<br/>`, `<!-- … -->`): its name and end; `nil` when
    /// the `<` starts no tag or the tag never closes. A comment runs to `-->` or to the end of the input.
    private static func readTag(_ bytes: UnsafePointer<UInt8>, count: Int, at start: Int, unclosed: inout UnclosedTags) -> Tag? {
        var index = start + 1
        guard index < count else { return nil }
        if bytes[index] == 0x21, index + 2 < count, bytes[index + 1] == 0x2D, bytes[index + 2] == 0x2D {
            var probe = index + 3
            while probe + 2 < count {
                if bytes[probe] == 0x2D, bytes[probe + 1] == 0x2D, bytes[probe + 2] == 0x3E {
                    return Tag(low: 0, high: 0, closing: false, selfClosing: true, end: probe + 3)
                }
                probe += 1
            }
            return Tag(low: 0, high: 0, closing: false, selfClosing: true, end: count)
        }
        var closing = false
        if bytes[index] == 0x2F { closing = true; index += 1 }
        guard index < count, isASCIILetter(bytes[index]) || bytes[index] == 0x21 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length = 0
        while index < count {
            var byte = bytes[index]
            if isASCIILetter(byte) {
                byte |= 0x20
            } else if !((byte >= 0x30 && byte <= 0x39) || byte == 0x21) {
                break
            }
            if length < 8 {
                low |= UInt64(byte) &<< UInt64(8 * length)
            } else if length < 16 {
                high |= UInt64(byte) &<< UInt64(8 * (length - 8))
            } else {
                high = .max
            }
            length += 1
            index += 1
        }
        var quote: UInt8 = 0
        /// The last byte that is not whitespace (a no-break space counts as whitespace): `/` makes `<br/>` self-closing.
        var last: UInt8 = 0x20
        let attributesStart = index
        while index < count {
            if unclosed.fails(at: index, quote: quote) { break }
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                unclosed.scannedBytes &+= index + 1 - attributesStart
                return Tag(low: low, high: high, closing: closing, selfClosing: last == 0x2F, end: index + 1)
            }
            if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0 {
                index += 2
                continue
            }
            if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { last = byte }
            index += 1
        }
        unclosed.scannedBytes &+= index - attributesStart
        unclosed.markFailed(bytes, count: count, from: attributesStart, to: index)
        return nil
    }

    /// The named character references understood, each one scalar or none (`&shy;`). Internal for the tests.
    static let named: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "euro": "€", "pound": "£", "yen": "¥",
        "cent": "¢", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "ndash": "–", "mdash": "—", "hellip": "…",
        "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bdquo": "„", "middot": "·",
        "bull": "•", "times": "×", "frac12": "½", "sup2": "²", "sup3": "³", "micro": "µ", "shy": "",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é",
        "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "oacute": "ó", "iacute": "í", "uacute": "ú",
        "ccedil": "ç", "ntilde": "ñ", "oslash": "ø", "aring": "å", "aelig": "æ", "Eacute": "É",
    ]

    /// What a reference decodes to when it stands for no text at all (`&shy;`): not a Unicode scalar value.
    private static let noText: UInt32 = .max

    /// `named` packed as tag names are (ASCII, little-endian, every key at most 8 bytes), sorted for a binary search.
    private static let namedTable: (keys: [UInt64], scalars: [UInt32]) = {
        var entries: [(key: UInt64, scalar: UInt32)] = []
        for (name, text) in named {
            precondition(name.utf8.count <= 8 && name.utf8.allSatisfy { $0 < 0x80 } && text.unicodeScalars.count <= 1)
            var key: UInt64 = 0
            for (offset, byte) in name.utf8.enumerated() { key |= UInt64(byte) << UInt64(8 * offset) }
            entries.append((key, text.unicodeScalars.first?.value ?? noText))
        }
        entries.sort { $0.key < $1.key }
        return (entries.map(\.key), entries.map(\.scalar))
    }()

    /// `&amp;`, `&#8364;`, `&#x20AC;` at `start`: the scalar (or `noText`) and the index after the reference. The
    /// body is at most 11 bytes before its `;`; numbers are read as `UInt32(_:radix:)` reads them (a leading `+`,
    /// or `-` before zeros only), and must be a Unicode scalar value.
    private static func decodeReference(_ bytes: UnsafePointer<UInt8>, count: Int, at start: Int) -> (scalar: UInt32, end: Int)? {
        let limit = min(count, start + 13)
        var semicolon = start + 1
        while semicolon < limit {
            let byte = bytes[semicolon]
            if byte == 0x3B { break }
            // Only letters, digits, `#`, `+` and `-` can make a reference that decodes.
            guard isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x23 || byte == 0x2B || byte == 0x2D else { return nil }
            semicolon += 1
        }
        guard semicolon < limit, semicolon > start + 1 else { return nil }
        var index = start + 1
        if bytes[index] == 0x23 {
            index += 1
            var radix: UInt32 = 10
            if index < semicolon, bytes[index] == 0x78 || bytes[index] == 0x58 { radix = 16; index += 1 }
            var negative = false
            if index < semicolon, bytes[index] == 0x2D { negative = true; index += 1 } else if index < semicolon, bytes[index] == 0x2B { index += 1 }
            guard index < semicolon else { return nil }
            var value: UInt32 = 0
            while index < semicolon {
                let byte = bytes[index]
                let digit: UInt32
                if byte >= 0x30 && byte <= 0x39 {
                    digit = UInt32(byte - 0x30)
                } else if radix == 16, (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66 {
                    digit = UInt32((byte | 0x20) - 0x61 + 10)
                } else {
                    return nil
                }
                if negative {
                    // 0 - digit: only zeros stay in range for an unsigned type.
                    guard digit == 0 else { return nil }
                } else {
                    let (product, overflowed) = value.multipliedReportingOverflow(by: radix)
                    let (sum, carried) = product.addingReportingOverflow(digit)
                    guard !overflowed && !carried else { return nil }
                    value = sum
                }
                index += 1
            }
            guard value < 0xD800 || (value >= 0xE000 && value <= 0x10FFFF) else { return nil }
            return (value, semicolon + 1)
        }
        guard semicolon - index <= 8 else { return nil }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        while index < semicolon {
            key |= UInt64(bytes[index]) &<< shift
            shift += 8
            index += 1
        }
        let table = namedTable
        var low = 0
        var high = table.keys.count
        while low < high {
            let middle = (low + high) / 2
            if table.keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        guard low < table.keys.count, table.keys[low] == key else { return nil }
        return (table.scalars[low], semicolon + 1)
    }
}
