// The `--config` loader: Yams (libyaml) composes the YAML, then the strict configuration parser checks every key
// and value. Invariants: it either gives a configuration or throws a `ConfigurationError` (never another error)
// whose line and column, when given, are ≥ 1 and whose message is not empty; the file's bytes and the same text
// parsed from memory agree; a configuration it gives builds a validator.
import Foundation
import FuzzSupport
import KatalogCore
@testable import KatalogPipeline

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    Harness.setUp()
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let path = ScratchInput.write(bytes, named: "katalog.yml")
    let fromFile: Result<KatalogConfiguration, Error> = Result { try KatalogConfiguration.load(path: path) }
    switch fromFile {
    case .success(let configuration):
        _ = configuration.validator()
        _ = configuration.sources.hints(for: "Samples/feeds/ceneo.xml")
    case .failure(let error):
        guard let error = error as? ConfigurationError else {
            invariant(false, "the loader threw \(type(of: error)), not a ConfigurationError: \(error)")
            return 0
        }
        invariant(!error.message.isEmpty, "an error without a message")
        if let line = error.line { invariant(line >= 1, "error at line \(line)") }
        if let column = error.column { invariant(column >= 1, "error at column \(column)") }
    }
    // The loader reads the file as UTF-8, which drops a byte-order mark; the text parsed from memory drops it too.
    let unmarked = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeRawBufferPointer(rebasing: bytes.dropFirst(3)) : bytes
    if let text = String(validating: unmarked, as: UTF8.self) {
        let fromText = Result { try ConfigurationParser(file: path).parse(text) }
        switch (fromFile, fromText) {
        case (.success(let a), .success(let b)): invariant(a == b, "file and text gave two configurations")
        case (.failure(let a as ConfigurationError), .failure(let b as ConfigurationError)): invariant(a == b, "file and text gave two errors: \(a) / \(b)")
        default: invariant(false, "file and text disagree: \(fromFile) / \(fromText)")
        }
    }
    return 0
}
