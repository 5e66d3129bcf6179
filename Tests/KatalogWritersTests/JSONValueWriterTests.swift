import Testing
import KatalogWriters

/// The writers' JSON: the same value always gives the same bytes (keys in UTF-8 byte order, numbers as their
/// text), and every string is valid JSON whatever it holds.
struct JSONValueWriterTests {
    @Test func keysAreInByteOrderAndNumbersKeepTheirText() {
        let value = JSONValue.object(["b": .number("58.990"), "a": .array([.bool(true), .null]), "Z": .string("ž"), "é": .int(3), "ab": .decimal("0.10")])
        #expect(value.compact == #"{"Z":"ž","a":[true,null],"ab":0.10,"b":58.990,"é":3}"#)
        #expect(JSONValue.byteOrder("Z", "a") && JSONValue.byteOrder("a", "ab") && JSONValue.byteOrder("ab", "é") && !JSONValue.byteOrder("b", "b"))
    }

    @Test func stringsAreEscapedAsJSONNeeds() {
        let text = "quote \" backslash \\ slash / tab \t newline \n nul \u{0} bell \u{7} DEL \u{7F} LS \u{2028} emoji 📦"
        let compact = JSONValue.string(text).compact
        // DEL and the line separators are escaped too, so a line is safe to embed in JavaScript (the review page).
        #expect(compact == #""quote \" backslash \\ slash / tab \t newline \n nul \u0000 bell \u0007 DEL \u007f LS \u2028 emoji 📦""#)
        #expect(!compact.utf8.contains { $0 < 0x20 }, "no raw control character")
    }

    @Test func prettyIsIndentedWithTwoSpaces() {
        let value = JSONValue.object(["sku": .string("A-1"), "images": .array([.string("a.jpg")]), "empty": .object([:])])
        #expect(value.pretty() == """
            {
              "empty": {},
              "images": [
                "a.jpg"
              ],
              "sku": "A-1"
            }
            """)
    }
}
