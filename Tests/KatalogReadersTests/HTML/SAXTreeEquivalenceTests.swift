import Foundation
import Testing
@testable import KatalogReaders

/// The HTML reader assembles its tree from libxml2's SAX events; these tests hold it to the tree copied from
/// libxml2's own document, node by node (name or text, line, parent, depth, extent, attributes, chrome flag).
@Suite("HTML tree from SAX events equals the tree copied from libxml2's document")
struct SAXTreeEquivalenceTests {
    static let readerOptions = HTMLTreeOptions(
        attributes: HTMLDocument.readerAttributes.union(HTMLPageReader.pageAttributes), boilerplate: PageChrome.rules, maxDepth: 256)

    /// The first difference between two trees, or nil.
    static func difference(_ sax: MarkupTree, _ copied: MarkupTree) -> String? {
        guard sax.count == copied.count else { return "\(sax.count) nodes from SAX, \(copied.count) copied" }
        for index in 0 ..< sax.count {
            let (a, b) = (sax[index], copied[index])
            if a.kind != b.kind || a.value != b.value || a.line != b.line || a.parent != b.parent || a.depth != b.depth
                || a.end != b.end || a.isBoilerplate != b.isBoilerplate {
                return "node \(index): SAX \(a.kind) '\(a.value.prefix(60))' line \(a.line) parent \(a.parent) depth \(a.depth) end \(a.end) chrome \(a.isBoilerplate); "
                    + "copied \(b.kind) '\(b.value.prefix(60))' line \(b.line) parent \(b.parent) depth \(b.depth) end \(b.end) chrome \(b.isBoilerplate)"
            }
            let (left, right) = (sax.attributes(of: index), copied.attributes(of: index))
            if !left.elementsEqual(right, by: { $0.name == $1.name && $0.value == $1.value }) {
                return "node \(index) <\(a.value)>: attributes \(left.map { "\($0.name)=\($0.value)" }) vs \(right.map { "\($0.name)=\($0.value)" })"
            }
        }
        return nil
    }

    static func check(_ page: Data, options: HTMLTreeOptions = readerOptions) -> String? {
        let utf8 = HTMLEncoding.utf8Text(from: page).utf8
        let sax = HTMLDocument(utf8: utf8, options: options)
        let copied = HTMLDocument.treeCopiedFromDocument(utf8: utf8, options: options)
        if sax.flattenedCount != copied.flattened { return "flattened \(sax.flattenedCount) vs \(copied.flattened)" }
        return difference(sax.tree, copied.tree)
    }

    @Test(arguments: [(200, 64), (300, 256), (100_000, 64), (100_000, 256)])
    func deepNesting(depth: Int, maxDepth: Int) {
        let page = "<html><body>" + String(repeating: "<div class=x>a", count: depth) + "deep text" + String(repeating: "</div>b", count: depth) + "</body></html>"
        let options = HTMLTreeOptions(attributes: HTMLDocument.readerAttributes, boilerplate: PageChrome.rules, maxDepth: maxDepth)
        #expect(Self.check(Data(page.utf8), options: options) == nil)
    }

    /// Every HTML page in `Samples/` and `Tests/`; `KATALOG_SAX_PAGES=DIR` adds every file of DIR (e.g. the pages of
    /// `katalog-bench html --save DIR`).
    @Test func everyHTMLPageInSamplesAndTestFixtures() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var pages: [URL] = []
        for folder in ["Samples", "Tests"] {
            let walker = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if ["html", "htm"].contains(url.pathExtension.lowercased()) { pages.append(url) }
            }
        }
        if let extra = ProcessInfo.processInfo.environment["KATALOG_SAX_PAGES"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: extra).sorted() { pages.append(URL(fileURLWithPath: extra).appendingPathComponent(name)) }
        }
        #expect(pages.count >= 10)
        for page in pages {
            let problem = Self.check(try Data(contentsOf: page))
            #expect(problem == nil, "\(page.lastPathComponent): \(problem ?? "")")
        }
    }
}
