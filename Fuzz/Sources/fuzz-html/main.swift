// The HTML page reader (libxml2's HTML parser, JSON-LD with repairs, Microdata, RDFa, OpenGraph, spec tables,
// visible text), then the whole pipeline on the same file. Invariants: records located in the file with record
// indexes counting up; libxml2 loads nothing external; read = imported + rejected.
import FuzzSupport
import KatalogCore
@testable import KatalogReaders

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    readChecked(bytes, named: "page.html", kind: .html, with: HTMLPageReader())
    PipelineCheck.run(path: ScratchInput.folder + "/page.html")
    return 0
}
