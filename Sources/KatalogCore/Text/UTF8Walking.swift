/// Scalars read from valid UTF-8 (a `String`'s bytes), for the byte walks of text cleaning, folding, language
/// detection and the service-plan pre-filter.
enum UTF8Scalars {
    /// The scalar whose bytes start at `index`, and how many bytes it has.
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = utf8[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                    | UInt32(utf8[index + 3] & 0x3F), 4)
    }
}

/// Writes bytes into room made beforehand with each run of separators as one space, none before the first byte
/// written and none after the last: the output of the byte walks that clean a line (`TextCleaning`) or fold a
/// text into words (`ScalarFolding`). The room must hold everything appended plus a space before each append.
struct SpaceCollapsingWriter {
    private let out: UnsafeMutablePointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0
    private var pendingSpace = false

    init(into out: UnsafeMutablePointer<UInt8>) {
        self.out = out
    }

    /// A separator: the next byte appended is preceded by one space, unless it is the first.
    @inline(__always)
    mutating func separate() { pendingSpace = true }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        writePendingSpace()
        out[count] = byte
        count += 1
    }

    /// The bytes of one kept unit (a scalar, its folded form), after a pending space.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        writePendingSpace()
        for byte in bytes {
            out[count] = byte
            count += 1
        }
    }

    @inline(__always)
    private mutating func writePendingSpace() {
        if pendingSpace, count > 0 {
            out[count] = 0x20
            count += 1
        }
        pendingSpace = false
    }
}
