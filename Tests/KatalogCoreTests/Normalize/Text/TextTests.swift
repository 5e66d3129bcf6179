import Foundation
import Testing
@testable import KatalogCore
import KatalogTestSupport

struct TextCleaningTests {
    @Test func removesLinkMarkupAndFootnotes() {
        let text = TextCleaning.cleanParagraphs([
            "Replacement cost 1",
            "send DJI a [verification video](#).",
            "\u{00B9}If you apply directly to the manufacturer, the amount may change.",
            "1 Go to the following website:",
        ])
        #expect(text == """
            Replacement cost

            send DJI a verification video.

            If you apply directly to the manufacturer, the amount may change.

            1 Go to the following website:
            """)
    }

    @Test func keepsTrailingDigitsWithoutMatchingFootnote() {
        #expect(TextCleaning.cleanParagraphs(["Step 1", "Do this."]) == "Step 1\n\nDo this.")
    }
}

struct TextDecodingTests {
    @Test func decodesUTF8AndReportsInvalidBytes() {
        let bytes = Data("Prekės kodas".utf8) + Data([0xFF]) + Data(" ok".utf8)
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.encoding.name == "utf-8")
        #expect(decoded.invalidSequences == 1)
        #expect(decoded.text == "Prekės kodas\u{FFFD} ok")
    }

    @Test(arguments: [
        ("windows-1257", "Prekės kodas, Gamintojas, Šviestuvas, žalia spalva, Rūšis"),
        ("windows-1250", "Producent: Łódź, zażółć gęślą jaźń, wysokość"),
        ("windows-1251", "Производитель: Бренд, цена, описание товара"),
    ])
    func sniffsSingleByteCodePages(name: String, text: String) throws {
        let codec: String.Encoding = switch name {
        case "windows-1250": .windowsCP1250
        case "windows-1251": .windowsCP1251
        default: .utf8
        }
        let data: Data
        if name == "windows-1257" {
            data = try #require(encodeWindows1257(text))
        } else {
            data = try #require(text.data(using: codec))
        }
        let decoded = TextDecoding.decode(data)
        #expect(decoded.encoding.name == name)
        #expect(decoded.encoding.source == "sniffed")
        #expect(decoded.text == text)
    }

    @Test func honoursBOMAndDeclaredEncoding() throws {
        let body = try #require("Cena: 10 zł".data(using: .utf16LittleEndian))
        let utf16 = Data([0xFF, 0xFE]) + body
        #expect(TextDecoding.decode(utf16).text == "Cena: 10 zł")
        #expect(TextDecoding.decode(utf16).encoding == TextEncodingInfo(name: "utf-16le", source: "bom"))
        let latin2 = Data([0x57, 0x61, 0x67, 0x61, 0x3A, 0x20, 0xB3]) // "Waga: ł" in ISO-8859-2
        let decoded = TextDecoding.decode(latin2, declared: "ISO-8859-2")
        #expect(decoded.text == "Waga: ł")
        #expect(decoded.encoding == TextEncodingInfo(name: "iso-8859-2", source: "declared"))
    }

    /// Windows-1257 has no Foundation encoding constant; build the bytes from the table under test's inverse.
    private func encodeWindows1257(_ text: String) -> Data? {
        var table: [UInt32: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            let decoded = TextDecoding.decode(Data([byte]), declared: "windows-1257").text.unicodeScalars.first
            if let decoded, decoded != "\u{FFFD}" { table[decoded.value] = byte }
        }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 { bytes.append(UInt8(scalar.value)) } else if let byte = table[scalar.value] { bytes.append(byte) } else { return nil }
        }
        return Data(bytes)
    }
}

/// The byte transcoder readers hand to libxml2 (`transcodeSingleByteToUTF8`) gives, for every single-byte code page
/// Katalog knows, the same text, invalid count and first invalid offset as decoding through `decode(_:as:)`.
struct SingleByteTranscodingTests {
    @Test func everyCodePageMatchesTheDecoder() throws {
        var generator = SeededGenerator()
        let everyByte = [UInt8](0...255) + [UInt8](repeating: 0x41, count: 13) + [0x9C, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x81]
        let mostlyASCII = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) < 230 ? UInt8.random(in: 0x20...0x7E, using: &generator) : UInt8.random(in: 0x80...0xFF, using: &generator) }
        for name in CodePages.builtIn.pages.keys.sorted() {
            for input in [everyByte, mostlyASCII, [], [0xE6]] {
                let fast = try #require(input.withUnsafeBytes { TextDecoding.transcodeSingleByteToUTF8($0, codePage: name) })
                let general = input.withUnsafeBytes { TextDecoding.decode($0, as: name, source: "test") }
                #expect(String(decoding: fast.utf8, as: UTF8.self) == general.text, "\(name)")
                #expect(fast.invalidSequences == general.invalidSequences, "\(name)")
                #expect(fast.firstInvalidOffset == general.firstInvalidOffset, "\(name)")
            }
        }
        #expect([UInt8]([0x41]).withUnsafeBytes { TextDecoding.transcodeSingleByteToUTF8($0, codePage: "no-such-page") } == nil)
    }
}
