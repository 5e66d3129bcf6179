// The XML feed engine (libxml2's stream reader behind CappedXMLInput) through the reader the sniffer picks
// (Google Merchant, Ceneo, Heureka, Skroutz, YML, generic XML), then the whole pipeline. Invariants: records
// located in the file, record indexes counting up; libxml2 loads nothing external (XXE, external DTD, XInclude,
// parameter entities: payloads in Fuzz/dict/xml.dict name a canary file whose text must never appear);
// read = imported + rejected.
import Foundation
import FuzzSupport
import KatalogCore
@testable import KatalogReaders

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLFeed(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let sniffed = InputSniffer().sniff(prefix: Data(bytes), fileName: "feed.xml")
    let kind: InputKind = [.googleMerchant, .ceneo, .heureka, .skroutz, .yml].contains(sniffed) ? sniffed : .xml
    readChecked(bytes, named: "feed.xml", kind: kind, with: FeedReaders.reader(for: kind)!)
    if kind != .xml {
        readChecked(bytes, named: "feed.xml", kind: .xml, with: XMLFeedReader())
    }
    PipelineCheck.run(path: ScratchInput.folder + "/feed.xml")
    return 0
}
