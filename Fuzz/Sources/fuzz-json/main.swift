// The JSON parser in its three modes, the JSON-LD text repairs, and the JSON / JSON Lines feed reader, then the
// whole pipeline. Invariants: what the exact parser accepts (no byte order mark) the strict one accepts as the
// same value, and what the strict parser accepts the lenient one accepts as the same value; the repaired JSON-LD
// text parses or fails with a located error; records located in the file; read = imported + rejected.
import FuzzSupport
import KatalogCore
@testable import KatalogReaders

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    let bytes = raw.bindMemory(to: UInt8.self)

    var strict = JSONParser(bytes: bytes, mode: .strict)
    var lenient = JSONParser(bytes: bytes, mode: .lenient)
    var exact = JSONParser(bytes: bytes, mode: .exact)
    let strictValue: ParsedJSON?
    do throws(JSONParser.SyntaxError) { strictValue = try strict.parse() } catch {
        strictValue = nil
        invariant(error.line >= 1 && error.offset >= 0 && error.offset <= bytes.count, "strict error at line \(error.line), offset \(error.offset)")
    }
    do throws(JSONParser.SyntaxError) {
        let value = try exact.parse()
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        invariant(hasByteOrderMark || value == strictValue, "the exact parser read what the strict one did not read alike")
    } catch {
        invariant(error.line >= 1 && error.offset >= 0 && error.offset <= bytes.count, "exact error at line \(error.line), offset \(error.offset)")
    }
    do throws(JSONParser.SyntaxError) {
        let value = try lenient.parse()
        if let strictValue { invariant(value == strictValue, "the lenient parser read another value than the strict one") }
    } catch {
        invariant(strictValue == nil, "the strict parser accepted what the lenient one refused: \(error.message)")
        invariant(error.line >= 1 && error.offset >= 0 && error.offset <= bytes.count, "lenient error at line \(error.line), offset \(error.offset)")
    }

    let repaired = JSONLDTextRepair.repair(raw.lossyText)
    var afterRepair = JSONParser(repaired.text, mode: .lenient)
    do throws(JSONParser.SyntaxError) { _ = try afterRepair.parse() } catch {
        invariant(error.line >= 1, "error at line \(error.line) after repair")
    }
    _ = JSONLDTextRepair.decodeEntities(raw.lossyText)

    readChecked(raw, named: "feed.json", kind: .json, with: JSONFeedReader())
    readChecked(raw, named: "feed.jsonl", kind: .jsonLines, with: JSONFeedReader())
    PipelineCheck.run(path: ScratchInput.folder + "/feed.json")
    return 0
}
