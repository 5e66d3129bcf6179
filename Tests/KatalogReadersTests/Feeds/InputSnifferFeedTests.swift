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
    ]

    @Test(arguments: cases)
    func kindComesFromTheBytes(_ name: String, _ text: String, _ expected: InputKind) {
        let fileName = name.contains(".txt") ? "feed.txt" : name.contains(".csv") ? "feed.csv" : "feed"
        #expect(InputSniffer().sniff(prefix: Data(text.utf8), fileName: fileName) == expected, "\(name)")
    }

    @Test func mappingFilesAreNotInputs() {
        let mapping = #"{"item": "artikel", "fields": {"sku": "@nr"}}"#
        #expect(InputSniffer().sniff(prefix: Data(mapping.utf8), fileName: "shop.mapping.json") == .unknown)
    }

    @Test(arguments: ["<!-- c --><?pi x?><!DOCTYPE r [<!ENTITY e \"v\">]><g:rss>", "<?xml version=\"1.0\"?>\n<rss>"])
    func rootElementSkipsTheProlog(_ head: String) {
        #expect(InputSniffer.rootElementName(head) == "rss")
    }
}
