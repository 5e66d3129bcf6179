import Foundation
import Testing
import KatalogCore

/// `ScratchLog`: records of optional strings spilled to a temporary file come back whole and in order.
struct ScratchLogTests {
    @Test func recordsComeBackInOrderAcrossManyBuffers() throws {
        let log = try #require(ScratchLog())
        var expected: [[String?]] = []
        for index in 0..<20_000 {
            // Native, empty, missing, non-ASCII and Foundation-bridged strings (the last have no contiguous UTF-8).
            let bridged = NSString(string: "Prekės kodas \(index)") as String
            let record: [String?] = ["p\(index)", index % 3 == 0 ? nil : "", "Žąsų plunksnos – \(index) €", bridged,
                                     String(repeating: "x", count: index % 50)]
            log.append(record)
            expected.append(record)
        }
        #expect(log.count == expected.count)
        var read: [[String?]] = []
        log.forEach { read.append($0) }
        #expect(log.isComplete)
        #expect(read == expected)
    }
}
