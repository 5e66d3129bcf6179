import Foundation
import Testing
@testable import KatalogReaders

@Suite("libxml2 HTML wrapper")
struct HTMLDocumentTests {
    @Test func copiesElementsTextAttributesAndLines() {
        let html = "<!DOCTYPE html>\n<html lang=\"lt\">\n<head><title>Prekė</title></head>\n<body>\n<h1 class=\"name\">DJI</h1>\n<p>Kaina: <b>58,99 €</b></p>\n</body></html>"
        let tree = HTMLDocument(utf8: Data(html.utf8)).tree
        #expect(tree[0].name == "html")
        #expect(tree.attribute("lang", of: 0) == "lt")
        let h1 = tree.firstElement(named: "h1")
        #expect(h1 != nil)
        if let h1 {
            #expect(tree[h1].line == 5)
            #expect(tree.attribute("class", of: h1) == "name")
            #expect(tree.descendants(of: h1).map { tree[$0].value } == ["DJI"])
        }
        let p = tree.firstElement(named: "p")!
        #expect(tree.descendants(of: p).filter { tree[$0].kind == .text }.map { tree[$0].value } == ["Kaina: ", "58,99 €"])
    }

    @Test func parserMessagesAreCapturedWithLines() {
        let html = "<html><body>\n<div>\n<p>unclosed <b>bold</i>\n</div>&bogus;</body></html>"
        let document = HTMLDocument(utf8: Data(html.utf8))
        #expect(!document.messages.isEmpty)
        #expect(document.messages.allSatisfy { $0.line != nil })
        #expect(document.messages.contains { $0.text.contains("Unexpected end tag") })
    }

    @Test func declaredCharsetDoesNotRedecodeUTF8() {
        let html = "<html><head><meta charset=\"windows-1257\"></head><body><p>Ražotājs ąčę</p></body></html>"
        let tree = HTMLDocument(utf8: Data(html.utf8)).tree
        let texts = tree.nodes.filter { $0.kind == .text }.map(\.value)
        #expect(texts == ["Ražotājs ąčę"])
    }

    @Test(arguments: [200, 100_000])
    func deepNestingIsFlattenedNotRecursed(depth: Int) {
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth) + "</body></html>"
        let document = HTMLDocument(utf8: Data(html.utf8), options: HTMLTreeOptions(attributes: HTMLDocument.readerAttributes, boilerplate: nil, maxDepth: 64))
        let (tree, flattened) = (document.tree, document.flattenedCount)
        #expect(flattened > 0)
        #expect(tree.nodes.allSatisfy { $0.depth <= 65 })
        if depth < 256 {
            #expect(tree.nodes.contains { $0.kind == .text && $0.value == "deep text" })
        } else {
            // libxml2 stops at its own depth limit and says so; the tree up to there survives.
            #expect(document.messages.contains { $0.text.lowercased().contains("depth") })
        }
    }

    @Test func scriptsAndStylesAreLeftOutButJSONLDIsKept() {
        let html = "<html><head><style>p{}</style><script>var a = 1;</script><script type=\"application/ld+json\">{\"@type\":\"Product\"}</script></head><body></body></html>"
        let tree = HTMLDocument(utf8: Data(html.utf8)).tree
        let texts = tree.nodes.filter { $0.kind == .text }.map(\.value)
        #expect(texts == ["{\"@type\":\"Product\"}"])
    }

    @Test func emptyInputGivesEmptyTree() {
        #expect(HTMLDocument(utf8: Data()).tree.isEmpty)
    }
}

@Suite("libxml2 XML wrapper")
struct XMLDocumentTests {
    @Test func parsesWithLinesAndNeverExpandsExternalEntities() {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE offers [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <offers>
          <o id="1"><name>Konvice &xxe;</name></o>
        </offers>
        """
        let document = XMLDocument(data: Data(xml.utf8))
        let tree = document.tree().tree
        #expect(tree[0].name == "offers")
        let texts = tree.nodes.filter { $0.kind == .text }.map(\.value).joined()
        #expect(!texts.contains("root:"))
        #expect(tree.nodes.contains { $0.name == "o" && $0.line == 4 })
    }

    @Test func malformedXMLGivesMessagesNotACrash() {
        let document = XMLDocument(data: Data("<a>\n<b></a>".utf8))
        #expect(document.messages.contains { $0.line == 2 })
        #expect(!document.tree().tree.isEmpty)
    }
}
