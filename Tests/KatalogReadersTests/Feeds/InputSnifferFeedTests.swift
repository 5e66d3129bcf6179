import Foundation
import KatalogCore
import Testing
@testable import KatalogReaders

/// Kind detection from the bytes: a feed with a wrong or missing extension is still read right.
struct InputSnifferFeedTests {
    static let cases: [(String, String, InputKind)] = [
        ("google RSS named .txt", #"<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>1</g:id></item></channel></rss>"#, .googleMerchant),
        ("google Atom, no extension", #"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0"><entry><g:id>1</g:id></entry></feed>"#, .googleMerchant),
        ("Ceneo", #"<?xml version="1.0" encoding="utf-8"?><offers xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1"><group name="other"><o id="1" price="9.99"><name>X</name></o></group></offers>"#, .ceneo),
        ("Heureka", "<?xml version=\"1.0\"?>\n<SHOP>\n<SHOPITEM><ITEM_ID>1</ITEM_ID></SHOPITEM></SHOP>", .heureka),
        ("Zboží namespaced, windows-1250 declared", "<?xml version=\"1.0\" encoding=\"windows-1250\"?>\n<SHOP xmlns=\"http://www.zbozi.cz/ns/offer/1.0\"><SHOPITEM><ITEM_ID>1</ITEM_ID></SHOPITEM></SHOP>", .heureka),
        ("Skroutz", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mywebstore>\n<created_at>2026-12-04 08:30</created_at><products><product><id>1</id></product></products></mywebstore>", .skroutz),
        ("YML with DOCTYPE", "<?xml version=\"1.0\"?><!DOCTYPE yml_catalog SYSTEM \"shops.dtd\"><yml_catalog date=\"2026-01-01\"><shop><offers><offer id=\"1\"/></offers></shop></yml_catalog>", .yml),
        ("Baltic products", "<?xml version=\"1.0\"?><!-- kaina24 --><products><product><title>X</title></product></products>", .xml),
        ("XML with a <header> element", "<catalog><header><date>x</date></header><item/></catalog>", .xml),
        ("XHTML page", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head></html>", .html),
        ("JSON array named .csv", "[{\"sku\": \"A\"}]", .json),
        ("JSON Lines", "{\"sku\": \"A\"}\n{\"sku\": \"B\"}\n", .jsonLines),
        ("semicolon CSV named .txt", "Prekės kodas;Pavadinimas;Kaina\nA;\"Virdulys;\nlong\";1,00\nB;Šalmas;2,00\n", .csv),
        ("Google TSV without extension", "id\ttitle\tprice\nA\tKettle\t1.00 EUR\nB\tHelmet\t2.00 EUR\n", .tsv),
        ("price list with title lines", "Kainoraštis 2026-12-01\nUAB Tiekėjas\n\nPrekės kodas;Pavadinimas;Kaina\nA-1;Lempa;9,99\nA-2;Virdulys;19,99\n", .csv),
        ("Excel sep= line, one row", "sep=;\r\nSKU;Title;Price\r\nA-1;Lamp;9,99 EUR\r\n", .csv),
        ("Excel sep= line quoted, tabs", "\"SEP=\t\"\nsku\ttitle\nA\tKettle\n", .tsv),
    ]

    @Test(arguments: cases)
    func kindComesFromTheBytes(_ name: String, _ text: String, _ expected: InputKind) {
        let fileName = name.contains(".txt") ? "feed.txt" : name.contains(".csv") ? "feed.csv" : "feed"
        #expect(InputSniffer().sniff(prefix: Data(text.utf8), fileName: fileName) == expected, "\(name)")
    }

    /// Regression: a CSV export of a night with nothing in it (the header line only) was read as a one-line text
    /// page, whose title `sku,title,price` was rejected for having no price, instead of `csv.no-rows`.
    @Test(arguments: [
        ("sku,title,price\n", "products.csv", InputKind.csv), ("sku,title,price", "products.csv", .csv),
        ("Prekės kodas;Pavadinimas;Kaina\r\n", "PREKES.CSV", .csv), ("id\ttitle\tprice\n", "feed", .tsv),
        ("Hello, world, and more\n", "note.txt", .textPage), ("Kavos aparatas, juodas\n", "page", .textPage),
    ])
    func aHeaderAloneIsATableWhenNamedOrTabbed(_ text: String, _ fileName: String, _ expected: InputKind) {
        #expect(InputSniffer().sniff(prefix: Data(text.utf8), fileName: fileName) == expected, "\(text)")
    }

    @Test func mappingFilesAreNotInputs() {
        let mapping = #"{"item": "artikel", "fields": {"sku": "@nr"}}"#
        #expect(InputSniffer().sniff(prefix: Data(mapping.utf8), fileName: "shop.mapping.json") == .unknown)
    }

    @Test(arguments: ["<!-- c --><?pi x?><!DOCTYPE r [<!ENTITY e \"v\">]><g:rss>", "<?xml version=\"1.0\"?>\n<rss>"])
    func rootElementSkipsTheProlog(_ head: String) {
        #expect(InputSniffer.rootElementName(head) == "rss")
    }

    /// A prefix longer than `pageHeadLength` is first looked at through its head for an HTML page; what the head
    /// cannot tell alone goes through the whole prefix, so long documents get the kinds short ones get.
    @Test func longDocumentsAreToldAsShortOnesAre() {
        let body = String(repeating: "<p>Prekė iš oficialaus atstovo, pristatymas per 1–2 d. d.</p>\n", count: 800)
        let items = String(repeating: "<item><g:id>1</g:id><title>Virdulys</title></item>\n", count: 800)
        // Longer than the 16 K characters the whole path looks at too: no root is found, as before the head existed.
        let comment = "<!--" + String(repeating: "x", count: InputSniffer.pageHeadLength) + "-->"
        let cases: [(String, [UInt8], InputKind)] = [
            ("page with doctype", Array("<!DOCTYPE html><html lang=\"lt\"><body>\(body)</body></html>".utf8), .html),
            ("page without doctype, BOM", [0xEF, 0xBB, 0xBF] + Array("\n <HTML><BODY>\(body)</BODY></HTML>".utf8), .html),
            ("windows-1257 page", Array("<html><head><meta charset=\"windows-1257\"></head><body>".utf8) + Array(repeating: 0xE0, count: 30_000) + Array("</body></html>".utf8), .html),
            ("UTF-16 page", [0xFF, 0xFE] + Array("<!DOCTYPE html><html><body>\(body)</body></html>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, .html),
            ("long Google feed", Array("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\(items)</channel></rss>".utf8), .googleMerchant),
            ("page behind a comment longer than the head", Array("\(comment)<html><body>\(body)</body></html>".utf8), .xml),
            ("binary after a tag", Array("<html>".utf8) + Array(repeating: 0x01, count: 20_000), .unknown),
        ]
        for (name, bytes, expected) in cases {
            #expect(bytes.count > InputSniffer.pageHeadLength, "\(name) is long")
            #expect(InputSniffer().sniff(prefix: Data(bytes.prefix(InputSniffer.prefixLength)), fileName: "page") == expected, "\(name)")
        }
    }
}
