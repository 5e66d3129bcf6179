// The plain-text page reader: layout (title, `Label: value` header, paragraphs, repeated blocks), then the
// whole pipeline on the same file. Invariants: at most one record, located in the file; nothing read from
// outside it; read = imported + rejected.
import FuzzSupport
import KatalogCore
@testable import KatalogReaders

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextPage(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let sink = readChecked(bytes, named: "page.txt", kind: .textPage, with: TextPageReader())
    invariant(sink.records <= 1, "a text page gave \(sink.records) records")
    PipelineCheck.run(path: ScratchInput.folder + "/page.txt")
    return 0
}
