/// Cuts a JSON stream into the byte ranges of its items without parsing them, so a feed streams.
///
/// A document that starts with `[` is an array: each element is an item. Otherwise each top-level value is
/// an item (JSON Lines, concatenated objects, or one object holding the whole catalog). Strings and escapes
/// are tracked so brackets inside text do not count. Items are handed over one at a time with their first line.
struct JSONItemSplitter {
    enum Mode { case undetermined, array, sequence }

    private(set) var mode = Mode.undetermined
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var capturing = false
    private var buffer: [UInt8] = []
    private var itemLine = 1
    private(set) var line = 1
    /// Depth at which items sit: 1 inside a top-level array, 0 in a sequence.
    private var itemDepth: Int { mode == .array ? 1 : 0 }
    /// True once the top-level array has been closed.
    private(set) var arrayClosed = false

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (_ item: UnsafeBufferPointer<UInt8>, _ line: Int, _ inSequence: Bool) -> Void) {
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if inString {
                if capturing { buffer.append(byte) }
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if mode == .undetermined {
                if isSpace { continue }
                if byte == UInt8(ascii: "[") { mode = .array; depth = 1; continue }
                mode = .sequence
            }
            if !capturing {
                if isSpace { continue }
                if depth == itemDepth {
                    if mode == .array && byte == UInt8(ascii: ",") { continue }
                    if mode == .array && byte == UInt8(ascii: "]") { depth = 0; arrayClosed = true; continue }
                    if arrayClosed { continue }
                    capturing = true
                    itemLine = line
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            guard capturing else { continue }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                buffer.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                buffer.append(byte)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == itemDepth && mode == .array {
                    // `]` closing the top-level array right after a scalar element.
                    finishItem(emit: emit)
                    depth = 0
                    arrayClosed = true
                    continue
                }
                depth -= 1
                buffer.append(byte)
                if depth == itemDepth { finishItem(emit: emit) }
            case UInt8(ascii: ","), 0x0A:
                if depth == itemDepth { finishItem(emit: emit) } else { buffer.append(byte) } // end of a scalar item
            default:
                buffer.append(byte)
            }
        }
    }

    /// Ends the input; a value still open is handed over (it will fail to parse as truncated).
    mutating func finish(emit: (_ item: UnsafeBufferPointer<UInt8>, _ line: Int, _ inSequence: Bool) -> Void) {
        if capturing { finishItem(emit: emit) }
    }

    /// True when the input ended inside the top-level array.
    var endedInsideArray: Bool { mode == .array && !arrayClosed }

    private mutating func finishItem(emit: (_ item: UnsafeBufferPointer<UInt8>, _ line: Int, _ inSequence: Bool) -> Void) {
        capturing = false
        let line = itemLine
        let inSequence = mode == .sequence
        buffer.withUnsafeBufferPointer { emit($0, line, inSequence) }
        buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
    }
}
