import Foundation
import Testing
@testable import KatalogReaders

@Test(.enabled(if: ProcessInfo.processInfo.environment["DUMP_HTML"] != nil))
func dumpSamples() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: HTMLTestSupport.samplesDirectory.path).filter { $0.hasSuffix(".html") }.sorted()
    for name in names where ProcessInfo.processInfo.environment["DUMP_HTML"] == "all" || name.contains(ProcessInfo.processInfo.environment["DUMP_HTML"]!) {
        print("===== \(name)")
        print(HTMLTestSupport.dump(try HTMLTestSupport.readSample(name)))
    }
}
