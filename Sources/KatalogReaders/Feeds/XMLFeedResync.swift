import Foundation

/// Where reading an XML feed starts again after libxml2 stopped inside it (issue 14): the start tag of the next
/// item, and the bytes to put before it so the rest parses as the same document.
///
/// The rest of the file from `offset` is parsed after `prolog` (the file's bytes before its first item: the XML
/// declaration, the root and channel start tags with their namespace declarations, feed-wide context), so items
/// read after the restart have the same path, namespaces and context as before. Line numbers of that parse are
/// the file's plus `lineShift`'s opposite (see `fileLine`).
struct XMLResumePoint: Sendable, Hashable {
    /// The file's bytes before its first item.
    var prolog: [UInt8]
    /// Byte offset in the file of the item start tag reading resumes at.
    var offset: Int
    /// 1-based line of `offset` in the file.
    var line: Int
    /// Line breaks in `prolog`.
    var prologLineBreaks: Int

    /// The file's line of a line of the resumed parse (which starts with `prolog`).
    func fileLine(_ parsedLine: Int) -> Int { parsedLine - (prologLineBreaks + 1) + line }
}

/// Finds item start tags in a feed's raw bytes the way the parser sees them: outside comments, CDATA sections,
/// processing instructions and declarations, and not nested in another item of the same name. It does not check
/// well-formedness, so it can step over the damage that stopped libxml2 (a CDATA section over libxml2's 10 MB
/// limit made of many short runs, a mismatched tag) and count the items the way the parser did before it.
///
/// The file is memory-mapped and scanned once per restart (`memchr` from `<` to `<`).
enum XMLFeedResync {
    /// At most this many bytes of a feed may come before its first item for a restart (the prolog is held).
    static let maximumPrologBytes = 1 << 20
    /// Restarts per file, at most.
    static let maximumRestarts = 1_000
    /// Each restart parses the prolog again: all restarts of a file together read at most this many prolog bytes.
    static let maximumPrologBytesRead = 256 << 20

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let instructionOpen = Array("<?".utf8), instructionClose = Array("?>".utf8)
    private static let declarationOpen = Array("<!".utf8)

    /// The point after the `items`-th item start tag (an `itemName` element not inside another) counted from
    /// `start`, that is the `items + 1`-th, provided it lies after `after`; nil when there is none or the prolog
    /// is over `maximumPrologBytes`.
    static func resumePoint(in path: String, itemName: String, from start: Int, skippingItems items: Int, after: Int) -> XMLResumePoint? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { raw -> XMLResumePoint? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let name = Array(itemName.utf8)
            guard let first = itemStarts(in: bytes, name: name, from: 0, count: 1).first,
                  first <= maximumPrologBytes,
                  let next = itemStarts(in: bytes, name: name, from: start, count: items + 1).dropFirst(items).first,
                  next > after
            else { return nil }
            let prolog = Array(bytes[0..<first])
            return XMLResumePoint(
                prolog: prolog, offset: next, line: lineBreaks(in: bytes, upTo: next) + 1,
                prologLineBreaks: prolog.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            )
        }
    }

    /// Byte offset where the 1-based `line` starts (the end of the file when it has fewer lines).
    static func offset(ofLine line: Int, in path: String) -> Int {
        guard line > 1, let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return 0 }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var seen = 1, index = 0
            while index < bytes.count, seen < line {
                guard let found = memchr(bytes.baseAddress! + index, 0x0A, bytes.count - index) else { return bytes.count }
                index = UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!) + 1
                seen += 1
            }
            return index
        }
    }

    /// Offsets of the first `count` start tags of top-level `name` elements at or after `start`.
    static func itemStarts(in bytes: UnsafeBufferPointer<UInt8>, name: [UInt8], from start: Int, count: Int) -> [Int] {
        guard let base = bytes.baseAddress, count > 0 else { return [] }
        var found: [Int] = []
        var depth = 0
        var index = start
        let end = bytes.count
        func hasPrefix(_ prefix: [UInt8], at position: Int) -> Bool {
            position + prefix.count <= end && prefix.indices.allSatisfy { bytes[position + $0] == prefix[$0] }
        }
        /// The index just past `terminator` at or after `position`, or `end`.
        func skip(past terminator: [UInt8], from position: Int) -> Int {
            var at = position
            while at < end, let hit = memchr(base + at, Int32(terminator[0]), end - at) {
                at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if hasPrefix(terminator, at: at) { return at + terminator.count }
                at += 1
            }
            return end
        }
        /// The index just past the `>` ending the tag at `position`, outside quoted attribute values; and whether
        /// the tag closes itself (`/>`).
        func tagEnd(from position: Int) -> (Int, Bool) {
            var at = position, quote: UInt8 = 0
            while at < end {
                let byte = bytes[at]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == 0x3E {
                    return (at + 1, at > position && bytes[at - 1] == 0x2F)
                } else if byte == 0x3C {
                    return (at, false) // a `<` inside a tag: malformed; let the next tag be read
                }
                at += 1
            }
            return (end, false)
        }
        func endsName(_ position: Int) -> Bool {
            guard position < end else { return false }
            let byte = bytes[position]
            return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x3E || byte == 0x2F
        }
        while index < end, found.count < count {
            guard let hit = memchr(base + index, 0x3C, end - index) else { break }
            let open = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if hasPrefix(Self.commentOpen, at: open) {
                index = skip(past: Self.commentClose, from: open + 4)
            } else if hasPrefix(Self.cdataOpen, at: open) {
                index = skip(past: Self.cdataClose, from: open + 9)
            } else if hasPrefix(Self.instructionOpen, at: open) {
                index = skip(past: Self.instructionClose, from: open + 2)
            } else if hasPrefix(Self.declarationOpen, at: open) {
                // A declaration; a DOCTYPE's internal subset is bracketed.
                var at = open + 2, brackets = 0
                while at < end {
                    if bytes[at] == 0x5B { brackets += 1 } else if bytes[at] == 0x5D { brackets -= 1 } else if bytes[at] == 0x3E, brackets <= 0 { break }
                    at += 1
                }
                index = at + 1
            } else if bytes.count > open + 1, bytes[open + 1] == 0x2F, hasPrefix(name, at: open + 2), endsName(open + 2 + name.count) {
                depth = max(0, depth - 1)
                index = open + 2 + name.count
            } else if hasPrefix(name, at: open + 1), endsName(open + 1 + name.count) {
                let (after, closesItself) = tagEnd(from: open + 1 + name.count)
                if depth == 0 { found.append(open) }
                if !closesItself { depth += 1 }
                index = after
            } else {
                index = open + 1
            }
        }
        return found
    }

    /// Line breaks in `bytes[..<offset]`.
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, upTo offset: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0, index = 0
        while index < offset, let hit = memchr(base + index, 0x0A, offset - index) {
            count += 1
            index = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
        }
        return count
    }
}
