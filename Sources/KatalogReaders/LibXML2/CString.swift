import CLibXML2
import Foundation

/// Small helpers over libxml2's NUL-terminated UTF-8 strings that never allocate.
enum CString {
    /// The bytes of `text` (without its terminating NUL), valid as long as `text` is.
    @inline(__always) static func utf8(_ text: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
    }

    /// Whether `text` contains `needle` (lower-case ASCII), comparing ASCII case-insensitively.
    static func containsFolded(_ text: UnsafePointer<xmlChar>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var start = 0
        while text[start] != 0 {
            if lower(text[start]) == first {
                var offset = 1
                while offset < needle.count, text[start + offset] != 0, lower(text[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Whether `text`, trimmed, equals `word` (lower-case ASCII), comparing ASCII case-insensitively.
    static func equalsFolded(_ text: UnsafePointer<xmlChar>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while isSpace(text[start]) { start += 1 }
        for byte in word {
            guard lower(text[start]) == byte else { return false }
            start += 1
        }
        while isSpace(text[start]) { start += 1 }
        return text[start] == 0
    }

    /// Calls `body` with each whitespace-separated token of `text`, lower-cased (ASCII), until it returns true.
    static func anyToken(_ text: UnsafePointer<xmlChar>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var index = 0
            while text[index] != 0 {
                while isSpace(text[index]) { index += 1 }
                var length = 0
                while text[index] != 0, !isSpace(text[index]) {
                    if length < 64 { buffer[length] = lower(text[index]) }
                    length += 1
                    index += 1
                }
                if length > 0, length <= 64, body(UnsafeBufferPointer(rebasing: buffer[0 ..< length])) { return true }
            }
            return false
        }
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
